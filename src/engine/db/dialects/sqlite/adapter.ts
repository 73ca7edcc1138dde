import { sql } from 'kysely';
import { readDateValue } from '../../read-date.ts';
import type {
  AnyDb,
  ColumnInfo,
  DialectAdapter,
  ForeignKeyInfo,
  SchemaInfo,
  TableInfo,
} from '../../types.ts';

interface PragmaColumn {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}
interface PragmaForeignKey {
  table: string;
  from: string;
  to: string | null;
  on_delete: string;
}

/** SQLite: schema through `sqlite_master` and the table-valued pragma functions. */
export const sqliteAdapter: DialectAdapter = {
  name: 'sqlite',
  // SQLite's default SQLITE_MAX_VARIABLE_NUMBER is 32766 since 3.32.
  dayParam: (day: Date) => day.toISOString().slice(0, 10),
  timeParam: (time: Date) => time.toISOString(),
  readDate: readDateValue,
  maxParameters: 32_766,
  async introspect(db: AnyDb): Promise<SchemaInfo> {
    const names = await sql<{ name: string }>`
      select name from sqlite_master
      where type = 'table' and name not like 'sqlite_%'
      order by name`.execute(db);
    const tables = new Map<string, TableInfo>();
    const foreignKeys: ForeignKeyInfo[] = [];
    const indexes = new Map<string, string[][]>();
    for (const { name } of names.rows) {
      const cols = await sql<PragmaColumn>`select * from pragma_table_info(${name})`.execute(db);
      const columns: ColumnInfo[] = cols.rows.map((c) => ({
        name: c.name,
        dataType: c.type.toLowerCase(),
        nullable: c.notnull === 0 && c.pk === 0,
      }));
      const primaryKey = cols.rows
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      tables.set(name, { name, columns, primaryKey });
      const fks = await sql<PragmaForeignKey>`select * from pragma_foreign_key_list(${name})`.execute(db);
      for (const fk of fks.rows) {
        foreignKeys.push({
          table: name,
          column: fk.from,
          references: fk.table,
          to: fk.to ?? 'rowid',
          onDelete: fk.on_delete.toLowerCase(),
        });
      }
      const list = await sql<{ name: string }>`select name from pragma_index_list(${name})`.execute(db);
      const tableIndexes: string[][] = primaryKey.length > 0 ? [primaryKey] : [];
      for (const index of list.rows) {
        const info = await sql<{ name: string | null; seqno: number }>`
          select name, seqno from pragma_index_info(${index.name}) order by seqno`.execute(db);
        tableIndexes.push(info.rows.map((r) => r.name ?? ''));
      }
      indexes.set(name, tableIndexes);
    }
    return { tables, foreignKeys, indexes };
  },
  async setStatementTimeout(): Promise<void> {
    // SQLite runs in-process: there is no statement time-out, only the busy time-out set at open.
  },
};
