/**
 * Retention routes on SQLite and PostgreSQL stores, over a demo organisation database (SQLite,
 * 60 people, generated for the test clock's day): the plan per activity, a dry run that writes
 * nothing, an execution whose counts match the plan and after which nothing is due, one execution
 * at a time per database (409), role and scope refusals, validation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTarget } from '../../src/engine/db/connect.ts';
import { loadEngineContext } from '../../src/engine/load-context.ts';
import { planSweep } from '../../src/engine/sweep/plan-sweep.ts';
import { targetKeyOf } from '../../src/retention/create-retention.ts';
import type { TRetentionPlanView, TSweepRunView } from '../../src/retention/types.ts';
import { availableDialects } from '../support/targets.ts';
import { DEMO_DATAMAP, DEMO_TODAY, demoTarget, expectStatus, pointFulfilmentAt } from './requests-support.ts';
import {
  createAccountsFor,
  signedInPerson,
  startTestServer,
  type TestPerson,
  type TestServer,
} from './support.ts';

let target: Awaited<ReturnType<typeof demoTarget>>;

/** Poll the run until it is over (the sweep runs in the background of the app). */
async function finished(server: TestServer, who: TestPerson, id: string): Promise<TSweepRunView> {
  for (let i = 0; i < 400; i += 1) {
    const run = expectStatus<TSweepRunView>(
      await server.app.inject({
        method: 'GET',
        url: `/v1/retention/sweeps/${id}`,
        headers: { cookie: who.cookie },
      }),
      200,
    );
    if (run.status === 'completed' || run.status === 'failed') return run;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error(`sweep ${id} did not finish`);
}

/** The plan computed on the demo database directly, for the test clock's day. */
async function directPlan() {
  const db = openTarget(target.url);
  try {
    return await planSweep(db, await loadEngineContext(DEMO_DATAMAP), { today: DEMO_TODAY });
  } finally {
    await db.close();
  }
}

async function auditRows(actor: string): Promise<number> {
  const db = openTarget(target.url);
  try {
    const rows = await db.db
      .selectFrom('registre_audit')
      .select(['actor', 'operation'])
      .where('actor', '=', actor)
      .execute();
    return rows.filter((r) => String(r.operation).startsWith('retention.')).length;
  } finally {
    await db.close();
  }
}

describe.sequential.each(await availableDialects(['sqlite', 'postgres']))(
  'retention routes (%s store)',
  (dialect) => {
    let server: TestServer;
    let dpo: TestPerson;
    let admin: TestPerson;
    let auditor: TestPerson;
    let agent: TestPerson;

    beforeAll(async () => {
      // Each store gets its own demo database, generated for the test clock's day.
      target = await demoTarget();
      pointFulfilmentAt(target.url);
      server = await startTestServer(dialect);
      [dpo, admin, auditor, agent] = [
        await signedInPerson(server, 'dpo'),
        await signedInPerson(server, 'admin'),
        await signedInPerson(server, 'auditor'),
        await signedInPerson(server, 'agent'),
      ];
    });
    afterAll(async () => {
      await server.dispose();
      await target.dispose();
    });

    const call = (method: 'GET' | 'POST', url: string, who?: TestPerson, payload?: unknown) =>
      server.app.inject({
        method,
        url,
        ...(who === undefined ? {} : { headers: { cookie: who.cookie } }),
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    it('refuses by role and scope, and validates the body', async () => {
      expect((await call('GET', '/v1/retention/plan')).statusCode).toBe(401);
      expect((await call('GET', '/v1/retention/plan', agent)).statusCode).toBe(403);
      expect((await call('POST', '/v1/retention/sweeps', agent, { mode: 'dry-run' })).statusCode).toBe(403);
      expect((await call('POST', '/v1/retention/sweeps', auditor, { mode: 'dry-run' })).statusCode).toBe(403);
      expect((await call('GET', '/v1/retention/sweeps', auditor)).statusCode).toBe(200);

      const accounts = createAccountsFor(server);
      const reader = await accounts.createApiToken({ name: 'reader', scopes: ['retention:read'] }, null);
      const asToken = (token: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
        server.app.inject({
          method,
          url,
          headers: { authorization: `Bearer ${token}` },
          ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
        });
      expect((await asToken(reader.token, 'GET', '/v1/retention/sweeps')).statusCode).toBe(200);
      expect(
        (await asToken(reader.token, 'POST', '/v1/retention/sweeps', { mode: 'dry-run' })).statusCode,
      ).toBe(403);

      const bad = expectStatus<{ code: string; details: { path: string }[] }>(
        await call('POST', '/v1/retention/sweeps', dpo, { mode: 'purge' }),
        400,
      );
      expect(bad.code).toBe('REG_ERR_SERVER_VALIDATION');
      expect(bad.details.map((d) => d.path)).toContain('body.mode');
      const batch = expectStatus<{ details: { path: string }[] }>(
        await call('POST', '/v1/retention/sweeps', dpo, { mode: 'execute', batchSize: 0 }),
        400,
      );
      expect(batch.details.map((d) => d.path)).toContain('body.batchSize');
      const unknown = expectStatus<{ code: string }>(
        await call('GET', '/v1/retention/sweeps/00000000-0000-4000-8000-000000000000', dpo),
        404,
      );
      expect(unknown.code).toBe('REG_ERR_RETENTION_RUN_NOT_FOUND');
    });

    it('gives the plan per activity and table, and a dry run that writes nothing', async () => {
      const plan = expectStatus<TRetentionPlanView>(await call('GET', '/v1/retention/plan', auditor), 200);
      expect(plan.today).toBe('2025-03-03');
      expect(plan.errors).toEqual([]);
      expect(plan.totals.due).toBeGreaterThan(0);
      const perActivity = plan.activities.reduce((sum, a) => sum + a.due, 0);
      expect(perActivity).toBe(plan.totals.due);
      const steps = plan.activities.flatMap((a) => a.steps);
      expect(steps.reduce((sum, s) => sum + (s.effect === 'keep' ? 0 : s.rows.due), 0)).toBe(plan.totals.due);
      for (const step of steps) {
        expect(step.rule.duration).toMatch(/^P/);
        expect(step.rule.words.fr.length).toBeGreaterThan(0);
      }

      const started = expectStatus<TSweepRunView>(
        await call('POST', '/v1/retention/sweeps', dpo, { mode: 'dry-run' }),
        202,
      );
      expect(started.status).toBe('queued');
      expect(started.startedBy).toBe(`user:${dpo.id}`);
      const run = await finished(server, dpo, started.id);
      expect(run.status).toBe('completed');
      expect(run.counts.deleted).toBe(plan.totals.byEffect.delete);
      expect(run.counts.anonymised).toBe(plan.totals.byEffect.anonymise);
      expect(run.counts.archived).toBe(plan.totals.byEffect.archive);
      expect(run.rows).toEqual({ total: plan.totals.due, done: 0 });
      // Read the database itself (the route may serve a plan computed a moment ago).
      expect((await directPlan()).totals).toMatchObject(plan.totals);
    });

    it('refuses an execution while another one holds the database (409), takes over an expired lease', async () => {
      const key = targetKeyOf(target.url);
      const now = server.clock();
      const other = '11111111-1111-4111-8111-111111111111';
      await server.store.db
        .insertInto('retention_sweep_runs')
        .values({
          id: other,
          mode: 'execute',
          status: 'running',
          target_key: key,
          started_by: 'job:retention-sweep',
          today: null,
          engine_run_id: null,
          resumed: 0,
          batch_size: 500,
          rows_total: 0,
          rows_done: 0,
          deleted: 0,
          anonymised: 0,
          archived: 0,
          held: 0,
          blocked: 0,
          restricted: 0,
          created_at: now.toISOString(),
          started_at: now.toISOString(),
          finished_at: null,
          updated_at: now.toISOString(),
          error_code: null,
          error_message: null,
        })
        .execute();
      await server.store.db
        .insertInto('retention_sweep_locks')
        .values({
          target_key: key,
          run_id: other,
          acquired_at: now.toISOString(),
          lease_until: new Date(now.getTime() + 60_000).toISOString(),
        })
        .execute();
      const refused = expectStatus<{ code: string; message: string }>(
        await call('POST', '/v1/retention/sweeps', admin, { mode: 'execute' }),
        409,
      );
      expect(refused.code).toBe('REG_ERR_RETENTION_SWEEP_RUNNING');
      // A dry run writes nothing: it may run meanwhile.
      const dry = expectStatus<TSweepRunView>(
        await call('POST', '/v1/retention/sweeps', admin, { mode: 'dry-run' }),
        202,
      );
      await finished(server, admin, dry.id);
      const plan = expectStatus<TRetentionPlanView>(await call('GET', '/v1/retention/plan', dpo), 200);
      expect(plan.running?.id).toBe(other);

      // The other process died: once its lease is over, the next execution takes the database.
      server.clock.advance(5 * 60_000);
      const started = expectStatus<TSweepRunView>(
        await call('POST', '/v1/retention/sweeps', dpo, { mode: 'execute', batchSize: 7 }),
        202,
      );
      const interrupted = expectStatus<TSweepRunView>(
        await call('GET', `/v1/retention/sweeps/${other}`, dpo),
        200,
      );
      expect(interrupted.status).toBe('failed');
      expect(interrupted.error?.code).toBe('REG_ERR_JOBS_STOPPED');

      const run = await finished(server, dpo, started.id);
      expect(run.status, JSON.stringify(run.error)).toBe('completed');
      expect(run.counts.deleted).toBe(plan.totals.byEffect.delete);
      expect(run.counts.anonymised).toBe(plan.totals.byEffect.anonymise);
      expect(run.counts.archived).toBe(plan.totals.byEffect.archive);
      expect(run.counts.held).toBe(plan.totals.held);
      expect(run.rows.done).toBe(plan.totals.due);
      expect(run.engineRunId).toMatch(/^sweep_/);
      // The engine wrote one audit entry per batch of 7 rows at most, with the DPO as actor.
      expect(await auditRows(`user:${dpo.id}`)).toBeGreaterThanOrEqual(Math.ceil(plan.totals.due / 7));
      expect(run.rows.done).toBe(run.rows.total);
      for (const step of run.steps) {
        expect(['done', 'skipped']).toContain(step.status);
        expect(step.done).toBe(step.total);
      }
      const after = expectStatus<TRetentionPlanView>(await call('GET', '/v1/retention/plan', dpo), 200);
      expect(after.totals.due).toBe(0);
      expect(after.running).toBeNull();
      expect((await directPlan()).totals.due).toBe(0);

      const list = expectStatus<TSweepRunView[]>(
        await call('GET', '/v1/retention/sweeps?limit=50', auditor),
        200,
      );
      expect(list[0]?.id).toBe(started.id);
      expect(list.map((r) => r.id)).toContain(other);
    });
  },
);
