/** Notice versions: anyone reads the current and every earlier notice and what changed; the DPO or an admin publishes. */
import { z } from 'zod';
import { actorOf } from '../../consent/actor.ts';
import { RegistreError } from '../../errors/registry.ts';
import { createNoticeService } from '../../notices/notice-service.ts';
import { ZNoticeFormat, ZNoticeLanguage, ZNoticeVersion } from '../../notices/notice-types.ts';
import type { RouteModule } from '../context.ts';

const ZDocumentQuery = z.strictObject({
  lang: ZNoticeLanguage.default('fr'),
  format: ZNoticeFormat.default('html'),
});
const ZDocument = z.strictObject({
  version: ZNoticeVersion,
  lang: ZNoticeLanguage,
  format: ZNoticeFormat,
  content: z.string(),
});
const ZVersionNumber = z.coerce.number().int().positive().max(1_000_000);
const ZChange = z.strictObject({
  kind: z.string(),
  importance: z.enum(['major', 'minor']),
  target: z.string(),
  message: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});

export const noticeRoutes: RouteModule = (app, ctx) => {
  const notices = createNoticeService({ db: ctx.store.db, clock: ctx.clock });
  const tags = ['notices'];

  app.get(
    '/v1/notices',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Every published notice version, newest first',
        response: { 200: z.array(ZNoticeVersion) },
      },
    },
    async () => notices.list(),
  );

  app.get(
    '/v1/notices/current',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'The notice in force',
        querystring: ZDocumentQuery,
        response: { 200: ZDocument },
      },
    },
    async (request) => {
      const { lang, format } = request.query;
      return { ...(await notices.document('current', lang, format)), lang, format };
    },
  );

  app.get(
    '/v1/notices/versions/:version',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'An earlier (or the current) notice by its version number',
        params: z.strictObject({ version: ZVersionNumber }),
        querystring: ZDocumentQuery,
        response: { 200: ZDocument },
      },
    },
    async (request) => {
      const { lang, format } = request.query;
      return { ...(await notices.document(request.params.version, lang, format)), lang, format };
    },
  );

  app.get(
    '/v1/notices/diff',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'What changed between two versions, in words',
        querystring: z.strictObject({
          from: ZVersionNumber,
          to: z.union([z.literal('current'), ZVersionNumber]).default('current'),
          lang: ZNoticeLanguage.default('fr'),
        }),
        response: {
          200: z.strictObject({
            from: ZNoticeVersion,
            to: ZNoticeVersion,
            changes: z.array(ZChange),
            markdown: z.string(),
          }),
        },
      },
    },
    async (request) => {
      const { from, to, lang } = request.query;
      const diff = await notices.diff(from, to, lang);
      return {
        from: diff.from,
        to: diff.to,
        markdown: diff.markdown,
        changes: diff.changes.map((c) => ({
          kind: c.kind,
          importance: c.importance,
          target: c.target,
          message: c.message[lang],
          ...(c.before === undefined ? {} : { before: c.before }),
          ...(c.after === undefined ? {} : { after: c.after }),
        })),
      };
    },
  );

  app.post(
    '/v1/notices/publish',
    {
      config: { access: { roles: ['dpo', 'admin'] } },
      schema: {
        tags,
        summary: "Publish the notice of the server's policy (a no-op when unchanged)",
        response: {
          200: z.strictObject({ version: ZNoticeVersion, published: z.literal(false) }),
          201: z.strictObject({ version: ZNoticeVersion, published: z.literal(true) }),
        },
      },
    },
    async (request, reply) => {
      if (ctx.policy === null) {
        throw new RegistreError('REG_ERR_CONSENT_POLICY_MISSING', 'no policy is loaded (REGISTRE_POLICY)');
      }
      const result = await notices.publish(ctx.policy, actorOf(request.principal));
      return result.published
        ? reply.status(201).send({ version: result.version, published: true as const })
        : reply.status(200).send({ version: result.version, published: false as const });
    },
  );
};
