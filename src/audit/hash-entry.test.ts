/**
 * The entry hash must never change: existing trails are verified by recomputing it. These tests
 * pin it to the original formulation — createHash('sha256').update(prev).update('\n')
 * .update(JSON.stringify([...fields])) — on random entries, on both the one-shot and the
 * fallback path.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { canonicalEntry, hashEntry } from './hash-entry.ts';
import type { AuditRow } from './schema.ts';

type Entry = Omit<AuditRow, 'hash'>;

/** The canonical form every stored hash was computed over: JSON of the ten fields in order. */
function originalCanonical(row: Entry): string {
  return JSON.stringify([
    Number(row.seq),
    row.at,
    row.actor,
    row.operation,
    row.subject_ref,
    row.tables,
    row.row_counts,
    row.reason,
    row.run_id,
    row.details,
  ]);
}

/** The formulation every stored hash was computed with. */
function originalHash(row: Entry): string {
  return createHash('sha256').update(row.prev_hash).update('\n').update(originalCanonical(row)).digest('hex');
}

/** Characters JSON escapes or UTF-8 encodes specially: quotes, backslashes, controls, lone surrogates, non-ASCII. */
const awkwardChar = fc.oneof(
  fc.constantFrom(
    '"',
    '\\',
    '/',
    '\n',
    '\r',
    '\t',
    '\b',
    '\f',
    '\u0000',
    '\u001f',
    '\u007f',
    '\u2028',
    '\u2029',
  ),
  fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff', '🙂', 'é', 'ß', '中', '\ufeff', '\uffff'),
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.string({ maxLength: 1 }),
);
const awkwardText = fc.array(awkwardChar, { maxLength: 40 }).map((chars) => chars.join(''));

const entry: fc.Arbitrary<Entry> = fc.record({
  seq: fc.oneof(fc.nat(), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
  at: fc.oneof(
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    awkwardText,
  ),
  actor: awkwardText,
  operation: awkwardText,
  subject_ref: fc.option(awkwardText),
  tables: fc.array(awkwardText, { maxLength: 4 }).map((t) => JSON.stringify(t)),
  row_counts: fc.dictionary(awkwardText, fc.nat(), { maxKeys: 4 }).map((c) => JSON.stringify(c)),
  reason: awkwardText,
  run_id: fc.option(awkwardText),
  details: fc.oneof(
    awkwardText,
    fc.jsonValue().map((v) => JSON.stringify(v)),
  ),
  prev_hash: fc.oneof(
    fc.stringMatching(/^[0-9a-f]{64}$/),
    // Only hex is ever stored, but the hash must not depend on that.
    awkwardText,
  ),
});

const KNOWN: Entry = {
  seq: 42,
  at: '2025-06-15T08:00:00.000Z',
  actor: 'cli:dpo@exemple.fr',
  operation: 'subject.access',
  subject_ref: 'subj_0123456789abcdef',
  tables: '["contacts","payments"]',
  row_counts: '{"contacts":1,"payments":3}',
  reason: 'Demande d\'accès — "art. 15"\n\\ \u0001 \ud800 🙂',
  run_id: null,
  details: '{}',
  prev_hash: 'ab'.repeat(32),
};
/** Computed by the createHash(...).update(...) implementation before the one-shot change. */
const KNOWN_HASH = 'd41c0d3fb693d14de5207a77d871afc3f66da991b6049463315e23e17bf8c3d7';

describe('hashEntry', () => {
  afterEach(() => {
    vi.doUnmock('node:crypto');
    vi.resetModules();
  });

  it('keeps the hash of a known entry', () => {
    expect(hashEntry(KNOWN)).toBe(KNOWN_HASH);
  });

  it('builds the canonical form exactly as JSON.stringify of the ten fields', () => {
    fc.assert(
      fc.property(entry, (row) => {
        expect(canonicalEntry(row)).toBe(originalCanonical(row));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives byte-identical hashes to the original createHash formulation on random entries', () => {
    fc.assert(
      fc.property(entry, (row) => {
        expect(hashEntry(row)).toBe(originalHash(row));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same hashes when crypto.hash is absent (createHash fallback)', async () => {
    vi.resetModules();
    vi.doMock('node:crypto', async (importOriginal) => {
      const actual = await importOriginal<typeof import('node:crypto')>();
      return { ...actual, default: actual, hash: undefined };
    });
    const fallback = await import('./hash-entry.ts');
    // The module under test must really be the one without crypto.hash.
    const mocked = await import('node:crypto');
    expect(typeof (mocked as { hash?: unknown }).hash).toBe('undefined');
    expect(fallback.hashEntry(KNOWN)).toBe(KNOWN_HASH);
    fc.assert(
      fc.property(entry, (row) => {
        expect(fallback.hashEntry(row)).toBe(originalHash(row));
      }),
      { numRuns: 500 },
    );
  });
});
