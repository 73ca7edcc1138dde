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
 * A SQL text starting with this comment is a one-row statement run once per row: its
 * parameters are the rows, each an array of that row's values (`[[a1, b1], [a2, b2], …]`).
 * All the rows are written or none (a savepoint inside a transaction). For many rows this is
 * as fast as a multi-row VALUES list and spares the caller one flat array of every value.
 */
export const EACH_ROW = '/* registre:each-row */ ';

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
  const cached = (sql: string): BetterSqlite3.Statement => {
    const hit = cache.get(sql);
    if (hit !== undefined) {
      // A statement with an open iterator (a half-read `.stream()`) cannot run again until it
      // ends: give this caller its own, and keep the cached one for later.
      if (hit.busy) return database.prepare(sql);
      cache.delete(sql);
      cache.set(sql, hit);
      return hit;
    }
    const statement = database.prepare(sql);
    cache.set(sql, statement);
    if (cache.size > capacity) {
      const oldest = cache.keys().next();
      if (oldest.done !== true) cache.delete(oldest.value);
    }
    return statement;
  };
  // better-sqlite3 uses a savepoint when a transaction is open, else begin/commit. Made on first
  // use: it prepares its own begin/commit statements.
  let eachRowFn:
    | ((statement: BetterSqlite3.Statement, rows: ReadonlyArray<unknown>) => BetterSqlite3.RunResult)
    | undefined;
  const eachRow = (statement: BetterSqlite3.Statement, rows: ReadonlyArray<unknown>) => {
    eachRowFn ??= database.transaction(
      (statement: BetterSqlite3.Statement, rows: ReadonlyArray<unknown>): BetterSqlite3.RunResult => {
        let changes = 0;
        let lastInsertRowid: number | bigint = 0;
        for (const row of rows) {
          if (!Array.isArray(row)) {
            throw new TypeError('an each-row statement takes one array of values per row');
          }
          // Values as arguments: measured faster than one array argument, which better-sqlite3
          // reads element by element.
          const result = statement.run(...row);
          changes += result.changes;
          lastInsertRowid = result.lastInsertRowid;
        }
        return { changes, lastInsertRowid };
      },
    );
    return eachRowFn(statement, rows);
  };
  return {
    prepare(sql: string): SqliteStatement {
      if (!sql.startsWith(EACH_ROW)) return cached(sql);
      const statement = cached(sql);
      if (statement.reader) throw new TypeError('an each-row statement must not return rows');
      return {
        reader: false,
        run: (rows) => eachRow(statement, rows),
        all: () => {
          throw new TypeError('an each-row statement returns no rows');
        },
        iterate: () => {
          throw new TypeError('an each-row statement returns no rows');
        },
      };
    },
    close(): void {
      cache.clear();
      database.close();
    },
  };
}
