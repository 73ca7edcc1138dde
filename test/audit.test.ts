import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AUDIT_OPERATIONS,
  AUDIT_TABLE,
  type AuditEvent,
  appendAudit,
  ensureAuditSchema,
  subjectRef,
  verifyAudit,
} from '../src/audit/index.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const event = (i: number): AuditEvent => ({
  actor: 'cli:test',
  operation: 'retention.delete',
  subjectRef: subjectRef('x'.repeat(32), 'prospects', i),
  tables: ['prospects'],
  rowCounts: { prospects: i },
  reason: 'rule prospects-3y',
  runId: 'run-1',
  details: { batch: i },
});

describe('audit operations', () => {
  it('every operation belongs to exactly the class its name announces', () => {
    const prefixClass: Record<string, string> = {
      retention: 'retention',
      subject: 'subject-request',
      'personal-data': 'read',
      consent: 'consent',
      breach: 'breach',
      audit: 'audit',
    };
    for (const [operation, klass] of Object.entries(AUDIT_OPERATIONS)) {
      const prefix = operation.split('.')[0] ?? '';
      expect(prefixClass[prefix], operation).toBe(klass);
    }
  });

  it('subject references are stable pseudonyms that do not contain the key', () => {
    const a = subjectRef('s'.repeat(32), 'customers', 'jean.dupont@example.fr');
    expect(a).toBe(subjectRef('s'.repeat(32), 'customers', 'jean.dupont@example.fr'));
    expect(a).not.toContain('dupont');
    expect(a).not.toBe(subjectRef('t'.repeat(32), 'customers', 'jean.dupont@example.fr'));
  });
});

for (const dialect of await availableDialects()) {
  describe(`audit trail on ${dialect}`, () => {
    let iso: IsolatedTarget;
    beforeEach(async () => {
      iso = await isolatedTarget(dialect);
      await ensureAuditSchema(iso.target.db);
      await ensureAuditSchema(iso.target.db); // idempotent
      const db = iso.target.db;
      await db.transaction().execute((trx) => appendAudit(trx, [event(1), event(2), event(3)]));
      await db.transaction().execute((trx) =>
        appendAudit(
          trx,
          Array.from({ length: 2500 }, (_, i) => event(i + 4)),
          {
            maxParameters: iso.target.adapter.maxParameters,
          },
        ),
      );
    });
    afterEach(async () => {
      await iso?.dispose();
    });

    it('verifies an intact trail', async () => {
      const result = await verifyAudit(iso.target.db);
      expect(result).toMatchObject({ ok: true, entries: 2503, lastSeq: 2503, problems: [] });
    });

    it('rejects an unknown operation', async () => {
      await expect(
        iso.target.db
          .transaction()
          .execute((trx) => appendAudit(trx, [{ ...event(1), operation: 'nope' as 'retention.delete' }])),
      ).rejects.toThrow(/unknown audit operation "nope"/);
    });

    it('detects an altered entry', async () => {
      await iso.target.db
        .updateTable(AUDIT_TABLE)
        .set({ reason: 'nothing to see' })
        .where('seq', '=', 2)
        .execute();
      const result = await verifyAudit(iso.target.db);
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toMatchObject({ seq: 2, kind: 'altered' });
    });

    it('detects a removed entry', async () => {
      await iso.target.db.deleteFrom(AUDIT_TABLE).where('seq', '=', 1200).execute();
      const result = await verifyAudit(iso.target.db);
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toMatchObject({ seq: 1200, kind: 'removed' });
    });

    it('detects removed last entries through the head', async () => {
      await iso.target.db.deleteFrom(AUDIT_TABLE).where('seq', '>', 2500).execute();
      const result = await verifyAudit(iso.target.db);
      expect(result.problems).toEqual([expect.objectContaining({ seq: 2501, kind: 'truncated' })]);
    });

    it('detects a reordered entry', async () => {
      const db = iso.target.db;
      await db.updateTable(AUDIT_TABLE).set({ seq: -1 }).where('seq', '=', 5).execute();
      await db.updateTable(AUDIT_TABLE).set({ seq: 5 }).where('seq', '=', 6).execute();
      await db.updateTable(AUDIT_TABLE).set({ seq: 6 }).where('seq', '=', -1).execute();
      const result = await verifyAudit(db);
      expect(result.ok).toBe(false);
      expect(result.problems[0]).toMatchObject({ seq: 5, kind: 'reordered' });
    });

    it('serialises concurrent appenders into one chain', async () => {
      const db = iso.target.db;
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          db.transaction().execute((trx) => appendAudit(trx, [event(100 + i), event(200 + i)])),
        ),
      );
      const result = await verifyAudit(db);
      expect(result).toMatchObject({ ok: true, entries: 2515 });
    });
  });
}
