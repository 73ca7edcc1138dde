/**
 * Reading a subject's rows of every table a request reaches.
 *
 * PostgreSQL: the tables whose columns all have a type listed in PG_TYPES are read in one
 * statement, each table's rows aggregated as JSON in a scalar subquery: one round trip instead of
 * one per table (on a subject of the demo organisation, three or four). Every value but booleans
 * and character strings is sent as its text form (`cast(… as text)`, the type's output function,
 * what node-pg receives for a plain query) and parsed in JavaScript with the pool's own parser for
 * the column's type: the values are those the per-table queries give. Tables with another column
 * type (arrays, JSON, binary, intervals, user-defined types…), or whose key does not compare as
 * text with the restriction table, are read one by one as before. Other databases: one query per
 * table (`readSubjectRowsWithRestrictions`).
 */
import { sql } from 'kysely';
import pg from 'pg';
import type { SubjectKey } from '../../datamap/subject-graph.ts';
import { textParser } from '../db/dialects/postgres/type-parsers.ts';
import { templated } from '../db/query-template.ts';
import type { AnyDb } from '../db/types.ts';
import type { SubjectContext } from './context.ts';
import { columnType, isDayColumn, toPlainValue } from './plain-value.ts';
import {
  keyComparesAsText,
  type PlainRow,
  RESTRICTED_FLAG,
  readSubjectRowsWithRestrictions,
  restrictionFlag,
  routeText,
} from './read-rows.ts';
import { qualified, type SubjectTable, subjectRowsWhere } from './subject-tables.ts';

export interface TableToRead {
  readonly scope: SubjectTable;
  /** The columns to read, the key first. */
  readonly columns: readonly string[];
}

export interface TableRows {
  readonly rows: PlainRow[];
  /** Keys (as text, sorted) of the rows under a restriction of processing. */
  readonly restrictedKeys: string[];
}

/** The rows of every table in `reads`, in the same order. */
export async function readSubjectTables(
  db: AnyDb,
  ctx: SubjectContext,
  reads: readonly TableToRead[],
): Promise<TableRows[]> {
  const out: (TableRows | undefined)[] = new Array(reads.length).fill(undefined);
  const together =
    ctx.target.dialect === 'postgres' ? reads.flatMap((read, i) => (oneStatement(ctx, read) ? [i] : [])) : [];
  // A single table gains nothing from the aggregation: read it the plain way.
  if (together.length > 1) {
    const found = await readInOneStatement(
      db,
      ctx,
      together.map((i) => reads[i] as TableToRead),
    );
    together.forEach((i, j) => {
      out[i] = found[j];
    });
  }
  for (let i = 0; i < reads.length; i++) {
    if (out[i] !== undefined) continue;
    const read = reads[i] as TableToRead;
    out[i] = await readSubjectRowsWithRestrictions(db, ctx, read.scope, read.columns);
  }
  return out as TableRows[];
}

/**
 * How each PostgreSQL type reaches JavaScript in the aggregated statement: `json`, as JSON gives it
 * (booleans, and character strings, which JSON escapes and restores exactly); otherwise the type's
 * OID, whose parser (the pool's, type-parsers.ts) reads the value's text form. Keys are `information_schema` type names.
 */
const PG_TYPES: ReadonlyMap<string, 'json' | number> = new Map<string, 'json' | number>([
  ['boolean', 'json'],
  ['character varying', 'json'],
  ['character', 'json'],
  ['text', 'json'],
  ['uuid', 'json'],
  ['smallint', pg.types.builtins.INT2],
  ['integer', pg.types.builtins.INT4],
  ['bigint', pg.types.builtins.INT8],
  ['numeric', pg.types.builtins.NUMERIC],
  ['real', pg.types.builtins.FLOAT4],
  ['double precision', pg.types.builtins.FLOAT8],
  ['date', pg.types.builtins.DATE],
  ['timestamp without time zone', pg.types.builtins.TIMESTAMP],
  ['timestamp with time zone', pg.types.builtins.TIMESTAMPTZ],
]);

/** Column of the aggregated rows holding the key as stored, to order them as the plain query does. */
const ORDER_COLUMN = '__registre_order';

function oneStatement(ctx: SubjectContext, read: TableToRead): boolean {
  const { table } = read.scope;
  const key = read.scope.mapping.key;
  if (!keyComparesAsText(ctx, table, key)) return false;
  return read.columns.every((column) => PG_TYPES.has(columnType(ctx.schema, table, column)));
}

async function readInOneStatement(
  db: AnyDb,
  ctx: SubjectContext,
  reads: readonly TableToRead[],
): Promise<TableRows[]> {
  const shape = reads
    .map(({ scope, columns }) =>
      [scope.table, routeText(scope.route), scope.identityKeys.length, ...columns].join('\u0001'),
    )
    .join('\u0000');
  const values = reads.flatMap((read) => read.scope.identityKeys);
  const compiled = templated(db, `subject-tables\u0000${shape}`, values, (placeholders) => {
    let offset = 0;
    const parts = reads.map((read, i) => {
      const { scope, columns } = read;
      const { table } = scope;
      const key = scope.mapping.key;
      const identityKeys = placeholders.slice(offset, offset + scope.identityKeys.length) as SubjectKey[];
      offset += scope.identityKeys.length;
      const rows = db
        .selectFrom(table)
        .select(
          columns.map((column) =>
            PG_TYPES.get(columnType(ctx.schema, table, column)) === 'json'
              ? sql.ref(qualified(table, column)).as(column)
              : sql<string>`cast(${sql.ref(qualified(table, column))} as text)`.as(column),
          ),
        )
        .select(restrictionFlag(ctx, table, key))
        .select(sql.ref(qualified(table, key)).as(ORDER_COLUMN))
        .where(subjectRowsWhere(ctx, { ...scope, identityKeys }));
      return sql`(select coalesce(json_agg(q order by q.${sql.id(ORDER_COLUMN)}), '[]'::json)
        from (${rows}) as q) as ${sql.id(`t${i}`)}`;
    });
    return sql`select ${sql.join(parts)}`;
  });
  const found = (await db.executeQuery(compiled)).rows[0] as Record<string, unknown> | undefined;
  return reads.map((read, i) => {
    const aggregated = found?.[`t${i}`];
    return fromJson(ctx, read, Array.isArray(aggregated) ? (aggregated as Record<string, unknown>[]) : []);
  });
}

/** Plain rows from the aggregated JSON objects, each value parsed as the pool parses its type. */
function fromJson(
  ctx: SubjectContext,
  read: TableToRead,
  objects: readonly Record<string, unknown>[],
): TableRows {
  const { table } = read.scope;
  const key = read.scope.mapping.key;
  const readers = read.columns.map((column) => {
    const kind = PG_TYPES.get(columnType(ctx.schema, table, column));
    // The pool's own parser for the type, given the same text a plain query would bring.
    const parse = typeof kind === 'number' ? textParser(kind) : null;
    return { column, parse, day: isDayColumn(ctx.schema, table, column) };
  });
  const restrictedKeys: string[] = [];
  const rows = objects.map((object) => {
    const row: PlainRow = {};
    let keyValue: unknown;
    for (const { column, parse, day } of readers) {
      const raw = object[column];
      const value = parse === null || raw === null || raw === undefined ? raw : parse(raw as string);
      if (column === key) keyValue = value;
      row[column] = toPlainValue(value, day);
    }
    if (object[RESTRICTED_FLAG] === 1) restrictedKeys.push(String(keyValue));
    return row;
  });
  return { rows, restrictedKeys: restrictedKeys.sort() };
}
