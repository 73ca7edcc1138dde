import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { availableDialects, type IsolatedTarget, isolatedTarget } from '../../test/support/targets.ts';
import type { AnyDb } from '../engine/db/types.ts';
import { type AuditEvent, appendAudit, columnText } from './append-audit.ts';
import { hashEntry } from './hash-entry.ts';
import { AUDIT_HEAD_TABLE, AUDIT_TABLE, ensureAuditSchema, GENESIS_HASH } from './schema.ts';
import { verifyAudit } from './verify-audit.ts';

/** Text that array literals, JSON and SQL quoting could each mangle. */
const AWKWARD = [
  '',
  'NULL',
  'null',
  '"quoted"',
  "it's",
  'back\\slash',
  '{a,b}',
  'a,b',
  ' lead',
  'trail ',
  'line\nbreak',
  'tab\t',
  'é ü ß 🙂',
  '()',
];

const events: AuditEvent[] = AWKWARD.map((text, i) => ({
  actor: `user:${text}`,
  operation: i % 2 === 0 ? 'retention.delete' : 'subject.access',
  subjectRef: i % 3 === 0 ? null : `subj_${text}`,
  tables: [text, 'payments'],
  rowCounts: { [text]: i },
  reason: text,
  runId: i % 2 === 0 ? null : `run ${text}`,
  details: { text, i },
}));

for (const dialect of await availableDialects()) {
  describe(`appendAudit stores what it hashed on ${dialect}`, () => {
    let iso: IsolatedTarget;
    beforeEach(async () => {
      iso = await isolatedTarget(dialect);
      await ensureAuditSchema(iso.target.db);
    });
    afterEach(async () => {
      await iso?.dispose();
    });

    it('keeps every field exactly, chains the hashes and moves the head', async () => {
      const db = iso.target.db;
      const clock = () => new Date('2025-06-15T08:00:00.000Z');
      const maxParameters = iso.target.adapter.maxParameters;
      const first = await db
        .transaction()
        .execute((trx) => appendAudit(trx, events, { clock, maxParameters }));
      // A second batch larger than one statement, to cross the chunk boundaries.
      const many = Array.from({ length: 2100 }, (_, i) => events[i % events.length] as AuditEvent);
      const second = await db
        .transaction()
        .execute((trx) => appendAudit(trx, many, { clock, maxParameters }));
      expect(first).toMatchObject({ firstSeq: 1, lastSeq: events.length });
      expect(second).toMatchObject({ firstSeq: events.length + 1, lastSeq: events.length + many.length });

      const prev = await expectStored(db, [...events, ...many]);
      expect(second.hash).toBe(prev);
      const verification = await verifyAudit(db);
      expect(verification.ok).toBe(true);
      expect(verification.entries).toBe(events.length + many.length);
    });

    it('keeps quotes, backslashes, braces and NULL-like text exactly, with and without a control character in the batch', async () => {
      // Where PostgreSQL sends a column as an array, it is one JSON-derived array literal unless one
      // of its values needs an escape sequence (here: none in the first batch, one newline in the second).
      const db = iso.target.db;
      const clock = () => new Date('2025-06-15T08:00:00.000Z');
      // Plus an entry without lists, maps or optional fields (stored as `[]`, `{}` and nulls).
      const bare: AuditEvent = { actor: 'job:bare', operation: 'retention.delete', reason: 'bare' };
      const plain = [...events.filter((event) => !/[\n\t]/.test(event.reason)), bare];
      expect(plain.length).toBeGreaterThan(8);
      await db.transaction().execute((trx) => appendAudit(trx, plain, { clock }));
      const oneBreak = plain.map((event, i) => (i === 3 ? { ...event, reason: 'two\nlines' } : event));
      await db.transaction().execute((trx) => appendAudit(trx, oneBreak, { clock }));
      await expectStored(db, [...plain, ...oneBreak]);
      expect((await verifyAudit(db)).ok).toBe(true);
    });

    it('keeps separator characters, lone empty strings and nulls exactly (PostgreSQL splits most columns from one text)', async () => {
      const db = iso.target.db;
      const clock = () => new Date('2025-06-15T08:00:00.000Z');
      const entry = (reason: string, extra: Partial<AuditEvent> = {}): AuditEvent => ({
        actor: 'user:1',
        operation: 'subject.access',
        reason,
        ...extra,
      });
      const batches: AuditEvent[][] = [
        // Every column splits from one text.
        [entry('a'), entry('b', { subjectRef: 'subj_x', runId: 'run 1' }), entry('c')],
        // Values holding the separator or the NULL mark: those columns go as arrays.
        [
          entry('unit\u001fseparator', { actor: 'user:\u001e' }),
          entry('\u001e', { subjectRef: '\u001f', runId: '\u001e\u001f' }),
          entry('', { details: { note: '\u001f' } }),
        ],
        // A value that is the NULL mark itself, another holding it: the first makes its column an array.
        [entry('x', { runId: '\u001e', actor: 'user:\u001e2' }), entry('y')],
        // One entry whose text is empty: an empty text would split into no row.
        [entry('', { subjectRef: '', runId: '' })],
        // Several empty strings and nulls in one column.
        [entry('', { runId: '' }), entry('', { runId: null }), entry('')],
        // One entry with nothing unusual.
        [entry('single')],
      ];
      for (const batch of batches)
        await db.transaction().execute((trx) => appendAudit(trx, batch, { clock }));
      await expectStored(db, batches.flat());
      expect((await verifyAudit(db)).ok).toBe(true);
    });

    it('leaves the trail and the head as they were when a row of a large batch cannot be inserted', async () => {
      // On PostgreSQL the batch goes in parts, each sent before the next is hashed: the first
      // part fails here, with the second already hashed or being hashed.
      const db = iso.target.db;
      const clock = () => new Date('2025-06-15T08:00:00.000Z');
      const maxParameters = iso.target.adapter.maxParameters;
      await db.transaction().execute((trx) => appendAudit(trx, events, { clock, maxParameters }));
      const before = await db.selectFrom(AUDIT_HEAD_TABLE).selectAll().executeTakeFirstOrThrow();
      // A stray row where the next entry would go.
      const stray = {
        seq: events.length + 2,
        at: 'x',
        actor: 'x',
        operation: 'x',
        subject_ref: null,
        tables: '[]',
        row_counts: '{}',
        reason: 'x',
        run_id: null,
        details: '{}',
        prev_hash: 'x',
        hash: 'x',
      };
      await db.insertInto(AUDIT_TABLE).values(stray).execute();
      const many = Array.from({ length: 1000 }, (_, i) => events[i % events.length] as AuditEvent);
      await expect(
        db.transaction().execute((trx) => appendAudit(trx, many, { clock, maxParameters })),
      ).rejects.toThrow();
      expect(await db.selectFrom(AUDIT_HEAD_TABLE).selectAll().executeTakeFirstOrThrow()).toEqual(before);
      const count = await db
        .selectFrom(AUDIT_TABLE)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(events.length + 1);
      // Without the stray row the same batch goes in, chained to the first.
      await db.deleteFrom(AUDIT_TABLE).where('seq', '=', stray.seq).execute();
      await db.transaction().execute((trx) => appendAudit(trx, many, { clock, maxParameters }));
      await expectStored(db, [...events, ...many]);
    });
  });
}

