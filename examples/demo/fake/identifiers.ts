/**
 * Checksummed identifiers and network data for the demo: IBANs (FR, BE) with valid mod-97 keys,
 * BICs, French NIR and Belgian national register numbers with valid keys, Luhn-valid card
 * numbers, VAT numbers, phone numbers in French and Belgian formats, IPv4/IPv6, user agents.
 */
import type { Rng } from './prng.ts';

/** Remainder of a string of digits and capital letters (A=10 … Z=35) modulo 97. */
export function mod97(text: string): number {
  let remainder = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    remainder =
      code >= 65 && code <= 90 ? (remainder * 100 + (code - 55)) % 97 : (remainder * 10 + (code - 48)) % 97;
  }
  return remainder;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** An IBAN from a country code and BBAN, with its ISO 13616 check digits. */
export function ibanFor(country: 'FR' | 'BE', bban: string): string {
  return `${country}${pad2(98 - mod97(`${bban}${country}00`))}${bban}`;
}

const FR_BANKS: readonly (readonly [bank: string, bic: string])[] = [
  ['30004', 'BNPAFRPPXXX'],
  ['30003', 'SOGEFRPPXXX'],
  ['30002', 'CRLYFRPPXXX'],
  ['30066', 'CMCIFRPPXXX'],
  ['10278', 'CMCIFR2AXXX'],
  ['11306', 'AGRIFRPP813'],
  ['16807', 'CCBPFRPPGRE'],
  ['20041', 'PSSTFRPPLYO'],
  ['42559', 'CCOPFRPPXXX'],
  ['13825', 'CEPAFRPP382'],
];
const BE_BANKS: readonly (readonly [bank: string, bic: string])[] = [
  ['001', 'GEBABEBB'],
  ['310', 'BBRUBEBB'],
  ['363', 'BBRUBEBB'],
  ['734', 'KREDBEBB'],
  ['068', 'GKCCBEBB'],
  ['103', 'NICABEBB'],
  ['751', 'AXABBE22'],
  ['063', 'GKCCBEBB'],
];

/** A French RIB key: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97). */
function ribKey(bank: string, branch: string, account: string): string {
  const r = (89 * mod97(bank) + 15 * mod97(branch) + 3 * mod97(account)) % 97;
  return pad2(97 - r);
}

/** A bank account: valid IBAN and the bank's BIC. */
export function bankAccount(rng: Rng, country: 'FR' | 'BE'): { iban: string; bic: string } {
  if (country === 'FR') {
    const [bank, bic] = rng.pick(FR_BANKS);
    const branch = rng.digits(5);
    const account = rng.digits(11);
    return { iban: ibanFor('FR', `${bank}${branch}${account}${ribKey(bank, branch, account)}`), bic };
  }
  const [bank, bic] = rng.pick(BE_BANKS);
  const body = `${bank}${rng.digits(7)}`;
  const check = mod97(body);
  return { iban: ibanFor('BE', `${body}${pad2(check === 0 ? 97 : check)}`), bic };
}

