/**
 * Seed 002's generator: ten customers with their users, invoices and helpdesk tickets, prospects,
 * and the customers' debtors with their invoices. Dates spread over the years before `today`;
 * with no retention period in the policy, none of them is a deadline.
 */
import type { TargetDb } from '../../../src/engine/db/types.ts';
import { bankAccount, ipv4 } from '../../demo/fake/identifiers.ts';
import { ticketBody, ticketSubject } from '../../demo/fake/texts.ts';
import { insertSeedRows, type SeedRow } from '../shared/insert-rows.ts';
import { createRng, hashSeed, seedPerson } from '../shared/people.ts';
import type { SeedOptions, SeedStats } from '../shared/seed-module.ts';
import { at, isoDay, shiftDays } from '../shared/timeline.ts';
import { SEED_TABLES } from './schema.ts';

/** The day the seed's data is generated for. */
export const SEED_TODAY = isoDay('2025-03-01');

const BEHAVIOURS = ['ponctuel', 'retard léger', 'retard fréquent'];
const QUESTIONS = ['Nom de votre premier animal ?', 'Ville de naissance de votre mère ?', null];

/** Fills the seed's tables (created and empty) with deterministic rows for `options.today`. */
export async function generateSeedData(target: TargetDb, options: SeedOptions = {}): Promise<SeedStats> {
  const today = options.today ?? SEED_TODAY;
  const rng = createRng(hashSeed(options.seed ?? 1, '002-invoice-managers'));
  const rows: Record<string, SeedRow[]> = {
    customers: [],
    customer_users: [],
    customer_invoices: [],
    helpdesk_tickets: [],
    prospects: [],
    debtors: [],
    debtor_invoices: [],
  };
  const push = (table: string, row: SeedRow) => {
    const list = rows[table] as SeedRow[];
    list.push({ id: list.length + 1, ...row });
    return list.length;
  };
  let serial = 0;
  const person = (domain?: string) => {
    serial += 1;
    return seedPerson(rng, serial, domain);
  };
  for (let c = 0; c < 10; c += 1) {
    const owner = person();
    const bank = bankAccount(rng, owner.country);
    const since = shiftDays(today, -rng.between(60, 3000));
    const customerId = push('customers', {
      company_name: owner.company,
      billing_email: `facturation.${serial}@${owner.email.split('@')[1]}`,
      billing_address: owner.address.street,
      postal_code: owner.address.postalCode,
      city: owner.address.city,
      iban: bank.iban,
      bic: bank.bic,
      payment_behaviour: rng.pick(BEHAVIOURS),
      credit_rating: rng.chance(0.7) ? rng.pick(['A', 'B', 'C']) : null,
      customer_since: since,
    });
    for (let u = 0; u < 2; u += 1) {
      const p = u === 0 ? owner : person(owner.email.split('@')[1]);
      const userId = push('customer_users', {
        customer_id: customerId,
        first_name: p.firstName,
        last_name: p.lastName,
        gender: rng.chance(0.8) ? rng.pick(['F', 'M']) : null,
        email: p.email,
        phone: p.phone,
        login: p.email.split('@')[0] as string,
        password_hash: `$argon2id$v=19$m=19456,t=2,p=1$${rng.digits(22)}`,
        security_question: rng.pick(QUESTIONS),
        last_ip: ipv4(rng),
        newsletter: rng.chance(0.4) ? 'oui' : 'non',
      });
      for (let t = rng.int(3); t > 0; t -= 1) {
        push('helpdesk_tickets', {
          user_id: userId,
          opened_at: at(shiftDays(today, -rng.between(1, 900)), rng.between(8, 18), rng.int(60)),
          subject: ticketSubject(rng),
          body: ticketBody(rng, `TIM-${rng.between(2021, 2024)}-${rng.digits(5)}`, p.fullName, {}),
          feedback: rng.chance(0.3) ? 'Réponse rapide, merci.' : null,
        });
      }
    }
    for (let i = 0; i < 3; i += 1) {
      const issued = shiftDays(today, -rng.between(10, 1500));
      push('customer_invoices', {
        customer_id: customerId,
        number: `TIM-${issued.getUTCFullYear()}-${rng.digits(5)}`,
        issued_on: issued,
        amount_cents: rng.between(2900, 49_900),
        paid_on: rng.chance(0.85) ? shiftDays(issued, rng.between(1, 40)) : null,
      });
    }
    for (let d = 0; d < 2; d += 1) {
      const debtor = person();
      const debtorBank = bankAccount(rng, debtor.country);
      const debtorId = push('debtors', {
        customer_id: customerId,
        full_name: debtor.fullName,
        company_name: rng.chance(0.5) ? debtor.company : null,
        street: debtor.address.street,
        postal_code: debtor.address.postalCode,
        city: debtor.address.city,
        email: debtor.email,
        phone: rng.chance(0.7) ? debtor.phone : null,
        iban: rng.chance(0.6) ? debtorBank.iban : null,
        bic: rng.chance(0.6) ? debtorBank.bic : null,
        payment_behaviour: rng.pick(BEHAVIOURS),
        credit_score: rng.chance(0.5) ? rng.between(300, 850) : null,
        anonymised_at: null,
      });
      for (let i = 0; i < 2; i += 1) {
        const issued = shiftDays(today, -rng.between(5, 800));
        push('debtor_invoices', {
          debtor_id: debtorId,
          number: `F${issued.getUTCFullYear()}-${rng.digits(4)}`,
          issued_on: issued,
          due_on: shiftDays(issued, 30),
          amount_cents: rng.between(5000, 900_000),
          status: rng.pick(['ouverte', 'relancée', 'payée']),
        });
      }
    }
  }
  for (let k = 0; k < 8; k += 1) {
    const p = person();
    push('prospects', {
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      phone: rng.chance(0.5) ? p.phone : null,
      company_name: rng.chance(0.7) ? p.company : null,
      preferred_channel: rng.pick(['email', 'phone', 'post']),
      first_contact_on: shiftDays(today, -rng.between(1, 1200)),
    });
  }
  const tables = await insertSeedRows(target, SEED_TABLES, rows);
  return { today: today.toISOString().slice(0, 10), tables, deadlines: {} };
}
