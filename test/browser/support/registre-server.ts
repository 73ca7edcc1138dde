/**
 * The real Registre server for the browser tests: `startServer()` (what `registre serve` runs) in
 * a child process on a free port, with a temporary store, a private outbox, the demo organisation's policy and data map,
 * and a freshly generated demo database. The first administrator's one-time password is read from
 * the server's output (as a person would), changed, and used to create the people of a journey
 * through the API.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setupDemoDatabase } from '../../../examples/demo/setup-demo-database.ts';
import type { TRole } from '../../../src/accounts/roles.ts';
import { openTarget } from '../../../src/engine/db/connect.ts';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
const SESSION_COOKIE = 'registre_session';
export const PERSON_PASSWORD = 'browser-test password 2025';

export interface Person {
  readonly email: string;
  readonly password: string;
  readonly role: TRole;
  readonly displayName: string;
}

export interface RegistreServerOptions {
  /** People in the demo database (small keeps the start fast). */
  readonly demoSubjects?: number;
  /** More environment for the server. */
  readonly env?: Readonly<Record<string, string>>;
  /** Publish the served policy's notice as the administrator once started (default true). */
  readonly publishNotice?: boolean;
  /** The policy to serve (default: the demo organisation's). */
  readonly policy?: string;
  /**
   * A folder of an earlier server to start again on (its store, demo database and outbox); it is
   * left in place on close. Default: a fresh temporary folder, removed on close.
   */
  readonly dir?: string;
  /** The administrator of that earlier server (its password was already changed). */
  readonly admin?: Person;
  /** Leave the folder in place on close, to start again on it (the caller removes it). */
  readonly keepDir?: boolean;
}

export interface RegistreServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** The folder holding the store, the demo database and the outbox. */
  readonly dir: string;
  readonly outboxDir: string;
  /** URL of the demo database the server's engine works on. */
  readonly targetUrl: string;
  readonly admin: Person;
  /** Everything the server printed (for failure messages). */
  output(): string;
  /** Create a person with `role` and a chosen password (one-time password already changed). */
  person(role: TRole, displayName?: string): Promise<Person>;
  /** Call the API as `who` (signed in on the fly) or anonymously. */
  api(method: string, path: string, body?: unknown, who?: Person): Promise<Response>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

