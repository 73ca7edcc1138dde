/**
 * How hard SQLite works to keep a commit across a power cut (`PRAGMA synchronous`), chosen with
 * REGISTRE_SQLITE_SYNCHRONOUS.
 *
 * - `normal` (default, better-sqlite3's own in WAL mode): a commit writes the WAL without waiting
 *   for the disk; the WAL is synced at each checkpoint. A crash of the process loses nothing. A
 *   power cut or an operating-system crash can lose the last transactions — each effect together
 *   with its audit entry, never one without the other — so a subject access copy handed out just
 *   before can have lost its entry.
 * - `full`: every commit waits until the WAL is on disk (one fsync per transaction), so no
 *   committed transaction is lost, at that fsync's cost on every access, request and sweep batch.
 */
import { RegistreError } from '../../../../errors/registry.ts';

export type SqliteSynchronous = 'normal' | 'full';

const ACCEPTED: readonly SqliteSynchronous[] = ['normal', 'full'];

/** The level REGISTRE_SQLITE_SYNCHRONOUS asks for; throws REG_ERR_DB_OPTION on any other value. */
export function sqliteSynchronousFromEnvironment(env: NodeJS.ProcessEnv = process.env): SqliteSynchronous {
  const raw = env.REGISTRE_SQLITE_SYNCHRONOUS;
  if (raw === undefined || raw.trim() === '') return 'normal';
  const value = raw.trim().toLowerCase();
  const level = ACCEPTED.find((accepted) => accepted === value);
  if (level === undefined) {
    throw new RegistreError(
      'REG_ERR_DB_OPTION',
      `REGISTRE_SQLITE_SYNCHRONOUS must be one of ${ACCEPTED.join(', ')} (got '${raw}')`,
    );
  }
  return level;
}
