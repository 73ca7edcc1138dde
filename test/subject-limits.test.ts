/**
 * Rights the policy refuses for an activity (`activities[].rights.<right>.available: false`),
 * honoured by the subject operations on every available dialect: restriction (Art 18) and the
 * Art 21(1) objection leave the rows of the tables serving such an activity as they are and
 * report the table with the activity and the policy's reasons; portability reports the policy's
 * refusal rather than a missing legal basis; erasure keeps the table with the same reasons.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyDb } from '../src/engine/db/types.ts';
import { createSubjectContext, type SubjectContext } from '../src/engine/subject/context.ts';
import { findSubject, type Subject } from '../src/engine/subject/find-subject.ts';
import { planAccess } from '../src/engine/subject/plan-access.ts';
import { planErasure } from '../src/engine/subject/plan-erasure.ts';
import { exportPortableData } from '../src/engine/subject/portability.ts';
import { isRestricted, restrictProcessing } from '../src/engine/subject/restrict.ts';
import { refusalLabels, refusedRight } from '../src/engine/subject/right-refusal.ts';
import type { TRightStatement } from '../src/policy/model.ts';
import { textOf } from '../src/policy/taxonomy/labels.ts';
import { runEngine } from '../src/requests/fulfil/run-engine.ts';
import { JEANNE_EMAIL } from './fixtures/subject/database.ts';
import { type Fixture, openFixture, TEST_SECRET } from './fixtures/subject/setup.ts';
import { availableDialects } from './support/targets.ts';

type Rights = Readonly<Record<string, Readonly<Record<string, TRightStatement>>>>;

/** The fixture's context under a policy whose activities state `rights` (added to their own). */
async function withRights(ctx: SubjectContext, rights: Rights): Promise<SubjectContext> {
  const policy = {
    ...ctx.policy,
    policy: {
      ...ctx.policy.policy,
      activities: ctx.policy.policy.activities.map((a) =>
        rights[a.id] === undefined ? a : { ...a, rights: { ...a.rights, ...rights[a.id] } },
      ),
    },
  };
  return createSubjectContext({
    target: ctx.target,
    datamap: ctx.datamap,
    policy,
    secret: TEST_SECRET,
    actor: 'cli:test',
    clock: ctx.clock,
    language: 'en',
  });
}

/** Keys (as text) of the rows of `table` under an active restriction. */
async function restrictedKeys(db: AnyDb, table: string): Promise<string[]> {
  const rows = await db
    .selectFrom('registre_restriction')
    .select('row_key')
    .where('table_name', '=', table)
    .where('lifted_at', 'is', null)
    .execute();
  return rows.map((r) => String(r.row_key)).sort();
}

describe('refusals read from the policy', () => {
  it("take the activity's own statement before the policy-wide one, and the first refusing activity", async () => {
    const fx = await openFixture('sqlite');
    try {
      const ctx = await withRights(fx.ctx, {
        invoicing: { restriction: { available: false, reasons: ['legal-obligation'] } },
        support: { restriction: { available: true } },
      });
      const policy = ctx.policy.policy;
      expect(refusedRight(policy, 'restriction', ['support', 'invoicing'])).toEqual({
        right: 'restriction',
        activity: 'invoicing',
        reasons: ['legal-obligation'],
      });
      expect(refusedRight(policy, 'restriction', ['support'])).toBeUndefined();
      // The fixture's own statement: erasure refused for the security logs.
      expect(refusedRight(policy, 'erasure', ['security-logs'])).toEqual({
        right: 'erasure',
        activity: 'security-logs',
        reasons: ['legal-obligation'],
      });
      // A right the policy says nothing about is not refused by the engine (intake decides).
      expect(refusedRight(policy, 'objection', ['invoicing', 'support'])).toBeUndefined();
      const refusal = refusedRight(policy, 'restriction', ['invoicing']);
      expect(refusal && refusalLabels(ctx.policy.taxonomy, refusal, 'en')).toEqual([
        'Compliance with a legal obligation',
      ]);
    } finally {
      await fx.iso.dispose();
    }
  });
});

