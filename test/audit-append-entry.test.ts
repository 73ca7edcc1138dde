/**
 * One entry appended outside a transaction (append-entry.ts): on PostgreSQL a compare-and-swap on
 * the head, retried on the head another appender left; elsewhere a transaction. Whatever the
 * interleaving with other handles, other processes' batches and lost races, the chain must stay
 * one unbroken chain with every entry in it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEntry } from '../src/audit/append-entry.ts';
import {
  AUDIT_TABLE,
  type AuditEvent,
  appendAudit,
  ensureAuditSchema,
  verifyAudit,
} from '../src/audit/index.ts';
import { openTarget } from '../src/engine/db/connect.ts';
import type { TargetDb } from '../src/engine/db/types.ts';
import { StatementCounter } from './support/statement-counter.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const event = (i: number): AuditEvent => ({
  actor: 'cli:test',
  operation: 'subject.access',
  subjectRef: `subj_${i}`,
  tables: ['customers'],
  rowCounts: { customers: i },
  reason: 'Art 15 access request',
});

for (const dialect of await availableDialects()) {
  describe(`one audit entry on its own on ${dialect}`, () => {
    let iso: IsolatedTarget;
    const others: TargetDb[] = [];
    beforeEach(async () => {
      iso = await isolatedTarget(dialect);
      await ensureAuditSchema(iso.target.db);
    });
    afterEach(async () => {
      for (const other of others.splice(0)) await other.close();
      await iso?.dispose();
    });
    const another = () => {
      const target = openTarget(iso.url);
      others.push(target);
      return target.db;
    };
    const seqs = async () =>
      (await iso.target.db.selectFrom(AUDIT_TABLE).select('seq').orderBy('seq').execute()).map((r) =>
        Number(r.seq),
      );

    it('appends after whatever the trail holds, whoever wrote it', async () => {
      const db = iso.target.db;
      const elsewhere = dialect === 'sqlite' ? db : another();
      expect(await appendAuditEntry(db, event(1))).toMatchObject({ firstSeq: 1, lastSeq: 1 });
      expect((await appendAuditEntry(db, event(2))).lastSeq).toBe(2);
      // Another handle (another process, say) moves the head twice: this handle's guess is stale.
      await elsewhere.transaction().execute((trx) => appendAudit(trx, [event(3), event(4), event(5)]));
      await appendAuditEntry(elsewhere, event(6));
      expect(await appendAuditEntry(db, event(7))).toMatchObject({ firstSeq: 7, lastSeq: 7 });
      expect(await seqs()).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const rows = await db.selectFrom(AUDIT_TABLE).select(['seq', 'subject_ref']).orderBy('seq').execute();
      expect(rows.map((r) => r.subject_ref)).toEqual([
        'subj_1',
        'subj_2',
        'subj_3',
        'subj_4',
        'subj_5',
        'subj_6',
        'subj_7',
      ]);
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 7 });
    });

    it('locks the head like a batch when every compare-and-swap loses', async () => {
      const db = iso.target.db;
      await appendAuditEntry(db, event(1));
      await db.transaction().execute((trx) => appendAudit(trx, [event(2)]));
      // The guess (seq 1) is stale and no attempt is allowed: the locked way must still append.
      expect(await appendAuditEntry(db, event(3), { attempts: 0 })).toMatchObject({
        firstSeq: 3,
        lastSeq: 3,
      });
      await db.transaction().execute((trx) => appendAudit(trx, [event(4)]));
      // One attempt, lost on the stale guess: the locked way again.
      expect((await appendAuditEntry(db, event(5), { attempts: 1 })).lastSeq).toBe(5);
      expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 5 });
    });

    // PostgreSQL only: elsewhere a single entry is appended in a transaction, head locked.
    if (dialect === 'postgres') {
      it('hashes again on the head it found, without locking it', async () => {
        const db = iso.target.db;
        const counter = new StatementCounter();
        const counted = db.withPlugin(counter);
        await appendAuditEntry(counted, event(1));
        await appendAuditEntry(another(), event(2));
        counter.count = 0;
        // The guess (seq 1) is stale: one lost compare-and-swap returns the head, the next wins,
        // and the entry after needs one statement.
        await appendAuditEntry(counted, event(3));
        await appendAuditEntry(counted, event(4));
        expect(counter.count).toBe(2 + 1);
        expect(await verifyAudit(db)).toMatchObject({ ok: true, entries: 4 });
      });
    }

    it('keeps one chain under concurrent single and batch appenders', async () => {
      const handles = dialect === 'sqlite' ? [iso.target.db] : [iso.target.db, another(), another()];
      const work: Promise<unknown>[] = [];
      handles.forEach((db, h) => {
        work.push(
          (async () => {
            for (let i = 0; i < 15; i++) await appendAuditEntry(db, event(1000 * h + i));
          })(),
        );
      });
      work.push(
        (async () => {
          for (let i = 0; i < 5; i++) {
            await iso.target.db
              .transaction()
              .execute((trx) => appendAudit(trx, [event(9000 + i), event(9100 + i), event(9200 + i)]));
          }
        })(),
      );
      await Promise.all(work);
      const total = handles.length * 15 + 15;
      expect(await seqs()).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      expect(await verifyAudit(iso.target.db)).toMatchObject({ ok: true, entries: total });
    });

    it('rejects an unknown operation and writes nothing', async () => {
      const db = iso.target.db;
      await expect(
        appendAuditEntry(db, { ...event(1), operation: 'nope' as 'subject.access' }),
      ).rejects.toThrow(/unknown audit operation "nope"/);
      expect(await seqs()).toEqual([]);
    });
  });
}
