/**
 * The job runner on both queues: schedules (once per slot, a missed slot once at start), one-off
 * jobs that survive a restart, retries, payload validation, and — on PostgreSQL — two runners
 * (two "processes") sharing one store run each slot once. Time is the test clock; `tick()` does
 * one round.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJobRunner, type JobRunner } from '../../src/jobs/create-job-runner.ts';
import { createPgBossQueue, pgBossSchemaFor } from '../../src/jobs/queues/pg-boss-queue.ts';
import { createStoreQueue } from '../../src/jobs/queues/store-queue.ts';
import { availableDialects } from '../support/targets.ts';
import { countingJob, type JobsStore, jobsStore } from './jobs-support.ts';
import { testClock } from './support.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const dialects = await availableDialects(['sqlite', 'postgres']);

describe.each(dialects)('job runner (%s)', (dialect) => {
  let fixture: JobsStore;
  const runners: JobRunner[] = [];
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
    await fixture?.dispose();
  });

  async function started(runner: JobRunner): Promise<JobRunner> {
    runners.push(runner);
    await runner.start();
    await runner.whenIdle();
    return runner;
  }

  it('runs a scheduled job once per slot, and once for slots that passed between two ticks', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock(new Date('2025-03-03T09:00:30.000Z'));
    const count = countingJob();
    const runner = await started(
      createJobRunner({
        store: fixture.store,
        clock,
        types: [count.type],
        schedules: [{ job: 'count', cron: '*/5 * * * *', payload: { n: 7 } }],
        pollSeconds: null,
      }),
    );
    expect(runner.queueKind).toBe(dialect === 'postgres' ? 'pg-boss' : 'in-process');
    // Registered at start: the first slot is the next one, nothing is owed for the past.
    expect(count.seen).toEqual([]);
    const row = await fixture.store.db.selectFrom('job_schedules').selectAll().executeTakeFirstOrThrow();
    expect(row.next_run_at).toBe('2025-03-03T09:05:00.000Z');

    clock.set(new Date('2025-03-03T09:04:59.000Z'));
    expect((await runner.tick()).runs).toEqual([]);
    clock.set(new Date('2025-03-03T09:05:00.000Z'));
    const report = await runner.tick();
    expect(report.queued).toEqual(['count@2025-03-03T09:05:00.000Z']);
    expect(report.runs.map((r) => [r.status, r.slot, r.summary])).toEqual([
      ['succeeded', '2025-03-03T09:05:00.000Z', { counted: 1 }],
    ]);
    expect(await runner.tick()).toEqual({ queued: [], runs: [] });

    // Forty minutes without a tick: one run, for the first missed slot.
    clock.advance(40 * MINUTE);
    await runner.tick();
    expect(count.seen).toEqual([
      { n: 7, slot: '2025-03-03T09:05:00.000Z', attempt: 1 },
      { n: 7, slot: '2025-03-03T09:10:00.000Z', attempt: 1 },
    ]);
    const after = await fixture.store.db.selectFrom('job_schedules').selectAll().executeTakeFirstOrThrow();
    expect(after.next_run_at).toBe('2025-03-03T09:50:00.000Z');
    const runs = await fixture.store.db.selectFrom('job_runs').selectAll().orderBy('started_at').execute();
    expect(runs.map((r) => [r.status, r.slot, r.summary])).toEqual([
      ['succeeded', '2025-03-03T09:05:00.000Z', '{"counted":1}'],
      ['succeeded', '2025-03-03T09:10:00.000Z', '{"counted":1}'],
    ]);
  });

  it('runs a slot missed while no process ran once at start, and restarts a changed schedule from now', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock(new Date('2025-03-03T09:30:00.000Z'));
    const count = countingJob();
    const options = {
      store: fixture.store,
      clock,
      types: [count.type],
      schedules: [{ job: 'count', cron: '0 * * * *' }],
      pollSeconds: null,
    };
    const first = await started(createJobRunner(options));
    await first.stop();
    clock.advance(5 * HOUR);
    await started(createJobRunner(options));
    expect(count.seen).toEqual([{ n: 0, slot: '2025-03-03T10:00:00.000Z', attempt: 1 }]);

    // Another expression: no catch-up, the next slot of the new one.
    const third = await started(
      createJobRunner({ ...options, schedules: [{ job: 'count', cron: '15 3 * * *' }] }),
    );
    expect(count.seen).toHaveLength(1);
    const row = await fixture.store.db.selectFrom('job_schedules').selectAll().executeTakeFirstOrThrow();
    expect([row.cron, row.next_run_at]).toEqual(['15 3 * * *', '2025-03-04T03:15:00.000Z']);
    await third.stop();
  });

  it('keeps a pending one-off job across a restart', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock();
    const count = countingJob();
    const options = { store: fixture.store, clock, types: [count.type], pollSeconds: null };
    const first = await started(createJobRunner(options));
    await first.enqueue('count', { n: 1 });
    await first.stop();
    expect(count.seen).toEqual([]);
    await started(createJobRunner(options));
    expect(count.seen).toEqual([{ n: 1, slot: null, attempt: 1 }]);
  });

  it('validates payloads and job names when a job is queued', async () => {
    fixture = await jobsStore(dialect);
    const count = countingJob();
    const runner = await started(
      createJobRunner({ store: fixture.store, clock: testClock(), types: [count.type], pollSeconds: null }),
    );
    await expect(runner.enqueue('count', { n: -1 })).rejects.toMatchObject({
      code: 'REG_ERR_JOBS_PAYLOAD',
      message: expect.stringContaining('n:'),
    });
    await expect(runner.enqueue('count', { n: 1, extra: true })).rejects.toMatchObject({
      code: 'REG_ERR_JOBS_PAYLOAD',
    });
    await expect(runner.enqueue('nope', {})).rejects.toMatchObject({
      code: 'REG_ERR_JOBS_UNKNOWN',
      message: expect.stringContaining('count'),
    });
    expect(() =>
      createJobRunner({
        store: fixture.store,
        clock: testClock(),
        types: [count.type],
        schedules: [{ job: 'count', cron: '61 * * * *' }],
        pollSeconds: null,
      }),
    ).toThrow(/minute: 61 is outside 0–59/);
    expect((await runner.tick()).runs).toEqual([]);
  });

  it('completes a slot at most once: a second delivery of a completed slot is skipped', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock(new Date('2025-03-03T09:00:00.000Z'));
    const count = countingJob();
    const queue =
      dialect === 'postgres'
        ? createPgBossQueue(fixture.store, { schema: await pgBossSchemaFor(fixture.store, null) })
        : createStoreQueue(fixture.store);
    const runner = await started(
      createJobRunner({
        store: fixture.store,
        clock,
        types: [count.type],
        schedules: [{ job: 'count', cron: '0 * * * *' }],
        queue,
        pollSeconds: null,
      }),
    );
    clock.set(new Date('2025-03-03T10:00:00.000Z'));
    expect((await runner.tick()).runs.map((r) => r.status)).toEqual(['succeeded']);
    // The same slot delivered again (as after a process died between running and completing).
    await queue.enqueue(
      fixture.store.db,
      {
        job: 'count',
        payload: {},
        slot: '2025-03-03T10:00:00.000Z',
        runAt: null,
        retry: count.type.retry,
        expireSeconds: 60,
      },
      clock(),
    );
    expect((await runner.tick()).runs.map((r) => [r.status, r.slot])).toEqual([
      ['skipped', '2025-03-03T10:00:00.000Z'],
    ]);
    expect(count.seen).toHaveLength(1);
    // And the store refuses a second completion of the slot outright.
    await expect(
      fixture.store.db
        .insertInto('job_runs')
        .values({
          id: 'second-completion',
          job: 'count',
          runner: queue.kind,
          instance: 'test',
          queue_job_id: 'x',
          slot: '2025-03-03T10:00:00.000Z',
          attempt: 1,
          status: 'succeeded',
          started_at: clock().toISOString(),
          finished_at: clock().toISOString(),
          summary: null,
          error_code: null,
        })
        .execute(),
    ).rejects.toThrow();
  });

  it('clears every interval it (and pg-boss) set once stopped', async () => {
    fixture = await jobsStore(dialect);
    const created = new Set<unknown>();
    const cleared = new Set<unknown>();
    const realSet = globalThis.setInterval;
    const realClear = globalThis.clearInterval;
    const setSpy = vi.spyOn(globalThis, 'setInterval').mockImplementation(((
      ...args: Parameters<typeof setInterval>
    ) => {
      const handle = realSet(...args);
      created.add(handle);
      return handle;
    }) as typeof setInterval);
    const clearSpy = vi.spyOn(globalThis, 'clearInterval').mockImplementation(((handle: NodeJS.Timeout) => {
      cleared.add(handle);
      realClear(handle);
    }) as typeof clearInterval);
    try {
      const runner = createJobRunner({
        store: fixture.store,
        clock: testClock(),
        types: [countingJob().type],
        schedules: [{ job: 'count', cron: '0 * * * *' }],
        pollSeconds: 30,
      });
      await runner.start();
      await runner.whenIdle();
      // The runner's poll timer, and pg-boss's maintenance on PostgreSQL.
      expect(created.size).toBe(dialect === 'postgres' ? 2 : 1);
      await runner.stop();
      expect([...created].filter((handle) => !cleared.has(handle))).toEqual([]);
    } finally {
      setSpy.mockRestore();
      clearSpy.mockRestore();
    }
  });

  it('retries a failing job up to its limit, then leaves it failed', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock();
    // On PostgreSQL pg-boss times retries with the database clock: no delay there, so that the
    // test needs no waiting; the in-process queue follows the test clock (60 s, doubling).
    const count = countingJob('flaky', {
      limit: 2,
      delaySeconds: dialect === 'postgres' ? 0 : 60,
      backoff: dialect !== 'postgres',
    });
    count.failing = true;
    const runner = await started(
      createJobRunner({ store: fixture.store, clock, types: [count.type], pollSeconds: null }),
    );
    await runner.enqueue('flaky', { n: 3 });
    const first = await runner.tick();
    expect(first.runs.map((r) => [r.status, r.attempt, r.errorCode])).toEqual([['failed', 1, 'Error']]);
    expect(first.runs[0]?.retryAt).not.toBeNull();
    if (dialect === 'sqlite') {
      expect(first.runs[0]?.retryAt).toBe(new Date(clock().getTime() + 60_000).toISOString());
      expect((await runner.tick()).runs).toEqual([]);
      clock.advance(60_000);
    }
    const second = await runner.tick();
    expect(second.runs.map((r) => [r.status, r.attempt])).toEqual([['failed', 2]]);
    if (dialect === 'sqlite') {
      expect(second.runs[0]?.retryAt).toBe(new Date(clock().getTime() + 120_000).toISOString());
      clock.advance(120_000);
    }
    const third = await runner.tick();
    expect(third.runs.map((r) => [r.status, r.attempt, r.retryAt])).toEqual([['failed', 3, null]]);
    clock.advance(HOUR);
    expect((await runner.tick()).runs).toEqual([]);
    expect(count.seen.map((s) => s.attempt)).toEqual([1, 2, 3]);
    const runs = await fixture.store.db.selectFrom('job_runs').select(['status', 'error_code']).execute();
    expect(runs).toEqual([
      { status: 'failed', error_code: 'Error' },
      { status: 'failed', error_code: 'Error' },
      { status: 'failed', error_code: 'Error' },
    ]);
  });
});

