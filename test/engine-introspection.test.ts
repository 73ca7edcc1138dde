import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from '../src/engine/db/connect.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

describe('parseDatabaseUrl', () => {
  it('classifies the three dialects', () => {
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', location: ':memory:' });
    expect(parseDatabaseUrl('postgres://u@h/db').dialect).toBe('postgres');
    expect(parseDatabaseUrl('postgresql://u@h/db').dialect).toBe('postgres');
    expect(parseDatabaseUrl('mariadb://u@h/db')).toEqual({ dialect: 'mysql', location: 'mysql://u@h/db' });
    expect(parseDatabaseUrl('data/demo.sqlite').dialect).toBe('sqlite');
  });

  it('rejects an unknown scheme without echoing credentials', () => {
    expect(() => parseDatabaseUrl('oracle://scott:tiger@db/x')).toThrowError(
      /unsupported database URL \(oracle:…\)/,
    );
    try {
      parseDatabaseUrl('oracle://scott:tiger@db/x');
    } catch (error) {
      expect((error as Error).message).not.toContain('tiger');
    }
  });
});

for (const dialect of await availableDialects()) {
  describe(`introspection on ${dialect}`, () => {
    let iso: IsolatedTarget;
    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      const db = iso.target.db;
      await db.schema
        .createTable('customers')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('email', 'varchar(255)', (c) => c.notNull())
        .addColumn('born_on', 'date')
        .execute();
      await db.schema
        .createTable('invoices')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('customer_id', 'integer', (c) =>
          c.references('customers.id').onDelete('cascade').notNull(),
        )
        .addColumn('total', 'decimal(12, 2)')
        .execute();
      await db.schema.createIndex('invoices_customer_id').on('invoices').column('customer_id').execute();
      await sql`select 1`.execute(db);
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('reads tables, columns, keys, foreign keys and indexes', async () => {
      const schema = await iso.target.adapter.introspect(iso.target.db);
      expect([...schema.tables.keys()].sort()).toEqual(['customers', 'invoices']);
      const customers = schema.tables.get('customers');
      expect(customers?.primaryKey).toEqual(['id']);
      expect(customers?.columns.map((c) => c.name)).toEqual(['id', 'email', 'born_on']);
      expect(customers?.columns.find((c) => c.name === 'email')?.nullable).toBe(false);
      expect(customers?.columns.find((c) => c.name === 'born_on')?.nullable).toBe(true);
      expect(schema.foreignKeys).toEqual([
        { table: 'invoices', column: 'customer_id', references: 'customers', to: 'id', onDelete: 'cascade' },
      ]);
      expect(schema.indexes.get('invoices')).toContainEqual(['customer_id']);
    });
  });
}
