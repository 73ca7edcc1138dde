/**
 * Harness of the requests tests: a server over an isolated store (SQLite or PostgreSQL) serving a
 * policy, with the requests routes, and a demo organisation database (SQLite) for fulfilment.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { setupDemoDatabase } from '../../examples/demo/setup-demo-database.ts';
import { loadServerConfig } from '../../src/config/server-config.ts';
import type { DialectName } from '../../src/engine/db/types.ts';
import { readOutbox } from '../../src/mail/read-outbox.ts';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import { buildApp } from '../../src/server/app.ts';
import { drpRoutes } from '../../src/server/routes/drp.ts';
import { ROUTE_MODULES } from '../../src/server/routes/index.ts';
import { privacyCenterRequestRoutes } from '../../src/server/routes/privacy-center-requests.ts';
import { requestRoutes } from '../../src/server/routes/requests.ts';
import { migrateStore } from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/open-store.ts';
import { isolatedTarget } from '../support/targets.ts';
import { TEST_SECRET, type TestServer, testClock } from './support.ts';

export const DEMO_POLICY = 'examples/demo/policy.yaml';
export const DEMO_DATAMAP = 'examples/demo/datamap.yaml';
/** The day the demo database is generated for (and the test clock's default start). */
export const DEMO_TODAY = new Date('2025-03-03T09:00:00.000Z');

/** A demo organisation database (SQLite file, 60 people) and the environment that points to it. */
export async function demoTarget(): Promise<{ url: string; dispose(): Promise<void> }> {
  const isolated = await isolatedTarget('sqlite');
  await setupDemoDatabase(isolated.target, { today: DEMO_TODAY, subjects: 60 });
  await isolated.target.close();
  return { url: isolated.url, dispose: () => isolated.dispose() };
}

/** Points fulfilment at `url` with the demo data map, and sets a fixed export key. */
export function pointFulfilmentAt(url: string): void {
  process.env.REGISTRE_TARGET_DB = url;
  process.env.REGISTRE_TARGET_DATAMAP = DEMO_DATAMAP;
  process.env.REGISTRE_EXPORT_KEY ??= randomBytes(32).toString('base64');
}

/** A server on `dialect` serving `policyFile`, with every route module plus the requests ones. */
export async function startRequestsServer(
  dialect: DialectName,
  policyFile = DEMO_POLICY,
): Promise<TestServer> {
  const policy: LoadedPolicy = await loadPolicyOrThrow(policyFile);
  const isolated = await isolatedTarget(dialect);
  await isolated.target.close();
  const store = openStore(isolated.url, { poolSize: 2 });
  await migrateStore(store);
  const dir = mkdtempSync(join(tmpdir(), 'registre-requests-'));
  const outboxDir = join(dir, 'outbox');
  const config = loadServerConfig({
    REGISTRE_RATE_LIMIT: '1000000',
    REGISTRE_SIGN_IN_RATE_LIMIT: '1000000',
    REGISTRE_OUTBOX_DIR: outboxDir,
    REGISTRE_PUBLIC_URL: 'https://privacy.example.test',
  });
  const clock = testClock(DEMO_TODAY);
  const logs: string[] = [];
  const app = await buildApp({
    store,
    config,
    secret: TEST_SECRET,
    clock,
    policy,
    log: { stream: { write: (line: string) => logs.push(line) }, level: 'info' },
    routes: [...new Set([...ROUTE_MODULES, requestRoutes, privacyCenterRequestRoutes, drpRoutes])],
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

/** Messages sent to `to` so far, oldest first. */
export function mailsTo(server: TestServer, to: string) {
  return readOutbox(server.outboxDir).filter((mail) => mail.to.toLowerCase().includes(to.toLowerCase()));
}

/** The 6-digit code of the latest message to `to`. */
export function latestCode(server: TestServer, to: string): string {
  const mail = mailsTo(server, to).at(-1);
  const code = mail?.text.match(/^ {4}(\d{6})$/m)?.[1];
  if (code === undefined)
    throw new Error(`no verification code mailed to the test address (${mailsTo(server, to).length} mails)`);
  return code;
}

/** The JSON body of a response, failing loudly with the body when the status is not `status`. */
export function expectStatus<T = Record<string, unknown>>(
  response: LightMyRequestResponse,
  status: number,
): T {
  if (response.statusCode !== status) {
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 500)}`);
  }
  return response.json() as T;
}
