/** Liveness and store reachability, for load balancers and `registre serve` checks. */
import { sql } from 'kysely';
import { z } from 'zod';
import type { RouteModule } from '../context.ts';

const ZHealth = z.strictObject({
  status: z.enum(['ok', 'degraded']),
  store: z.enum(['ok', 'unreachable']),
});

export const healthRoutes: RouteModule = (app, ctx) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['health'],
        summary: 'Is the server up and its store reachable?',
        response: { 200: ZHealth, 503: ZHealth },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(ctx.store.db);
        return { status: 'ok' as const, store: 'ok' as const };
      } catch (error) {
        request.log.error({ err: error }, 'store unreachable');
        return reply.status(503).send({ status: 'degraded', store: 'unreachable' });
      }
    },
  );
};
