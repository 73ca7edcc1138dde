/**
 * The baseline of the sweep benchmark: the demo's retention sweep written by hand, in plain SQL,
 * without audit trail, run-state rows or generic predicates. Batched like the engine (the next
 * `batchSize` due keys after a cursor, in key order, then the effect on those keys, one
 * transaction per batch), in the same step order (children before parents), with the cut-off
 * days of the engine's plan — and nothing else from the engine.
 *
 * Anonymised values are computed the way a hand-writer would: generalisation in SQL, one
 * statement per batch; the keyed hash (HMAC-SHA-256 under the installation secret, which SQL
 * cannot compute on SQLite) in JavaScript, one UPDATE per row.
 */
import { createHmac } from 'node:crypto';
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { AnyDb, DialectName } from '../src/engine/db/types.ts';
import type { SweepPlan } from '../src/engine/sweep/types.ts';
import { addDays, retentionCutoff } from '../src/policy/retention/index.ts';
import { since } from './stats.ts';

type Where = RawBuilder<SqlBool>;

interface HandStep {
  /** The engine's step id, to compare row counts step by step. */
  readonly id: string;
  readonly table: string;
  /** Rows still due (always false for a row already processed). */
  readonly due: Where;
  /** Applies the effect to `keys`; returns the rows changed. */
  effect(trx: AnyDb, keys: readonly number[], at: string): Promise<number>;
}

export interface HandStepResult {
  readonly id: string;
  readonly table: string;
  readonly rows: number;
  readonly batches: number;
  readonly ms: number;
}

export interface HandSweepResult {
  readonly steps: readonly HandStepResult[];
  readonly rows: number;
  readonly ms: number;
}

const day = (date: Date) => date.toISOString().slice(0, 10);

/** The day after a plan cut-off (`column < next` means "on or before the cut-off"). */
function nextDay(
  plan: SweepPlan,
  step: string,
  which: 'activeEnd' | 'endTrigger' | 'archiveTrigger',
): string {
  const cutoff = plan.steps.find((s) => s.id === step)?.cutoffs[which];
  if (cutoff === undefined) throw new Error(`the plan has no ${which} cut-off for step ${step}`);
  return day(addDays(new Date(`${cutoff}T00:00:00Z`), 1));
}

function changed(result: { numDeletedRows?: bigint; numUpdatedRows?: bigint; numAffectedRows?: bigint }) {
  return Number(result.numAffectedRows ?? result.numDeletedRows ?? result.numUpdatedRows ?? 0n);
}

async function run(trx: AnyDb, statement: RawBuilder<unknown>): Promise<number> {
  const result = await statement.execute(trx);
  return changed(result);
}

const inKeys = (keys: readonly number[]) => sql`id in (${sql.join([...keys])})`;

function deleteStep(id: string, table: string, due: Where): HandStep {
  return {
    id,
    table,
    due,
    effect: (trx, keys) => run(trx, sql`delete from ${sql.table(table)} where ${inKeys(keys)}`),
  };
}

function archiveStep(id: string, table: string, due: Where): HandStep {
  return {
    id,
    table,
    due,
    effect: (trx, keys, at) =>
      run(trx, sql`update ${sql.table(table)} set archived_at = ${at} where ${inKeys(keys)}`),
  };
}

/** The keyed hash the demo's data map asks for, cut to the room the engine gives it. */
function keyedHash(secret: string, value: string, room: number): string {
  const hex = createHmac('sha256', secret).update(`anonymise\u0000${value}`).digest('hex');
  return hex.slice(0, Math.max(1, Math.min(64, room)));
}

/**
 * Room for a hash in a varchar column: its declared length on SQLite; on PostgreSQL the engine
 * reads no length from the catalog and keeps the original value's length.
 */
function room(dialect: DialectName, declared: number, value: string): number {
  return dialect === 'sqlite' ? declared : value.length;
}

/** Generalised postal code (first two digits, then zeros) and birth date (1 January), in SQL. */
function generalised(dialect: DialectName) {
  return dialect === 'sqlite'
    ? {
        postalCode: sql`substr(postal_code, 1, 2) || substr('000', 1, length(postal_code) - 2)`,
        birthDate: sql`case when birth_date is null then null else substr(birth_date, 1, 4) || '-01-01' end`,
      }
    : {
        postalCode: sql`left(postal_code, 2) || repeat('0', length(postal_code) - 2)`,
        birthDate: sql`date_trunc('year', birth_date)::date`,
      };
}

