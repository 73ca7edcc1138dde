/**
 * Kysely's SQLite driver calls `database.prepare(sql)` for every query. Compiling identical SQL
 * again each time is a measurable share of small queries (subject access, audit appends), so the
 * dialect is given this wrapper: the same SQL text gets the same better-sqlite3 Statement back.
 *
 * A cached statement stays correct across schema changes: SQLite re-prepares a statement whose
 * schema changed on its next step (sqlite3_prepare_v2), and better-sqlite3 reads column names
 * per row.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Enough for every distinct query the engine issues on one database, with room for user SQL. */
export const DEFAULT_STATEMENT_CACHE_SIZE = 256;

/**
 * The `database` for Kysely's SqliteDialect: `prepare` returns a cached Statement for the exact
 * SQL text (least recently used evicted beyond `capacity`), `close` closes the database.
 */
export function statementCachingDatabase(
  database: BetterSqlite3.Database,
  capacity: number = DEFAULT_STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  if (!Number.isInteger(capacity) || capacity < 1) {
    throw new RangeError(`statement cache capacity must be a positive integer, got ${capacity}`);
  }
  // A Map iterates in insertion order: re-inserting on each hit keeps the oldest entry first.
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql);
      if (cached !== undefined) {
        // A statement with an open iterator (a half-read `.stream()`) cannot run again until it
        // ends: give this caller its own, and keep the cached one for later.
        if (cached.busy) return database.prepare(sql);
        cache.delete(sql);
        cache.set(sql, cached);
        return cached;
      }
      const statement = database.prepare(sql);
      cache.set(sql, statement);
      if (cache.size > capacity) {
        const oldest = cache.keys().next();
        if (oldest.done !== true) cache.delete(oldest.value);
      }
      return statement;
    },
    close(): void {
      cache.clear();
      database.close();
    },
  };
}
