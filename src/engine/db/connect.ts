/**
 * Open an organisation's database from a URL:
 * - SQLite: `sqlite:relative/or/absolute/path.db`, `sqlite::memory:`, or a bare path ending in
 *   `.db`, `.sqlite` or `.sqlite3`;
 * - PostgreSQL: `postgres://…` or `postgresql://…`;
 * - MySQL / MariaDB: `mysql://…` or `mariadb://…`.
 */
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, MysqlDialect, PostgresDialect } from 'kysely';
import { createPool } from 'mysql2';
import pg from 'pg';
import { RegistreError } from '../../errors/registry.ts';
import { mysqlAdapter } from './dialects/mysql/adapter.ts';
import { postgresAdapter } from './dialects/postgres/adapter.ts';
import { prepareFromEnvironment, preparingPool } from './dialects/postgres/prepared-statements.ts';
import { registreTypes } from './dialects/postgres/type-parsers.ts';
import { sqliteAdapter } from './dialects/sqlite/adapter.ts';
import { ImmediateTransactionSqliteDialect } from './dialects/sqlite/immediate-transactions.ts';
import { statementCachingDatabase } from './dialects/sqlite/statement-cache.ts';
import { type SqliteSynchronous, sqliteSynchronousFromEnvironment } from './dialects/sqlite/synchronous.ts';
import type { AnyDb, DialectName, TargetDb } from './types.ts';

export interface ParsedUrl {
  readonly dialect: DialectName;
  /** For SQLite: the file path (or `:memory:`); otherwise the connection URL. */
  readonly location: string;
}

/** Classify a database URL; throws REG_ERR_DB_URL naming the accepted forms. */
export function parseDatabaseUrl(url: string): ParsedUrl {
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (rest === '') throw urlError(url);
    return { dialect: 'sqlite', location: rest === ':memory:' ? rest : resolve(rest) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', location: url };
  if (/^(mysql|mariadb):\/\//.test(url))
    return { dialect: 'mysql', location: url.replace(/^mariadb:/, 'mysql:') };
  if (/\.(db|sqlite|sqlite3)$/i.test(url) && !url.includes('://')) {
    return { dialect: 'sqlite', location: resolve(url) };
  }
  throw urlError(url);
}

function urlError(url: string): RegistreError {
  // The URL may hold a password: never echo it whole.
  const scheme = url.includes(':') ? `${url.split(':')[0]}:` : 'a bare name';
  return new RegistreError(
    'REG_ERR_DB_URL',
    `unsupported database URL (${scheme}…): use sqlite:path/to/file.db, postgres://user@host/db or mysql://user@host/db`,
  );
}

export interface OpenOptions {
  readonly poolSize?: number;
  /**
   * PostgreSQL: run Registre's repeated queries as named prepared statements (default: unless
   * `REGISTRE_PG_PREPARE=off`; turn off behind a pooler that shares server sessions).
   */
  readonly prepare?: boolean;
  /**
   * SQLite: `PRAGMA synchronous` (default: REGISTRE_SQLITE_SYNCHRONOUS, else `normal`; see
   * dialects/sqlite/synchronous.ts).
   */
  readonly synchronous?: SqliteSynchronous;
}

/** Open a connection pool (or SQLite file) and return it with its dialect adapter. */
export function openTarget(url: string, options: OpenOptions = {}): TargetDb {
  const parsed = parseDatabaseUrl(url);
  let db: AnyDb;
  if (parsed.dialect === 'sqlite') {
    // Read before the file is opened: a bad value fails without touching the database.
    const synchronous = options.synchronous ?? sqliteSynchronousFromEnvironment();
    const database = new Database(parsed.location);
    database.pragma('journal_mode = WAL');
    database.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
    database.pragma('foreign_keys = ON');
    database.pragma('busy_timeout = 5000');
    // Kysely prepares every query afresh; the wrapper reuses statements for identical SQL.
    // Transactions begin immediate: they read then write (see immediate-transactions.ts).
    db = new Kysely({
      dialect: new ImmediateTransactionSqliteDialect({ database: statementCachingDatabase(database) }),
    });
  } else if (parsed.dialect === 'postgres') {
    const pool = new pg.Pool({
      connectionString: parsed.location,
      max: options.poolSize ?? 4,
      // Dates and local timestamps read as UTC, whatever the process's time zone (type-parsers.ts).
      types: registreTypes,
    });
    // Day boundaries are UTC: a session time zone would shift date-to-timestamp casts.
    pool.on('connect', (client) => {
      client.query("set time zone 'UTC'").catch(() => undefined);
    });
    const prepare = options.prepare ?? prepareFromEnvironment();
    db = new Kysely({ dialect: new PostgresDialect({ pool: prepare ? preparingPool(pool) : pool }) });
  } else {
    const pool = createPool({
      uri: parsed.location,
      connectionLimit: options.poolSize ?? 4,
      dateStrings: false,
      timezone: 'Z',
      supportBigNumbers: true,
      bigNumberStrings: false,
    });
    pool.on('connection', (connection) => {
      connection.query("set time_zone = '+00:00'");
    });
    db = new Kysely({ dialect: new MysqlDialect({ pool }) });
  }
  const adapter =
    parsed.dialect === 'sqlite'
      ? sqliteAdapter
      : parsed.dialect === 'postgres'
        ? postgresAdapter
        : mysqlAdapter;
  return {
    url,
    dialect: parsed.dialect,
    db,
    adapter,
    close: () => db.destroy(),
  };
}
