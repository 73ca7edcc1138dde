/**
 * SQLite transactions that take the write lock when they begin (`begin immediate`).
 *
 * Kysely's SQLite driver begins with a plain (deferred) `begin`: the transaction reads under a
 * snapshot and asks for the write lock at its first write. If another process committed a write
 * in between, SQLite cannot upgrade the stale snapshot and fails at once with SQLITE_BUSY or
 * SQLITE_BUSY_SNAPSHOT, without waiting for `busy_timeout` (waiting could deadlock two readers
 * that both want to write). Registre's transactions read then write — an access reads the rows
 * then appends its audit entry; a sweep batch reads keys then deletes — so with the server and a
 * CLI command on one database file, one of them failed at random. `begin immediate` takes the write
 * lock first, waiting up to `busy_timeout` for another writer to finish; readers outside a
 * transaction are not blocked (WAL).
 */
import {
  CompiledQuery,
  type DatabaseConnection,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/** Kysely's SqliteDialect whose transactions begin with `begin immediate`. */
export class ImmediateTransactionSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): SqliteDriver {
    return new ImmediateTransactionDriver(this.#config);
  }
}
