/** Breach register routes: the DPO records and completes; agents and auditors read. No delete. */
import { z } from 'zod';
import { createBreachRegister } from '../../breach/breach-register.ts';
import {
  ZAssessmentInput,
  ZBreachContent,
  ZBreachSummary,
  ZBreachView,
  ZNotificationInput,
  ZRecordBreachInput,
} from '../../breach/breach-types.ts';
import { actorOf } from '../../consent/actor.ts';
import type { RouteModule } from '../context.ts';

const READ = { roles: ['dpo', 'agent', 'auditor'], scopes: ['breaches:read'] } as const;
const WRITE = { roles: ['dpo'] } as const;
const ZId = z.strictObject({ id: z.uuid() });

export const breachRoutes: RouteModule = (app, ctx) => {
  const register = createBreachRegister({ db: ctx.store.db, clock: ctx.clock, policy: () => ctx.policy });
  const tags = ['breaches'];

  app.get(
    '/v1/breaches',
    {
      config: { access: READ },
      schema: {
        tags,
        summary: 'Every breach, with its 72-hour clock',
        querystring: z.strictObject({ status: z.enum(['open', 'closed']).optional() }),
        response: { 200: z.array(ZBreachSummary) },
      },
    },
    async (request) => register.list(request.query.status),
  );

  app.get(
    '/v1/breaches/:id',
    {
      config: { access: READ },
      schema: { tags, summary: 'One breach, whole', params: ZId, response: { 200: ZBreachView } },
    },
    async (request) => register.get(request.params.id),
  );

  app.post(
    '/v1/breaches',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Record a breach (the clock starts at awareness)',
        body: ZRecordBreachInput,
        response: { 201: ZBreachView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await register.record(request.body, actorOf(request.principal))),
  );

  app.post(
    '/v1/breaches/:id/phases',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Add Art 33(3) content as it becomes known (Art 33(4))',
        params: ZId,
        body: ZBreachContent,
        response: { 200: ZBreachView },
      },
    },
    async (request) => register.addPhase(request.params.id, request.body, actorOf(request.principal)),
  );

  app.post(
    '/v1/breaches/:id/assessment',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Risk level and the decisions to notify the authority and inform the subjects',
        params: ZId,
        body: ZAssessmentInput,
        response: { 200: ZBreachView },
      },
    },
    async (request) => register.assess(request.params.id, request.body, actorOf(request.principal)),
  );

  app.post(
    '/v1/breaches/:id/notifications',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Record a notification made (authority, subjects, public, controller)',
        params: ZId,
        body: ZNotificationInput,
        response: { 200: ZBreachView },
      },
    },
    async (request) => register.notify(request.params.id, request.body, actorOf(request.principal)),
  );

  app.post(
    '/v1/breaches/:id/close',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Close a complete breach record (kept for good)',
        params: ZId,
        response: { 200: ZBreachView },
      },
    },
    async (request) => register.close(request.params.id, actorOf(request.principal)),
  );
};
