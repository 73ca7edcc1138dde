/**
 * The scanner measured against the demo organisation's data map (examples/demo/datamap.yaml,
 * where every column is annotated): precision over every proposal, recall over the annotated
 * columns whose category some detector or column-name hint can propose.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../examples/demo/generate.ts';
import { createDemoSchema } from '../examples/demo/schema.ts';
import { checkDataMap } from '../src/datamap/check-datamap.ts';
import { type LoadedDataMap, loadDataMapOrThrow } from '../src/datamap/load-datamap.ts';
import { COLUMN_HINTS } from '../src/datamap/scanner/column-hints.ts';
import { DETECTOR_CATEGORY } from '../src/datamap/scanner/detectors.ts';
import { type ScanResult, scanDatabase, scoreColumn } from '../src/datamap/scanner/scan-database.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const DEMO_MAP = join(import.meta.dirname, '../examples/demo/datamap.yaml');
const SUBJECTS = 500;
const TODAY = new Date('2025-06-15T00:00:00Z');
/** Floors at or below what was measured (SQLite, PostgreSQL, MariaDB: precision 0.92, recall 0.86). */
const PRECISION_FLOOR = 0.9;
const RECALL_FLOOR = 0.85;

/** Categories the scanner can propose at all: those of its value detectors and of its name hints. */
const COVERED = new Set<string>([
  ...Object.values(DETECTOR_CATEGORY),
  ...COLUMN_HINTS.map((h) => h.category),
]);

interface ScannerScore {
  readonly precision: number;
  readonly recall: number;
  readonly proposals: number;
  readonly correct: number;
  /** Annotated columns whose category the scanner covers (the recall's denominator). */
  readonly inScope: number;
  readonly found: number;
  readonly wrong: readonly string[];
  readonly missed: readonly string[];
  /** Annotated columns left out of recall: no detector or hint proposes their category. */
  readonly excluded: readonly string[];
}

/** Scores a scan against the categories annotated in a data map. */
function score(scan: ScanResult, loaded: LoadedDataMap): ScannerScore {
  const truth = new Map<string, string | undefined>();
  for (const [table, mapped] of Object.entries(loaded.datamap.tables)) {
    for (const [column, annotation] of Object.entries(mapped.columns))
      truth.set(`${table}.${column}`, annotation.category);
  }
  const proposed = new Map(scan.proposals.map((p) => [`${p.table}.${p.column}`, p.category]));
  const wrong = [...proposed]
    .filter(([column, category]) => truth.get(column) !== category)
    .map(
      ([column, category]) =>
        `${column}: proposed ${category}, annotated ${truth.get(column) ?? 'not personal'}`,
    );
  const annotated = [...truth].filter((entry): entry is [string, string] => entry[1] !== undefined);
  const inScope = annotated.filter(([, category]) => COVERED.has(category));
  const missed = inScope
    .filter(([column, category]) => proposed.get(column) !== category)
    .map(([column, category]) => `${column} (${category})`);
  const correct = proposed.size - wrong.length;
  return {
    precision: proposed.size === 0 ? 0 : correct / proposed.size,
    recall: inScope.length === 0 ? 0 : (inScope.length - missed.length) / inScope.length,
    proposals: proposed.size,
    correct,
    inScope: inScope.length,
    found: inScope.length - missed.length,
    wrong,
    missed,
    excluded: annotated
      .filter(([, category]) => !COVERED.has(category))
      .map(([c, category]) => `${c} (${category})`),
  };
}

let demoMap: LoadedDataMap;
beforeAll(async () => {
  demoMap = await loadDataMapOrThrow(DEMO_MAP);
});

for (const dialect of await availableDialects()) {
  describe(`scanner on the demo database (${dialect})`, () => {
    let iso: IsolatedTarget;
    let scan: ScanResult;
    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      await createDemoSchema(iso.target.db, dialect);
      await generateDemo(iso.target, { subjects: SUBJECTS, seed: 1, today: TODAY });
      scan = await scanDatabase(iso.target);
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('proposes the annotated categories with the measured precision and recall', () => {
      const s = score(scan, demoMap);
      console.log(
        `scanner on demo (${dialect}): precision ${s.precision.toFixed(2)} (${s.correct}/${s.proposals}) ` +
          `recall ${s.recall.toFixed(2)} (${s.found}/${s.inScope}); ` +
          `${s.excluded.length} annotated columns excluded from recall (no detector for their category): ${s.excluded.join(', ')}` +
          `\n  wrong: ${s.wrong.join('; ') || 'none'}\n  missed: ${s.missed.join('; ') || 'none'}`,
      );
      expect(s.inScope).toBeGreaterThan(20);
      expect(s.precision).toBeGreaterThanOrEqual(PRECISION_FLOOR);
      expect(s.recall).toBeGreaterThanOrEqual(RECALL_FLOOR);
      // The scanner must find what its detectors were built for, by value and not only by name.
      const byValue = new Set(scan.proposals.filter((p) => p.matchRatio >= 0.6).map((p) => p.category));
      for (const category of [
        'email-address',
        'telephone-number',
        'bank-account',
        'bic',
        'payment-card',
        'ip-address',
      ]) {
        expect(byValue, category).toContain(category);
      }
    });

    it('finds personal data in a column whose name says nothing', async () => {
      // payments.iban read under a name that hints at nothing: the values alone must tell.
      const rows = await iso.target.db
        .selectFrom('payments')
        .select('iban as ref2')
        .where('iban', 'is not', null)
        .limit(200)
        .execute();
      const proposal = scoreColumn(
        'payments',
        'ref2',
        rows.map((r) => r.ref2),
      );
      expect(proposal).toMatchObject({ category: 'bank-account', nameHint: false });
    });

    it('the demo data map passes `datamap check` on this database', async () => {
      const schema = await iso.target.adapter.introspect(iso.target.db);
      const result = await checkDataMap(demoMap, schema, { target: iso.target });
      expect(result.errors).toEqual([]);
      expect(result.warnings.map((w) => `${w.code} ${w.path}: ${w.message}`)).toEqual([]);
    });
  });
}