function waitForLine(
  child: ChildProcess,
  lines: string[],
  pattern: RegExp,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((done, fail) => {
    const timer = setTimeout(
      () => finish(new Error(`server did not print ${pattern} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const check = () => {
      for (const line of lines) {
        const match = pattern.exec(line);
        if (match !== null) {
          finish(null, match);
          return;
        }
      }
    };
    const onExit = (code: number | null) =>
      finish(new Error(`server exited (code ${code}) before printing ${pattern}`));
    function finish(error: Error | null, match?: RegExpExecArray) {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
      if (error === null && match !== undefined) done(match);
      else fail(error);
    }
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

function cookieOf(response: Response): string {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';');
    if (pair?.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1) return pair;
  }
  throw new Error(`no session cookie in the answer (${response.status})`);
}

/** The installation secret and export key of a test folder: made once, the same on every restart. */
function secretsOf(dir: string): { REGISTRE_SECRET: string; REGISTRE_EXPORT_KEY: string } {
  const file = join(dir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  const secrets = {
    REGISTRE_SECRET: randomBytes(32).toString('base64url'),
    REGISTRE_EXPORT_KEY: randomBytes(32).toString('base64'),
  };
  writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  return secrets;
}

/** Start the server; close it in afterAll. */
export async function startRegistreServer(options: RegistreServerOptions = {}): Promise<RegistreServer> {
  const reused = options.dir !== undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'registre-browser-'));
  const targetUrl = `sqlite:${join(dir, 'facturo.db')}`;
  if (!reused) {
    const target = openTarget(targetUrl, { poolSize: 1 });
    try {
      await setupDemoDatabase(target, { subjects: options.demoSubjects ?? 60, seed: 7, today: new Date() });
    } finally {
      await target.close();
    }
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const outboxDir = join(dir, 'outbox');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: dir,
    NODE_ENV: 'test',
    REGISTRE_DATABASE_URL: `sqlite:${join(dir, 'store.db')}`,
    ...secretsOf(dir),
    REGISTRE_PUBLIC_URL: url,
    REGISTRE_OUTBOX_DIR: outboxDir,
    REGISTRE_POLICY: options.policy ?? join(REPO, 'examples/demo/policy.yaml'),
    REGISTRE_TARGET_DB: targetUrl,
    REGISTRE_TARGET_DATAMAP: join(REPO, 'examples/demo/datamap.yaml'),
    REGISTRE_PORT: String(port),
    REGISTRE_HOST: '127.0.0.1',
    REGISTRE_ADMIN_EMAIL: 'admin@facturo.example',
    REGISTRE_RATE_LIMIT: '100000',
    REGISTRE_SIGN_IN_RATE_LIMIT: '100000',
    ...options.env,
  };
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(join(REPO, 'node_modules/tsx/dist/loader.mjs')).href,
      fileURLToPath(new URL('./serve-child.ts', import.meta.url)),
    ],
    {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const collect = (chunk: Buffer) =>
    lines.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (!reused && options.keepDir !== true) rmSync(dir, { recursive: true, force: true });
  };

  try {
    await waitForLine(child, lines, /listening on /, 60_000);
  } catch (error) {
    await close();
    throw new Error(`${(error as Error).message}\n${lines.join('\n')}`);
  }
  const otp = lines
    .map((line) => /one-time password: (\S+)/.exec(line)?.[1])
    .find((value) => value !== undefined);
  if (otp === undefined && options.admin === undefined) {
    await close();
    throw new Error(`the server printed no one-time password:\n${lines.join('\n')}`);
  }

  const sessions = new Map<string, string>();
  const raw = (method: string, path: string, body: unknown, cookie: string | undefined) =>
    fetch(`${url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(cookie === undefined ? {} : { cookie }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const signIn = async (email: string, password: string) => {
    const response = await raw('POST', '/v1/auth/sign-in', { email, password }, undefined);
    if (response.status !== 200)
      throw new Error(`sign-in of ${email} failed: ${response.status} ${await response.text()}`);
    return cookieOf(response);
  };
  /** Sign in with the one-time password and choose {@link PERSON_PASSWORD}. */
  const activate = async (email: string, oneTimePassword: string) => {
    const cookie = await signIn(email, oneTimePassword);
    const changed = await raw(
      'POST',
      '/v1/auth/password',
      { currentPassword: oneTimePassword, newPassword: PERSON_PASSWORD },
      cookie,
    );
    if (changed.status !== 204)
      throw new Error(`password change of ${email} failed: ${changed.status} ${await changed.text()}`);
    sessions.set(email, cookie);
  };

  const admin: Person = options.admin ?? {
    email: env.REGISTRE_ADMIN_EMAIL!,
    password: PERSON_PASSWORD,
    role: 'admin',
    displayName: 'Administrator',
  };
  if (otp !== undefined) await activate(admin.email, otp);

  const api: RegistreServer['api'] = async (method, path, body, who) => {
    if (who === undefined) return raw(method, path, body, undefined);
    let cookie = sessions.get(who.email);
    if (cookie === undefined) {
      cookie = await signIn(who.email, who.password);
      sessions.set(who.email, cookie);
    }
    const response = await raw(method, path, body, cookie);
    if (response.status !== 401) return response;
    cookie = await signIn(who.email, who.password);
    sessions.set(who.email, cookie);
    return raw(method, path, body, cookie);
  };

  if (options.publishNotice !== false) {
    const published = await api('POST', '/v1/notices/publish', {}, admin);
    if (published.status !== 201 && published.status !== 200) {
      await close();
      throw new Error(`publishing the notice failed: ${published.status} ${await published.text()}`);
    }
  }

  let created = 0;
  return {
    url,
    dir,
    outboxDir,
    targetUrl,
    admin,
    output: () => lines.join('\n'),
    async person(role, displayName) {
      created += 1;
      const name = displayName ?? `Test ${role} ${created}`;
      const email = `${role}-${created}-${randomBytes(3).toString('hex')}@facturo.example`;
      const response = await api('POST', '/v1/users', { email, displayName: name, role }, admin);
      if (response.status !== 201)
        throw new Error(`creating ${role} failed: ${response.status} ${await response.text()}`);
      const { oneTimePassword } = (await response.json()) as { oneTimePassword: string };
      await activate(email, oneTimePassword);
      return { email, password: PERSON_PASSWORD, role, displayName: name };
    },
    api,
    close,
  };
}