describe.each(dialects.filter((d) => d === 'sqlite'))('in-process queue (%s)', (dialect) => {
  let fixture: JobsStore;
  afterEach(async () => fixture?.dispose());

  it('runs a one-off job at its time, after a restart, following the clock', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock();
    const count = countingJob();
    const options = { store: fixture.store, clock, types: [count.type], pollSeconds: null };
    const first = createJobRunner(options);
    await first.start();
    await first.enqueue('count', { n: 2 }, { runAt: new Date(clock().getTime() + HOUR) });
    await first.stop();
    const second = createJobRunner(options);
    await second.start();
    await second.whenIdle();
    expect(count.seen).toEqual([]);
    clock.advance(HOUR);
    await second.tick();
    expect(count.seen).toEqual([{ n: 2, slot: null, attempt: 1 }]);
    await second.stop();
    expect(await fixture.store.db.selectFrom('job_queue').selectAll().execute()).toEqual([]);
  });

  it('retries an attempt whose process died once its lease is over', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock();
    const count = countingJob('count', { limit: 1, delaySeconds: 0 });
    const runner = createJobRunner({ store: fixture.store, clock, types: [count.type], pollSeconds: null });
    await runner.start();
    await runner.whenIdle();
    await runner.enqueue('count', { n: 4 });
    // A process took the job and died: the row stays `running` with a lease.
    await fixture.store.db
      .updateTable('job_queue')
      .set({
        state: 'running',
        attempts: 1,
        lease_until: new Date(clock().getTime() + 900_000).toISOString(),
      })
      .execute();
    expect((await runner.tick()).runs).toEqual([]);
    clock.advance(900_000);
    const report = await runner.tick();
    expect(report.runs.map((r) => [r.status, r.attempt])).toEqual([['succeeded', 2]]);
    await runner.stop();
  });
});

