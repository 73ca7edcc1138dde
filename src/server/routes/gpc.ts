/**
 * Global Privacy Control: the support declaration at `/.well-known/gpc.json`, and a route for
 * applications to forward the `Sec-GPC: 1` signal their own pages received for a subject. (The
 * privacy center's routes honour the header themselves.)
 */
import { z } from 'zod';
import { actorOf } from '../../consent/actor.ts';
import { ZObjectionRecordView } from '../../consent/api-schemas.ts';
import { ZSubjectInput } from '../../consent/subject-key.ts';
import { currentNoticeVersion } from '../../notices/read-notices.ts';
import type { RouteModule } from '../context.ts';
import { ledgerFor } from './consent.ts';

export const gpcRoutes: RouteModule = (app, ctx) => {
  const ledger = ledgerFor(ctx);

  app.get(
    '/.well-known/gpc.json',
    {
      config: { access: 'public' },
      schema: {
        tags: ['consent'],
        summary: 'Global Privacy Control support',
        description:
          '`lastUpdate` is the day the notice declaring it was last published (else the policy date, else today).',
        response: { 200: z.strictObject({ gpc: z.literal(true), lastUpdate: z.iso.date() }) },
      },
    },
    async () => {
      const published = await currentNoticeVersion(ctx.store.db);
      const lastUpdate =
        published?.publishedAt.slice(0, 10) ??
        ctx.policy?.policy.policy.date ??
        ctx.clock().toISOString().slice(0, 10);
      return { gpc: true as const, lastUpdate };
    },
  );

  app.post(
    '/v1/gpc-signals',
    {
      config: { access: { roles: ['dpo', 'agent'], scopes: ['consent:write'] } },
      schema: {
        tags: ['consent'],
        summary: 'Forward a Sec-GPC: 1 signal received for a subject (objection to marketing and sharing)',
        body: z.strictObject({ subject: ZSubjectInput }),
        response: { 200: z.strictObject({ objections: z.array(ZObjectionRecordView) }) },
      },
    },
    async (request) => ({
      objections: await ledger.recordGpc({
        subject: request.body.subject,
        actor: actorOf(request.principal),
      }),
    }),
  );
};