/** A Luhn check digit for a string of digits. */
export function luhnCheckDigit(body: string): string {
  let sum = 0;
  let double = true;
  for (let i = body.length - 1; i >= 0; i--) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A Luhn-valid card number (Visa, Mastercard, CB-co-branded Visa or American Express). */
export function cardNumber(rng: Rng): string {
  const kind = rng.int(10);
  if (kind === 0) {
    const body = `${rng.pick(['34', '37'])}${rng.digits(12)}`;
    return body + luhnCheckDigit(body);
  }
  const prefix = kind < 6 ? `4${rng.digits(5)}` : `5${rng.between(1, 5)}${rng.digits(4)}`;
  const body = `${prefix}${rng.digits(9)}`;
  return body + luhnCheckDigit(body);
}

/**
 * A French NIR (15 characters, valid key) for someone born on `birth` in department `department`
 * (two digits, or 2A/2B for Corsica).
 */
export function frenchNir(rng: Rng, birth: Date, sex: 1 | 2, department: string): string {
  const head = `${sex}${pad2(birth.getUTCFullYear() % 100)}${pad2(birth.getUTCMonth() + 1)}`;
  const body = `${head}${department}${String(rng.between(1, 999)).padStart(3, '0')}${String(rng.between(1, 999)).padStart(3, '0')}`;
  const numeric = body.replace(/^(.{5})2A/, '$119').replace(/^(.{5})2B/, '$118');
  return `${body}${pad2(97 - mod97(numeric))}`;
}

/** A Belgian national register number, formatted YY.MM.DD-NNN.CC, with its mod-97 check. */
export function belgianNationalNumber(rng: Rng, birth: Date, sex: 1 | 2): string {
  const yymmdd = `${pad2(birth.getUTCFullYear() % 100)}${pad2(birth.getUTCMonth() + 1)}${pad2(birth.getUTCDate())}`;
  // Odd sequence numbers for men, even for women.
  let seq = rng.between(1, 997);
  if (seq % 2 !== (sex === 1 ? 1 : 0)) seq += 1;
  const nnn = String(seq).padStart(3, '0');
  const base = birth.getUTCFullYear() >= 2000 ? `2${yymmdd}${nnn}` : `${yymmdd}${nnn}`;
  const check = 97 - mod97(base);
  return `${yymmdd.slice(0, 2)}.${yymmdd.slice(2, 4)}.${yymmdd.slice(4)}-${nnn}.${pad2(check)}`;
}

/** A French VAT number (FR + key + a Luhn-valid SIREN) or a Belgian one (BE0 + 9 digits, mod-97). */
export function vatNumber(rng: Rng, country: 'FR' | 'BE'): string {
  if (country === 'FR') {
    const head = `${rng.between(3, 9)}${rng.digits(7)}`;
    const siren = head + luhnCheckDigit(head);
    return `FR${pad2((12 + 3 * mod97(siren)) % 97)}${siren}`;
  }
  const body = `${rng.between(2, 8)}${rng.digits(6)}`;
  return `BE0${body}${pad2(97 - mod97(body))}`;
}

/** A French phone number in one of the usual written forms. */
export function frenchPhone(rng: Rng, mobile: boolean): string {
  const first = mobile ? rng.pick(['6', '7']) : rng.pick(['1', '2', '3', '4', '5', '9']);
  const pairs = [rng.digits(2), rng.digits(2), rng.digits(2), rng.digits(2)];
  const style = rng.int(4);
  if (style === 0) return `+33 ${first} ${pairs.join(' ')}`;
  if (style === 1) return `0${first}${pairs.join('')}`;
  if (style === 2) return `0${first}.${pairs.join('.')}`;
  return `0${first} ${pairs.join(' ')}`;
}

/** A Belgian phone number (mobile 04xx or Brussels/Liège/Ghent landline). */
export function belgianPhone(rng: Rng, mobile: boolean): string {
  if (mobile) {
    const prefix = rng.pick(['470', '471', '472', '475', '476', '477', '478', '479', '485', '495', '496']);
    const rest = `${rng.digits(2)} ${rng.digits(2)} ${rng.digits(2)}`;
    return rng.chance(0.5) ? `+32 ${prefix} ${rest}` : `0${prefix} ${rest}`;
  }
  const area = rng.pick(['2', '4', '9']);
  const rest = `${rng.digits(3)} ${rng.digits(2)} ${rng.digits(2)}`;
  return rng.chance(0.5) ? `+32 ${area} ${rest}` : `0${area} ${rest}`;
}

/** A public-looking IPv4 address (French and Belgian access-provider ranges). */
export function ipv4(rng: Rng): string {
  const first = rng.pick([78, 80, 81, 82, 86, 88, 90, 91, 92, 109, 176, 178, 185, 193, 212]);
  return `${first}.${rng.int(256)}.${rng.int(256)}.${rng.between(1, 254)}`;
}

function hex16(rng: Rng): string {
  return rng.int(65536).toString(16);
}

/** A global-unicast IPv6 address, written in compressed form. */
export function ipv6(rng: Rng): string {
  const prefix = rng.pick(['2a01:cb00', '2a01:e0a', '2001:861', '2a02:a03f', '2a02:1810', '2a04:cec0']);
  return `${prefix}:${hex16(rng)}:${hex16(rng)}::${hex16(rng)}:${hex16(rng)}`;
}

const USER_AGENTS: readonly string[] = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/125.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36 Edg/123.0.2420.81',
  'Mozilla/5.0 (X11; Linux x86_64; rv:124.0) Gecko/20100101 Firefox/124.0',
  'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/109.0.0.0 Safari/537.36',
];

/** A browser user-agent string. */
export function userAgent(rng: Rng): string {
  return rng.pick(USER_AGENTS);
}

/** A UUID-shaped identifier (version 4 layout) drawn from the generator, for cookies. */
export function uuidLike(rng: Rng): string {
  const h = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
    return s;
  };
  return `${h(8)}-${h(4)}-4${h(3)}-${rng.pick(['8', '9', 'a', 'b'])}${h(3)}-${h(12)}`;
}
