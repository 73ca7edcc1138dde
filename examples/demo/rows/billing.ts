/**
 * Invoices (Facturo's own, to its customers, and customers' invoices to debtors under
 * collection), payments of debtor invoices, and bank accounts of contacts and debtors.
 */
import { bankAccount, cardNumber } from '../fake/identifiers.ts';
import { type DemoRow, dateOfDay, type World } from './context.ts';
import { DEMO_PERIODS as P } from './rules.ts';

function invoiceNumber(prefix: string, day: number, id: number): string {
  return `${prefix}-${dateOfDay(day).getUTCFullYear()}-${String(id).padStart(8, '0')}`;
}

/** Annual subscription invoices of each customer, then 1 to 3 unpaid invoices per debtor. */
export function* invoices(w: World): Generator<DemoRow> {
  const rng = w.rng('invoices');
  let id = 0;
  for (let c = 0; c < w.sizes.customers; c++) {
    const started = w.customers.started[c] ?? w.start;
    const ended = w.customers.ended[c] ?? -1;
    const last = ended >= 0 ? ended : w.today - 1;
    let issued = w.day(rng, started, Math.min(started + 30, last), [P.invoices]);
    while (issued <= last) {
      id++;
      yield {
        id,
        customer_id: c + 1,
        debtor_id: null,
        number: invoiceNumber('FAC', issued, id),
        issued_on: issued,
        amount_cents: rng.between(290, 4800) * 100,
        status: issued > w.today - 45 && rng.chance(0.5) ? 'issued' : 'paid',
      };
      issued += rng.between(360, 370);
    }
  }
  const d = w.debtors;
  const out = w.debtorInvoices;
  for (let i = 0; i < w.sizes.debtors; i++) {
    const opened = d.opened[i] ?? w.start;
    const closed = d.closed[i] ?? -1;
    const count = rng.between(1, 3);
    for (let k = 0; k < count; k++) {
      id++;
      const issued = w.day(rng, Math.max(w.start, opened - 400), Math.max(w.start, opened - 15), [
        P.invoices,
      ]);
      const amount = rng.between(40, 250_000) * 10;
      let settled = -1;
      if (closed >= 0 ? rng.chance(0.75) : rng.chance(0.2)) {
        const from = Math.max(issued, opened);
        settled = w.day(rng, from, Math.max(from, closed >= 0 ? closed : w.today - 1), [P.paymentMeans]);
      }
      const n = out.count++;
      out.id[n] = id;
      out.debtor[n] = i;
      out.issued[n] = issued;
      out.amount[n] = amount;
      out.settled[n] = settled;
      yield {
        id,
        customer_id: (w.debtors.customer[i] ?? 0) + 1,
        debtor_id: i + 1,
        number: invoiceNumber('CLI', issued, id),
        issued_on: issued,
        amount_cents: amount,
        status: settled >= 0 ? 'paid' : closed >= 0 ? 'written_off' : 'in_recovery',
      };
    }
  }
}

/** Payments of debtor invoices: SEPA debits (IBAN, BIC) or card payments (card number). */
export function* payments(w: World): Generator<DemoRow> {
  const rng = w.rng('payments');
  const inv = w.debtorInvoices;
  let id = 0;
  for (let n = 0; n < inv.count; n++) {
    const settled = inv.settled[n] ?? -1;
    if (settled < 0) continue;
    const debtor = inv.debtor[n] ?? 0;
    const amount = inv.amount[n] ?? 0;
    const issued = inv.issued[n] ?? settled;
    // One payment in full, or two instalments (the first between the invoice and the settlement).
    const parts = rng.chance(0.2) && settled > issued ? 2 : 1;
    for (let k = 0; k < parts; k++) {
      id++;
      const debited = parts === 2 && k === 0 ? w.day(rng, issued, settled - 1, [P.paymentMeans]) : settled;
      const share =
        parts === 2 ? (k === 0 ? Math.floor(amount / 2) : amount - Math.floor(amount / 2)) : amount;
      const card = rng.chance(0.4);
      const account = card ? null : bankAccount(rng, w.debtors.country[debtor] === 0 ? 'FR' : 'BE');
      yield {
        id,
        invoice_id: inv.id[n] ?? 0,
        debtor_id: debtor + 1,
        method: card ? 'card' : 'sepa_debit',
        debited_on: debited,
        amount_cents: share,
        iban: account?.iban ?? null,
        bic: account?.bic ?? null,
        card_number: card ? cardNumber(rng) : null,
        archived_at: debited < w.today - 1 && rng.chance(0.5) ? w.at(rng, debited + 1) : null,
        anonymised_at: null,
      };
    }
  }
}

/** Bank accounts debtors gave for a direct-debit payment plan. */
export function* bankAccounts(w: World): Generator<DemoRow> {
  const rng = w.rng('bank_accounts');
  const d = w.debtors;
  let id = 0;
  for (let i = 0; i < w.sizes.debtors; i++) {
    if (!rng.chance(0.35)) continue;
    const closed = d.closed[i] ?? -1;
    const from = d.opened[i] ?? w.start;
    const on = w.day(rng, from, Math.max(from, closed >= 0 ? closed : w.today - 1), [P.paymentMeans]);
    const account = bankAccount(rng, d.country[i] === 0 ? 'FR' : 'BE');
    const name = d.name[i] ?? '';
    id++;
    yield {
      id,
      debtor_id: i + 1,
      iban: account.iban,
      bic: account.bic,
      holder_name: rng.chance(0.3) ? name.toUpperCase() : name,
      transaction_on: on,
      archived_at: on < w.today - 1 && rng.chance(0.5) ? w.at(rng, on + 1) : null,
    };
  }
}
