/**
 * The batched anonymisation (`applyEffect`: one `update … set c = case key when … end` per chunk)
 * leaves every row exactly as the row-by-row statements (`rowUpdateQuery` of `anonymisedRow`,
 * one per row) do, on every available dialect, over varied values of every per-row method.
 */
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects, type IsolatedTarget, isolatedTarget } from '../../../test/support/targets.ts';
import type { TDataMap } from '../../datamap/model.ts';
import type { AnyDb, DialectName } from '../db/types.ts';
import type { StepSpec } from './build-steps.ts';
import { isNull } from './sql-conditions.ts';
import {
  anonymisedRow,
  applyEffect,
  type EffectContext,
  readRowsQuery,
  rowUpdateQuery,
} from './sweep-statements.ts';

const AT = new Date('2025-03-31T08:00:00.000Z');
const SECRET = 'k'.repeat(40);
const ROWS = 240;

const POSTAL = [
  '69003',
  '1050',
  '12 rue Neuve, 75011 Paris',
  'BP 7, 13001 Marseille',
  'abc',
  '',
  '  2A004 ',
  '123',
];
const NOTES = [
  'Dupont',
  'j.dupont@example.fr',
  '+33 6 12 34 56 78',
  'ab',
  'Élodie Martin',
  ' x ',
  '01.23.45.67.89',
];

function types(dialect: DialectName) {
  if (dialect === 'sqlite') return { date: 'text', timestamp: 'text' };
  if (dialect === 'postgres') return { date: 'date', timestamp: 'timestamp(3)' };
  return { date: 'date', timestamp: 'datetime(3)' };
}

async function createTable(db: AnyDb, dialect: DialectName, name: string) {
  const t = types(dialect);
  await db.schema
    .createTable(name)
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('email', 'varchar(120)')
    .addColumn('postal', 'varchar(60)')
    .addColumn('birth', sql.raw(t.date))
    .addColumn('amount', 'integer')
    .addColumn('note', 'varchar(40)')
    .addColumn('label', 'varchar(20)')
    .addColumn('phone', 'varchar(30)')
    .addColumn('anonymised_at', sql.raw(t.timestamp))
    .execute();
  const rows = Array.from({ length: ROWS }, (_, i) => ({
    id: i + 1,
    email: i % 9 === 0 ? null : `person${i}@mail${i % 5}.example`,
    postal: i % 11 === 0 ? null : POSTAL[i % POSTAL.length],
    birth:
      i % 13 === 0
        ? null
        : `${1930 + (i % 80)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    amount: i % 7 === 0 ? null : ((i * 37) % 1000) - 300,
    note: i % 10 === 0 ? null : NOTES[i % NOTES.length],
    label: `label ${i}`,
    phone: `06 ${i}`,
    // Some rows are anonymised already: neither path may touch them.
    anonymised_at:
      i % 17 === 5
        ? dialect === 'sqlite'
          ? '2024-01-01T00:00:00.000Z'
          : new Date('2024-01-01T00:00:00Z')
        : null,
  }));
  await db.insertInto(name).values(rows).execute();
}

function stepFor(table: string): StepSpec {
  return {
    id: `${table}/rule/end`,
    table,
    key: 'id',
    phase: 'end',
    effect: 'anonymise',
    operation: 'retention.anonymise',
    base: isNull('anonymised_at'),
    holds: [],
    blockers: [],
    anonymise: {
      strategy: 'anonymise',
      columns: {
        email: 'hash',
        postal: 'generalise',
        birth: 'generalise',
        amount: 'generalise',
        note: 'mask',
        label: { method: 'constant', value: 'gone' },
        phone: 'null',
      },
      marker: 'anonymised_at',
    },
    returnRows: false,
    notes: [],
    errors: [],
  } as unknown as StepSpec;
}

const datamap = {
  tables: {
    row_by_row: { columns: { postal: { category: 'postal-address' } } },
    batched: { columns: { postal: { category: 'postal-address' } } },
  },
} as unknown as TDataMap;

async function allRows(db: AnyDb, table: string) {
  const rows = await db.selectFrom(table).selectAll().orderBy('id').execute();
  return JSON.parse(JSON.stringify(rows));
}

const dialects = await availableDialects();

for (const dialect of dialects) {
  describe(`batched anonymisation on ${dialect}`, () => {
    let iso: IsolatedTarget;
    let db: Kysely<Record<string, Record<string, unknown>>>;

    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      db = iso.target.db;
      await createTable(db, dialect, 'row_by_row');
      await createTable(db, dialect, 'batched');
    }, 60_000);

    afterAll(async () => {
      await iso?.dispose();
    });

    it('leaves every row as the row-by-row statements do, across chunks', async () => {
      const schema = await iso.target.adapter.introspect(db);
      const context: EffectContext = { adapter: iso.target.adapter, schema, datamap, secret: SECRET, at: AT };
      // Every key but a few (those stay untouched), in an order unlike the keys'.
      const keys = Array.from({ length: ROWS }, (_, i) => ROWS - i).filter((k) => k % 23 !== 0);

      const oneByOne = stepFor('row_by_row');
      let expectedChanged = 0;
      await db.transaction().execute(async (trx) => {
        const rows = (await readRowsQuery(trx, oneByOne, keys).execute()) as Record<string, unknown>[];
        for (const row of rows) {
          const values = anonymisedRow(oneByOne, row, context);
          const result = await rowUpdateQuery(trx, oneByOne, row.registre_key, values).executeTakeFirst();
          expectedChanged += Number(result.numUpdatedRows);
        }
      });

      // Few parameters per statement: the batch goes out in several chunks.
      const small: EffectContext = { ...context, adapter: { ...iso.target.adapter, maxParameters: 100 } };
      const changed = await db
        .transaction()
        .execute((trx) => applyEffect(trx, stepFor('batched'), keys, small));

      expect(changed).toBe(expectedChanged);
      expect(changed).toBeGreaterThan(150);
      const expected = await allRows(db, 'row_by_row');
      expect(await allRows(db, 'batched')).toEqual(expected);
      // The comparison is not between two untouched tables.
      const row3 = expected.find((r: { id: number }) => r.id === 3);
      expect(row3.postal).toBe('75000');
      expect(row3.label).toBe('gone');
      expect(row3.anonymised_at).not.toBeNull();
    }, 60_000);
  });
}
