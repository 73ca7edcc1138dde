import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoutiqueSchema, seedBoutique } from '../../test/fixtures/datamap/boutique-schema.ts';
import { openTarget } from '../engine/db/connect.ts';
import type { SchemaInfo, TargetDb } from '../engine/db/types.ts';
import { type LoadedDataMap, loadDataMapOrThrow } from './load-datamap.ts';
import { ZDataMap } from './model.ts';
import {
  deletionOrder,
  identityKeysQuery,
  rowsOfSubjectQuery,
  type SubjectGraph,
  subjectGraph,
  subjectWhere,
} from './subject-graph.ts';

const FILE = join(import.meta.dirname, '../../test/fixtures/datamap/datamap.yaml');

let loaded: LoadedDataMap;
let graph: SubjectGraph;
let target: TargetDb;

beforeAll(async () => {
  loaded = await loadDataMapOrThrow(FILE);
  graph = subjectGraph(loaded.datamap);
  target = openTarget('sqlite::memory:');
  await createBoutiqueSchema(target.db);
  await seedBoutique(target.db);
});
afterAll(async () => {
  await target?.close();
});

const ids = (rows: readonly Record<string, unknown>[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);

describe('subjectGraph', () => {
  it('gives each table its ordered joins to its identity table', () => {
    expect(graph.identityTables).toEqual(['customers', 'subscribers']);
    expect(graph.route('customers')).toMatchObject({
      identityTable: 'customers',
      identityKey: 'id',
      joins: [],
    });
    expect(graph.route('invoice_lines').joins).toEqual([
      { from: 'invoice_lines', column: 'invoice_id', to: 'invoices', toColumn: 'id' },
      { from: 'invoices', column: 'customer_id', to: 'customers', toColumn: 'id' },
    ]);
    expect(graph.route('invoices').identityColumns).toEqual([
      { column: 'email', kind: 'email' },
      { column: 'full_name', kind: 'name' },
    ]);
    expect(graph.tablesOf('customers').map((r) => r.table)).toEqual([
      'customers',
      'invoices',
      'invoice_lines',
    ]);
    expect(graph.tablesOf('subscribers').map((r) => r.table)).toEqual(['subscribers']);
    expect(() => graph.route('notes')).toThrowError(/'notes' is not in the data map/);
  });

  it('refuses a path that ends without identity columns', () => {
    const map = ZDataMap.parse({
      'registre-datamap': 1,
      policy: 'p.yaml',
      tables: {
        a: {
          subject: 'customer',
          key: 'id',
          activities: ['x'],
          columns: {},
          erasure: { strategy: 'delete' },
        },
        b: {
          subject: 'customer',
          key: 'id',
          activities: ['x'],
          path: [{ column: 'a_id', references: 'a' }],
          columns: {},
          erasure: { strategy: 'delete' },
        },
      },
    });
    expect(() => subjectGraph(map)).toThrowError(/path ends at 'a', which has no identity column/);
  });
});

describe('subject queries on SQLite', () => {
  it("selects exactly one subject's rows in every table, through every join", async () => {
    const db = target.db;
    expect(ids(await rowsOfSubjectQuery(db, graph, 'customers', 'customers', [1]).execute())).toEqual([1]);
    expect(ids(await rowsOfSubjectQuery(db, graph, 'invoices', 'customers', [1]).execute())).toEqual([
      10, 11,
    ]);
    expect(ids(await rowsOfSubjectQuery(db, graph, 'invoice_lines', 'customers', [1]).execute())).toEqual([
      100, 101, 110,
    ]);
    expect(ids(await rowsOfSubjectQuery(db, graph, 'invoice_lines', 'customers', [1, 2]).execute())).toEqual([
      100, 101, 110, 200,
    ]);
    expect(await rowsOfSubjectQuery(db, graph, 'invoices', 'customers', [3]).execute()).toEqual([]);
    expect(await rowsOfSubjectQuery(db, loaded.datamap, 'invoices', 'customers', []).execute()).toEqual([]);
    const lines = await rowsOfSubjectQuery(db, graph, 'invoice_lines', 'customers', [2]).execute();
    expect(lines).toEqual([{ id: 200, invoice_id: 20, label: 'Abonnement' }]);
  });

  it('finds identity keys from an identity value', async () => {
    const db = target.db;
    const keys = await identityKeysQuery(db, graph, 'customers', 'email', [
      'marie.curie@example.be',
    ]).execute();
    expect(keys.map((k) => Number(k.key))).toEqual([2]);
    expect(await identityKeysQuery(db, graph, 'customers', 'email', []).execute()).toEqual([]);
    expect(() => identityKeysQuery(db, graph, 'customers', 'phone', ['x'])).toThrowError(
      /not an identity column \(identity columns: 'email', 'full_name'\)/,
    );
  });

  it('gives a condition usable in updates and deletes', async () => {
    const db = target.db;
    const rollback = new Error('roll back');
    const outcome = await db
      .transaction()
      .execute(async (trx) => {
        const where = subjectWhere(graph, 'invoice_lines', 'customers', [2]);
        await trx.deleteFrom('invoice_lines').where(where).execute();
        expect(ids(await trx.selectFrom('invoice_lines').select('id').execute())).toEqual([100, 101, 110]);
        const updated = await trx
          .updateTable('invoices')
          .set({ archived_at: '2024-01-01T00:00:00.000Z' })
          .where(subjectWhere(graph, 'invoices', 'customers', [1]))
          .executeTakeFirst();
        expect(Number(updated.numUpdatedRows)).toBe(2);
        throw rollback;
      })
      .catch((error: unknown) => error);
    expect(outcome).toBe(rollback);
    expect(ids(await db.selectFrom('invoice_lines').select('id').execute())).toEqual([100, 101, 110, 200]);
  });

  it('refuses a table that does not lead to the given identity table', () => {
    expect(() => subjectWhere(graph, 'invoices', 'subscribers', [1])).toThrowError(
      /leads to identity table 'customers', not 'subscribers'/,
    );
  });
});

describe('deletionOrder', () => {
  it('puts every table before the tables it references', async () => {
    const schema = await target.adapter.introspect(target.db);
    const order = deletionOrder(loaded.datamap, schema);
    expect(order).toEqual(['invoice_lines', 'invoices', 'customers', 'subscribers']);
  });

  it('uses path steps when no foreign key is declared, and breaks cycles deterministically', () => {
    const empty: SchemaInfo = { tables: new Map(), foreignKeys: [], indexes: new Map() };
    expect(deletionOrder(loaded.datamap, empty)).toEqual([
      'invoice_lines',
      'invoices',
      'customers',
      'subscribers',
    ]);
    const cyclic: SchemaInfo = {
      ...empty,
      foreignKeys: [
        {
          table: 'customers',
          column: 'last_invoice_id',
          references: 'invoices',
          to: 'id',
          onDelete: 'set null',
        },
        {
          table: 'customers',
          column: 'referrer_id',
          references: 'customers',
          to: 'id',
          onDelete: 'set null',
        },
      ],
    };
    const order = deletionOrder(loaded.datamap, cyclic);
    expect(order).toHaveLength(4);
    expect(order.indexOf('invoice_lines')).toBeLessThan(order.indexOf('invoices'));
    expect(new Set(order)).toEqual(new Set(Object.keys(loaded.datamap.tables)));
  });
});
