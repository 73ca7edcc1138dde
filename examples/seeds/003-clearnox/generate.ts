/**
 * Seed 003's generator, for 1 May 2025 (the day after a month end): every table's dates fall on
 * both sides of its rule's deadline — the contract ends 10 years back for customer master data,
 * purchases and usage (30 April 2015 is past, 1 May 2015 is not), yesterday and before for the
 * contacts of ended contracts and deleted accounts, and 1 month back for call recordings and
 * events (31 March is past: every day up to it ends by 30 April, month-end clamping), with
 * recordings at 23:30 on the last day past and just after midnight on the first day not past.
 *
 * Camille Lambert ({@link SUBJECT_EMAIL}) asked for information, subscribed to the newsletter and registered for
 * a webinar recently: the subject-request tests designate her by e-mail.
 */
import type { TargetDb } from '../../../src/engine/db/types.ts';
import { ipv4, userAgent, vatNumber } from '../../demo/fake/identifiers.ts';
import { webinarQuestion } from '../../demo/fake/texts.ts';
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

/** The day the seed's data is generated for. */
export const SEED_TODAY = isoDay('2025-05-01');

/** The person the subject-request tests designate (information request, newsletter, webinar). */
export const SUBJECT_EMAIL = 'camille.lambert@exemple-industrie.example';

/** Periods of the rules bound in the data map (examples/seeds/003-clearnox/policy.yaml §6). */
export const PERIODS = {
  account: 'P0D',
  contactAndSignature: 'P0D',
  customerMaster: 'P10Y',
  purchases: 'P10Y',
  serviceUse: 'P10Y',
  supportContacts: 'P10Y',
  informationRequests: 'P3Y',
  /** An event that ends a period early ends it the way a `P0D` trigger does: from the day after. */
  erasureRequest: 'P0D',
  recordings: 'P1M',
  webinars: 'P12M',
  events: 'P1M',
  surveys: 'P12M',
  securityLogs: 'P6M',
  marketing: 'P0D',
} as const;

const PRODUCTS = ['Clearnox Collect', 'Clearnox Insights', 'Module relances', 'Connecteur comptable'];
const ACTIONS = ['login', 'reminder.send', 'dossier.open', 'export.pdf', 'payment-plan.create'];
const EVENTS = ['Credit Management Day', 'Clearnox Connect', 'Salon Entreprendre'];
const REVENUES = ['< 1 M€', '1–10 M€', '10–50 M€', '> 50 M€'];

