/**
 * Run a transaction that takes the next number of a sequence (`max + 1` under a unique index) and
 * retry it when a concurrent writer took the same number first. SQLite serialises writers, so
 * only PostgreSQL ever retries.
 */
import { type ErrorCode, RegistreError } from '../errors/registry.ts';

/** True for a unique or primary-key violation on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Call `attempt` again (up to `tries` times in all) while it fails on a unique violation.
 * @param code the error raised when every try lost the race
 */
export async function withUniqueRetry<T>(
  code: ErrorCode,
  what: string,
  attempt: () => Promise<T>,
  tries = 5,
): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (i >= tries) {
        throw new RegistreError(code, `${what}: ${tries} concurrent writers in a row`, {
          cause: error,
        });
      }
    }
  }
}
