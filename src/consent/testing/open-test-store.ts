/** A migrated, isolated store for the consent, breach and notice integration tests. */
import { sql } from 'kysely';
import { isolatedTarget } from '../../../test/support/targets.ts';
import type { DialectName } from '../../engine/db/types.ts';
import { migrateStore } from '../../store/migrate.ts';
import { openStore, type Store } from '../../store/open-store.ts';

export const TEST_SECRET = 'consent-test-secret-0123456789-abcdefghijklmnop';

export interface TestStore {
  readonly store: Store;
  dispose(): Promise<void>;
}

/** Open a fresh store on `dialect` (SQLite file or PostgreSQL schema) and migrate it. */
export async function openTestStore(dialect: DialectName): Promise<TestStore> {
  const isolated = await isolatedTarget(dialect);
  await isolated.target.close();
  const store = openStore(isolated.url, { poolSize: 2 });
  if (dialect === 'postgres') await precreateMigrationTables(store);
  await migrateStore(store);
  return {
    store,
    async dispose() {
      await store.close();
      await isolated.dispose();
    },
  };
}

/**
 * Kysely's Migrator looks for its own tables in every PostgreSQL schema, so another test's
 * schema holding them makes it skip creating them in ours ("relation registre_migration_lock
 * does not exist"). Creating them first, as Kysely would, keeps each test schema independent.
 */
async function precreateMigrationTables(store: Store): Promise<void> {
  await sql`create table if not exists registre_migration (name varchar(255) not null primary key, timestamp varchar(255) not null)`.execute(
    store.db,
  );
  await sql`create table if not exists registre_migration_lock (id varchar(255) not null primary key, is_locked integer not null default 0)`.execute(
    store.db,
  );
}

/** A clock the test moves by hand. */
export function manualClock(start: string): { (): Date; set(iso: string): void; advance(ms: number): void } {
  let now = Date.parse(start);
  const clock = () => new Date(now);
  clock.set = (iso: string) => {
    now = Date.parse(iso);
  };
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}
