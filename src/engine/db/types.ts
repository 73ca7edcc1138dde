/**
 * The small interface behind which each database dialect lives (one folder per dialect under
 * `dialects/`). The engine talks to an organisation's database through Kysely plus this adapter;
 * adding a database is adding a folder.
 */
import type { Kysely } from 'kysely';

export type DialectName = 'sqlite' | 'postgres' | 'mysql';

export interface ColumnInfo {
  readonly name: string;
  /** Type as the database reports it (lower case), e.g. `integer`, `varchar(255)`, `timestamp`. */
  readonly dataType: string;
  readonly nullable: boolean;
}

export interface ForeignKeyInfo {
  /** Referencing table and column. */
  readonly table: string;
  readonly column: string;
  /** Referenced table and column. */
  readonly references: string;
  readonly to: string;
  /** ON DELETE action as declared: `cascade`, `set null`, `restrict`, `no action`, `set default`. */
  readonly onDelete: string;
}

export interface TableInfo {
  readonly name: string;
  readonly columns: readonly ColumnInfo[];
  /** Primary-key columns in order (empty when the table has none). */
  readonly primaryKey: readonly string[];
}

export interface SchemaInfo {
  readonly tables: ReadonlyMap<string, TableInfo>;
  readonly foreignKeys: readonly ForeignKeyInfo[];
  /** Indexed column lists per table, to warn when a foreign key the engine walks has no index. */
  readonly indexes: ReadonlyMap<string, readonly (readonly string[])[]>;
}

// biome-ignore lint/suspicious/noExplicitAny: target databases are user schemas, typed at run time
export type AnyDb = Kysely<any>;

export interface DialectAdapter {
  readonly name: DialectName;
  /** Tables (user tables only, no system catalogs), columns, keys and indexes. */
  introspect(db: AnyDb): Promise<SchemaInfo>;
  /** Set a per-statement time-out for the current connection or transaction, when the dialect has one. */
  setStatementTimeout(db: AnyDb, milliseconds: number): Promise<void>;
  /** Largest number of bound parameters one statement may carry. */
  readonly maxParameters: number;
  /**
   * A day as a bound parameter comparable with the dialect's date and timestamp columns:
   * `YYYY-MM-DD` everywhere (SQLite stores dates as ISO-8601 text; sessions run in UTC).
   */
  dayParam(day: Date): unknown;
  /** A point in time as a bound parameter for the dialect's timestamp columns. */
  timeParam(time: Date): unknown;
  /** Read a date or timestamp column value back as a Date (null stays null). */
  readDate(value: unknown): Date | null;
}

/** An open connection to an organisation's database. */
export interface TargetDb {
  readonly url: string;
  readonly dialect: DialectName;
  readonly db: AnyDb;
  readonly adapter: DialectAdapter;
  close(): Promise<void>;
}
