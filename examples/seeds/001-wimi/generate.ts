/**
 * Seed 001's generator, for a leap-year day (1 March 2024, the day after 29 February):
 *
 * - customers who unsubscribed on both sides of the day (their data are anonymised the day after),
 *   some held by the back office's flags (claim, proof of contract, legal obligation), some active,
 *   and former customers anonymised by an earlier sweep;
 * - payments whose transaction and debit dates straddle the 13-month proof archive (debits on and
 *   around 31 January 2023, the month end the period clamps to), debits not known yet, rows
 *   already archived by an earlier sweep, and every fourth row kept with the customer's express
 *   agreement (`bank_data_consent_on`, §9 "sauf accord exprès du client"): neither archived nor
 *   deleted while it stands, including rows long past the end of the archive;
 * - the prospecting file: prospects whose last contact straddles 3 years (28 February 2021 is past
 *   on 1 March 2024, 1 March 2021 is not) and former customers 3 years after unsubscribing;
 * - technical data whose last activity straddles one year.
 */
import type { TargetDb } from '../../../src/engine/db/types.ts';
import { bankAccount, cardNumber, ipv4, userAgent } from '../../demo/fake/identifiers.ts';
import { insertSeedRows, type SeedRow } from '../shared/insert-rows.ts';
import { createRng, hashSeed, type SeedPerson, seedPerson } from '../shared/people.ts';
import type { SeedOptions, SeedStats } from '../shared/seed-module.ts';
import {
  at,
  boundaryDays,
  createDeadlineTally,
  isoDay,
  pastDeadline,
  shiftDays,
} from '../shared/timeline.ts';
import { SEED_TABLES } from './schema.ts';

/** The day the seed's data is generated for: the day after 29 February of a leap year. */
export const SEED_TODAY = isoDay('2024-03-01');

/** Retention periods of the policy's rules (examples/seeds/001-wimi/policy.yaml). */
export const PERIODS = {
  customerData: 'P0D',
  bankDataActive: 'P0D',
  bankDataArchive: 'P13M',
  customerProspecting: 'P3Y',
  prospects: 'P3Y',
  technicalLogs: 'P1Y',
} as const;

const ANONYMOUS = 'Anonyme';

/** Key of the active customer the back office keeps under a legal obligation (in the CRM file too). */
export const HELD_CUSTOMER = 10;

