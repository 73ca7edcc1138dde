/**
 * People of the seed databases: French and Belgian names, addresses and phone numbers from the
 * demo's fakes (examples/demo/fake), with an e-mail address made unique by a serial number, so
 * that a subject request by e-mail designates exactly one person.
 */
import { belgianPhone, frenchPhone } from '../../demo/fake/identifiers.ts';
import {
  company,
  jobTitle,
  type PostalAddress,
  person,
  postalAddress,
  slug,
} from '../../demo/fake/people.ts';
import type { Rng } from '../../demo/fake/prng.ts';

export { createRng, hashSeed, type Rng } from '../../demo/fake/prng.ts';

export interface SeedPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly fullName: string;
  /** Unique within a generator run (the serial number is part of it). */
  readonly email: string;
  readonly phone: string;
  readonly country: 'FR' | 'BE';
  readonly jobTitle: string;
  readonly company: string;
  readonly address: PostalAddress;
}

/**
 * Person number `serial` of a generator run: the same serial never gives the same e-mail twice.
 * `domain` is the e-mail domain (the company's when omitted).
 */
export function seedPerson(rng: Rng, serial: number, domain?: string): SeedPerson {
  const p = person(rng);
  const employer = company(rng, p.country);
  const local = `${slug(p.firstName).replace(/-/g, '')}.${slug(p.lastName).replace(/-/g, '')}.${serial}`;
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    fullName: `${p.firstName} ${p.lastName}`,
    email: `${local}@${domain ?? employer.domain}`,
    phone: p.country === 'FR' ? frenchPhone(rng, rng.chance(0.7)) : belgianPhone(rng, rng.chance(0.7)),
    country: p.country,
    jobTitle: jobTitle(rng),
    company: employer.name,
    address: postalAddress(rng, p.country),
  };
}

/** Items of `items` in a deterministic shuffled order. */
export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = rng.int(i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}
