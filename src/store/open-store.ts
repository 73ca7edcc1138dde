/**
 * Registre's own database (accounts, requests, consent, breaches…), distinct from the
 * organisation's databases the engine works on. An embedded SQLite file by default; PostgreSQL
 * when the URL names one (several server processes can then share it).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Kysely } from 'kysely';
import { openTarget, parseDatabaseUrl } from '../engine/db/connect.ts';
import { RegistreError } from '../errors/registry.ts';
import type { StoreDb } from './schema/index.ts';

/** Zero-configuration default: one SQLite file under `.registre/`. */
export const DEFAULT_STORE_URL = 'sqlite:.registre/registre.db';

export type StoreDialect = 'sqlite' | 'postgres';

export interface Store {
  readonly db: Kysely<StoreDb>;
  readonly dialect: StoreDialect;
  close(): Promise<void>;
}

/**
 * Open the store at `url` (`sqlite:path.db` or `postgres://…`); creates the SQLite file's folder
 * when needed. Does not migrate: call {@link migrateStore} (src/store/migrate.ts) once at start.
 */
export function openStore(url: string = DEFAULT_STORE_URL, options: { poolSize?: number } = {}): Store {
  const parsed = parseDatabaseUrl(url);
  if (parsed.dialect === 'mysql') {
    throw new RegistreError(
      'REG_ERR_SERVER_STORE_URL',
      'REGISTRE_DATABASE_URL: the store runs on sqlite:path/to/file.db or postgres://…, not MySQL/MariaDB',
    );
  }
  if (parsed.dialect === 'sqlite' && parsed.location !== ':memory:') {
    mkdirSync(dirname(parsed.location), { recursive: true });
  }
  const target = openTarget(url, options.poolSize === undefined ? {} : { poolSize: options.poolSize });
  return {
    db: target.db as Kysely<StoreDb>,
    dialect: parsed.dialect,
    close: () => target.close(),
  };
}
