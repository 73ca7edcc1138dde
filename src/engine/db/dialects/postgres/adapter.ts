import { sql } from 'kysely';
import { readDateValue } from '../../read-date.ts';
import type { AnyDb, DialectAdapter, ForeignKeyInfo, SchemaInfo, TableInfo } from '../../types.ts';

const ON_DELETE: Readonly<Record<string, string>> = {
  a: 'no action',
  r: 'restrict',
  c: 'cascade',
  n: 'set null',
  d: 'set default',
};

/** PostgreSQL: schema of `current_schema()` through the catalogs. */
export const postgresAdapter: DialectAdapter = {
  name: 'postgres',
  dayParam: (day: Date) => day.toISOString().slice(0, 10),
  timeParam: (time: Date) => time,
  readDate: readDateValue,
  maxParameters: 65_535,
  async introspect(db: AnyDb): Promise<SchemaInfo> {
    const cols = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>`
      select c.table_name, c.column_name, c.data_type, c.is_nullable
      from information_schema.columns c
      join information_schema.tables t
        on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = current_schema()
      order by c.table_name, c.ordinal_position`.execute(db);
    const pks = await sql<{ table_name: string; column_name: string }>`
      select cl.relname as table_name, a.attname as column_name
      from pg_index i
      join pg_class cl on cl.oid = i.indrelid
      join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
      join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
      join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
      where i.indisprimary
      order by cl.relname, k.ord`.execute(db);
    const fks = await sql<{
      table_name: string;
      column_name: string;
      ref_table: string;
      ref_column: string;
      action: string;
    }>`
      select cl.relname as table_name, a.attname as column_name,
             rcl.relname as ref_table, ra.attname as ref_column, con.confdeltype as action
      from pg_constraint con
      join pg_class cl on cl.oid = con.conrelid
      join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
      join pg_class rcl on rcl.oid = con.confrelid
      join lateral unnest(con.conkey, con.confkey) as k(attnum, refnum) on true
      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum
      join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = k.refnum
      where con.contype = 'f'
      order by cl.relname, con.conname`.execute(db);
    const idx = await sql<{ table_name: string; index_name: string; column_name: string }>`
      select cl.relname as table_name, ic.relname as index_name, a.attname as column_name
      from pg_index i
      join pg_class cl on cl.oid = i.indrelid
      join pg_class ic on ic.oid = i.indexrelid
      join pg_namespace n on n.oid = cl.relnamespace and n.nspname = current_schema()
      join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
      join pg_attribute a on a.attrelid = cl.oid and a.attnum = k.attnum
      order by cl.relname, ic.relname, k.ord`.execute(db);

    const tables = new Map<string, TableInfo>();
    const columnsOf = new Map<string, TableInfo['columns'][number][]>();
    for (const c of cols.rows) {
      const list = columnsOf.get(c.table_name) ?? [];
      list.push({
        name: c.column_name,
        dataType: c.data_type.toLowerCase(),
        nullable: c.is_nullable === 'YES',
      });
      columnsOf.set(c.table_name, list);
    }
    for (const [name, columns] of columnsOf) {
      const primaryKey = pks.rows.filter((p) => p.table_name === name).map((p) => p.column_name);
      tables.set(name, { name, columns, primaryKey });
    }
    const foreignKeys: ForeignKeyInfo[] = fks.rows.map((f) => ({
      table: f.table_name,
      column: f.column_name,
      references: f.ref_table,
      to: f.ref_column,
      onDelete: ON_DELETE[f.action] ?? 'no action',
    }));
    const grouped = new Map<string, Map<string, string[]>>();
    for (const r of idx.rows) {
      const byIndex = grouped.get(r.table_name) ?? new Map<string, string[]>();
      const list = byIndex.get(r.index_name) ?? [];
      list.push(r.column_name);
      byIndex.set(r.index_name, list);
      grouped.set(r.table_name, byIndex);
    }
    const indexes = new Map<string, string[][]>();
    for (const [table, byIndex] of grouped) indexes.set(table, [...byIndex.values()]);
    return { tables, foreignKeys, indexes };
  },
  async setStatementTimeout(db: AnyDb, milliseconds: number): Promise<void> {
    // `set local` lasts until the end of the current transaction.
    await sql`select set_config('statement_timeout', ${String(Math.max(0, Math.floor(milliseconds)))}, true)`.execute(
      db,
    );
  },
};
