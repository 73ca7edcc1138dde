/**
 * `detect` skips detectors on shape checks (a digit, a space, the first characters); these tests
 * prove the results equal those of the unfiltered detector loop it replaced, on random strings
 * built from the characters the detectors' expressions care about and on the demo's values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoValues } from '../../../bench/scanner-bench.ts';
import { generateDemo } from '../../../examples/demo/generate.ts';
import { createDemoSchema } from '../../../examples/demo/schema.ts';
import { openTarget } from '../../engine/db/connect.ts';
import { DETECTORS, type DetectorId, detect } from './detectors.ts';

const ALL = Object.keys(DETECTORS) as DetectorId[];
const ROUTED: ReadonlySet<DetectorId> = new Set(['email', 'phone', 'imei', 'payment-card', 'ipv4', 'ipv6']);

/** `detect` as it was before the shape checks: every remaining detector on every value. */
function unfiltered(value: string): DetectorId[] {
  const v = value.trim();
  if (v.length < 3 || v.length > 254) return [];
  const out: DetectorId[] = [];
  if (v.includes('@')) {
    if (DETECTORS.email(v)) out.push('email');
    return out;
  }
  const body = v.startsWith('+') ? v.slice(1) : v;
  if (/^[\d .-]*$/.test(body)) {
    if (v.includes('.') && DETECTORS.ipv4(v)) out.push('ipv4');
    if (DETECTORS.phone(v)) out.push('phone');
    if (DETECTORS.imei(v)) out.push('imei');
    else if (DETECTORS['payment-card'](v)) out.push('payment-card');
    if (DETECTORS.nir(v)) out.push('nir');
    if (DETECTORS.date(v)) out.push('date');
    return out;
  }
  if (v.includes(':') && DETECTORS.ipv6(v)) out.push('ipv6');
  for (const id of ALL) if (!ROUTED.has(id) && DETECTORS[id](v)) out.push(id);
  return out;
}

/** Pieces the detectors' expressions look for, glued at random. */
const PIECES = [
  ...'0123456789',
  ...'ABCFRZXÀÉÝ×abcdeßıſéÿ',
  ...` -./:,'+`,
  '\t',
  '\u00a0',
  '\u2009',
  '\u3000',
  '\ufeff',
  '\u2028',
  'rue',
  'Avenue',
  'straat',
  'laan',
  'de ',
  'Jean',
  'DUPONT',
  'Marie',
  'FR76',
  'BE68',
  '3000',
  '75011',
  '1985',
  '-03-',
  '12/03/',
  'T00:00:00Z',
  'BNPAFRPP',
  'AB-123-CD',
  '2001:db8::1',
  '1 85 05 78 006 084 36',
  '285057800608436',
];
const shaped = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(''));
const positives = [
  'FR76 3000 6000 0112 3456 7890 189',
  'BE68539007547034',
  'BNPAFRPPXXX',
  '1985-03-12',
  '12/03/1985',
  'Jean Dupont',
  'DUPONT Jean',
  'Hélène Martin',
  '12 rue de la Paix, 75002 Paris',
  'Kerkstraat 12, 1000 Brussel',
  '1 85 03 75 123 456 41',
  '1 85 03 2A 123 456 01',
  'AB-123-CD',
  '1-ABC-123',
  '2001:db8::1',
];

describe('detect with shape checks', () => {
  it('agrees with the unfiltered detector loop on known positives', () => {
    for (const value of positives) {
      expect(detect(value), value).toEqual(unfiltered(value));
      expect(detect(value).length, value).toBeGreaterThan(0);
    }
  });

  it('agrees with the unfiltered detector loop on random shaped strings', () => {
    fc.assert(
      fc.property(shaped, (value) => {
        expect(detect(value)).toEqual(unfiltered(value));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the unfiltered detector loop on arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 })),
        (value) => {
          expect(detect(value)).toEqual(unfiltered(value));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the unfiltered detector loop on every value sampled from the demo database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'registre-detect-'));
    const target = openTarget(`sqlite:${join(dir, 'demo.db')}`);
    try {
      await createDemoSchema(target.db, 'sqlite');
      await generateDemo(target, { subjects: 300, seed: 1, today: new Date('2025-06-15T00:00:00Z') });
      const values = await demoValues(target.db, 100_000);
      expect(values.length).toBeGreaterThan(1000);
      let matched = 0;
      for (const value of values) {
        const got = detect(value);
        expect(got, value).toEqual(unfiltered(value));
        if (got.length > 0) matched += 1;
      }
      expect(matched).toBeGreaterThan(0);
    } finally {
      await target.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
