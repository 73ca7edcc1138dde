/** The row source of every demo table, keyed by table name. */
import { callRecordings, loginEvents, supportTickets } from './activity.ts';
import { bankAccounts, invoices, payments } from './billing.ts';
import type { DemoRow, World } from './context.ts';
import {
  cookieConsents,
  eventRegistrations,
  marketingConsents,
  prospects,
  webinarRegistrations,
} from './marketing.ts';
import { contacts, customers, debtors } from './people.ts';

/**
 * Lazily started generators; each must run after the tables it references (the generators of
 * later tables read what earlier ones recorded in the world).
 */
export function rowSources(w: World, subjects: number): Readonly<Record<string, () => Iterable<DemoRow>>> {
  return {
    customers: () => customers(w),
    contacts: () => contacts(w),
    debtors: () => debtors(w),
    invoices: () => invoices(w),
    payments: () => payments(w),
    bank_accounts: () => bankAccounts(w),
    prospects: () => prospects(w),
    marketing_consents: () => marketingConsents(w),
    login_events: () => loginEvents(w),
    support_tickets: () => supportTickets(w),
    call_recordings: () => callRecordings(w),
    webinar_registrations: () => webinarRegistrations(w),
    event_registrations: () => eventRegistrations(w),
    cookie_consents: () => cookieConsents(w, subjects),
  };
}
