/**
 * Seed 000's generator: a few customers of the e-invoicing software with their parties, addresses,
 * users and usage events. Deletion requests fall on both sides of the sweep's day: yesterday and
 * before (due: the P0D period after the request is over), today (not yet), and on year and month
 * ends. One party has its deletion requested but one of its addresses not (the sweep keeps the
 * party while the address references it); one address is deleted on its own.
 */
import type { TargetDb } from '../../../src/engine/db/types.ts';
import { ipv4, luhnCheckDigit } from '../../demo/fake/identifiers.ts';
import { insertSeedRows, type SeedRow } from '../shared/insert-rows.ts';
import { createRng, hashSeed, type Rng, seedPerson } from '../shared/people.ts';
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

/** The day the seed's data is generated for: the end of a year and of a month. */
export const SEED_TODAY = isoDay('2025-01-01');

/** `entered-data`: until the customer asks for deletion (P0D after the request). */
const ENTERED_DATA = 'P0D';
const CLIENTS = ['WK-0001', 'WK-0002', 'WK-0003'];
const FEATURES = ['invoice.create', 'invoice.send', 'dashboard.view', 'peppol.lookup', 'export.csv'];

function licencePlate(rng: Rng, country: 'FR' | 'BE'): string {
  const letters = 'ABCDEFGHJKLMNPQRSTVWXYZ';
  const l = () => letters[rng.int(letters.length)] ?? 'A';
  return country === 'FR'
    ? `${l()}${l()}-${rng.digits(3)}-${l()}${l()}`
    : `1-${l()}${l()}${l()}-${rng.digits(3)}`;
}

function imei(rng: Rng): string {
  const body = `35${rng.digits(12)}`;
  return `${body}${luhnCheckDigit(body)}`;
}

/** Fills the seed's tables (created and empty) with deterministic rows for `options.today`. */
export async function generateSeedData(target: TargetDb, options: SeedOptions = {}): Promise<SeedStats> {
  const today = options.today ?? SEED_TODAY;
  const seed = options.seed ?? 1;
  const rng = createRng(hashSeed(seed, '000-e-invoicing'));
  const tally = createDeadlineTally();
  const requestDays = boundaryDays(today, ENTERED_DATA);
  const parties: SeedRow[] = [];
  const addresses: SeedRow[] = [];
  const users: SeedRow[] = [];
  const events: SeedRow[] = [];

  // Parties: half with a deletion request (one on each boundary day, then at random), half without.
  for (let i = 0; i < 30; i += 1) {
    const p = seedPerson(rng, i + 1);
    const requested =
      i < requestDays.length ? (requestDays[i] as Date) : i % 2 === 0 ? null : rng.pick(requestDays);
    const partyId = i + 1;
    tally.record('parties', 'entered-data', pastDeadline(requested, ENTERED_DATA, today));
    parties.push({
      id: partyId,
      client_code: CLIENTS[i % CLIENTS.length] as string,
      name: p.fullName,
      email: p.email,
      phone: rng.chance(0.8) ? p.phone : null,
      birth_date: rng.chance(0.5) ? shiftDays(today, -rng.between(20 * 365, 70 * 365)) : null,
      licence_plate: rng.chance(0.4) ? licencePlate(rng, p.country) : null,
      created_at: at(shiftDays(today, -rng.between(30, 3000)), rng.between(7, 19), rng.int(60)),
      deletion_requested_on: requested,
    });
    for (const kind of i % 3 === 0 ? ['billing', 'delivery'] : ['billing']) {
      let addressRequested = requested;
      // Party 1: its deletion is requested, but not its delivery address (the party stays, blocked).
      if (i === 0 && kind === 'delivery') addressRequested = null;
      // Party 13 (no request): only its delivery address is to be deleted.
      if (i === 12 && kind === 'delivery') addressRequested = shiftDays(today, -10);
      tally.record('party_addresses', 'entered-data', pastDeadline(addressRequested, ENTERED_DATA, today));
      addresses.push({
        id: addresses.length + 1,
        party_id: partyId,
        kind,
        street: p.address.street,
        postal_code: p.address.postalCode,
        city: p.address.city,
        country: p.country,
        deletion_requested_on: addressRequested,
      });
    }
  }

  // Users of the software, each with a few usage events.
  for (let i = 0; i < 12; i += 1) {
    const p = seedPerson(rng, 100 + i);
    const requested = i < 5 ? (requestDays[requestDays.length - 1 - i] ?? null) : null;
    tally.record('users', 'entered-data', pastDeadline(requested, ENTERED_DATA, today));
    users.push({
      id: i + 1,
      client_code: CLIENTS[i % CLIENTS.length] as string,
      name: p.fullName,
      email: p.email,
      phone: p.phone,
      last_ip: ipv4(rng),
      device_imei: rng.chance(0.6) ? imei(rng) : null,
      deletion_requested_on: requested,
    });
    for (let e = 0; e < 3; e += 1) {
      events.push({
        id: events.length + 1,
        user_id: i + 1,
        feature: rng.pick(FEATURES),
        used_at: at(shiftDays(today, -rng.between(1, 700)), rng.between(6, 22), rng.int(60)),
      });
    }
  }

  const tables = await insertSeedRows(target, SEED_TABLES, {
    parties,
    party_addresses: addresses,
    users,
    usage_events: events,
  });
  return { today: today.toISOString().slice(0, 10), tables, deadlines: tally.counts() };
}
