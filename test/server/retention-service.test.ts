/**
 * The retention service itself (what the routes and the scheduler call), over a demo database
 * whose opening the test holds back: one execution per database within one process, a dry run
 * beside it, stopping before any effect, and resuming an engine run that an earlier process left
 * unfinished.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEngineContext } from '../../src/engine/load-context.ts';
import { executeSweep } from '../../src/engine/sweep/execute-sweep.ts';
import { planSweep } from '../../src/engine/sweep/plan-sweep.ts';
import { isRegistreError } from '../../src/errors/registry.ts';
import {
  createFulfilmentTarget,
  type FulfilmentTarget,
} from '../../src/requests/fulfil/fulfilment-target.ts';
import { createRetention, type RetentionService } from '../../src/retention/create-retention.ts';
import { DEMO_DATAMAP, DEMO_TODAY, demoTarget } from './requests-support.ts';
import { startTestServer, TEST_SECRET, type TestServer } from './support.ts';

describe('retention service', () => {
  let server: TestServer;
  let demo: Awaited<ReturnType<typeof demoTarget>>;
  let real: FulfilmentTarget;
  let release: () => void;
  let service: RetentionService;

  beforeEach(async () => {
    server = await startTestServer('sqlite');
    demo = await demoTarget();
    real = createFulfilmentTarget({ datamapPath: DEMO_DATAMAP, databaseUrl: demo.url, demo: false });
    const gate = new Promise<void>((done) => {
      release = done;
    });
    const gated = {
      config: real.config,
      open: async () => {
        await gate;
        return real.open();
      },
    };
    service = createRetention({
      db: server.store.db,
      clock: server.clock,
      secret: TEST_SECRET,
      target: gated,
    });
  });
  afterEach(async () => {
    release();
    await service.close();
    await real.close();
    await server.dispose();
    await demo.dispose();
  });

  async function due(): Promise<number> {
    const { target, datamap } = await real.open();
    return (await planSweep(target, buildEngineContext(datamap), { today: DEMO_TODAY })).totals.due;
  }

  it('runs one execution per database at a time; a dry run may run beside it', async () => {
    const first = await service.startRun({ mode: 'execute', startedBy: 'job:retention-sweep' });
    expect(first.run.status).toBe('queued');
    const second = await service.startRun({ mode: 'execute', startedBy: 'user:someone' }).then(
      () => null,
      (error: unknown) => error,
    );
    expect(isRegistreError(second) && second.code).toBe('REG_ERR_RETENTION_SWEEP_RUNNING');
    expect(isRegistreError(second) && second.status).toBe(409);
    server.clock.advance(1000);
    const dry = await service.startRun({ mode: 'dry-run', startedBy: 'user:someone' });

    const before = await due();
    expect(before).toBeGreaterThan(0);
    release();
    const [done, dryDone] = await Promise.all([first.completion, dry.completion]);
    expect(done.status).toBe('completed');
    expect(done.rows).toEqual({ total: before, done: before });
    expect(done.counts.deleted + done.counts.anonymised + done.counts.archived).toBe(before);
    expect(dryDone.status).toBe('completed');
    expect(await due()).toBe(0);

    // The lock went with the run: the next execution starts, finds nothing due.
    server.clock.advance(1000);
    const again = await service.startRun({ mode: 'execute', startedBy: 'job:retention-sweep' });
    const over = await again.completion;
    expect(over.status).toBe('completed');
    expect(over.engineRunId).toBeNull();
    expect(over.rows).toEqual({ total: 0, done: 0 });
    const listed = await service.listRuns();
    expect(listed.map((r) => r.id)).toEqual([again.run.id, dry.run.id, first.run.id]);
  });

  it('stops a queued execution before any effect when the process stops', async () => {
    const before = await due();
    const started = await service.startRun({ mode: 'execute', startedBy: 'job:retention-sweep' });
    const closing = service.close();
    release();
    await closing;
    const run = await started.completion;
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('REG_ERR_JOBS_STOPPED');
    expect(await due()).toBe(before);
    await expect(service.startRun({ mode: 'dry-run', startedBy: 'user:x' })).rejects.toThrow(/stopping/);
  });

  it('closes a run whose process stopped beating when runs are read', async () => {
    const at = server.clock().toISOString();
    const row = {
      mode: 'dry-run',
      target_key: 'x'.repeat(64),
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
      created_at: at,
      started_at: at,
      finished_at: null,
      updated_at: at,
      error_code: null,
      error_message: null,
    };
    await server.store.db
      .insertInto('retention_sweep_runs')
      .values([
        { ...row, id: '22222222-2222-4222-8222-222222222222', status: 'running' },
        { ...row, id: '33333333-3333-4333-8333-333333333333', status: 'queued' },
      ])
      .execute();
    // Within the lease: still running as far as anyone can tell.
    server.clock.advance(60_000);
    expect((await service.listRuns()).map((r) => r.status).sort()).toEqual(['queued', 'running']);
    // Past it with no heartbeat: interrupted.
    server.clock.advance(120_000);
    const runs = await service.listRuns();
    expect(runs.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(runs.every((r) => r.error?.code === 'REG_ERR_JOBS_STOPPED')).toBe(true);
  });

  it('resumes the engine run an earlier process left unfinished, counting its rows as done', async () => {
    release();
    const { target, datamap } = await real.open();
    const context = buildEngineContext(datamap);
    const plan = await planSweep(target, context, { today: DEMO_TODAY });
    const total = plan.totals.due;
    // The step with the most rows fails after its first batch (of 2): its other rows stay due.
    const largest = [...plan.steps].sort((a, b) => b.rows.due - a.rows.due)[0];
    expect(largest?.rows.due).toBeGreaterThan(2);
    let failed = false;
    const broken = await executeSweep(target, context, {
      today: DEMO_TODAY,
      batchSize: 2,
      secret: TEST_SECRET,
      onProgress: (progress) => {
        if (progress.step === largest?.id && !failed) {
          failed = true;
          throw new Error('killed');
        }
      },
    });
    expect(broken.status).toBe('failed');
    const earlier = broken.rows;
    expect(earlier).toBeGreaterThan(0);
    expect(earlier).toBeLessThan(total);

    server.clock.advance(3 * 86_400_000);
    const resumed = await (await service.startRun({ mode: 'execute', startedBy: 'job:retention-sweep' }))
      .completion;
    expect(resumed.status, JSON.stringify(resumed.error)).toBe('completed');
    expect(resumed.resumed).toBe(true);
    expect(resumed.engineRunId).toBe(broken.runId);
    // The day of the unfinished run, not the clock's.
    expect(resumed.today).toBe('2025-03-03');
    expect(resumed.rows).toEqual({ total, done: total });
    expect(resumed.counts.deleted + resumed.counts.anonymised + resumed.counts.archived).toBe(
      total - earlier,
    );
  });
});
