/**
 * Consent ledger routes: the public privacy center (a visitor named by a signed random cookie),
 * the API for applications (`may-process`, consent they collect, objections, restriction) and
 * the console's read-only views. Handlers parse, call the ledger, return the view.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, SUBJECT_ACTOR } from '../../consent/actor.ts';
import {
  ZConsentBody,
  ZConsentRecordView,
  ZGpcView,
  ZLang,
  ZLiftObjectionBody,
  ZLiftRestrictionBody,
  ZMayProcessBody,
  ZMayProcessQuery,
  ZObjectionBody,
  ZObjectionRecordView,
  ZObjectionScope,
  ZPrivacyCenterConsentBody,
  ZRestrictionBody,
  ZSubjectQuery,
} from '../../consent/api-schemas.ts';
import { ZConsentReceipt } from '../../consent/build-receipt.ts';
import { type ConsentLedger, createConsentLedger } from '../../consent/consent-ledger.ts';
import { ZPurposeCounts } from '../../consent/count-by-purpose.ts';
import {
  newSubjectCookie,
  PRIVACY_CENTER_COOKIE,
  PRIVACY_CENTER_COOKIE_MAX_AGE_SECONDS,
  verifySubjectCookie,
} from '../../consent/privacy-center-subject.ts';
import { ZSubjectHistory } from '../../consent/read-history.ts';
import { ZPreferences } from '../../consent/read-ledger.ts';
import type { TSubjectInput } from '../../consent/subject-key.ts';
import { ZProcessingDecision } from '../../consent/types.ts';
import { RegistreError } from '../../errors/registry.ts';
import type { AppContext, RouteModule } from '../context.ts';

const CONSOLE_READ = { roles: ['dpo', 'agent', 'auditor'], scopes: ['consent:read'] } as const;
const API_READ = { roles: ['dpo', 'agent'], scopes: ['consent:read'] } as const;
const API_WRITE = { roles: ['dpo', 'agent'], scopes: ['consent:write'] } as const;
const ACTIONS = ['give', 'withdraw', 'refuse'] as const;
const ZId = z.strictObject({ id: z.uuid() });

/** The ledger over the server's store and policy (a missing policy fails each call, not the start). */
export function ledgerFor(ctx: AppContext): ConsentLedger {
  return createConsentLedger({
    db: ctx.store.db,
    clock: ctx.clock,
    secret: ctx.secret,
    policy: () => {
      if (ctx.policy === null) {
        throw new RegistreError('REG_ERR_CONSENT_POLICY_MISSING', 'no policy is loaded (REGISTRE_POLICY)');
      }
      return ctx.policy;
    },
    noticeUrl: (version) => `${ctx.config.publicBaseUrl}/v1/notices/versions/${version}`,
  });
}

/** The visitor named by the cookie; a new visitor gets a new id and its cookie. */
function visitor(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): TSubjectInput {
  const known = verifySubjectCookie(ctx.secret, request.cookies[PRIVACY_CENTER_COOKIE]);
  if (known !== null) return { id: known };
  const fresh = newSubjectCookie(ctx.secret);
  reply.setCookie(PRIVACY_CENTER_COOKIE, fresh.value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.secureCookies,
    path: '/',
    maxAge: PRIVACY_CENTER_COOKIE_MAX_AGE_SECONDS,
  });
  return { id: fresh.id };
}

function refuseCrossSite(request: FastifyRequest): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new RegistreError('REG_ERR_SERVER_CROSS_ORIGIN', 'cross-site write to the privacy center');
  }
}

/** Honour `Sec-GPC: 1`: recorded as an objection to marketing and sharing, and said in the answer. */
async function honourGpc(ledger: ConsentLedger, request: FastifyRequest, subject: TSubjectInput) {
  const signal = request.headers['sec-gpc'] === '1';
  const objections = signal ? await ledger.recordGpc({ subject, actor: SUBJECT_ACTOR }) : [];
  return { signal, objections };
}

function subjectOfQuery(q: {
  subject?: string | undefined;
  table?: string | undefined;
  key?: string | undefined;
}) {
  return q.subject !== undefined ? { id: q.subject } : { table: q.table ?? '', key: q.key ?? '' };
}

