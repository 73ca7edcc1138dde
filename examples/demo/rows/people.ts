/**
 * Customers (client companies), their contacts, and debtors (people owing money to customers).
 */
import {
  belgianNationalNumber,
  belgianPhone,
  frenchNir,
  frenchPhone,
  vatNumber,
} from '../fake/identifiers.ts';
import {
  birthDepartment,
  type Country,
  company,
  jobTitle,
  type Person,
  person,
  personalEmail,
  postalAddress,
  workEmail,
} from '../fake/people.ts';
import type { Rng } from '../fake/prng.ts';
import { type DemoRow, nullableDay, type World } from './context.ts';
import { DEMO_PERIODS as P } from './rules.ts';

const countryOf = (code: number): Country => (code === 0 ? 'FR' : 'BE');

function phone(rng: Rng, country: Country): string {
  const mobile = rng.chance(0.7);
  return country === 'FR' ? frenchPhone(rng, mobile) : belgianPhone(rng, mobile);
}

/** Customer companies: about 40 % still under contract, some whose contract ended over 10 years ago. */
export function* customers(w: World): Generator<DemoRow> {
  const rng = w.rng('customers');
  for (let i = 0; i < w.sizes.customers; i++) {
    const country: Country = rng.chance(0.75) ? 'FR' : 'BE';
    const firm = company(rng, country);
    let started: number;
    let ended: number;
    const shape = rng.next();
    if (shape < 0.1) {
      // An early customer whose contract ended about 11 years ago.
      started = w.day(rng, w.start, w.start + 200);
      ended = w.day(rng, started + 100, w.start + 420, [P.customerMasterData]);
    } else {
      started = w.day(rng, w.start, w.today - 60);
      ended =
        shape < 0.5
          ? -1
          : w.day(rng, Math.min(started + 180, w.today - 1), w.today - 1, [
              P.customerMasterData,
              P.customerContacts,
            ]);
    }
    w.customers.country[i] = country === 'FR' ? 0 : 1;
    w.customers.started[i] = started;
    w.customers.ended[i] = ended;
    w.customers.domain[i] = firm.domain;
    yield {
      id: i + 1,
      name: firm.name,
      vat_number: vatNumber(rng, country),
      contract_started_on: started,
      contract_ended_on: nullableDay(ended),
      created_at: w.at(rng, Math.max(w.start, started - rng.int(30))),
    };
  }
}

function fullName(p: Person): string {
  return `${p.firstName} ${p.lastName}`;
}

/** People at customers; their relationship ends with the contract or when they leave the company. */
export function* contacts(w: World): Generator<DemoRow> {
  const rng = w.rng('contacts');
  const { customers: c } = w;
  for (let i = 0; i < w.sizes.contacts; i++) {
    // Every customer gets one contact first, then contacts are spread at random.
    const customer = i < w.sizes.customers ? i : rng.int(w.sizes.customers);
    const country = countryOf(c.country[customer] ?? 0);
    const p = person(rng, rng.chance(0.9) ? country : undefined);
    const started = c.started[customer] ?? w.start;
    const contractEnd = c.ended[customer] ?? -1;
    const last = contractEnd >= 0 ? contractEnd : w.today - 1;
    const created = w.day(rng, started, Math.max(started, Math.min(last, started + 400)));
    let ended = contractEnd;
    if (rng.chance(contractEnd >= 0 ? 0.15 : 0.1)) {
      // Left the customer company before the end of its contract.
      ended = w.day(rng, Math.min(created + 30, last), last, [P.customerContacts]);
    }
    // The archive phase starts the day after the relationship ends; the generator archives half of
    // the rows already there and leaves the rest for the sweep.
    const archived = ended >= 0 && ended < w.today - 1 && rng.chance(0.5) ? w.at(rng, ended + 1) : null;
    w.contacts.customer[i] = customer;
    w.contacts.created[i] = created;
    w.contacts.ended[i] = ended;
    w.contacts.name[i] = fullName(p);
    const email = workEmail(rng, p, c.domain[customer] ?? 'facturo-client.example');
    w.contacts.email[i] = email;
    yield {
      id: i + 1,
      customer_id: customer + 1,
      first_name: p.firstName,
      last_name: p.lastName,
      email,
      phone: rng.chance(0.85) ? phone(rng, p.country) : null,
      job_title: rng.chance(0.8) ? jobTitle(rng) : null,
      language: p.country === 'FR' ? 'fr' : rng.pick(['fr', 'nl', 'nl', 'en']),
      relationship_ended_on: nullableDay(ended),
      created_at: w.at(rng, created),
      archived_at: archived,
      anonymised_at: null,
    };
  }
}

/** Debtors of customers: people or sole traders, some with a birth date and national id. */
export function* debtors(w: World): Generator<DemoRow> {
  const rng = w.rng('debtors');
  const { customers: c } = w;
  for (let i = 0; i < w.sizes.debtors; i++) {
    const customer = rng.int(w.sizes.customers);
    const p = person(rng);
    const started = c.started[customer] ?? w.start;
    const contractEnd = c.ended[customer] ?? -1;
    const last = contractEnd >= 0 ? contractEnd : w.today - 1;
    const opened = w.day(rng, started, Math.max(started, last - 30));
    let closed = -1;
    if (rng.chance(0.7)) {
      closed = w.day(rng, Math.min(opened + 30, w.today - 1), Math.min(opened + 900, w.today - 1), [
        P.debtorData,
      ]);
    }
    const address = postalAddress(rng, p.country);
    const hasBirth = rng.chance(0.6);
    const birth = hasBirth
      ? new Date(Date.UTC(rng.between(1940, 2002), rng.int(12), rng.between(1, 28)))
      : null;
    let nationalId: string | null = null;
    if (birth !== null && rng.chance(0.4)) {
      nationalId =
        p.country === 'FR'
          ? frenchNir(rng, birth, p.sex, rng.chance(0.7) ? address.department : birthDepartment(rng))
          : belgianNationalNumber(rng, birth, p.sex);
    }
    const soleTrader = rng.chance(0.15);
    const name = soleTrader
      ? `${p.firstName} ${p.lastName} ${rng.pick(['EI', 'Entrepreneur individuel'])}`
      : `${p.firstName} ${p.lastName}`;
    const archived = closed >= 0 && closed < w.today - 1 && rng.chance(0.5) ? w.at(rng, closed + 1) : null;
    w.debtors.customer[i] = customer;
    w.debtors.country[i] = p.country === 'FR' ? 0 : 1;
    w.debtors.opened[i] = opened;
    w.debtors.closed[i] = closed;
    w.debtors.name[i] = `${p.firstName} ${p.lastName}`;
    yield {
      id: i + 1,
      customer_id: customer + 1,
      full_name: name,
      email: rng.chance(0.7) ? personalEmail(rng, p) : null,
      phone: rng.chance(0.8) ? phone(rng, p.country) : null,
      postal_address: address.street,
      postal_code: address.postalCode,
      city: address.city,
      country: p.country,
      birth_date: birth === null ? null : Math.floor(birth.getTime() / 86_400_000),
      national_id: nationalId,
      recovery_closed_on: nullableDay(closed),
      archived_at: archived,
      anonymised_at: null,
    };
  }
}
