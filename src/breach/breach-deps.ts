/** What every breach-register operation receives, and the helpers they share. */
import type { Kysely, Transaction } from 'kysely';
import { appendAudit } from '../audit/append-audit.ts';
import { RegistreError } from '../errors/registry.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { BreachesTable } from '../store/schema/breach.ts';
import type { StoreDb } from '../store/schema/index.ts';

export interface BreachRegisterDeps {
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
  /**
   * The policy in force, when one is loaded: its breach commitments (`breach.notifySubjects`) and
   * taxonomy (data and subject categories of a breach are checked against it).
   */
  readonly policy?: LoadedPolicy | null | (() => LoadedPolicy | null);
}

export function policyOf(deps: BreachRegisterDeps): LoadedPolicy | null {
  const p = deps.policy;
  return typeof p === 'function' ? p() : (p ?? null);
}

/** The breach row, locked for update on PostgreSQL; throws NOT_FOUND, or CLOSED when `open` is required. */
export async function breachRow(
  trx: Transaction<StoreDb>,
  id: string,
  options: { readonly open: boolean },
): Promise<BreachesTable> {
  // Touching the row first serialises concurrent changes to the same breach.
  await trx.updateTable('breaches').set({ id }).where('id', '=', id).execute();
  const row = await trx.selectFrom('breaches').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw new RegistreError('REG_ERR_BREACH_NOT_FOUND', `no breach has id "${id}"`);
  if (options.open && row.status === 'closed') {
    throw new RegistreError(
      'REG_ERR_BREACH_CLOSED',
      `breach "${id}" is closed (${row.closed_at ?? ''}); it can no longer change`,
    );
  }
  return row;
}

/** One `breach.update` or `breach.record` entry in the store's trail (breaches name no subject). */
export async function auditBreach(
  deps: BreachRegisterDeps,
  trx: Transaction<StoreDb>,
  entry: {
    readonly actor: string;
    readonly operation: 'breach.record' | 'breach.update';
    readonly breachId: string;
    readonly table: string;
    readonly reason: string;
    readonly details?: Record<string, unknown>;
  },
): Promise<void> {
  await appendAudit(
    trx,
    [
      {
        actor: entry.actor,
        operation: entry.operation,
        subjectRef: null,
        tables: [entry.table],
        rowCounts: { [entry.table]: 1 },
        reason: entry.reason,
        details: { breachId: entry.breachId, ...entry.details },
      },
    ],
    { clock: deps.clock },
  );
}

/** Throws REG_ERR_BREACH_TIME_INVALID when `time` is after `now`. */
export function notInFuture(what: string, time: string, now: Date): void {
  if (Date.parse(time) > now.getTime()) {
    throw new RegistreError(
      'REG_ERR_BREACH_TIME_INVALID',
      `${what} (${time}) is in the future (now ${now.toISOString()})`,
    );
  }
}

/** Normalise an ISO time with any offset to UTC `…Z` text (so text order is time order). */
export function utc(time: string): string {
  return new Date(time).toISOString();
}
