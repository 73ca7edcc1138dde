/**
 * Seed 004's generator, for 1 March 2025: contracts that ended around 3 years back (the active
 * phase ends: 28 February 2022 is past, 1 March 2022 is not) and around 5 years back (the archive
 * ends: 29 February 2020 is past), some contacts already archived by an earlier sweep; prospecting
 * and file-exchange contacts around 3 years from the last contact (some exchanged contacts
 * withdrew their consent, which ends the 3 years early); training services that ended
 * around yesterday; connection logs around 12 months back (29 February 2024 is past).
 *
 * Léa Fontaine ({@link SUBJECT_EMAIL}) is a customer contact, in the prospecting file and in the
 * exchanged file: the subject-request tests designate her by e-mail.
 */
import type { TargetDb } from '../../../src/engine/db/types.ts';
import { ipv4, userAgent } from '../../demo/fake/identifiers.ts';
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

/** The day the seed's data is generated for: the first day after February. */
export const SEED_TODAY = isoDay('2025-03-01');

/** The person the subject-request tests designate. */
export const SUBJECT_EMAIL = 'lea.fontaine@atelier-fontaine.example';

/** Periods of the policy's rules (examples/seeds/004-certilience/policy.yaml). */
export const PERIODS = {
  customerActive: 'P3Y',
  customerArchive: 'P5Y',
  prospecting: 'P3Y',
  fileExchange: 'P3Y',
  /** An event that ends a period early ends it the way a `P0D` trigger does: from the day after. */
  consentWithdrawal: 'P0D',
  training: 'P0D',
  connectionLogs: 'P12M',
} as const;

const MODULES = [
  'Hameçonnage',
  'Mots de passe',
  'Ingénierie sociale',
  'Télétravail sécurisé',
  'RGPD au quotidien',
];
const PARTNERS = ['Cyber Alliance', 'Réseau Sécurité PME', 'Club RSSI Ouest'];

/** Fills the seed's tables (created and empty) with deterministic rows for `options.today`. */
export async function generateSeedData(target: TargetDb, options: SeedOptions = {}): Promise<SeedStats> {
  const today = options.today ?? SEED_TODAY;
  const rng = createRng(hashSeed(options.seed ?? 1, '004-certilience'));
  const tally = createDeadlineTally();
  const rows: Record<string, SeedRow[]> = Object.fromEntries(SEED_TABLES.map((t) => [t.name, []]));
  const push = (table: string, row: SeedRow): number => {
    const list = rows[table] as SeedRow[];
    list.push({ id: list.length + 1, ...row });
    return list.length;
  };
  let serial = 1;
  const person = (): SeedPerson => {
    serial += 1;
    return seedPerson(rng, serial);
  };
  const subject: SeedPerson = {
    ...seedPerson(rng, 1),
    firstName: 'Léa',
    lastName: 'Fontaine',
    fullName: 'Léa Fontaine',
    email: SUBJECT_EMAIL,
  };
  const postal = (p: SeedPerson) => ({
    street: p.address.street,
    postal_code: p.address.postalCode,
    city: p.address.city,
  });

  // Customer contacts: contracts ended around 3 and 5 years back, or running (the subject's).
  const ends: [SeedPerson, Date | null][] = [
    [subject, null],
    ...[...boundaryDays(today, PERIODS.customerActive), ...boundaryDays(today, PERIODS.customerArchive)].map(
      (d): [SeedPerson, Date | null] => [person(), d],
    ),
    [person(), null],
    [person(), shiftDays(today, -200)],
  ];
  for (const [k, [p, ended]] of ends.entries()) {
    const activeOver = pastDeadline(ended, PERIODS.customerActive, today);
    const archiveOver = activeOver && pastDeadline(ended, PERIODS.customerArchive, today);
    tally.record('customer_contacts', 'customer-data', archiveOver);
    push('customer_contacts', {
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      ...postal(p),
      job_title: p.jobTitle,
      professional_contacts: rng.chance(0.5) ? `Assistante : ${person().fullName}` : null,
      notes: rng.chance(0.3) ? 'Préfère être contacté le matin.' : null,
      contract_ended_on: ended,
      // An earlier sweep archived every third contact whose active phase was over.
      archived_at: activeOver && k % 3 === 0 && ended !== null ? at(shiftDays(ended, 1100), 2) : null,
    });
  }

  // Prospecting file and exchanged file: last contact around 3 years back, the subject recently.
  for (const [table, rule, duration] of [
    ['prospecting_contacts', 'prospecting-data', PERIODS.prospecting],
    ['file_exchange_contacts', 'file-exchange-data', PERIODS.fileExchange],
  ] as const) {
    const lasts: [SeedPerson, Date, Date | null][] = [
      [subject, shiftDays(today, -60), null],
      ...boundaryDays(today, duration).map((d): [SeedPerson, Date, null] => [person(), d, null]),
    ];
    if (table === 'file_exchange_contacts') {
      // Consent to the exchange withdrawn (Art 7(3)): yesterday and 20 days ago (the 3 years end
      // early), today (due from tomorrow), and by a contact past the 3 years anyway.
      lasts.push(
        [person(), shiftDays(today, -100), shiftDays(today, -1)],
        [person(), shiftDays(today, -400), shiftDays(today, -20)],
        [person(), shiftDays(today, -10), today],
        [person(), shiftDays(today, -1300), shiftDays(today, -2)],
      );
    }
    for (const [p, last, withdrawn] of lasts) {
      tally.record(
        table,
        rule,
        pastDeadline(last, duration, today) || pastDeadline(withdrawn, PERIODS.consentWithdrawal, today),
      );
      const common = { email: p.email, ...postal(p), job_title: p.jobTitle, last_contact_on: last };
      push(
        table,
        table === 'prospecting_contacts'
          ? { first_name: p.firstName, last_name: p.lastName, ...common }
          : {
              full_name: p.fullName,
              partner: rng.pick(PARTNERS),
              ...common,
              consent_withdrawn_on: withdrawn,
            },
      );
    }
  }

  // Trainees: services that ended around yesterday, or still running, each with results.
  const trainees: number[] = [];
  for (const ended of [...boundaryDays(today, PERIODS.training), null, null, null]) {
    const p = person();
    const past = pastDeadline(ended, PERIODS.training, today);
    tally.record('trainees', 'training-data', past);
    const traineeId = push('trainees', {
      client_code: `CRT-${rng.digits(4)}`,
      full_name: p.fullName,
      email: p.email,
      service_ended_on: ended,
    });
    trainees.push(traineeId);
    for (let m = rng.between(1, 3); m > 0; m -= 1) {
      tally.record('training_results', 'training-data', past);
      push('training_results', {
        trainee_id: traineeId,
        module: rng.pick(MODULES),
        score: rng.between(40, 100),
        completed_on: shiftDays(ended ?? today, -rng.between(5, 200)),
        service_ended_on: ended,
      });
    }
  }

  // Connection logs around 12 months back, just after midnight and late in the evening.
  for (const [k, day] of boundaryDays(today, PERIODS.connectionLogs).entries()) {
    for (const hours of [0, 23]) {
      tally.record('connection_logs', 'connection-logs', pastDeadline(day, PERIODS.connectionLogs, today));
      push('connection_logs', {
        trainee_id: trainees[(k + hours) % trainees.length] ?? null,
        ip_address: ipv4(rng),
        user_agent: userAgent(rng),
        logged_at: at(day, hours, hours === 0 ? 2 : 58),
      });
    }
  }

  const tables = await insertSeedRows(target, SEED_TABLES, rows);
  return { today: today.toISOString().slice(0, 10), tables, deadlines: tally.counts() };
}
