/**
 * Renewal requests (`renewalRequest`, the CNIL prospects rule) on the demo database, on every
 * available dialect: the listed rows are past the 3-year period by an independent SQL query, and
 * exactly the prospects the sweep of the same day then deletes; the subjects who objected to
 * prospecting (Art 21(3)) or asked for restriction (Art 18) are left out; identity columns only
 * with `contact`, under one audited read.
 */
import { Command } from 'commander';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setupDemoDatabase } from '../examples/demo/setup-demo-database.ts';
import { AUDIT_TABLE, verifyAudit } from '../src/audit/index.ts';
import { registerRenewalsCommand } from '../src/cli/commands/renewals.ts';
import type { AnyDb } from '../src/engine/db/types.ts';
import { type EngineContext, loadEngineContext } from '../src/engine/load-context.ts';
import { createSubjectContext } from '../src/engine/subject/context.ts';
import { findSubject } from '../src/engine/subject/find-subject.ts';
import { objectToDirectMarketing } from '../src/engine/subject/object.ts';
import { restrictProcessing } from '../src/engine/subject/restrict.ts';
import { executeSweep } from '../src/engine/sweep/execute-sweep.ts';
import { planRenewals, type RenewalReport } from '../src/engine/sweep/plan-renewals.ts';
import { planSweep } from '../src/engine/sweep/plan-sweep.ts';
import { availableDialects, type IsolatedTarget, isolatedTarget } from './support/targets.ts';

const SECRET = 'r'.repeat(40);
const TODAY = new Date('2025-06-15T00:00:00Z');
// P3Y after the last contact is over on 15 June 2025 for contacts before 15 June 2022.
const HAND_DUE = `select id as k, email from prospects where last_contact_on < '2022-06-15' order by id`;
// Past the period and referenced by nothing: the sweep can only end these.
const HAND_FREE = `select id as k from prospects p where last_contact_on < '2022-06-15'
  and not exists (select 1 from marketing_consents c where c.prospect_id = p.id)
  and not exists (select 1 from webinar_registrations w where w.prospect_id = p.id)
  and not exists (select 1 from event_registrations e where e.prospect_id = p.id)`;

async function allKeys(db: AnyDb): Promise<string[]> {
  const rows = await db.selectFrom('prospects').select('id').execute();
  return rows.map((r) => String(r.id));
}

function keysOf(report: RenewalReport): string[] {
  return report.steps.flatMap((s) => s.rows.map((r) => String(r.key))).sort();
}

