/**
 * Reading a subject's rows of one table, limited to the given columns, as plain values, plus
 * which of them are under a restriction of processing.
 */
import { sql } from 'kysely';
import type { SubjectKey, SubjectRoute } from '../../datamap/subject-graph.ts';
import { templated } from '../db/query-template.ts';
import type { AnyDb, DialectName } from '../db/types.ts';
import type { SubjectContext } from './context.ts';
import { isDayColumn, type PlainValue, toPlainValue } from './plain-value.ts';
import { RESTRICTION_TABLE } from './restriction-schema.ts';
import { chunked, qualified, type SubjectTable, subjectRowsWhere } from './subject-tables.ts';

export type PlainRow = Record<string, PlainValue>;

/** Name of the computed restriction flag; no mapped column can carry it (reserved prefix). */
export const RESTRICTED_FLAG = '__registre_restricted';

/** The subject's rows of `scope.table`, ordered by key, with only `columns`. */
export async function readSubjectRows(
  db: AnyDb,
  ctx: SubjectContext,
  scope: SubjectTable,
  columns: readonly string[],
): Promise<PlainRow[]> {
  return (await readRows(db, ctx, scope, columns, false)).rows;
}

/**
 * The subject's rows of `scope.table` (as `readSubjectRows`) and the keys, as text, of those under
 * a restriction of processing. On SQLite and PostgreSQL, when the key column is an integer or text
 * column, the flag is read with the rows in the same statement (a correlated `exists` on the
 * restriction table's primary key). Otherwise (MariaDB/MySQL, or a key type whose text form in SQL
 * could differ from the one the restriction table stores) a second query looks the keys read up.
 */
export async function readSubjectRowsWithRestrictions(
  db: AnyDb,
  ctx: SubjectContext,
  scope: SubjectTable,
  columns: readonly string[],
): Promise<{ rows: PlainRow[]; restrictedKeys: string[] }> {
  const key = scope.mapping.key;
  if (!keyComparesAsText(ctx, scope.table, key)) {
    const rows = await readSubjectRows(db, ctx, scope, columns);
    const keys = rows.map((row) => String(row[key]));
    return { rows, restrictedKeys: await restrictedAmong(db, scope.table, keys) };
  }
  return readRows(db, ctx, scope, columns, true);
}

async function readRows(
  db: AnyDb,
  ctx: SubjectContext,
  scope: SubjectTable,
  columns: readonly string[],
  withFlag: boolean,
): Promise<{ rows: PlainRow[]; restrictedKeys: string[] }> {
  const { table } = scope;
  const key = scope.mapping.key;
  // The query's shape depends only on these; the identity keys are its parameters.
  const shape = [table, routeText(scope.route), withFlag ? 'flag' : '', ...columns].join('\u0000');
  const compiled = templated(db, `subject-rows\u0000${shape}`, scope.identityKeys, (identityKeys) => {
    let query = db
      .selectFrom(table)
      .select(columns.map((column) => qualified(table, column)))
      .where(subjectRowsWhere(ctx, { ...scope, identityKeys: identityKeys as SubjectKey[] }))
      .orderBy(qualified(table, key));
    if (withFlag) query = query.select(restrictionFlag(ctx, table, key));
    return query;
  });
  const found = (await db.executeQuery(compiled)).rows as Record<string, unknown>[];
  const days = new Map(columns.map((column) => [column, isDayColumn(ctx.schema, table, column)]));
  const restrictedKeys: string[] = [];
  const rows = found.map((row) => {
    const out: PlainRow = {};
    for (const column of columns) out[column] = toPlainValue(row[column], days.get(column) === true);
    if (withFlag && Number(row[RESTRICTED_FLAG]) === 1) restrictedKeys.push(String(row[key]));
    return out;
  });
  return { rows, restrictedKeys: restrictedKeys.sort() };
}

/**
 * 1 when the row of `table` with this key is under a restriction of processing, else 0, as the
 * column RESTRICTED_FLAG: a correlated `exists` on the restriction table's primary key. Only for
 * keys that compare as text (`keyComparesAsText`).
 */
export function restrictionFlag(ctx: SubjectContext, table: string, key: string) {
  const dialect = ctx.target.dialect === 'postgres' ? 'postgres' : 'sqlite';
  const keyAsText = sql`cast(${sql.ref(qualified(table, key))} as ${sql.raw(TEXT_TYPE[dialect])})`;
  return sql<number>`case when exists (select 1 from ${sql.table(RESTRICTION_TABLE)} r
          where r.table_name = ${table} and r.row_key = ${keyAsText} and r.lifted_at is null)
          then 1 else 0 end`.as(RESTRICTED_FLAG);
}

const routeTexts = new WeakMap<SubjectRoute, string>();

/** The route as text, part of the template key: two data maps may route one table differently. */
export function routeText(route: SubjectRoute): string {
  let text = routeTexts.get(route);
  if (text === undefined) {
    text = JSON.stringify(route);
    routeTexts.set(route, text);
  }
  return text;
}

/** The type a key is cast to for comparison with `registre_restriction.row_key`. */
const TEXT_TYPE: Readonly<Record<Exclude<DialectName, 'mysql'>, string>> = {
  sqlite: 'text',
  postgres: 'text',
};

/**
 * Whether the key column's text form in SQL equals `String(value)` of the value the driver returns:
 * true for integer and character columns on every dialect. Decimal, floating-point, date and other
 * key types fall back to comparing in JavaScript.
 */
export function keyComparesAsText(ctx: SubjectContext, table: string, key: string): boolean {
  // MariaDB/MySQL: the cast's collation (the connection's) can differ from row_key's, and mixing
  // them is an error; naming a collation would change how text keys compare. Second query there.
  if (ctx.target.dialect === 'mysql') return false;
  const type = ctx.schema.tables.get(table)?.columns.find((c) => c.name === key)?.dataType ?? '';
  return KEY_TYPES_AS_TEXT.test(type);
}

const KEY_TYPES_AS_TEXT =
  /^(integer|int|bigint|smallint|mediumint|tinyint|int2|int4|int8|character varying|varchar|character|char|text|uuid)\b/;

/** Which of `keys` (as text) of `table` are currently restricted (Art 18). */
export async function restrictedAmong(db: AnyDb, table: string, keys: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunked(keys, 500)) {
    const rows = await db
      .selectFrom(RESTRICTION_TABLE)
      .select('row_key')
      .where('table_name', '=', table)
      .where('row_key', 'in', part)
      .where('lifted_at', 'is', null)
      .execute();
    for (const row of rows) out.push(String(row.row_key));
  }
  return out.sort();
}