describe.each(dialects.filter((d) => d === 'postgres'))('two processes on one store (%s)', (dialect) => {
  let fixture: JobsStore;
  afterEach(async () => fixture?.dispose());

  it('runs each scheduled slot once, not once per process', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock(new Date('2025-03-03T09:00:00.000Z'));
    const count = countingJob();
    const make = (store: typeof fixture.store) =>
      createJobRunner({
        store,
        clock,
        types: [count.type],
        schedules: [{ job: 'count', cron: '* * * * *' }],
        pollSeconds: null,
      });
    const a = make(fixture.store);
    const b = make(fixture.openAnother());
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    try {
      const slots = 12;
      const perRunner = { a: 0, b: 0 };
      for (let minute = 1; minute <= slots; minute += 1) {
        clock.advance(MINUTE);
        // Both processes tick at the same time, twice.
        const reports = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
        perRunner.a += (reports[0]?.runs.length ?? 0) + (reports[2]?.runs.length ?? 0);
        perRunner.b += (reports[1]?.runs.length ?? 0) + (reports[3]?.runs.length ?? 0);
      }
      expect(count.seen).toHaveLength(slots);
      expect(new Set(count.seen.map((s) => s.slot)).size).toBe(slots);
      expect(perRunner.a + perRunner.b).toBe(slots);
      const runs = await fixture.store.db.selectFrom('job_runs').select(['status', 'instance']).execute();
      expect(runs).toHaveLength(slots);
      expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    } finally {
      await a.stop();
      await b.stop();
    }
  });

  it('hands each one-off job to one process', async () => {
    fixture = await jobsStore(dialect);
    const clock = testClock();
    const count = countingJob();
    const make = (store: typeof fixture.store) =>
      createJobRunner({ store, clock, types: [count.type], pollSeconds: null, batchSize: 3 });
    const a = make(fixture.store);
    const b = make(fixture.openAnother());
    await Promise.all([a.start(), b.start()]);
    await Promise.all([a.whenIdle(), b.whenIdle()]);
    try {
      for (let n = 0; n < 20; n += 1) await (n % 2 === 0 ? a : b).enqueue('count', { n });
      const reports = await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
      expect(count.seen.map((s) => s.n).sort((x, y) => x - y)).toEqual([...Array(20).keys()]);
      expect(reports.reduce((sum, r) => sum + r.runs.length, 0)).toBe(20);
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});