for (const dialect of await availableDialects()) {
  describe(`renewal requests on ${dialect}`, () => {
    let iso: IsolatedTarget;
    let context: EngineContext;
    let due: { k: unknown; email: string }[];

    beforeAll(async () => {
      iso = await isolatedTarget(dialect);
      await setupDemoDatabase(iso.target, { subjects: 400, seed: 11, today: TODAY });
      context = await loadEngineContext('examples/demo/datamap.yaml');
      due = (await sql<{ k: unknown; email: string }>`${sql.raw(HAND_DUE)}`.execute(iso.target.db)).rows;
    });
    afterAll(async () => {
      await iso?.dispose();
    });

    it('lists the prospects past the period that the sweep ends, pseudonymously, writing nothing', async () => {
      expect(due.length).toBeGreaterThan(2);
      const report = await planRenewals(iso.target, context, { today: TODAY, secret: SECRET });
      expect(report.steps.map((s) => s.table)).toEqual(['prospects']);
      expect(report.steps[0]?.rule).toBe('prospects');
      const listed = keysOf(report);
      const past = new Set(due.map((r) => String(r.k)));
      for (const k of listed) expect(past.has(k)).toBe(true);
      const free = (await sql<{ k: unknown }>`${sql.raw(HAND_FREE)}`.execute(iso.target.db)).rows;
      expect(free.length).toBeGreaterThan(0);
      for (const r of free) expect(listed).toContain(String(r.k));
      const plan = await planSweep(iso.target, context, { today: TODAY });
      const step = plan.steps.find((s) => s.id === 'prospects/prospects/end');
      expect(step?.renewalRequests).toBe(report.total);
      for (const row of report.steps[0]?.rows ?? []) {
        expect(row.subjectRef).toMatch(/^subj_[0-9a-f]{32}$/);
        expect(row.contact).toBeUndefined();
      }
      const text = JSON.stringify(report).toLowerCase();
      for (const r of due) expect(text).not.toContain(r.email.toLowerCase());
      const tables = (await iso.target.adapter.introspect(iso.target.db)).tables;
      expect(tables.has(AUDIT_TABLE)).toBe(false);

      // On a copy of the same day, the sweep deletes exactly the listed prospects.
      const copy = await isolatedTarget(dialect);
      try {
        await setupDemoDatabase(copy.target, { subjects: 400, seed: 11, today: TODAY });
        const before = await allKeys(copy.target.db);
        await executeSweep(copy.target, context, { today: TODAY, secret: SECRET, actor: 'test:renewals' });
        const after = new Set(await allKeys(copy.target.db));
        expect(before.filter((k) => !after.has(k)).sort()).toEqual(listed);
      } finally {
        await copy.dispose();
      }
    });

    it('leaves out a subject who objected to prospecting and one whose processing is restricted', async () => {
      const first = await planRenewals(iso.target, context, { today: TODAY, secret: SECRET });
      const candidates = due.filter((r) => keysOf(first).includes(String(r.k)));
      const [objector, restricted] = candidates;
      if (objector === undefined || restricted === undefined) throw new Error('fixture too small');
      const ctx = await createSubjectContext({
        target: iso.target,
        datamap: context.datamap,
        policy: context.policy,
        secret: SECRET,
        actor: 'test:renewals',
        clock: () => TODAY,
      });
      await objectToDirectMarketing(ctx, await findSubject(ctx, { email: objector.email }));
      // The objection erases the prospect's row; the suppression list must still keep the same
      // address out when it comes back under another row.
      const stillThere = await iso.target.db
        .selectFrom('prospects')
        .select('id')
        .where('id', '=', objector.k as number)
        .executeTakeFirst();
      await restrictProcessing(
        ctx,
        await findSubject(ctx, { email: restricted.email }),
        'accuracy-contested',
      );

      const report = await planRenewals(iso.target, context, { today: TODAY, secret: SECRET });
      const listed = keysOf(report);
      expect(listed).not.toContain(String(restricted.k));
      expect(listed).not.toContain(String(objector.k));
      const expected = keysOf(first)
        .filter((k) => k !== String(restricted.k) && k !== String(objector.k))
        .sort();
      expect(listed).toEqual(expected);
      if (stillThere !== undefined) expect(report.steps[0]?.suppressed).toBe(1);
    });

    it('gives the contact columns only on request, under one personal-data.read audit entry', async () => {
      const before = await iso.target.db
        .selectFrom(AUDIT_TABLE)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const report = await planRenewals(iso.target, context, {
        today: TODAY,
        secret: SECRET,
        contact: { actor: 'test:renewals', clock: () => TODAY },
      });
      const rows = report.steps[0]?.rows ?? [];
      expect(rows.length).toBe(report.total);
      const emails = new Set(due.map((r) => r.email));
      for (const row of rows) expect(emails.has(String(row.contact?.email))).toBe(true);
      const entries = await iso.target.db
        .selectFrom(AUDIT_TABLE)
        .selectAll()
        .orderBy('seq', 'desc')
        .limit(1)
        .execute();
      expect(String(entries[0]?.operation)).toBe('personal-data.read');
      const after = await iso.target.db
        .selectFrom(AUDIT_TABLE)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n) + 1);
      expect(JSON.stringify(entries[0]).toLowerCase()).not.toContain('@');
      expect((await verifyAudit(iso.target.db)).ok).toBe(true);
    });

    if (dialect === 'sqlite') {
      it('prints the report from the CLI, as text and as one JSON document', async () => {
        const run = async (...args: string[]) => {
          const chunks: string[] = [];
          const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
            chunks.push(String(chunk));
            return true;
          });
          try {
            const program = new Command().option('--json').exitOverride();
            registerRenewalsCommand(program, () => undefined);
            await program.parseAsync(['node', 'registre', ...args]);
          } finally {
            spy.mockRestore();
          }
          return chunks.join('');
        };
        vi.stubEnv('REGISTRE_SECRET', SECRET);
        try {
          const common = ['renewals', 'examples/demo/datamap.yaml', '--db', iso.url, '--today', '2025-06-15'];
          const json = JSON.parse(await run('--json', ...common)) as { report: RenewalReport };
          const report = await planRenewals(iso.target, context, { today: TODAY, secret: SECRET });
          expect(json.report.total).toBe(report.total);
          const text = await run(...common);
          expect(text).toContain(`prospects (rule prospects, prospecting): ${report.total} rows`);
          expect(text).not.toContain('@');
          await expect(run(...common, '--today', '2025-13-01')).rejects.toThrow(/YYYY-MM-DD/);
        } finally {
          vi.unstubAllEnvs();
        }
      });
    }
  });
}
