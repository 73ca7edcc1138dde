/**
 * The key that encrypts exports at rest (REGISTRE_EXPORT_KEY: 32 bytes, base64). For a
 * zero-config local start only (NODE_ENV not `production`), a random key is created in
 * `.registre/export.key` (mode 0600) when the variable is absent, like the secret.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RegistreError } from '../errors/registry.ts';
import { KEY_BYTES } from './aes-gcm.ts';

export const EXPORT_KEY_ENV = 'REGISTRE_EXPORT_KEY';

function decodeKey(text: string, origin: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new RegistreError(
      'REG_ERR_CRYPTO_KEY',
      `${origin} must be ${KEY_BYTES} bytes in base64 (got ${key.length} bytes); create one with: openssl rand -base64 32`,
    );
  }
  return key;
}

/** The export encryption key from the environment, or the local development key. */
export function loadExportKey(env: NodeJS.ProcessEnv = process.env, stateDir = '.registre'): Buffer {
  const fromEnv = env[EXPORT_KEY_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return decodeKey(fromEnv, EXPORT_KEY_ENV);
  if (env.NODE_ENV === 'production') {
    throw new RegistreError('REG_ERR_CRYPTO_KEY', `${EXPORT_KEY_ENV} is not set (required in production)`);
  }
  const file = join(stateDir, 'export.key');
  if (existsSync(file)) return decodeKey(readFileSync(file, 'utf8'), file);
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  process.stderr.write(`registre: ${EXPORT_KEY_ENV} not set; created a local development key in ${file}\n`);
  return key;
}
