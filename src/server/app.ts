/**
 * The app factory: a Fastify instance with every plugin, hook and route, ready but not
 * listening (tests call `app.inject()`; start.ts listens). See README.md for how an area adds
 * its routes.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { createAccounts } from '../accounts/create-accounts.ts';
import type { ServerConfig } from '../config/server-config.ts';
import { createMailer, type Mailer } from '../mail/create-mailer.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { Store } from '../store/open-store.ts';
import { installAccessControl, SESSION_COOKIE } from './access.ts';
import type { AppContext, RouteModule } from './context.ts';
import { frameworkErrorHandler, installErrorHandling } from './errors.ts';
import { createServerLogger, SafeLogController } from './logging.ts';
import { ROUTE_MODULES } from './routes/index.ts';

export type { AppContext, RegistreApp, RouteModule } from './context.ts';

export const DOCS_PREFIX = '/docs';
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export interface AppDeps {
  readonly store: Store;
  readonly config: ServerConfig;
  /** REGISTRE_SECRET (src/config/secret.ts `loadSecret()`). */
  readonly secret: string;
  /** Defaults to the system clock; tests inject a controllable one. */
  readonly clock?: () => Date;
  /** Defaults to `createMailer` over the config (SMTP or outbox). */
  readonly mailer?: Mailer;
  readonly policy?: LoadedPolicy | null;
  /** Where logs go (default stdout) and from which level (default info). */
  readonly log?: { readonly stream?: DestinationStream; readonly level?: string };
  /** Route modules to register (default: every area, src/server/routes/index.ts). */
  readonly routes?: readonly RouteModule[];
}

/** Build the server (plugins, access control, error envelope, routes) without listening. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? (() => new Date());
  const { config } = deps;
  const app = Fastify({
    loggerInstance: createServerLogger(deps.log ?? {}) as FastifyBaseLogger,
    logController: new SafeLogController(),
    genReqId: (req) => {
      const header = req.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    trustProxy: config.trustProxy,
    frameworkErrors: frameworkErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const accounts = createAccounts({
    db: deps.store.db,
    clock,
    secret: deps.secret,
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionMaxHours: config.sessionMaxHours,
  });
  const ctx: AppContext = {
    store: deps.store,
    config,
    secret: deps.secret,
    clock,
    mailer:
      deps.mailer ??
      createMailer({ smtpUrl: config.smtpUrl, outboxDir: config.outboxDir, from: config.mailFrom, clock }),
    accounts,
    policy: deps.policy ?? null,
  };

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandling(app);
  await app.register(cookie);
  installAccessControl(app, { resolver: accounts, docsPrefix: DOCS_PREFIX });
  await app.register(helmet);
  await app.register(rateLimit, { global: true, max: config.rateLimitPerMinute, timeWindow: '1 minute' });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Registre API',
        description: 'Privacy operations as code: requests, consent, breaches, notices and accounts.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          token: { type: 'http', scheme: 'bearer', description: 'API token `rgt_…` with scopes' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: DOCS_PREFIX, staticCSP: true });

  const typed = app.withTypeProvider<ZodTypeProvider>();
  for (const register of deps.routes ?? ROUTE_MODULES) await register(typed, ctx);
  await app.ready();
  return app;
}