/** The demo's sweep steps, in the engine's order, for `plan.today`. */
export function handSteps(plan: SweepPlan, dialect: DialectName, secret: string): HandStep[] {
  const today = new Date(`${plan.today}T00:00:00Z`);
  // Legal holds: payments are proof for 13 months from the debit, invoices are kept 10 years.
  const paymentProofNext = day(addDays(retentionCutoff(today, 'P13M'), 1));
  const accountingNext = day(addDays(retentionCutoff(today, 'P10Y'), 1));
  const n = (step: string, which: 'activeEnd' | 'endTrigger' | 'archiveTrigger' = 'endTrigger') =>
    nextDay(plan, step, which);
  const g = generalised(dialect);

  const bankArchive = 'bank_accounts/bank-accounts/archive';
  const bankEnd = 'bank_accounts/bank-accounts/end';
  const paymentsArchive = 'payments/payment-means/archive';
  const paymentsEnd = 'payments/payment-means/end';
  const debtorsArchive = 'debtors/debtor-data/archive';
  const debtorsEnd = 'debtors/debtor-data/end';
  const contactsArchive = 'contacts/customer-contacts/archive';
  const contactsEnd = 'contacts/customer-contacts/end';
  const customersEnd = 'customers/customer-master-data/end';

  return [
    archiveStep(
      bankArchive,
      'bank_accounts',
      sql`transaction_on < ${n(bankArchive, 'activeEnd')} and transaction_on >= ${n(bankArchive, 'archiveTrigger')} and archived_at is null`,
    ),
    deleteStep(
      bankEnd,
      'bank_accounts',
      sql`transaction_on < ${n(bankEnd, 'activeEnd')} and transaction_on < ${n(bankEnd, 'archiveTrigger')}`,
    ),
    deleteStep(
      'call_recordings/call-recordings/end',
      'call_recordings',
      sql`recorded_at < ${n('call_recordings/call-recordings/end')}`,
    ),
    deleteStep(
      'cookie_consents/cookie-consents/end',
      'cookie_consents',
      sql`deposited_at < ${n('cookie_consents/cookie-consents/end')}`,
    ),
    deleteStep(
      'event_registrations/event-registrations/end',
      'event_registrations',
      sql`event_on < ${n('event_registrations/event-registrations/end')}`,
    ),
    deleteStep(
      'login_events/security-logs/end',
      'login_events',
      sql`at < ${n('login_events/security-logs/end')}`,
    ),
    deleteStep(
      'marketing_consents/marketing-consent/end',
      'marketing_consents',
      sql`withdrawn_at < ${n('marketing_consents/marketing-consent/end')}`,
    ),
    archiveStep(
      paymentsArchive,
      'payments',
      sql`debited_on < ${n(paymentsArchive, 'activeEnd')} and debited_on >= ${n(paymentsArchive, 'archiveTrigger')} and archived_at is null`,
    ),
    {
      id: paymentsEnd,
      table: 'payments',
      due: sql`debited_on < ${n(paymentsEnd, 'activeEnd')} and debited_on < ${n(paymentsEnd, 'archiveTrigger')}
        and debited_on < ${paymentProofNext} and anonymised_at is null`,
      effect: (trx, keys, at) =>
        run(
          trx,
          sql`update payments set iban = null, bic = null, card_number = null, anonymised_at = ${at} where ${inKeys(keys)}`,
        ),
    },
    // Invoices go when their 10 years are over; payments keep their row (ON DELETE SET NULL).
    deleteStep('invoices/invoices/end', 'invoices', sql`issued_on < ${n('invoices/invoices/end')}`),
    archiveStep(
      debtorsArchive,
      'debtors',
      sql`recovery_closed_on < ${n(debtorsArchive, 'activeEnd')} and recovery_closed_on >= ${n(debtorsArchive)} and archived_at is null`,
    ),
    {
      id: debtorsEnd,
      table: 'debtors',
      due: sql`recovery_closed_on < ${n(debtorsEnd)} and anonymised_at is null
        and not exists (select 1 from payments p where p.debtor_id = debtors.id and p.debited_on >= ${paymentProofNext})`,
      effect: (trx, keys, at) =>
        run(
          trx,
          sql`update debtors set full_name = ${'Débiteur anonymisé'}, email = null, phone = null,
            postal_address = '-', postal_code = ${g.postalCode}, city = '-', birth_date = ${g.birthDate},
            national_id = null, anonymised_at = ${at} where ${inKeys(keys)}`,
        ),
    },
    deleteStep(
      'support_tickets/support-tickets/end',
      'support_tickets',
      sql`opened_at < ${n('support_tickets/support-tickets/end')}`,
    ),
    archiveStep(
      contactsArchive,
      'contacts',
      sql`relationship_ended_on < ${n(contactsArchive, 'activeEnd')} and relationship_ended_on >= ${n(contactsArchive)} and archived_at is null`,
    ),
    {
      id: contactsEnd,
      table: 'contacts',
      due: sql`relationship_ended_on < ${n(contactsEnd)} and anonymised_at is null`,
      async effect(trx, keys, at) {
        const rows = await sql<{
          id: number;
          email: string;
        }>`select id, email from contacts where ${inKeys(keys)}`.execute(trx);
        let count = 0;
        for (const row of rows.rows) {
          const hash = keyedHash(secret, row.email, room(dialect, 160, row.email));
          count += await run(
            trx,
            sql`update contacts set first_name = 'Anonyme', last_name = 'Anonyme', email = ${hash},
              phone = null, job_title = null, anonymised_at = ${at} where id = ${row.id}`,
          );
        }
        return count;
      },
    },
    {
      id: customersEnd,
      table: 'customers',
      due: sql`contract_ended_on < ${n(customersEnd)} and anonymised_at is null
        and not exists (select 1 from invoices i where i.customer_id = customers.id and i.issued_on >= ${accountingNext})`,
      async effect(trx, keys, at) {
        const rows = await sql<{
          id: number;
          vat_number: string;
        }>`select id, vat_number from customers where ${inKeys(keys)}`.execute(trx);
        let count = 0;
        for (const row of rows.rows) {
          const hash = keyedHash(secret, row.vat_number, room(dialect, 20, row.vat_number));
          count += await run(
            trx,
            sql`update customers set name = ${'Client anonymisé'}, vat_number = ${hash}, anonymised_at = ${at} where id = ${row.id}`,
          );
        }
        return count;
      },
    },
    deleteStep(
      'webinar_registrations/webinar-registrations/end',
      'webinar_registrations',
      sql`registered_at < ${n('webinar_registrations/webinar-registrations/end')}`,
    ),
    deleteStep(
      'prospects/prospects/end',
      'prospects',
      sql`last_contact_on < ${n('prospects/prospects/end')}
        and not exists (select 1 from event_registrations e where e.prospect_id = prospects.id)
        and not exists (select 1 from marketing_consents m where m.prospect_id = prospects.id)
        and not exists (select 1 from webinar_registrations w where w.prospect_id = prospects.id)`,
    ),
  ];
}