/** Fills the seed's tables (created and empty) with deterministic rows for `options.today`. */
export async function generateSeedData(target: TargetDb, options: SeedOptions = {}): Promise<SeedStats> {
  const today = options.today ?? SEED_TODAY;
  const rng = createRng(hashSeed(options.seed ?? 1, '001-wimi'));
  const tally = createDeadlineTally();
  const customers: SeedRow[] = [];
  const payments: SeedRow[] = [];
  const crm: SeedRow[] = [];
  const technical: SeedRow[] = [];
  const people: SeedPerson[] = [];

  const unsubscribed = boundaryDays(today, PERIODS.customerData);
  const formerUnsubscribed = boundaryDays(today, PERIODS.customerProspecting);
  // 0–8: unsubscribed around today; 9–19: active (key 10, `HELD_CUSTOMER`, kept under a legal
  // obligation); 20–: former customers anonymised long ago.
  const formerStart = 20;
  const count = formerStart + formerUnsubscribed.length;
  for (let i = 0; i < count; i += 1) {
    const p = seedPerson(rng, i + 1);
    people.push(p);
    const former = i >= formerStart;
    const until = former ? (formerUnsubscribed[i - formerStart] as Date) : (unsubscribed[i] ?? null);
    tally.record('customers', 'customer-data', pastDeadline(until, PERIODS.customerData, today));
    customers.push({
      id: i + 1,
      first_name: former ? ANONYMOUS : p.firstName,
      last_name: former ? ANONYMOUS : p.lastName,
      // An earlier sweep replaced the address by its keyed hash.
      email: former ? rng.digits(40) : p.email,
      phone: former ? null : p.phone,
      subscribed_on: shiftDays(until ?? today, -rng.between(200, 2500)),
      unsubscribed_on: until,
      in_litigation: i === 0 || i === 3,
      contract_proof_needed: i === 1,
      legal_obligation_hold: i === 2 || i === 3 || i + 1 === HELD_CUSTOMER,
      anonymised_at: former && until !== null ? at(shiftDays(until, 1), 2) : null,
    });
    if (former || i + 1 === HELD_CUSTOMER) {
      // Former customers stay in the prospecting file for 3 years after unsubscribing; customer
      // 10 is in it while active.
      tally.record(
        'crm_contacts',
        'customer-prospecting-data',
        pastDeadline(until, PERIODS.customerProspecting, today),
      );
      crm.push({
        id: crm.length + 1,
        status: 'customer',
        first_name: p.firstName,
        last_name: p.lastName,
        email: p.email,
        phone: p.phone,
        last_contact_on: shiftDays(until ?? today, -rng.between(10, 400)),
        unsubscribed_on: until,
      });
    }
  }

  // Technical data: one row per customer, last activity straddling one year.
  const activity = boundaryDays(today, PERIODS.technicalLogs);
  for (const [i, customer] of customers.entries()) {
    const former = i >= formerStart;
    const last = former
      ? shiftDays(customer.unsubscribed_on as Date, -1)
      : (activity[i % activity.length] as Date);
    tally.record('technical_data', 'technical-logs', pastDeadline(last, PERIODS.technicalLogs, today));
    technical.push({
      id: i + 1,
      customer_id: i + 1,
      ip_address: former ? null : ipv4(rng),
      user_agent: former ? null : userAgent(rng),
      browser_language: rng.pick(['fr-FR', 'fr-BE', 'en-GB', 'nl-BE']),
      last_activity_on: last,
      anonymised_at: former ? at(shiftDays(last, 366), 3) : null,
    });
  }

  // Payments of the customers still identified (0–19).
  const debits = boundaryDays(today, PERIODS.bankDataArchive);
  const transactions = boundaryDays(today, PERIODS.bankDataActive);
  const plans: { transaction: Date; debit: Date | null }[] = [
    // Debited on each day around the end of the 13-month archive, 0 to 3 days after the transaction.
    ...debits.map((debit) => ({ transaction: shiftDays(debit, -rng.between(0, 3)), debit })),
    // Debit not known yet: the archive runs from the end of the active phase.
    ...transactions.map((transaction) => ({ transaction, debit: null })),
    ...debits.slice(0, 4).map((transaction) => ({ transaction, debit: null })),
    // Recent payments, debited two days later when that day has come.
    ...[1, 2, 5, 20, 40, 60, 90].map((d) => {
      const transaction = shiftDays(today, -d);
      const debit = shiftDays(transaction, 2);
      return { transaction, debit: debit.getTime() <= today.getTime() ? debit : null };
    }),
  ];
  for (const [k, plan] of plans.entries()) {
    const customer = people[k % formerStart] as SeedPerson;
    const card = k % 3 !== 0;
    const account = bankAccount(rng, customer.country);
    // The customer agreed, at the payment, to the bank data being kept (rows 2, 6, 10…: never
    // the rows an earlier sweep archived). Consent holds the row in the active phase.
    const consent = k % 4 === 1;
    const activeOver = !consent && pastDeadline(plan.transaction, PERIODS.bankDataActive, today);
    const endDue = activeOver && pastDeadline(plan.debit ?? plan.transaction, PERIODS.bankDataArchive, today);
    tally.record('payments', 'bank-data', endDue);
    payments.push({
      id: k + 1,
      customer_id: (k % formerStart) + 1,
      method: card ? 'card' : 'sepa',
      card_number: card ? cardNumber(rng) : null,
      iban: card ? null : account.iban,
      bic: card ? null : account.bic,
      amount_cents: rng.between(900, 250_000),
      transaction_on: plan.transaction,
      debited_on: plan.debit,
      bank_data_consent_on: consent ? plan.transaction : null,
      // An earlier sweep archived every fourth row whose active phase was over.
      archived_at: activeOver && !endDue && k % 4 === 0 ? at(shiftDays(plan.transaction, 1), 2) : null,
    });
  }

  // Prospects, last contact straddling 3 years, and recent ones.
  const contacts = [...boundaryDays(today, PERIODS.prospects), shiftDays(today, -30), shiftDays(today, -700)];
  for (const [k, last] of contacts.entries()) {
    const p = seedPerson(rng, 500 + k);
    tally.record('crm_contacts', 'prospect-data', pastDeadline(last, PERIODS.prospects, today));
    crm.push({
      id: crm.length + 1,
      status: 'prospect',
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      phone: rng.chance(0.6) ? p.phone : null,
      last_contact_on: last,
      unsubscribed_on: null,
    });
  }

  const tables = await insertSeedRows(target, SEED_TABLES, {
    customers,
    payments,
    crm_contacts: crm,
    technical_data: technical,
  });
  return { today: today.toISOString().slice(0, 10), tables, deadlines: tally.counts() };
}
