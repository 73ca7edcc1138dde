import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SchemaInfo, TableInfo } from '../engine/db/types.ts';
import { ZDataMap } from './model.ts';
import { proposeDataMap } from './propose-datamap.ts';
import type { ColumnProposal, ScanResult } from './scanner/scan-database.ts';

function table(name: string, columns: [string, string][], primaryKey: string[] = ['id']): TableInfo {
  return {
    name,
    primaryKey,
    columns: columns.map(([c, dataType]) => ({ name: c, dataType, nullable: true })),
  };
}

function proposal(
  t: string,
  column: string,
  category: string,
  matchRatio = 1,
  nameHint = true,
): ColumnProposal {
  return { table: t, column, category, confidence: 0.9, matchRatio, nameHint, sampled: 50 };
}

const schema: SchemaInfo = {
  tables: new Map(
    [
      table('people', [
        ['id', 'integer'],
        ['mail', 'text'],
        ['born_on', 'date'],
      ]),
      table('orders', [
        ['id', 'integer'],
        ['person_ref', 'text'],
        ['placed_at', 'timestamp'],
      ]),
      table(
        'cards',
        [
          ['number', 'text'],
          ['kind', 'text'],
        ],
        [],
      ),
      table('lookup', [
        ['id', 'integer'],
        ['label', 'text'],
      ]),
      table('registre_audit', [['seq', 'bigint']]),
    ].map((t) => [t.name, t]),
  ),
  foreignKeys: [
    { table: 'orders', column: 'person_ref', references: 'people', to: 'mail', onDelete: 'restrict' },
  ],
  indexes: new Map(),
};

const scan: ScanResult = {
  schema,
  proposals: [
    proposal('people', 'mail', 'email-address'),
    proposal('people', 'born_on', 'date-of-birth'),
    proposal('cards', 'number', 'payment-card', 0.98, false),
  ],
  columnsScanned: 7,
  valuesScanned: 350,
};

describe('proposeDataMap', () => {
  const text = proposeDataMap(scan, {
    policy: 'policy.yaml',
    dialect: 'sqlite',
    generatedAt: new Date('2025-02-03T10:00:00Z'),
  });
  const draft = parse(text) as { tables: Record<string, Record<string, unknown>> };

  it('proposes categories, identity columns and foreign-key paths, leaving the rest as FILL comments', () => {
    expect(text).toContain('(sqlite) on 2025-02-03');
    expect(Object.keys(draft.tables)).toEqual(['people', 'orders', 'cards']);
    expect(draft.tables.people?.columns).toEqual({
      mail: { category: 'email-address', identity: 'email' },
      born_on: { category: 'date-of-birth' },
    });
    // The foreign key references a column other than the primary key: the draft says which.
    expect(draft.tables.orders?.path).toEqual([{ column: 'person_ref', references: 'people', to: 'mail' }]);
    expect(text).toContain('trigger: placed_at }]');
    expect(text).toContain('# No personal data found in: lookup (add them if they hold any).');
    expect(text).not.toContain('registre_audit');
  });

  it('asks for a key and an identity where the schema gives none', () => {
    const cards = text.slice(text.indexOf('  cards:'));
    expect(cards).toContain('# FILL key: a single column');
    expect(cards).toContain('# FILL path:');
    expect(cards).toContain('number: { category: payment-card }  # confidence 0.90 from 98% of 50 values');
    expect(draft.tables.cards?.key).toBeUndefined();
  });

  it('validates once the FILL fields are filled', () => {
    expect(ZDataMap.safeParse(draft).success).toBe(false);
    for (const [name, t] of Object.entries(draft.tables)) {
      Object.assign(t, { subject: 'customer', activities: ['sales'], erasure: { strategy: 'delete' } });
      if (name === 'cards') t.key = 'number';
    }
    expect(ZDataMap.safeParse(draft).error?.issues ?? []).toEqual([]);
  });

  it('writes an empty table map when nothing personal was found', () => {
    const empty = parse(proposeDataMap({ ...scan, proposals: [] }, { policy: 'p.yaml' })) as {
      tables: unknown;
    };
    expect(empty.tables).toEqual({});
  });
});
