/**
 * What every route module receives. A route module is a function `(app, ctx) => void` that
 * declares its routes on `app` (Zod type provider) using the services built from `ctx`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyInstance, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AccountsService } from '../accounts/create-accounts.ts';
import type { ServerConfig } from '../config/server-config.ts';
import type { Mailer } from '../mail/create-mailer.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { Store } from '../store/open-store.ts';

/** The Fastify instance routes are declared on: Zod schemas type bodies, queries, params, replies. */
export type RegistreApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppContext {
  readonly store: Store;
  readonly config: ServerConfig;
  /** REGISTRE_SECRET (pseudonyms, derived encryption keys). */
  readonly secret: string;
  readonly clock: () => Date;
  readonly mailer: Mailer;
  readonly accounts: AccountsService;
  /** The organisation's policy served by this instance (REGISTRE_POLICY), when one is loaded. */
  readonly policy: LoadedPolicy | null;
}

/** One area's routes (src/server/routes/<area>.ts), listed in src/server/routes/index.ts. */
export type RouteModule = (app: RegistreApp, ctx: AppContext) => void | Promise<void>;
