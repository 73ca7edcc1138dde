/**
 * The small databases of the five seed policies are declared as data ({@link SeedTable}) and
 * created with Kysely's schema builder, so that one declaration gives the same tables on SQLite,
 * PostgreSQL and MariaDB/MySQL — the conventions of examples/demo/schema.ts:
 *
 * - `day` columns hold calendar days (`date`);
 * - `instant` columns hold points in time (`timestamptz` on PostgreSQL, `datetime` on MySQL — never
 *   MySQL `timestamp` and its implicit ON UPDATE — and ISO-8601 text in a `timestamp` column on SQLite);
 * - `flag` columns are booleans (`boolean` on PostgreSQL and MySQL, 0/1 integers on SQLite);
 * - every foreign key and every column marked `indexed` (retention triggers) is indexed.
 */
import type { ColumnDataType, CreateTableBuilder } from 'kysely';
import type { AnyDb, DialectName } from '../../../src/engine/db/types.ts';

export type SeedColumnKind = 'id' | 'int' | 'string' | 'text' | 'day' | 'instant' | 'flag';

export interface SeedColumn {
  readonly name: string;
  readonly kind: SeedColumnKind;
  /** Maximum length of a `string` column. */
  readonly size?: number;
  readonly nullable?: boolean;
  /** Referenced table (its `id` column) for a foreign key. */
  readonly references?: string;
  /** ON DELETE action of the foreign key (`no action` when omitted). */
  readonly onDelete?: 'cascade' | 'set null';
  /** Index the column (foreign keys are always indexed). */
  readonly indexed?: boolean;
}

export interface SeedTable {
  readonly name: string;
  readonly columns: readonly SeedColumn[];
}

/** The `id` primary key (integer). */
export const id: SeedColumn = { name: 'id', kind: 'id' };

/** A `varchar(size)` column. */
export function str(name: string, size: number, nullable = false): SeedColumn {
  return { name, kind: 'string', size, nullable };
}

/** A `text` column. */
export function text(name: string, nullable = false): SeedColumn {
  return { name, kind: 'text', nullable };
}

/** An integer column. */
export function int(name: string, nullable = false): SeedColumn {
  return { name, kind: 'int', nullable };
}

/** A boolean column, false unless set. */
export function flag(name: string): SeedColumn {
  return { name, kind: 'flag' };
}

/** A calendar-day column (`indexed` for retention triggers). */
export function day(name: string, nullable = false, indexed = false): SeedColumn {
  return { name, kind: 'day', nullable, indexed };
}

/** A point-in-time column (`indexed` for retention triggers). */
export function instant(name: string, nullable = false, indexed = false): SeedColumn {
  return { name, kind: 'instant', nullable, indexed };
}

/** An integer foreign key to `references.id`. */
export function ref(
  name: string,
  references: string,
  options: { readonly nullable?: boolean; readonly onDelete?: 'cascade' | 'set null' } = {},
): SeedColumn {
  return {
    name,
    kind: 'int',
    references,
    nullable: options.nullable ?? false,
    ...(options.onDelete === undefined ? {} : { onDelete: options.onDelete }),
  };
}

function columnType(column: SeedColumn, dialect: DialectName): ColumnDataType {
  switch (column.kind) {
    case 'id':
    case 'int':
      return 'integer';
    case 'string':
      return `varchar(${column.size ?? 255})`;
    case 'text':
      return 'text';
    case 'day':
      return 'date';
    case 'instant':
      return dialect === 'postgres' ? 'timestamptz' : dialect === 'mysql' ? 'datetime' : 'timestamp';
    case 'flag':
      return dialect === 'sqlite' ? 'integer' : 'boolean';
  }
}

/**
 * Creates `tables` in order (each after the tables it references), with their foreign keys and
 * indexes. Fails if a table already exists: call {@link dropSeedTables} first.
 */
export async function createSeedTables(
  db: AnyDb,
  dialect: DialectName,
  tables: readonly SeedTable[],
): Promise<void> {
  for (const table of tables) {
    // Column names are only known at run time: widen the builder's column type to string.
    let builder = db.schema.createTable(table.name) as CreateTableBuilder<string, string>;
    for (const column of table.columns) {
      builder = builder.addColumn(column.name, columnType(column, dialect), (c) => {
        if (column.kind === 'id') return c.primaryKey();
        if (column.kind === 'flag') return c.notNull().defaultTo(dialect === 'sqlite' ? 0 : false);
        return column.nullable === true ? c : c.notNull();
      });
    }
    for (const column of table.columns) {
      if (column.references === undefined) continue;
      builder = builder.addForeignKeyConstraint(
        `fk_${table.name}_${column.name}`,
        [column.name],
        column.references,
        ['id'],
        (c) => (column.onDelete === undefined ? c : c.onDelete(column.onDelete)),
      );
    }
    await builder.execute();
    for (const column of table.columns) {
      // InnoDB already indexes every foreign-key column under the constraint's name.
      const isForeignKey = column.references !== undefined;
      if (!(column.indexed === true || (isForeignKey && dialect !== 'mysql'))) continue;
      await db.schema
        .createIndex(`idx_${table.name}_${column.name}`)
        .on(table.name)
        .column(column.name)
        .execute();
    }
  }
}

/** Drops `tables` when present, in reverse order (referencing tables first). */
export async function dropSeedTables(db: AnyDb, tables: readonly SeedTable[]): Promise<void> {
  for (const table of [...tables].reverse()) {
    await db.schema.dropTable(table.name).ifExists().execute();
  }
}
