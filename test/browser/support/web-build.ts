/**
 * The browser tests drive the built app (dist/web), the way `npm start` serves it. Before they
 * run, the build is checked against the sources under web/ and rebuilt when older; parallel test
 * files take turns through a lock directory so only one builds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const WEB_SOURCES = join(REPO, 'web');
export const WEB_BUILD = join(REPO, 'dist', 'web');
const LOCK = join(REPO, 'dist', '.web-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function buildTime(): number {
  try {
    return statSync(join(WEB_BUILD, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Build the web app into dist/web unless the build is newer than every source file. */
export async function ensureWebBuild(): Promise<void> {
  if (buildTime() >= newestSource(WEB_SOURCES)) return;
  mkdirSync(join(REPO, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`${LOCK} held for two minutes; remove it if no build is running`);
      await sleep(200);
      if (buildTime() >= newestSource(WEB_SOURCES)) return;
    }
  }
  try {
    if (buildTime() >= newestSource(WEB_SOURCES)) return;
    // A child process, as `npm run build:web` runs it: the test runner's NODE_ENV=test would
    // otherwise give React's development build.
    const result = spawnSync(
      process.execPath,
      [
        join(REPO, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        join(WEB_SOURCES, 'vite.config.ts'),
        '--logLevel',
        'warn',
      ],
      { cwd: REPO, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmdirSync(LOCK);
  }
}