export const consentRoutes: RouteModule = (app, ctx) => {
  const ledger = ledgerFor(ctx);
  const tags = ['consent'];

  // ── Privacy center (public: the visitor is named by the signed cookie) ──
  app.get(
    '/v1/privacy-center/preferences',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "The visitor's consent choices, objections and restriction",
        querystring: z.strictObject({ lang: ZLang.default('fr') }),
        response: { 200: z.strictObject({ preferences: ZPreferences, gpc: ZGpcView }) },
      },
    },
    async (request, reply) => {
      const subject = visitor(ctx, request, reply);
      const gpc = await honourGpc(ledger, request, subject);
      const preferences = await ledger.preferences({
        subject,
        actor: SUBJECT_ACTOR,
        lang: request.query.lang,
      });
      return { preferences, gpc };
    },
  );

  for (const action of ACTIONS) {
    app.post(
      `/v1/privacy-center/consent/${action}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `The visitor ${action === 'give' ? 'gives' : action === 'withdraw' ? 'withdraws' : 'refuses'} consent for a purpose`,
          body: ZPrivacyCenterConsentBody,
          response: { 200: z.strictObject({ record: ZConsentRecordView, gpc: ZGpcView }) },
        },
      },
      async (request, reply) => {
        refuseCrossSite(request);
        const subject = visitor(ctx, request, reply);
        const gpc = await honourGpc(ledger, request, subject);
        const { purpose, lang, channel, noticeVersionId } = request.body;
        const input = { subject, purpose, lang, channel, actor: SUBJECT_ACTOR };
        const record = await ledger[action](
          noticeVersionId === undefined ? input : { ...input, noticeVersionId },
        );
        return { record, gpc };
      },
    );
  }

  app.post(
    '/v1/privacy-center/objections',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The visitor objects to a purpose or a class of purposes (Art 21)',
        body: z.strictObject({ scope: ZObjectionScope }),
        response: { 200: z.strictObject({ objection: ZObjectionRecordView, gpc: ZGpcView }) },
      },
    },
    async (request, reply) => {
      refuseCrossSite(request);
      const subject = visitor(ctx, request, reply);
      const gpc = await honourGpc(ledger, request, subject);
      const objection = await ledger.object({
        subject,
        scope: request.body.scope,
        source: 'privacy-center',
        actor: SUBJECT_ACTOR,
      });
      return { objection, gpc };
    },
  );

  app.post(
    '/v1/privacy-center/objections/lift',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The visitor withdraws an objection',
        body: z.strictObject({ scope: ZObjectionScope }),
        response: { 200: z.strictObject({ lifted: z.number().int() }) },
      },
    },
    async (request, reply) => {
      refuseCrossSite(request);
      const subject = visitor(ctx, request, reply);
      return ledger.liftObjection({ subject, scope: request.body.scope, actor: SUBJECT_ACTOR });
    },
  );

  app.get(
    '/v1/privacy-center/receipts/:id',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "One of the visitor's consent receipts",
        params: ZId,
        response: { 200: ZConsentReceipt },
      },
    },
    async (request) => {
      const id = verifySubjectCookie(ctx.secret, request.cookies[PRIVACY_CENTER_COOKIE]);
      if (id === null) {
        throw new RegistreError(
          'REG_ERR_CONSENT_NO_PRIVACY_CENTER_SUBJECT',
          'no valid privacy-center cookie',
        );
      }
      return ledger.receipt({ receiptId: request.params.id, subject: { id }, actor: SUBJECT_ACTOR });
    },
  );

  // ── Applications and agents ──
  app.get(
    '/v1/may-process',
    {
      config: { access: CONSOLE_READ },
      schema: {
        tags,
        summary: 'May this subject be processed for this purpose now? (consent, objection, restriction, GPC)',
        querystring: ZMayProcessQuery,
        response: { 200: ZProcessingDecision },
      },
    },
    async (request) => {
      const { purpose, at } = request.query;
      const subject = subjectOfQuery(request.query);
      const input = { subject, purpose, actor: actorOf(request.principal) };
      return ledger.mayProcess(at === undefined ? input : { ...input, at: new Date(at) });
    },
  );

  app.post(
    '/v1/may-process',
    {
      config: { access: API_READ },
      schema: {
        tags,
        summary: 'May-process for any subject form (e-mail addresses stay out of URLs)',
        body: ZMayProcessBody,
        response: { 200: ZProcessingDecision },
      },
    },
    async (request) => {
      const { subject, purpose, at } = request.body;
      const input = { subject, purpose, actor: actorOf(request.principal) };
      return ledger.mayProcess(at === undefined ? input : { ...input, at: new Date(at) });
    },
  );

  for (const action of ACTIONS) {
    app.post(
      `/v1/consents/${action}`,
      {
        config: { access: API_WRITE },
        schema: {
          tags,
          summary: `Record consent ${action} collected elsewhere`,
          body: ZConsentBody,
          response: { 200: ZConsentRecordView },
        },
      },
      async (request) => {
        const { noticeVersionId, ...rest } = request.body;
        const input = { ...rest, actor: actorOf(request.principal) };
        return ledger[action](noticeVersionId === undefined ? input : { ...input, noticeVersionId });
      },
    );
  }

  app.post(
    '/v1/objections',
    {
      config: { access: API_WRITE },
      schema: {
        tags,
        summary: 'Record an objection (Art 21)',
        body: ZObjectionBody,
        response: { 200: ZObjectionRecordView },
      },
    },
    async (request) => ledger.object({ ...request.body, actor: actorOf(request.principal) }),
  );

  app.post(
    '/v1/objections/lift',
    {
      config: { access: API_WRITE },
      schema: {
        tags,
        summary: 'The subject withdrew an objection',
        body: ZLiftObjectionBody,
        response: { 200: z.strictObject({ lifted: z.number().int() }) },
      },
    },
    async (request) => ledger.liftObjection({ ...request.body, actor: actorOf(request.principal) }),
  );

  app.post(
    '/v1/objections/:id/override',
    {
      config: { access: { roles: ['dpo'] } },
      schema: {
        tags,
        summary: 'Compelling legitimate grounds override an objection (Art 21(1); never direct marketing)',
        params: ZId,
        body: z.strictObject({
          reason: z
            .string()
            .trim()
            .min(1)
            .max(2000)
            .regex(
              /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/,
              'must not contain control characters',
            ),
        }),
        response: { 200: z.strictObject({ overridden: z.literal(true) }) },
      },
    },
    async (request) => {
      await ledger.overrideObjection({
        objectionId: request.params.id,
        reason: request.body.reason,
        actor: actorOf(request.principal),
      });
      return { overridden: true as const };
    },
  );

  app.post(
    '/v1/restrictions',
    {
      config: { access: API_WRITE },
      schema: {
        tags,
        summary: 'Restrict processing of a subject (Art 18)',
        body: ZRestrictionBody,
        response: { 200: z.strictObject({ since: z.string(), recorded: z.boolean() }) },
      },
    },
    async (request) => ledger.restrict({ ...request.body, actor: actorOf(request.principal) }),
  );

  app.post(
    '/v1/restrictions/lift',
    {
      config: { access: API_WRITE },
      schema: {
        tags,
        summary: 'Lift a restriction once the subject was told (Art 18(3))',
        body: ZLiftRestrictionBody,
        response: { 200: z.strictObject({ lifted: z.literal(true) }) },
      },
    },
    async (request) => {
      const { subject, notifiedAt } = request.body;
      await ledger.liftRestriction({
        subject,
        notifiedAt: new Date(notifiedAt),
        actor: actorOf(request.principal),
      });
      return { lifted: true as const };
    },
  );

  // ── Console (read-only views) ──
  app.get(
    '/v1/consent/history',
    {
      config: { access: CONSOLE_READ },
      schema: {
        tags,
        summary: "A subject's consent events, objections and restrictions",
        querystring: ZSubjectQuery,
        response: { 200: ZSubjectHistory },
      },
    },
    async (request) =>
      ledger.history({ subject: subjectOfQuery(request.query), actor: actorOf(request.principal) }),
  );

  app.get(
    '/v1/consent/receipts/:id',
    {
      config: { access: CONSOLE_READ },
      schema: {
        tags,
        summary: 'One consent receipt (Kantara v1.1)',
        params: ZId,
        response: { 200: ZConsentReceipt },
      },
    },
    async (request) => ledger.receipt({ receiptId: request.params.id, actor: actorOf(request.principal) }),
  );

  app.get(
    '/v1/consent/statistics',
    {
      config: { access: CONSOLE_READ },
      schema: { tags, summary: 'Current statuses counted per purpose', response: { 200: ZPurposeCounts } },
    },
    async () => ledger.counts(),
  );
};
