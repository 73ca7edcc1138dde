/**
 * Test harness for the server: an app over an isolated store (SQLite file or PostgreSQL schema),
 * a clock the test moves, captured logs and a private outbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/accounts/password.ts';
import type { TRole } from '../../src/accounts/roles.ts';
import { loadServerConfig, type ServerConfig } from '../../src/config/server-config.ts';
import type { DialectName } from '../../src/engine/db/types.ts';
import { SESSION_COOKIE } from '../../src/server/access.ts';
import { buildApp, type RouteModule } from '../../src/server/app.ts';
import { migrateStore } from '../../src/store/migrate.ts';
import { openStore, type Store } from '../../src/store/open-store.ts';
import { isolatedTarget } from '../support/targets.ts';

export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnopqrstuvwxyz';
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestClock {
  (): Date;
  advance(ms: number): void;
  set(date: Date): void;
}

export function testClock(start = new Date('2025-03-03T09:00:00.000Z')): TestClock {
  let now = start.getTime();
  const clock = (() => new Date(now)) as TestClock;
  clock.advance = (ms) => {
    now += ms;
  };
  clock.set = (date) => {
    now = date.getTime();
  };
  return clock;
}

export interface TestServer {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly clock: TestClock;
  readonly config: ServerConfig;
  /** Every log line written so far (raw JSON text). */
  readonly logs: string[];
  readonly outboxDir: string;
  dispose(): Promise<void>;
}

export interface TestServerOptions {
  readonly env?: Record<string, string>;
  readonly routes?: readonly RouteModule[];
}

/** Migrated store on `dialect` + app over it. */
export async function startTestServer(
  dialect: DialectName,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const isolated = await isolatedTarget(dialect);
  await isolated.target.close();
  const store = openStore(isolated.url, { poolSize: 2 });
  await migrateStore(store);
  const dir = mkdtempSync(join(tmpdir(), 'registre-server-'));
  const outboxDir = join(dir, 'outbox');
  const config = loadServerConfig({
    REGISTRE_RATE_LIMIT: '1000000',
    REGISTRE_SIGN_IN_RATE_LIMIT: '1000000',
    REGISTRE_OUTBOX_DIR: outboxDir,
    ...options.env,
  });
  const clock = testClock();
  const logs: string[] = [];
  const app = await buildApp({
    store,
    config,
    secret: TEST_SECRET,
    clock,
    log: { stream: { write: (line: string) => logs.push(line) }, level: 'info' },
    ...(options.routes === undefined ? {} : { routes: options.routes }),
  });
  return {
    app,
    store,
    clock,
    config,
    logs,
    outboxDir,
    async dispose() {
      await app.close();
      await store.close();
      await isolated.dispose().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The session cookie value set by a response, if any. */
export function sessionCookie(response: LightMyRequestResponse): string | undefined {
  return response.cookies.find((c) => c.name === SESSION_COOKIE && c.value !== '')?.value;
}

export interface TestPerson {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  readonly role: TRole;
  /** `Cookie` header value of a live session. */
  readonly cookie: string;
}

let counter = 0;

/** Create a person with `role` and a chosen password (one-time flag cleared), signed in. */
export async function signedInPerson(
  server: TestServer,
  role: TRole,
  password = TEST_PASSWORD,
): Promise<TestPerson> {
  counter += 1;
  const email = `${role}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const admin = await personWithPassword(server, role, email, password);
  const response = await server.app.inject({
    method: 'POST',
    url: '/v1/auth/sign-in',
    payload: { email, password },
  });
  const cookie = sessionCookie(response);
  if (response.statusCode !== 200 || cookie === undefined) {
    throw new Error(`sign-in of test person failed: ${response.statusCode} ${response.body}`);
  }
  return { ...admin, cookie: `${SESSION_COOKIE}=${cookie}` };
}

/** Create a person directly in the store with `password` (no session). */
export async function personWithPassword(
  server: TestServer,
  role: TRole,
  email: string,
  password = TEST_PASSWORD,
): Promise<Omit<TestPerson, 'cookie'>> {
  const accounts = createAccountsFor(server);
  const { user } = await accounts.createUser({ email, displayName: `Test ${role}`, role });
  await server.store.db
    .updateTable('users')
    .set({ password_hash: await hashPassword(password), must_change_password: 0 })
    .where('id', '=', user.id)
    .execute();
  return { id: user.id, email, password, role };
}

import { createAccounts } from '../../src/accounts/create-accounts.ts';

/** The accounts service over the test server's store and clock. */
export function createAccountsFor(server: TestServer) {
  return createAccounts({
    db: server.store.db,
    clock: server.clock,
    secret: TEST_SECRET,
    sessionIdleMinutes: server.config.sessionIdleMinutes,
    sessionMaxHours: server.config.sessionMaxHours,
  });
}
