import { describe, expect, it } from 'vitest';
import { groupDigits, renderPlan, summarisePlan } from './render-plan.ts';
import type { PlannedStep, SweepPlan } from './types.ts';

function planned(id: string, due: number, held: number, extra: Partial<PlannedStep> = {}): PlannedStep {
  const [table = '', rule = '', phase = 'end'] = id.split('/');
  return {
    id,
    table,
    key: 'id',
    rule,
    activity: 'a',
    phase: phase as PlannedStep['phase'],
    effect: 'delete',
    operation: 'retention.delete',
    cutoffs: { activeEnd: '2022-03-30', endTrigger: '2022-03-30' },
    rows: { pastDeadline: due + held, due, held, blocked: 0, restricted: 0 },
    holds:
      held > 0
        ? [{ reason: 'accounting-obligation', source: 'data map', condition: 'flag x', rows: held }]
        : [],
    blockers: [],
    notes: [],
    errors: [],
    ...extra,
  };
}

const plan: SweepPlan = {
  today: '2025-03-31',
  dialect: 'sqlite',
  datamapFile: 'map.yaml',
  steps: [planned('a/r1/end', 10_000, 3_200), planned('b/r2/end', 2_000, 0), planned('c/r3/end', 430, 0)],
  totals: {
    due: 12_430,
    tables: 3,
    held: 3_200,
    blocked: 0,
    restricted: 0,
    kept: 0,
    byEffect: { archive: 0, delete: 12_430, anonymise: 0 },
  },
  errors: [],
  warnings: [],
  hash: '0'.repeat(64),
};

describe('renderPlan', () => {
  it('groups digits by three', () => {
    expect(groupDigits(0)).toBe('0');
    expect(groupDigits(999)).toBe('999');
    expect(groupDigits(12_430)).toBe('12 430');
    expect(groupDigits(1_234_567)).toBe('1 234 567');
  });

  it('summarises a plan in one line', () => {
    expect(summarisePlan(plan)).toBe(
      '12 430 rows in 3 tables past retention, 3 200 kept under legal hold (delete 12 430)',
    );
    const one = { ...plan, totals: { ...plan.totals, due: 1, tables: 1, held: 0, blocked: 2, kept: 5 } };
    expect(summarisePlan(one)).toBe(
      "1 row in 1 table past retention, 0 kept under legal hold, 2 kept because other rows still reference them, 5 kept by the data map's erasure strategy (delete 12 430)",
    );
  });

  it('prints one aligned line per step, the holds with their reason, and the errors', () => {
    const text = renderPlan({ ...plan, errors: ['c/r3/end: table missing'] });
    const lines = text.split('\n');
    const header = lines.find((l) => l.startsWith('step'));
    const row = lines.find((l) => l.startsWith('a/r1/end'));
    expect(header?.length).toBe(row?.length);
    expect(row).toMatch(/13 200\s+10 000\s+3 200\s+0\s+0$/);
    expect(text).toContain('a/r1/end: 3 200 held — accounting-obligation (data map: flag x)');
    expect(text).toContain('Errors (nothing will be executed):\n  c/r3/end: table missing');
    expect(lines.at(-2)).toBe(summarisePlan(plan));
  });
});
