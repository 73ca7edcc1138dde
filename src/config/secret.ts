/**
 * The installation secret (HMAC key for subject pseudonyms and keyed hashes).
 *
 * It comes from the environment (`REGISTRE_SECRET`, at least 32 characters). For a zero-config
 * local start only, when the variable is absent and NODE_ENV is not `production`, Registre
 * creates a random secret in `.registre/secret` (mode 0600) and says so on stderr.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistreError } from '../errors/registry.ts';

export const SECRET_ENV = 'REGISTRE_SECRET';

export function loadSecret(env: NodeJS.ProcessEnv = process.env, stateDir = '.registre'): string {
  const fromEnv = env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < 32) {
      throw new RegistreError(
        'REG_ERR_AUDIT_SECRET_MISSING',
        `${SECRET_ENV} must be at least 32 characters long (got ${fromEnv.length})`,
      );
    }
    return fromEnv;
  }
  if (env.NODE_ENV === 'production') {
    throw new RegistreError(
      'REG_ERR_AUDIT_SECRET_MISSING',
      `${SECRET_ENV} is not set (required in production)`,
    );
  }
  const file = join(stateDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  process.stderr.write(`registre: ${SECRET_ENV} not set; created a local development secret in ${file}\n`);
  return secret;
}
