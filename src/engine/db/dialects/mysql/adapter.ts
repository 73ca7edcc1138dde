import { sql } from 'kysely';
import { readDateValue } from '../../read-date.ts';
import type { AnyDb, DialectAdapter, ForeignKeyInfo, SchemaInfo, TableInfo } from '../../types.ts';

/** MySQL and MariaDB: schema of `database()` through `information_schema`. */
export const mysqlAdapter: DialectAdapter = {
  name: 'mysql',
  dayParam: (day: Date) => day.toISOString().slice(0, 10),
  timeParam: (time: Date) => time,
  readDate: readDateValue,
  maxParameters: 65_535,
  async introspect(db: AnyDb): Promise<SchemaInfo> {
    const cols = await sql<{
      table_name: string;
      column_name: string;
      column_type: string;
      is_nullable: string;
    }>`
      select c.TABLE_NAME as table_name, c.COLUMN_NAME as column_name,
             c.COLUMN_TYPE as column_type, c.IS_NULLABLE as is_nullable
      from information_schema.COLUMNS c
      join information_schema.TABLES t
        on t.TABLE_SCHEMA = c.TABLE_SCHEMA and t.TABLE_NAME = c.TABLE_NAME and t.TABLE_TYPE = 'BASE TABLE'
      where c.TABLE_SCHEMA = database()
      order by c.TABLE_NAME, c.ORDINAL_POSITION`.execute(db);
    const stats = await sql<{ table_name: string; index_name: string; column_name: string }>`
      select TABLE_NAME as table_name, INDEX_NAME as index_name, COLUMN_NAME as column_name
      from information_schema.STATISTICS
      where TABLE_SCHEMA = database()
      order by TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`.execute(db);
    const fks = await sql<{
      table_name: string;
      column_name: string;
      ref_table: string;
      ref_column: string;
      action: string;
    }>`
      select k.TABLE_NAME as table_name, k.COLUMN_NAME as column_name,
             k.REFERENCED_TABLE_NAME as ref_table, k.REFERENCED_COLUMN_NAME as ref_column,
             r.DELETE_RULE as action
      from information_schema.KEY_COLUMN_USAGE k
      join information_schema.REFERENTIAL_CONSTRAINTS r
        on r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA and r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
       and r.TABLE_NAME = k.TABLE_NAME
      where k.TABLE_SCHEMA = database() and k.REFERENCED_TABLE_NAME is not null
      order by k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`.execute(db);

    const columnsOf = new Map<string, TableInfo['columns'][number][]>();
    for (const c of cols.rows) {
      const list = columnsOf.get(c.table_name) ?? [];
      list.push({
        name: c.column_name,
        dataType: c.column_type.toLowerCase(),
        nullable: c.is_nullable === 'YES',
      });
      columnsOf.set(c.table_name, list);
    }
    const grouped = new Map<string, Map<string, string[]>>();
    for (const r of stats.rows) {
      const byIndex = grouped.get(r.table_name) ?? new Map<string, string[]>();
      const list = byIndex.get(r.index_name) ?? [];
      list.push(r.column_name);
      byIndex.set(r.index_name, list);
      grouped.set(r.table_name, byIndex);
    }
    const tables = new Map<string, TableInfo>();
    for (const [name, columns] of columnsOf) {
      tables.set(name, { name, columns, primaryKey: grouped.get(name)?.get('PRIMARY') ?? [] });
    }
    const indexes = new Map<string, string[][]>();
    for (const [table, byIndex] of grouped) indexes.set(table, [...byIndex.values()]);
    const foreignKeys: ForeignKeyInfo[] = fks.rows.map((f) => ({
      table: f.table_name,
      column: f.column_name,
      references: f.ref_table,
      to: f.ref_column,
      onDelete: f.action.toLowerCase(),
    }));
    return { tables, foreignKeys, indexes };
  },
  async setStatementTimeout(db: AnyDb, milliseconds: number): Promise<void> {
    // MariaDB: max_statement_time in seconds (0 = none) for the session.
    await sql`set session max_statement_time = ${Math.max(0, milliseconds) / 1000}`.execute(db);
  },
};
