/**
 * Data-subject requests in the console: the inbox, one request in full (an audited read), intake
 * by an agent, assignment, notes, replies, extension, refusal, withdrawal and fulfilment through
 * the engine. Agents, the DPO and administrators act; auditors read.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Principal } from '../../accounts/principal.ts';
import { loadExportKey } from '../../crypto/export-key.ts';
import { RegistreError } from '../../errors/registry.ts';
import { createRequests, type RequestsService } from '../../requests/create-requests.ts';
import { ZFulfilment } from '../../requests/fulfil/fulfilment-input.ts';
import { createFulfilmentTarget } from '../../requests/fulfil/fulfilment-target.ts';
import { loadTargetConfig } from '../../requests/fulfil/target-config.ts';
import { ZAgentIntake, ZFreeText } from '../../requests/intake/intake-schemas.ts';
import { ZRequestListQuery } from '../../requests/read/list-requests.ts';
import { ZFulfilmentOutcome, ZManualRefusalGround } from '../../requests/types.ts';
import { toSummary, ZRequestDetail, ZRequestSummary } from '../../requests/views.ts';
import type { AppContext, RegistreApp, RouteModule } from '../context.ts';
import { ZErrorEnvelope } from '../errors.ts';

const services = new WeakMap<AppContext, RequestsService>();

/**
 * The requests service of an app, built once per app context and shared by the console, privacy
 * center and DRP routes. The fulfilment target (REGISTRE_TARGET_DB / REGISTRE_TARGET_DATAMAP, the
 * demo by default) is opened on the first fulfilment and closed with the app.
 */
export function requestsServiceFor(app: RegistreApp, ctx: AppContext): RequestsService {
  const existing = services.get(ctx);
  if (existing !== undefined) return existing;
  const target = createFulfilmentTarget(loadTargetConfig(process.env), ctx.clock);
  const service = createRequests({
    db: ctx.store.db,
    clock: ctx.clock,
    secret: ctx.secret,
    mailer: ctx.mailer,
    policy: ctx.policy,
    publicBaseUrl: ctx.config.publicBaseUrl,
    exportKey: () => loadExportKey(process.env),
    target,
  });
  app.addHook('onClose', async () => target.close());
  services.set(ctx, service);
  return service;
}

/** How a principal appears in timelines and audit entries. */
export function actorOf(request: FastifyRequest): string {
  const principal: Principal | null = request.principal;
  if (principal === null) {
    throw new RegistreError(
      'REG_ERR_SERVER_UNAUTHENTICATED',
      'this route needs a signed-in person or a token',
    );
  }
  return principal.kind === 'user' ? `user:${principal.userId}` : `token:${principal.tokenId}`;
}

const ZIdParams = z.strictObject({ id: z.uuid({ message: 'expected a request id (UUID)' }) });
const READ = { roles: ['admin', 'dpo', 'agent', 'auditor'], scopes: ['requests:read'] } as const;
const WRITE = { roles: ['admin', 'dpo', 'agent'], scopes: ['requests:write'] } as const;
const TAGS = ['requests'];
const MORE_ERRORS = { 410: ZErrorEnvelope, 422: ZErrorEnvelope, 502: ZErrorEnvelope, 503: ZErrorEnvelope };

export const requestRoutes: RouteModule = (app, ctx) => {
  const requests = requestsServiceFor(app, ctx);
  const summary = (record: Parameters<typeof toSummary>[0]) => toSummary(record, ctx.clock());

  app.get(
    '/v1/requests',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: 'The inbox: requests with their deadlines (no personal data)',
        querystring: ZRequestListQuery,
        response: { 200: z.array(ZRequestSummary) },
      },
    },
    async (request) => requests.list(request.query),
  );

  app.post(
    '/v1/requests',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: 'Record a request received by e-mail, letter, phone or in person',
        body: ZAgentIntake,
        response: { 201: ZRequestSummary, ...MORE_ERRORS },
      },
    },
    async (request, reply) => {
      const { request: record } = await requests.submitFromAgent(request.body, actorOf(request));
      return reply.status(201).send(summary(record));
    },
  );

  app.get(
    '/v1/requests/:id',
    {
      config: { access: READ },
      schema: {
        tags: TAGS,
        summary: "One request in full, with the subject's details and the timeline (audited read)",
        params: ZIdParams,
        response: { 200: ZRequestDetail },
      },
    },
    async (request) => requests.get(request.params.id, actorOf(request)),
  );

  app.post(
    '/v1/requests/:id/assign',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: 'Assign the request to an agent (null: unassign)',
        params: ZIdParams,
        body: z.strictObject({ assigneeId: z.uuid().nullable() }),
        response: { 200: ZRequestSummary },
      },
    },
    async (request) =>
      summary(await requests.assign(request.params.id, request.body.assigneeId, actorOf(request))),
  );

  app.post(
    '/v1/requests/:id/notes',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: 'Add an internal note (never sent to the subject)',
        params: ZIdParams,
        body: z.strictObject({ text: ZFreeText }),
        response: { 200: ZRequestSummary },
      },
    },
    async (request) =>
      summary(await requests.addNote(request.params.id, request.body.text, actorOf(request))),
  );

  app.post(
    '/v1/requests/:id/replies',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: 'E-mail a message to the subject',
        params: ZIdParams,
        body: z.strictObject({ text: ZFreeText }),
        response: { 200: ZRequestSummary, ...MORE_ERRORS },
      },
    },
    async (request) => summary(await requests.reply(request.params.id, request.body.text, actorOf(request))),
  );

  app.post(
    '/v1/requests/:id/extend',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: 'Extend the deadline by two further months (Art 12(3)); the reason is e-mailed',
        params: ZIdParams,
        body: z.strictObject({ reason: ZFreeText }),
        response: { 200: ZRequestSummary, ...MORE_ERRORS },
      },
    },
    async (request) =>
      summary(await requests.extend(request.params.id, request.body.reason, actorOf(request))),
  );

  app.post(
    '/v1/requests/:id/refuse',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: 'Refuse a manifestly unfounded or excessive request, with the reason (Art 12(5))',
        params: ZIdParams,
        body: z.strictObject({ ground: ZManualRefusalGround, reason: ZFreeText }),
        response: { 200: ZRequestSummary, ...MORE_ERRORS },
      },
    },
    async (request) =>
      summary(
        await requests.refuse(request.params.id, request.body.ground, request.body.reason, actorOf(request)),
      ),
  );

  app.post(
    '/v1/requests/:id/withdraw',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: 'Record that the subject withdrew the request',
        params: ZIdParams,
        body: z.strictObject({ reason: ZFreeText.optional() }),
        response: { 200: ZRequestSummary },
      },
    },
    async (request) =>
      summary(await requests.withdraw(request.params.id, actorOf(request), request.body.reason)),
  );

  app.post(
    '/v1/requests/:id/fulfil',
    {
      config: { access: WRITE },
      schema: {
        tags: TAGS,
        summary: "Run the engine on the organisation's database, hand over the copy, complete and answer",
        params: ZIdParams,
        body: ZFulfilment,
        response: {
          200: z.strictObject({ request: ZRequestSummary, outcome: ZFulfilmentOutcome }),
          ...MORE_ERRORS,
        },
      },
    },
    async (request) => {
      const record = await requests.fulfil(request.params.id, request.body, actorOf(request));
      if (record.outcome === null)
        throw new RegistreError('REG_ERR_INTERNAL', `request ${record.id} completed without outcome`);
      return { request: summary(record), outcome: record.outcome };
    },
  );
};