/** Runs the hand-written sweep: every step, batch after batch, one transaction per batch. */
export async function runHandSweep(
  db: AnyDb,
  steps: readonly HandStep[],
  batchSize: number,
): Promise<HandSweepResult> {
  const start = performance.now();
  const results: HandStepResult[] = [];
  for (const step of steps) {
    const stepStart = performance.now();
    let cursor = -1;
    let rows = 0;
    let batches = 0;
    for (;;) {
      const at = new Date().toISOString();
      const batch = await db.transaction().execute(async (trx) => {
        const selected = await sql<{ id: number }>`select id from ${sql.table(step.table)}
          where ${step.due} and id > ${cursor} order by id limit ${batchSize}`.execute(trx);
        const keys = selected.rows.map((r) => Number(r.id));
        const count = keys.length === 0 ? 0 : await step.effect(trx, keys, at);
        return { keys, count };
      });
      rows += batch.count;
      if (batch.count > 0) batches += 1;
      if (batch.keys.length < batchSize) break;
      cursor = batch.keys[batch.keys.length - 1] as number;
    }
    results.push({ id: step.id, table: step.table, rows, batches, ms: since(stepStart) });
  }
  return { steps: results, rows: results.reduce((sum, r) => sum + r.rows, 0), ms: since(start) };
}
