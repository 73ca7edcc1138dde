/**
 * Start the server: read the configuration, open and migrate the store, create the first
 * administrator when there is none (printing its one-time password once), load the policy,
 * listen, start the background jobs (src/jobs/).
 */
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { createAccounts } from '../accounts/create-accounts.ts';
import { loadSecret } from '../config/secret.ts';
import { loadServerConfig, type ServerConfig } from '../config/server-config.ts';
import type { JobRunner } from '../jobs/create-job-runner.ts';
import { createServerJobs } from '../jobs/server-jobs.ts';
import { createMailer } from '../mail/create-mailer.ts';
import { createNoticeService } from '../notices/notice-service.ts';
import { loadPolicyOrThrow } from '../policy/load-policy.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import { migrateStore } from '../store/migrate.ts';
import { openStore } from '../store/open-store.ts';
import { type AppDeps, buildApp } from './app.ts';
import { serializeError } from './logging.ts';

export interface StartOptions {
  readonly env?: NodeJS.ProcessEnv;
  /** Override REGISTRE_PORT / REGISTRE_HOST (command-line flags). */
  readonly port?: number;
  readonly host?: string;
  /** Where the human messages go (address, first-start password); default stdout. */
  readonly say?: (line: string) => void;
  /** Log destination and level (default: JSON lines on stdout, info). */
  readonly log?: AppDeps['log'];
  /** The clock of the app and the jobs (default: the system clock); tests inject theirs. */
  readonly clock?: () => Date;
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly config: ServerConfig;
  /** e.g. `http://127.0.0.1:3000` */
  readonly address: string;
  /** Present on first start only: the administrator created and its one-time password. */
  readonly bootstrap: { readonly email: string; readonly oneTimePassword: string } | null;
  readonly migrationsApplied: readonly string[];
  /** The background jobs runner, started; null with REGISTRE_JOBS=off. */
  readonly jobs: JobRunner | null;
  close(): Promise<void>;
}

async function loadServedPolicy(config: ServerConfig, env: NodeJS.ProcessEnv, say: (line: string) => void) {
  const explicit = env.REGISTRE_POLICY !== undefined && env.REGISTRE_POLICY !== '';
  if (!explicit && !existsSync(config.policyPath)) {
    say(`registre: no policy at ${config.policyPath}; set REGISTRE_POLICY to serve one`);
    return null;
  }
  return loadPolicyOrThrow(config.policyPath);
}

/** Migrate, bootstrap, listen. The caller closes the returned server. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const say = options.say ?? ((line: string) => process.stdout.write(`${line}\n`));
  const base = loadServerConfig(env);
  const config: ServerConfig = {
    ...base,
    ...(options.port === undefined ? {} : { port: options.port }),
    ...(options.host === undefined ? {} : { host: options.host }),
  };
  const secret = loadSecret(env);
  const policy: LoadedPolicy | null = await loadServedPolicy(config, env, say);
  const clock = options.clock ?? (() => new Date());
  const store = openStore(config.storeUrl);
  let jobs: JobRunner | null = null;
  try {
    const { applied } = await migrateStore(store);
    const accounts = createAccounts({
      db: store.db,
      clock,
      secret,
      sessionIdleMinutes: config.sessionIdleMinutes,
      sessionMaxHours: config.sessionMaxHours,
    });
    const created = await accounts.bootstrapAdmin(config.adminEmail);
    if (policy !== null) {
      // The served policy's notice is the current one; publishing unchanged content stores nothing.
      const published = await createNoticeService({ db: store.db, clock }).publish(policy, 'system:startup');
      if (published.published) say(`registre: published notice version ${published.version.version}`);
    }
    const app = await buildApp({
      store,
      config,
      secret,
      policy,
      clock,
      ...(options.log === undefined ? {} : { log: options.log }),
    });
    jobs = createServerJobs({
      store,
      config,
      secret,
      clock,
      policy,
      env,
      mailer: createMailer({
        smtpUrl: config.smtpUrl,
        outboxDir: config.outboxDir,
        from: config.mailFrom,
        clock,
      }),
      log: ({ msg, ...line }) =>
        line.status === 'failed' ? app.log.warn(line, msg) : app.log.info(line, msg),
      onTickError: (error) => app.log.error({ error: serializeError(error) }, 'job tick failed'),
    });
    try {
      await jobs?.start();
    } catch (error) {
      await app.close();
      throw error;
    }
    const address = await app.listen({ port: config.port, host: config.host });
    if (created !== null) {
      // Printed once, on the console only (never in the logs); it must be changed at first sign-in.
      say(`registre: first start — administrator ${created.user.email} created.`);
      say(`registre: one-time password: ${created.oneTimePassword}`);
      say('registre: sign in with it and choose a new password; it is not shown again.');
    }
    say(`registre: listening on ${address} (API documentation at ${address}/docs)`);
    return {
      app,
      config,
      address,
      bootstrap:
        created === null ? null : { email: created.user.email, oneTimePassword: created.oneTimePassword },
      migrationsApplied: applied,
      jobs,
      async close() {
        await jobs?.stop();
        await app.close();
        await store.close();
      },
    };
  } catch (error) {
    await jobs?.stop().catch(() => undefined);
    await store.close();
    throw error;
  }
}
