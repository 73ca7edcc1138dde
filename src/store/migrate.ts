/** Bring Registre's store to the latest schema (Kysely Migrator over a static list of modules). */
import { type Migration, type MigrationResult, Migrator, sql } from 'kysely';
import { RegistreError } from '../errors/registry.ts';
import { STORE_MIGRATIONS } from './migrations/index.ts';
import type { Store } from './open-store.ts';

export interface StoreMigrationReport {
  /** Migrations applied by this call, in order (empty when the store was up to date). */
  readonly applied: readonly string[];
}

/**
 * Apply every pending migration. Areas number their migrations in separate ranges and may land
 * in any order, so unordered migrations are allowed. Throws REG_ERR_SERVER_STORE_MIGRATION naming
 * the failed migration.
 */
export async function migrateStore(
  store: Store,
  migrations: Readonly<Record<string, Migration>> = STORE_MIGRATIONS,
): Promise<StoreMigrationReport> {
  // On PostgreSQL, pin the bookkeeping tables to the store's own schema: otherwise Kysely finds
  // them in another schema of the same database and skips creating them in ours.
  const schema =
    store.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({
    db: store.db,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
    provider: { getMigrations: async () => ({ ...migrations }) },
    allowUnorderedMigrations: true,
    migrationTableName: 'registre_migration',
    migrationLockTableName: 'registre_migration_lock',
  });
  const { error, results } = await migrator.migrateToLatest();
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error !== undefined) {
    const failed: MigrationResult | undefined = (results ?? []).find((r) => r.status === 'Error');
    throw new RegistreError(
      'REG_ERR_SERVER_STORE_MIGRATION',
      `store migration ${failed?.migrationName ?? '(before any migration)'} failed: ${
        error instanceof Error ? error.message : String(error)
      }`,
      { cause: error },
    );
  }
  return { applied };
}
