/**
 * Retention in the console: the sweep plan of the organisation's database per activity and
 * table, sweeps started as a dry run or an execution (run in the background; the console polls
 * the run), and past runs. The DPO and administrators run sweeps; auditors read. Executions write
 * their audit entries through the engine, in the organisation's database.
 */
import { z } from 'zod';
import { createFulfilmentTarget } from '../../requests/fulfil/fulfilment-target.ts';
import { loadTargetConfig } from '../../requests/fulfil/target-config.ts';
import { createRetention, type RetentionService } from '../../retention/create-retention.ts';
import { ZRetentionPlanView, ZStartSweep, ZSweepRunListQuery, ZSweepRunView } from '../../retention/types.ts';
import type { AppContext, RegistreApp, RouteModule } from '../context.ts';
import { ZErrorEnvelope } from '../errors.ts';
import { actorOf } from './requests.ts';

const READ = { roles: ['admin', 'dpo', 'auditor'], scopes: ['retention:read'] } as const;
const RUN = { roles: ['admin', 'dpo'], scopes: ['retention:run'] } as const;
const TAGS = ['retention'];
const MORE_ERRORS = { 502: ZErrorEnvelope, 503: ZErrorEnvelope };
const ZRunParams = z.strictObject({ id: z.uuid({ message: 'expected a sweep id (UUID)' }) });

const services = new WeakMap<AppContext, RetentionService>();

/**
 * The retention service of an app, built once per app context. The organisation's database
 * (REGISTRE_TARGET_DB / REGISTRE_TARGET_DATAMAP, the demo by default) is opened on first use;
 * on close, running sweeps stop after their current batch and the database is closed.
 */
export function retentionServiceFor(app: RegistreApp, ctx: AppContext): RetentionService {
  const existing = services.get(ctx);
  if (existing !== undefined) return existing;
  const target = createFulfilmentTarget(loadTargetConfig(process.env), ctx.clock);
  const service = createRetention({ db: ctx.store.db, clock: ctx.clock, secret: ctx.secret, target });
  app.addHook('onClose', async () => {
    await service.close();
    await target.close();
  });
  services.set(ctx, service);
  return service;
}

export const retentionRoutes: RouteModule = (app, ctx) => {
  const retention = retentionServiceFor(app, ctx);

  app.get(
    '/v1/retention/plan',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'The retention sweep plan for today, per activity and table (reads only)',
        description:
          'Rows past their retention deadline that a sweep would archive, delete or anonymise, and the rows kept (legal hold, still referenced, restricted), per step with its rule and duration. Computed on each call; `running` is the execution in progress, if any.',
        response: { 200: ZRetentionPlanView, ...MORE_ERRORS },
      },
    },
    async () => retention.plan(),
  );

  app.post(
    '/v1/retention/sweeps',
    {
      config: { access: RUN },
      schema: {
        tags: TAGS,
        summary: 'Start a sweep: a dry run (writes nothing) or an execution, run in the background',
        description:
          'Answers 202 with the queued run; poll `GET /v1/retention/sweeps/{id}` for its progress. One execution at a time per database: a second one answers 409 `REG_ERR_RETENTION_SWEEP_RUNNING`.',
        body: ZStartSweep,
        response: { 202: ZSweepRunView, ...MORE_ERRORS },
      },
    },
    async (request, reply) => {
      const { run } = await retention.startRun({
        mode: request.body.mode,
        startedBy: actorOf(request),
        ...(request.body.batchSize === undefined ? {} : { batchSize: request.body.batchSize }),
      });
      return reply.status(202).send(run);
    },
  );

  app.get(
    '/v1/retention/sweeps',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'Past and running sweeps, newest first, with their steps',
        querystring: ZSweepRunListQuery,
        response: { 200: z.array(ZSweepRunView) },
      },
    },
    async (request) => retention.listRuns(request.query.limit ?? 20),
  );

  app.get(
    '/v1/retention/sweeps/:id',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: "One sweep: its status, its steps' progress (rows done / total), its counts",
        params: ZRunParams,
        response: { 200: ZSweepRunView },
      },
    },
    async (request) => retention.getRun(request.params.id),
  );
};
