/**
 * Traces of use: portal log-ins of customer contacts, support tickets, recorded phone calls.
 */
import { bankAccount, ipv4, ipv6, userAgent, uuidLike } from '../fake/identifiers.ts';
import { ticketBody, ticketSubject } from '../fake/texts.ts';
import { DAY_SECONDS, type DemoRow, dateOfDay, type World } from './context.ts';
import { DEMO_PERIODS as P } from './rules.ts';

/** Last day a contact was active: the end of the relationship, or yesterday. */
function lastActive(w: World, contact: number): number {
  const ended = w.contacts.ended[contact] ?? -1;
  return ended >= 0 ? ended : w.today - 1;
}

/** Zero to six log-ins per contact over the last two years of their relationship. */
export function* loginEvents(w: World): Generator<DemoRow> {
  const rng = w.rng('login_events');
  let id = 0;
  for (let i = 0; i < w.sizes.contacts; i++) {
    const last = lastActive(w, i);
    const from = Math.max(w.contacts.created[i] ?? w.start, last - 730);
    const count = rng.between(0, 6);
    for (let k = 0; k < count; k++) {
      id++;
      yield {
        id,
        contact_id: i + 1,
        at: w.at(rng, w.day(rng, from, last, [P.securityLogs])),
        ip_address: rng.chance(0.7) ? ipv4(rng) : ipv6(rng),
        user_agent: userAgent(rng),
      };
    }
  }
}

/** Support tickets of about 40 % of the contacts, most of them closed within days. */
export function* supportTickets(w: World): Generator<DemoRow> {
  const rng = w.rng('support_tickets');
  let id = 0;
  for (let i = 0; i < w.sizes.contacts; i++) {
    if (!rng.chance(0.4)) continue;
    const last = lastActive(w, i);
    const count = rng.between(1, 2);
    for (let k = 0; k < count; k++) {
      const opened = w.at(rng, w.day(rng, w.contacts.created[i] ?? w.start, last, [P.supportTickets]));
      const closed = rng.chance(0.9) ? opened + rng.between(3600, 20 * DAY_SECONDS) : null;
      const year = dateOfDay(Math.floor(opened / DAY_SECONDS)).getUTCFullYear();
      const customer = w.contacts.customer[i] ?? 0;
      const iban = rng.chance(0.1)
        ? bankAccount(rng, w.customers.country[customer] === 0 ? 'FR' : 'BE').iban
        : null;
      id++;
      yield {
        id,
        contact_id: i + 1,
        opened_at: opened,
        closed_at: closed !== null && closed < (w.today + 1) * DAY_SECONDS ? closed : null,
        subject: ticketSubject(rng),
        body: ticketBody(
          rng,
          `FAC-${year}-${String(rng.between(1, 99_999)).padStart(8, '0')}`,
          w.contacts.name[i] ?? '',
          {
            phone: rng.chance(0.2)
              ? `06 ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`
              : null,
            iban,
          },
        ),
      };
    }
  }
}

/** Recorded support calls with customer contacts over the last four months. */
export function* callRecordings(w: World): Generator<DemoRow> {
  const rng = w.rng('call_recordings');
  let id = 0;
  const recent = w.today - 120;
  for (let i = 0; i < w.sizes.contacts; i++) {
    if (!rng.chance(0.25)) continue;
    const from = Math.max(recent, w.contacts.created[i] ?? w.start);
    const to = lastActive(w, i);
    if (from > to) continue;
    const day = w.day(rng, from, to, [P.callRecordings]);
    const date = dateOfDay(day);
    id++;
    yield {
      id,
      contact_id: i + 1,
      recorded_at: w.at(rng, day),
      duration_s: rng.between(25, 1800),
      storage_key: `calls/${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/${uuidLike(rng)}.opus`,
    };
  }
}
