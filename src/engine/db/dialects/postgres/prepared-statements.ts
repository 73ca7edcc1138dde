/**
 * PostgreSQL: named prepared statements for the queries Registre runs again and again.
 *
 * node-pg sends every parameterised query as an unnamed statement: the server parses and plans it
 * on each call. For the small indexed statements of a subject request, that is most of their cost
 * (measured with node-pg on the demo database: four row queries of one person 0.46 ms unnamed,
 * 0.25 ms named). Queries compiled through `templated()` (query-template.ts) have a fixed SQL text
 * per shape; those texts are registered here, and the pool wrapper below runs them as named
 * statements: prepared once per connection, then only bound and executed.
 *
 * Limits, so that nothing grows without bound and nothing breaks where names cannot work:
 * - at most MAX_PER_CONNECTION names per connection; past it, queries run unnamed;
 * - a statement the server refuses to reuse ("cached plan must not change result type", after a
 *   column's type changed) is run unnamed from then on, on that connection;
 * - `REGISTRE_PG_PREPARE=off` (or `openTarget(url, { prepare: false })`) turns names off, for
 *   poolers that do not keep a server session per client (PgBouncer in transaction mode before
 *   1.21, or without `max_prepared_statements`).
 */
import { createHash } from 'node:crypto';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

/** SQL text → statement name, for the texts that may be prepared. */
const names = new Map<string, string>();
/** The same bound as the templates': a long-lived server with many data maps stays bounded. */
const MAX_NAMES = 4000;
/** Statements prepared on one connection at most. */
export const MAX_PER_CONNECTION = 1000;

/** Allow `sqlText` to run as a named prepared statement (on pools wrapped by `preparingPool`). */
export function markPreparable(sqlText: string): void {
  if (names.has(sqlText)) return;
  if (names.size >= MAX_NAMES) names.clear();
  // Same text, same name, on every connection and in every process; 63 bytes at most.
  names.set(sqlText, `registre_${createHash('sha256').update(sqlText).digest('base64url').slice(0, 32)}`);
}

/** The statement name of `sqlText`, if it was marked. */
export function preparedName(sqlText: string): string | undefined {
  return names.get(sqlText);
}

/** Whether `REGISTRE_PG_PREPARE` allows named statements (anything but `off`, `false`, `0`). */
export function prepareFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.REGISTRE_PG_PREPARE ?? '').trim().toLowerCase();
  return !['off', 'false', '0', 'no'].includes(value);
}

interface ClientState {
  /** Names prepared (or being prepared) on this connection. */
  readonly prepared: Set<string>;
  /** Names the server refused to reuse on this connection. */
  readonly refused: Set<string>;
  readonly wrapper: PostgresPoolClient;
}

/** A pool for Kysely's PostgresDialect whose clients run marked queries as named statements. */
export function preparingPool(
  pool: pg.Pool,
  options: { readonly maxPerConnection?: number } = {},
): PostgresPool {
  const bound = options.maxPerConnection ?? MAX_PER_CONNECTION;
  const states = new WeakMap<pg.PoolClient, ClientState>();
  return {
    async connect() {
      const client = await pool.connect();
      let state = states.get(client);
      if (state === undefined) {
        state = newState(client, bound);
        states.set(client, state);
      }
      return state.wrapper;
    },
    end: () => pool.end(),
  };
}

function newState(client: pg.PoolClient, bound: number): ClientState {
  const prepared = new Set<string>();
  const refused = new Set<string>();
  // biome-ignore lint/suspicious/noExplicitAny: forwards node-pg's overloads as they are
  const plain = (...args: any[]) => (client.query as (...a: any[]) => any)(...args);
  const wrapper = {
    query(text: unknown, values?: readonly unknown[]) {
      if (typeof text !== 'string') return plain(text);
      const name = names.get(text);
      if (name === undefined || refused.has(name) || (!prepared.has(name) && prepared.size >= bound)) {
        return plain(text, values);
      }
      prepared.add(name);
      return runNamed(client, name, text, values, refused);
    },
    release: () => client.release(),
  } as PostgresPoolClient;
  return { prepared, refused, wrapper };
}

async function runNamed(
  client: pg.PoolClient,
  name: string,
  text: string,
  values: readonly unknown[] | undefined,
  refused: Set<string>,
): Promise<pg.QueryResult> {
  try {
    return await client.query({ name, text, values: values === undefined ? [] : [...values] });
  } catch (error) {
    if (!isStalePlan(error)) throw error;
    // The server keeps refusing this statement on this connection: unnamed from now on. Outside a
    // transaction the retry answers this call; inside one, the transaction is already aborted, the
    // retry fails too, and the server's first answer is the one that explains why.
    refused.add(name);
    try {
      return await client.query(text, values === undefined ? [] : [...values]);
    } catch {
      throw error;
    }
  }
}

/** PostgreSQL's 0A000 "cached plan must not change result type". */
function isStalePlan(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === '0A000' &&
    /cached plan must not change result type/.test(String((error as { message?: unknown }).message))
  );
}
