/**
 * The public side of requests, for the privacy center: making a request, confirming one's
 * identity with the e-mailed code, following the request with one's status token, and
 * downloading the copy behind an expiring link. No route here returns personal data except the
 * download itself, whose every read is audited. The sensitive routes have their own rate limit
 * (REGISTRE_SIGN_IN_RATE_LIMIT per minute and client).
 */
import { z } from 'zod';
import { ZPrivacyCenterIntake } from '../../requests/intake/intake-schemas.ts';
import { ZRequestState } from '../../requests/states.ts';
import { ZSubjectStatus } from '../../requests/views.ts';
import type { RouteModule } from '../context.ts';
import { ZErrorEnvelope } from '../errors.ts';
import { requestsServiceFor } from './requests.ts';

const TAGS = ['privacy center'];
const ZIdParams = z.strictObject({ id: z.uuid({ message: 'expected a request id (UUID)' }) });
const ZDownloadToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'expected a download token');
const ZFileName = z.string().regex(/^[A-Za-z0-9_.-]{1,200}$/, 'expected a file name of the export');
const MORE_ERRORS = { 410: ZErrorEnvelope, 422: ZErrorEnvelope, 502: ZErrorEnvelope, 503: ZErrorEnvelope };

const ZSubmitted = z.strictObject({
  id: z.string(),
  state: ZRequestState,
  dueOn: z.string(),
  /** Keep it: with the request id, it opens the request's status. Shown once. */
  statusToken: z.string(),
});

const ZExportManifest = z
  .strictObject({
    expiresAt: z.string(),
    files: z.array(
      z.strictObject({ name: z.string(), mediaType: z.string(), size: z.number().int(), url: z.string() }),
    ),
  })
  .meta({ id: 'ExportManifest' });

export const privacyCenterRequestRoutes: RouteModule = (app, ctx) => {
  const requests = requestsServiceFor(app, ctx);
  const limited = { max: ctx.config.signInRateLimitPerMinute, timeWindow: '1 minute' };

  app.post(
    '/v1/privacy-center/requests',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags: TAGS,
        summary: 'Exercise a right: a verification code is e-mailed to the address given',
        body: ZPrivacyCenterIntake,
        response: { 201: ZSubmitted, ...MORE_ERRORS },
      },
    },
    async (request, reply) => {
      const { request: record, statusToken } = await requests.submitFromPrivacyCenter(request.body);
      return reply.status(201).send({ id: record.id, state: record.state, dueOn: record.dueOn, statusToken });
    },
  );

  app.post(
    '/v1/privacy-center/requests/:id/verify',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags: TAGS,
        summary: 'Confirm the request with the 6-digit code received by e-mail (30 minutes, 5 attempts)',
        params: ZIdParams,
        body: z.strictObject({
          code: z.string().regex(/^\d{6}$/, 'expected the 6 digits received by e-mail'),
        }),
        response: { 200: z.strictObject({ id: z.string(), state: ZRequestState }), ...MORE_ERRORS },
      },
    },
    async (request) => {
      const record = await requests.verifyCode(request.params.id, request.body.code);
      return { id: record.id, state: record.state };
    },
  );

  app.post(
    '/v1/privacy-center/requests/:id/code',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags: TAGS,
        summary: 'E-mail a new verification code (at most five per request)',
        params: ZIdParams,
        response: { 202: z.strictObject({ sent: z.literal(true) }), ...MORE_ERRORS },
      },
    },
    async (request, reply) => {
      await requests.resendCode(request.params.id);
      return reply.status(202).send({ sent: true as const });
    },
  );

  app.get(
    '/v1/privacy-center/requests/:id',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags: TAGS,
        summary: 'Where my request stands (with the status token given at intake)',
        params: ZIdParams,
        querystring: z.strictObject({ token: z.string().min(1).max(100) }),
        response: { 200: ZSubjectStatus },
      },
    },
    async (request) => requests.subjectStatus(request.params.id, request.query.token),
  );

  app.get(
    '/v1/privacy-center/exports/:token',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags: TAGS,
        summary: 'The files of a copy (410 once the link has expired)',
        params: z.strictObject({ token: ZDownloadToken }),
        response: { 200: ZExportManifest, ...MORE_ERRORS },
      },
    },
    async (request) => requests.exportManifest(request.params.token),
  );

  app.get(
    '/v1/privacy-center/exports/:token/files/:name',
    {
      config: { access: 'public', rateLimit: limited },
      schema: {
        tags: TAGS,
        summary: 'Download one file of a copy, decrypted (410 once the link has expired)',
        params: z.strictObject({ token: ZDownloadToken, name: ZFileName }),
        response: { 200: z.string().meta({ description: 'The file (HTML, JSON or CSV)' }), ...MORE_ERRORS },
      },
    },
    async (request, reply) => {
      const file = await requests.exportFile(request.params.token, request.params.name);
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `attachment; filename="${file.name}"`)
        .header('cache-control', 'no-store')
        .send(file.content.toString('utf8'));
    },
  );
};