/** Every stored row equals what `all` should give, chained from the genesis; returns the last hash. */
async function expectStored(db: IsolatedTarget['target']['db'], all: readonly AuditEvent[]): Promise<string> {
  const stored = await db.selectFrom(AUDIT_TABLE).selectAll().orderBy('seq').execute();
  expect(stored).toHaveLength(all.length);
  let prev = GENESIS_HASH;
  stored.forEach((row, i) => {
    const event = all[i] as AuditEvent;
    const expected = {
      seq: i + 1,
      at: '2025-06-15T08:00:00.000Z',
      actor: event.actor,
      operation: event.operation,
      subject_ref: event.subjectRef ?? null,
      tables: JSON.stringify(event.tables ?? []),
      row_counts: JSON.stringify(event.rowCounts ?? {}),
      reason: event.reason,
      run_id: event.runId ?? null,
      details: JSON.stringify(event.details ?? {}),
      prev_hash: prev,
    };
    const hash = hashEntry(expected);
    expect({ ...row, seq: Number(row.seq) }).toEqual({ ...expected, hash });
    prev = hash;
  });
  const head = await db.selectFrom(AUDIT_HEAD_TABLE).selectAll().executeTakeFirstOrThrow();
  expect({ seq: Number(head.seq), hash: head.hash }).toEqual({ seq: all.length, hash: prev });
  return prev;
}

describe('columnText (one PostgreSQL parameter per column)', () => {
  it('joins values that split back exactly, and refuses the others', () => {
    expect(columnText(['a', null, '', 'b c'])).toBe('a\u001f\u001e\u001f\u001fb c');
    expect(columnText([1, 2, 30])).toBe('1\u001f2\u001f30');
    expect(columnText(['', ''])).toBe('\u001f');
    expect(columnText([null])).toBe('\u001e');
    // One empty string would be an empty text, which splits into no row at all.
    expect(columnText([''])).toBeNull();
    expect(columnText(['ok', 'a\u001fb'])).toBeNull();
    expect(columnText(['\u001e'])).toBeNull();
    // Only a whole field equal to the NULL mark reads as NULL.
    expect(columnText(['a\u001e', null])).toBe('a\u001e\u001f\u001e');
  });
});

describe('appendAudit on a SQLite Kysely built without openTarget', () => {
  it('still stores and chains every entry (plain multi-row inserts)', async () => {
    const raw = new Database(':memory:');
    const db: AnyDb = new Kysely({ dialect: new SqliteDialect({ database: raw }) });
    try {
      await ensureAuditSchema(db);
      const clock = () => new Date('2025-06-15T08:00:00.000Z');
      const many = Array.from({ length: 250 }, (_, i) => events[i % events.length] as AuditEvent);
      const result = await db.transaction().execute((trx) => appendAudit(trx, many, { clock }));
      expect(result).toMatchObject({ firstSeq: 1, lastSeq: 250 });
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 250 });
      const stored = await db
        .selectFrom(AUDIT_TABLE)
        .select(['reason', 'tables'])
        .where('seq', '=', 2)
        .executeTakeFirst();
      expect(stored).toEqual({ reason: events[1]?.reason, tables: JSON.stringify(events[1]?.tables) });
    } finally {
      await db.destroy();
    }
  });
});
