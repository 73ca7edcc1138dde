/**
 * Shared state of one demo generation run: the calendar (today, the 12-year horizon, the
 * retention cut-offs the data is spread around), per-table random sources, and the facts that
 * later tables need about earlier ones (contract dates, recovery dates, names).
 *
 * Dates are whole numbers here: `day` = days since 1970-01-01 (UTC), `instant` = seconds since
 * the epoch. The writer turns them into dialect parameters.
 */
import { retentionCutoff } from '../../../src/policy/retention/index.ts';
import { createRng, hashSeed, type Rng } from '../fake/prng.ts';

/** A generated row: column → value (numbers for days and instants, see the module comment). */
export type DemoRow = Record<string, string | number | null>;

export const DAY_SECONDS = 86_400;
const DAY_MS = DAY_SECONDS * 1000;
/** Twelve years of history before today. */
export const HISTORY_DAYS = 4383;

/** Day number of a Date (its UTC calendar day). */
export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

/** Midnight UTC of a day number. */
export function dateOfDay(day: number): Date {
  return new Date(day * DAY_MS);
}

/** The Date of an instant in seconds. */
export function dateOfInstant(seconds: number): Date {
  return new Date(seconds * 1000);
}

/** Last day of the month the day falls in. */
export function endOfMonth(day: number): number {
  const d = dateOfDay(day);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

export interface Sizes {
  readonly customers: number;
  readonly contacts: number;
  readonly debtors: number;
  readonly prospects: number;
}

/** How many people of each kind make up `subjects`, and how many customer companies they need. */
export function sizesFor(subjects: number): Sizes {
  const contacts = Math.round(subjects * 0.3);
  const prospects = Math.round(subjects * 0.3);
  const debtors = subjects - contacts - prospects;
  return { customers: Math.max(1, Math.ceil(contacts / 3)), contacts, debtors, prospects };
}

export interface World {
  readonly seed: number;
  readonly today: number;
  /** First day of the generated history. */
  readonly start: number;
  readonly sizes: Sizes;
  /** An independent random source per table, so one table's rows never depend on another's count. */
  rng(label: string): Rng;
  /**
   * A day in [from, to] spread around the retention cut-offs of `durations`: mostly uniform,
   * sometimes exactly on a cut-off day or the day after (due / not yet due), sometimes on the last
   * day of a month (end-of-month clamping).
   */
  day(rng: Rng, from: number, to: number, durations?: readonly string[]): number;
  /** An instant on the given day (office hours mostly). */
  at(rng: Rng, day: number): number;
  readonly customers: {
    country: Uint8Array;
    started: Int32Array;
    ended: Int32Array;
    domain: string[];
  };
  readonly contacts: {
    customer: Int32Array;
    created: Int32Array;
    ended: Int32Array;
    name: string[];
    email: string[];
  };
  readonly debtors: {
    customer: Int32Array;
    country: Uint8Array;
    opened: Int32Array;
    closed: Int32Array;
    name: string[];
  };
  readonly prospects: {
    created: Int32Array;
    lastContact: Int32Array;
    email: string[];
  };
  /** Invoices addressed to debtors (the ones payments may settle). */
  readonly debtorInvoices: {
    count: number;
    id: Int32Array;
    debtor: Int32Array;
    issued: Int32Array;
    amount: Int32Array;
    /** Day the invoice was paid, or -1. */
    settled: Int32Array;
  };
}

/** Build the world of one run; `null` day values are stored as -1 in the typed arrays. */
export function createWorld(seed: number, today: Date, subjects: number): World {
  const todayDay = dayOf(today);
  const sizes = sizesFor(subjects);
  const cutoffCache = new Map<string, number>();
  const cutoff = (duration: string): number => {
    let c = cutoffCache.get(duration);
    if (c === undefined) {
      c = dayOf(retentionCutoff(dateOfDay(todayDay), duration));
      cutoffCache.set(duration, c);
    }
    return c;
  };
  const maxDebtorInvoices = sizes.debtors * 3;
  return {
    seed,
    today: todayDay,
    start: todayDay - HISTORY_DAYS,
    sizes,
    rng: (label) => createRng(hashSeed(seed, label)),
    day(rng, from, to, durations = []) {
      if (to <= from) return from;
      const roll = rng.next();
      if (durations.length > 0 && roll < 0.06) {
        const c = cutoff(rng.pick(durations)) + (roll < 0.03 ? 0 : 1);
        if (c >= from && c <= to) return c;
      }
      const day = rng.between(from, to);
      if (roll > 0.97) {
        const last = endOfMonth(day);
        if (last <= to) return last;
      }
      return day;
    },
    at(rng, day) {
      const hour = rng.chance(0.85) ? rng.between(8, 18) : rng.between(0, 23);
      return day * DAY_SECONDS + hour * 3600 + rng.int(60) * 60 + rng.int(60);
    },
    customers: {
      country: new Uint8Array(sizes.customers),
      started: new Int32Array(sizes.customers),
      ended: new Int32Array(sizes.customers),
      domain: new Array<string>(sizes.customers),
    },
    contacts: {
      customer: new Int32Array(sizes.contacts),
      created: new Int32Array(sizes.contacts),
      ended: new Int32Array(sizes.contacts),
      name: new Array<string>(sizes.contacts),
      email: new Array<string>(sizes.contacts),
    },
    debtors: {
      customer: new Int32Array(sizes.debtors),
      country: new Uint8Array(sizes.debtors),
      opened: new Int32Array(sizes.debtors),
      closed: new Int32Array(sizes.debtors),
      name: new Array<string>(sizes.debtors),
    },
    prospects: {
      created: new Int32Array(sizes.prospects),
      lastContact: new Int32Array(sizes.prospects),
      email: new Array<string>(sizes.prospects),
    },
    debtorInvoices: {
      count: 0,
      id: new Int32Array(maxDebtorInvoices),
      debtor: new Int32Array(maxDebtorInvoices),
      issued: new Int32Array(maxDebtorInvoices),
      amount: new Int32Array(maxDebtorInvoices),
      settled: new Int32Array(maxDebtorInvoices),
    },
  };
}

/** The value of a -1-for-null day slot as a row value. */
export function nullableDay(day: number): number | null {
  return day < 0 ? null : day;
}
