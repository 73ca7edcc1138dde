/**
 * Prospects, marketing consents, webinar and event registrations, and cookie consents.
 */
import { belgianPhone, frenchPhone, ipv4, ipv6, uuidLike } from '../fake/identifiers.ts';
import { company, person, personalEmail, workEmail } from '../fake/people.ts';
import type { Rng } from '../fake/prng.ts';
import { webinarQuestion } from '../fake/texts.ts';
import { type DemoRow, dateOfDay, type World } from './context.ts';
import { DEMO_PERIODS as P } from './rules.ts';

const THREE_YEARS = 1096;

/** Prospects met at trade shows, webinars or through the website, over twelve years. */
export function* prospects(w: World): Generator<DemoRow> {
  const rng = w.rng('prospects');
  for (let i = 0; i < w.sizes.prospects; i++) {
    const p = person(rng);
    const lastContact = w.day(rng, w.start, w.today - 1, [P.prospects]);
    const created = Math.max(w.start, lastContact - rng.int(700));
    const firm = rng.chance(0.5) ? company(rng, p.country) : null;
    const email = firm !== null && rng.chance(0.7) ? workEmail(rng, p, firm.domain) : personalEmail(rng, p);
    w.prospects.created[i] = created;
    w.prospects.lastContact[i] = lastContact;
    w.prospects.email[i] = email;
    const mobile = rng.chance(0.6);
    yield {
      id: i + 1,
      first_name: p.firstName,
      last_name: p.lastName,
      email,
      phone: rng.chance(0.6)
        ? p.country === 'FR'
          ? frenchPhone(rng, mobile)
          : belgianPhone(rng, mobile)
        : null,
      company: firm?.name ?? null,
      last_contact_on: lastContact,
      source: rng.pick(['website_form', 'webinar', 'trade_show', 'referral', 'newsletter']),
      created_at: w.at(rng, created),
    };
  }
}

function noticeVersion(day: number): string {
  const d = dateOfDay(day).toISOString().slice(0, 10);
  return d < '2018-05-25'
    ? 'v2016.2'
    : d < '2021-03-01'
      ? 'v2018.1'
      : d < '2024-01-15'
        ? 'v2021.3'
        : 'v2024.1';
}

/** Subjects who may receive marketing: prospect, or contact with the range of days they were known. */
interface Audience {
  readonly prospect: number | null;
  readonly contact: number | null;
  readonly email: string;
  readonly from: number;
  readonly to: number;
}

/** Prospects (with probability pProspect) and contacts (pContact) drawn for one kind of row. */
function* audience(w: World, rng: Rng, pProspect: number, pContact: number): Generator<Audience> {
  for (let i = 0; i < w.sizes.prospects; i++) {
    if (!rng.chance(pProspect)) continue;
    yield {
      prospect: i + 1,
      contact: null,
      email: w.prospects.email[i] ?? '',
      from: w.prospects.created[i] ?? w.start,
      to: w.prospects.lastContact[i] ?? w.start,
    };
  }
  for (let i = 0; pContact > 0 && i < w.sizes.contacts; i++) {
    if (!rng.chance(pContact)) continue;
    const ended = w.contacts.ended[i] ?? -1;
    yield {
      prospect: null,
      contact: i + 1,
      email: w.contacts.email[i] ?? '',
      from: w.contacts.created[i] ?? w.start,
      to: ended >= 0 ? ended : w.today - 1,
    };
  }
}

/** Consents to marketing e-mails and calls, about a third of them withdrawn since. */
export function* marketingConsents(w: World): Generator<DemoRow> {
  const rng = w.rng('marketing_consents');
  let id = 0;
  for (const a of audience(w, rng, 0.5, 0.25)) {
    const given = w.day(rng, a.from, Math.max(a.from, a.to));
    const withdrawn = rng.chance(0.35) ? w.at(rng, w.day(rng, given + 1, w.today, ['P0D'])) : null;
    id++;
    yield {
      id,
      prospect_id: a.prospect,
      contact_id: a.contact,
      email: a.email,
      purpose: rng.pick(['newsletter', 'product-news', 'webinar-invitations', 'partner-offers']),
      given_at: w.at(rng, given),
      withdrawn_at: withdrawn,
      channel: rng.pick(['web-form', 'email', 'phone', 'event']),
      notice_version: noticeVersion(given),
    };
  }
}

/** Webinar registrations of prospects over the last three years (some webinars still to come). */
export function* webinarRegistrations(w: World): Generator<DemoRow> {
  const rng = w.rng('webinar_registrations');
  let id = 0;
  for (const a of audience(w, rng, 0.25, 0)) {
    const registered = w.day(rng, Math.max(a.from, w.today - THREE_YEARS), w.today, [P.webinars]);
    id++;
    yield {
      id,
      prospect_id: a.prospect,
      webinar_on: registered + rng.between(1, 40),
      registered_at: w.at(rng, registered),
      questions: rng.chance(0.4) ? webinarQuestion(rng, a.email) : null,
    };
  }
}

/** Prospects' registrations to trade shows and events of the last two years and the next two months. */
export function* eventRegistrations(w: World): Generator<DemoRow> {
  const rng = w.rng('event_registrations');
  let id = 0;
  for (const a of audience(w, rng, 0.2, 0)) {
    const eventOn = w.day(rng, w.today - 730, w.today + 60, [P.events]);
    const registered = Math.min(w.today, eventOn - rng.between(3, 60));
    id++;
    yield {
      id,
      prospect_id: a.prospect,
      event_on: eventOn,
      registered_at: w.at(rng, registered),
    };
  }
}

/** Cookie-banner choices of website visitors over the last three years. */
export function* cookieConsents(w: World, subjects: number): Generator<DemoRow> {
  const rng = w.rng('cookie_consents');
  const count = Math.round(subjects * 0.5);
  for (let i = 0; i < count; i++) {
    const deposited = w.day(rng, w.today - THREE_YEARS, w.today, [P.cookies]);
    const statistics = rng.chance(0.45);
    const marketing = statistics && rng.chance(0.5);
    yield {
      id: i + 1,
      cookie_id: uuidLike(rng),
      ip_address: rng.chance(0.7) ? ipv4(rng) : ipv6(rng),
      deposited_at: w.at(rng, deposited),
      choices: `{"necessary":true,"statistics":${statistics},"marketing":${marketing}}`,
    };
  }
}