/** Fills the seed's tables (created and empty) with deterministic rows for `options.today`. */
export async function generateSeedData(target: TargetDb, options: SeedOptions = {}): Promise<SeedStats> {
  const today = options.today ?? SEED_TODAY;
  const rng = createRng(hashSeed(options.seed ?? 1, '003-clearnox'));
  const tally = createDeadlineTally();
  const rows: Record<string, SeedRow[]> = Object.fromEntries(SEED_TABLES.map((t) => [t.name, []]));
  const push = (table: string, row: SeedRow): number => {
    const list = rows[table] as SeedRow[];
    list.push({ id: list.length + 1, ...row });
    return list.length;
  };
  const track = (table: string, rule: string, trigger: Date | null, duration: string) =>
    tally.record(table, rule, pastDeadline(trigger, duration, today));
  let serial = 1;
  const person = (): SeedPerson => {
    serial += 1;
    return seedPerson(rng, serial);
  };

  // Customers: contracts ended around 10 years ago (master data, purchases, usage), ended around
  // yesterday (their contacts are due), and running.
  const longEnded = boundaryDays(today, PERIODS.customerMaster);
  const recentlyEnded = boundaryDays(today, PERIODS.contactAndSignature);
  const ends: (Date | null)[] = [...longEnded, ...recentlyEnded, null, null, null, null, null];
  const accounts: number[] = [];
  for (const [c, ended] of ends.entries()) {
    const owner = person();
    const started = shiftDays(ended ?? today, -rng.between(400, 2500));
    const customerId = push('customers', {
      customer_number: `CLX-${String(c + 1).padStart(5, '0')}`,
      company_name: owner.company,
      billing_address: `${owner.address.street}, ${owner.address.postalCode} ${owner.address.city}`,
      vat_number: vatNumber(rng, owner.country),
      contract_started_on: started,
      contract_ended_on: ended,
    });
    track('customers', 'c-customer-master-and-billing', ended, PERIODS.customerMaster);
    const longAgo = ended !== null && pastDeadline(ended, PERIODS.customerMaster, today);
    // The contacts and accounts of a contract that ended 10 years ago were deleted back then.
    if (!longAgo) {
      for (let k = c % 2 === 0 ? 2 : 1; k > 0; k -= 1) {
        const p = k === 1 ? owner : person();
        track('contract_contacts', 'b-contact-and-e-signature', ended, PERIODS.contactAndSignature);
        push('contract_contacts', {
          customer_id: customerId,
          first_name: p.firstName,
          last_name: p.lastName,
          email: p.email,
          phone: p.phone,
          language: p.country === 'FR' ? 'fr' : rng.pick(['fr', 'nl']),
          signature_certificate: rng.chance(0.7) ? `sig-${rng.digits(20)}` : null,
          contract_ended_on: ended,
        });
        const deleted = ended === null ? null : shiftDays(ended, rng.between(0, 1));
        track('user_accounts', 'a-account', deleted, PERIODS.account);
        accounts.push(
          push('user_accounts', {
            customer_id: customerId,
            full_name: p.fullName,
            email: p.email,
            phone: rng.chance(0.6) ? p.phone : null,
            company_name: owner.company,
            referral_source: rng.pick(['salon', 'recherche web', 'recommandation', null]),
            created_at: at(started, 10),
            deleted_on: deleted !== null && deleted.getTime() <= today.getTime() ? deleted : null,
          }),
        );
      }
    }
    for (let k = 0; k < 2; k += 1) {
      track('purchases', 'd-purchase-data', ended, PERIODS.purchases);
      push('purchases', {
        customer_id: customerId,
        product: rng.pick(PRODUCTS),
        quantity: rng.between(1, 20),
        purchased_on: shiftDays(started, rng.between(0, 300)),
        contract_ended_on: ended,
      });
      track('service_usage', 'e-service-use', ended, PERIODS.serviceUse);
      push('service_usage', {
        customer_id: customerId,
        user_account_id: longAgo ? null : (accounts[accounts.length - 1] ?? null),
        action: rng.pick(ACTIONS),
        ip_address: ipv4(rng),
        used_at: at(shiftDays(ended ?? today, -rng.between(1, 300)), rng.between(7, 20), rng.int(60)),
        contract_ended_on: ended,
      });
    }
  }

  // Free-trial accounts deleted around yesterday, or still open.
  for (const deleted of [...recentlyEnded, null, null]) {
    const p = person();
    track('user_accounts', 'a-account', deleted, PERIODS.account);
    accounts.push(
      push('user_accounts', {
        customer_id: null,
        full_name: p.fullName,
        email: p.email,
        phone: null,
        company_name: p.company,
        referral_source: 'essai gratuit',
        created_at: at(shiftDays(today, -rng.between(20, 90)), 14),
        deleted_on: deleted,
      }),
    );
  }

  // Security logs around 6 months back, at various hours (the day decides, not the hour).
  for (const [k, logged] of boundaryDays(today, PERIODS.securityLogs).entries()) {
    for (const hours of [0, 23]) {
      track('security_logs', 'm-technical-and-security-logs', logged, PERIODS.securityLogs);
      push('security_logs', {
        user_account_id: accounts[(k * 2 + hours) % accounts.length] ?? null,
        event: rng.pick(['login.success', 'login.failure', 'password.change', 'token.create']),
        ip_address: ipv4(rng),
        user_agent: userAgent(rng),
        logged_at: at(logged, hours, hours === 0 ? 5 : 55),
      });
    }
  }

  // The customers' debtors (processor activity; no period stated).
  for (let k = 0; k < 6; k += 1) {
    const p = person();
    push('debtor_files', {
      customer_number: `CLX-${String((k % 5) + 1).padStart(5, '0')}`,
      debtor_name: p.fullName,
      debtor_email: rng.chance(0.7) ? p.email : null,
      amount_cents: rng.between(10_000, 2_000_000),
      due_on: shiftDays(today, -rng.between(1, 400)),
    });
  }

  // Person 1: a recent information request, newsletter subscription and webinar registration.
  const subject: SeedPerson = {
    ...seedPerson(rng, 1),
    firstName: 'Camille',
    lastName: 'Lambert',
    fullName: 'Camille Lambert',
    email: SUBJECT_EMAIL,
  };
  const contactOf = (p: SeedPerson) => ({
    full_name: p.fullName,
    email: p.email,
    phone: rng.chance(0.6) ? p.phone : null,
    job_title: p.jobTitle,
  });

  // Received around 3 years back, and recent ones whose author asked for deletion (§6 g "ou
  // jusqu'à ce que vous nous demandiez de supprimer vos données"): yesterday and 40 days ago (the
  // 3 years end early), today (due from tomorrow), and one already past its 3 years anyway.
  const requests: [SeedPerson, Date, Date | null][] = [
    [subject, shiftDays(today, -12), null],
    ...boundaryDays(today, PERIODS.informationRequests).map((d): [SeedPerson, Date, null] => [
      person(),
      d,
      null,
    ]),
    [person(), shiftDays(today, -200), shiftDays(today, -1)],
    [person(), shiftDays(today, -500), shiftDays(today, -40)],
    [person(), shiftDays(today, -30), today],
    [person(), shiftDays(today, -1200), shiftDays(today, -3)],
  ];
  for (const [p, received, erasureRequested] of requests) {
    tally.record(
      'information_requests',
      'g-information-requests',
      pastDeadline(received, PERIODS.informationRequests, today) ||
        pastDeadline(erasureRequested, PERIODS.erasureRequest, today),
    );
    push('information_requests', {
      title: rng.pick(['Mme', 'M.', null]),
      first_name: p.firstName,
      last_name: p.lastName,
      email: p.email,
      phone: p.phone,
      street: p.address.street,
      postal_code: p.address.postalCode,
      city: p.address.city,
      company_name: p.company,
      company_revenue: rng.pick(REVENUES),
      message: 'Bonjour, nous souhaitons une démonstration de la plateforme de recouvrement.',
      received_on: received,
      erasure_requested_on: erasureRequested,
    });
  }

  // Support requests around 10 years back and recent ones; the recent ones have recordings
  // around 1 month back.
  const recordingDays = boundaryDays(today, PERIODS.recordings);
  const opened = [...boundaryDays(today, PERIODS.supportContacts), ...recordingDays];
  for (const [k, day] of opened.entries()) {
    const p = person();
    track('support_requests', 'f-support-contacts', day, PERIODS.supportContacts);
    const requestId = push('support_requests', {
      ...contactOf(p),
      company_name: p.company,
      topic: rng.pick(['Import des factures', 'Plan de paiement', 'Accès utilisateur', 'Relance bloquée']),
      message: 'Bonjour, pouvez-vous me rappeler au sujet de notre dossier ?',
      opened_on: day,
    });
    if (k < opened.length - recordingDays.length) continue;
    // The last day past the deadline late in the evening, the first day not past just after midnight.
    const hours = rng.chance(0.5) ? 23 : 0;
    track('call_recordings', 'h-call-and-screen-share-recordings', day, PERIODS.recordings);
    push('call_recordings', {
      support_request_id: requestId,
      kind: k % 2 === 0 ? 'call' : 'screen-share',
      storage_key: `recordings/${day.toISOString().slice(0, 10)}/${rng.digits(12)}.ogg`,
      recorded_at: at(day, hours, hours === 23 ? 30 : 15),
    });
  }

  // Events around 1 month back, and two to come.
  const eventDays = [...boundaryDays(today, PERIODS.events), shiftDays(today, 10), shiftDays(today, 45)];
  for (const day of eventDays) {
    const p = person();
    track('event_registrations', 'k-events', day, PERIODS.events);
    push('event_registrations', {
      title: rng.pick(['Mme', 'M.', null]),
      ...contactOf(p),
      company_name: p.company,
      event_name: rng.pick(EVENTS),
      event_on: day,
    });
  }

  // Webinar registrations around 12 months back, and the subject's recent one.
  const registrations: [SeedPerson, Date][] = [
    [subject, shiftDays(today, -40)],
    ...boundaryDays(today, PERIODS.webinars).map((d): [SeedPerson, Date] => [person(), d]),
  ];
  for (const [p, day] of registrations) {
    track('webinar_registrations', 'j-webinars', day, PERIODS.webinars);
    push('webinar_registrations', {
      ...contactOf(p),
      company_name: p.company,
      ip_address: ipv4(rng),
      question: rng.chance(0.5) ? webinarQuestion(rng, p.email) : null,
      recording_key: rng.chance(0.3) ? `webinars/${rng.digits(10)}.mp4` : null,
      registered_at: at(day, rng.between(8, 19), rng.int(60)),
    });
  }

  // Survey answers around 12 months back.
  for (const day of boundaryDays(today, PERIODS.surveys)) {
    const p = person();
    track('survey_responses', 'l-surveys', day, PERIODS.surveys);
    push('survey_responses', {
      ...contactOf(p),
      company_name: p.company,
      answers: JSON.stringify({ satisfaction: rng.between(1, 5), recommend: rng.chance(0.7) }),
      answered_on: day,
    });
  }

  // Newsletter: consent withdrawn around yesterday, or still given (the subject among them).
  const withdrawals: [SeedPerson, Date | null][] = [
    [subject, null],
    ...boundaryDays(today, PERIODS.marketing).map((d): [SeedPerson, Date | null] => [person(), d]),
    [person(), null],
    [person(), null],
  ];
  for (const [p, withdrawn] of withdrawals) {
    track('newsletter_subscribers', 'o-marketing', withdrawn, PERIODS.marketing);
    push('newsletter_subscribers', {
      ...contactOf(p),
      language: p.country === 'FR' ? 'fr' : 'nl',
      company_name: p.company,
      company_revenue: rng.chance(0.5) ? rng.pick(REVENUES) : null,
      opens: rng.between(0, 40),
      subscribed_on: shiftDays(withdrawn ?? today, -rng.between(30, 900)),
      consent_withdrawn_on: withdrawn,
    });
  }

  const tables = await insertSeedRows(target, SEED_TABLES, rows);
  return { today: today.toISOString().slice(0, 10), tables, deadlines: tally.counts() };
}