for (const dialect of await availableDialects()) {
  describe(`policy limits on subject operations on ${dialect}`, () => {
    let fx: Fixture;
    let jeanne: Subject;
    beforeEach(async () => {
      fx = await openFixture(dialect);
      jeanne = await findSubject(fx.ctx, { email: JEANNE_EMAIL });
    });
    afterEach(async () => {
      await fx?.iso.dispose();
    });

    it('restriction leaves the tables of an activity refusing it, reporting the policy’s reasons', async () => {
      const ctx = await withRights(fx.ctx, {
        'security-logs': { restriction: { available: false, reasons: ['legal-obligation'] } },
      });
      const db = ctx.target.db;
      const plan = await planAccess(ctx, jeanne);
      const rowsOf = (table: string) => plan.tables.find((t) => t.table === table)?.rows ?? 0;
      expect(rowsOf('login_events')).toBeGreaterThan(0);
      const result = await restrictProcessing(ctx, jeanne, 'accuracy-contested');
      expect(result.refused).toEqual([
        {
          right: 'restriction',
          activity: 'security-logs',
          reasons: ['legal-obligation'],
          table: 'login_events',
          rows: rowsOf('login_events'),
        },
      ]);
      expect(result.rows).toEqual(
        Object.fromEntries(
          plan.tables.filter((t) => t.rows > 0 && t.table !== 'login_events').map((t) => [t.table, t.rows]),
        ),
      );
      expect(await restrictedKeys(db, 'login_events')).toEqual([]);
      expect((await restrictedKeys(db, 'invoices')).length).toBe(rowsOf('invoices'));
      expect(await isRestricted(db, 'invoices', 1)).toBe(true);
    });

    it('tells the subject, in the policy’s words, which processing a restriction did not reach', async () => {
      const ctx = await withRights(fx.ctx, {
        'security-logs': { restriction: { available: false, reasons: ['legal-obligation'] } },
      });
      const plan = await planAccess(ctx, jeanne);
      const logs = plan.tables.find((t) => t.table === 'login_events')?.rows ?? 0;
      const outcome = await runEngine(
        { ...ctx, language: 'en' },
        JEANNE_EMAIL,
        { right: 'restriction', ground: 'accuracy-contested' },
        'test',
      );
      const activity = ctx.policy.policy.activities.find((a) => a.id === 'security-logs');
      const name = activity === undefined ? '' : textOf(activity.name, 'en');
      const records = logs === 1 ? 'record is' : 'records are';
      expect(outcome.summary).toContain(
        `${logs} ${records} not concerned: this right does not apply to “${name}” (Compliance with a legal obligation).`,
      );
      expect(outcome.rowCounts.login_events).toBeUndefined();
    });

    it('restricts nothing and writes no audit entry when every table is refused', async () => {
      const ctx = await withRights(fx.ctx, {
        ...Object.fromEntries(
          activitiesOf(fx.ctx).map((id) => [
            id,
            { restriction: { available: false, reasons: ['lawful-and-necessary-for-contract'] } },
          ]),
        ),
      });
      const result = await restrictProcessing(ctx, jeanne, 'legal-claims');
      expect(result.rows).toEqual({});
      expect(result.refused.length).toBeGreaterThan(0);
      expect(new Set(result.refused.map((r) => r.reasons.join()))).toEqual(
        new Set(['lawful-and-necessary-for-contract']),
      );
      const entries = await ctx.target.db.selectFrom('registre_audit').select('operation').execute();
      expect(entries).toEqual([]);
    });

    it('an Art 21(1) objection follows the objection statements, not the restriction ones', async () => {
      const ctx = await withRights(fx.ctx, {
        invoicing: { objection: { available: false, reasons: ['compelling-legitimate-grounds'] } },
        support: { restriction: { available: false, reasons: ['others-rights'] } },
      });
      const db = ctx.target.db;
      const objection = await restrictProcessing(ctx, jeanne, 'objection-pending');
      expect(objection.refused.map((r) => [r.table, r.right, r.activity, r.reasons])).toEqual(
        expect.arrayContaining([
          ['invoices', 'objection', 'invoicing', ['compelling-legitimate-grounds']],
          ['payments', 'objection', 'invoicing', ['compelling-legitimate-grounds']],
        ]),
      );
      expect(objection.refused.every((r) => r.activity === 'invoicing')).toBe(true);
      expect(await restrictedKeys(db, 'invoices')).toEqual([]);
      // Support tickets refuse restriction, not objection: the objection restricts them.
      expect(objection.rows.support_tickets).toBeGreaterThan(0);
    });

    it('the same ground exercised as a restriction follows the restriction statements', async () => {
      const ctx = await withRights(fx.ctx, {
        invoicing: { objection: { available: false, reasons: ['compelling-legitimate-grounds'] } },
        support: { restriction: { available: false, reasons: ['others-rights'] } },
      });
      const result = await restrictProcessing(ctx, jeanne, 'objection-pending', { right: 'restriction' });
      expect(result.refused).toEqual([
        {
          right: 'restriction',
          activity: 'support',
          reasons: ['others-rights'],
          table: 'support_tickets',
          rows: 2,
        },
      ]);
      expect(result.rows.support_tickets).toBeUndefined();
      expect(result.rows.invoices).toBeGreaterThan(0);
      expect(await restrictedKeys(ctx.target.db, 'support_tickets')).toEqual([]);
    });

    it('portability names the policy’s refusal and reasons instead of a missing legal basis', async () => {
      const ctx = await withRights(fx.ctx, {
        'customer-accounts': { portability: { available: false, reasons: ['others-rights'] } },
      });
      const data = await exportPortableData(ctx, jeanne);
      expect(data.tables.map((t) => t.table)).toEqual(['support_tickets', 'webinar_registrations']);
      expect(data.excluded.find((e) => e.table === 'customers')).toEqual({
        table: 'customers',
        reason: 'right-not-available',
        activity: 'customer-accounts',
        reasons: ['others-rights'],
      });
      // Tables without a consent or contract basis keep their own reason.
      expect(data.excluded.find((e) => e.table === 'login_events')).toEqual({
        table: 'login_events',
        reason: 'legal-basis',
      });
    });

    it('erasure keeps the tables of an activity refusing it, with the activity and the reasons', async () => {
      const ctx = await withRights(fx.ctx, {
        support: { erasure: { available: false, reasons: ['legal-claims'] } },
      });
      const plan = await planErasure(ctx, jeanne);
      const tickets = plan.tables.find((t) => t.table === 'support_tickets');
      expect(tickets?.rows).toBeGreaterThan(0);
      expect(tickets?.erase).toEqual([]);
      expect(tickets?.kept).toEqual([
        {
          reason: { kind: 'right-not-available', activity: 'support', reasons: ['legal-claims'] },
          keys: expect.any(Array),
        },
      ]);
      expect(tickets?.kept[0]?.keys.length).toBe(tickets?.rows);
    });
  });
}

/** Every activity of the fixture's data map. */
function activitiesOf(ctx: SubjectContext): string[] {
  return [...new Set(Object.values(ctx.datamap.tables).flatMap((t) => t.activities))];
}
