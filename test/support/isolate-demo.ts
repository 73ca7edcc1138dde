/**
 * Vitest setup file: each test file gets its own demo organisation database. Servers started
 * without REGISTRE_TARGET_DB create the demo database on first use; without this, test files
 * running in parallel would race to create (and sweep) the same `.registre/demo/facturo.db` in
 * the working copy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'registre-demo-'));
process.env.REGISTRE_DEMO_DB = `sqlite:${join(dir, 'facturo.db')}`;
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
