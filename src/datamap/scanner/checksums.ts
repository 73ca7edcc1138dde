/** Checksums used by the detectors: Luhn (cards, IMEI), ISO 13616 mod-97 (IBAN), NIR key. */

/** Luhn check over a string of digits only. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 IBAN check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function ibanValid(compact: string): boolean {
  if (compact.length < 15 || compact.length > 34) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      remainder = (remainder * 10 + (code - 48)) % 97;
    } else if (code >= 65 && code <= 90) {
      remainder = (remainder * 100 + (code - 55)) % 97;
    } else {
      return false;
    }
  }
  return remainder === 1;
}

/**
 * French NIR (numéro de sécurité sociale): 13 digits + 2-digit key = 97 − (number mod 97).
 * Corsica departments 2A and 2B count as 19 and 18 for the key.
 */
export function nirValid(compact: string): boolean {
  if (compact.length !== 15) return false;
  const body = compact
    .slice(0, 13)
    .replace(/^(.{5})2A/, '$119')
    .replace(/^(.{5})2B/, '$118');
  if (!/^[12]\d{12}$/.test(body)) return false;
  const key = Number(compact.slice(13));
  let remainder = 0;
  for (let i = 0; i < body.length; i++) remainder = (remainder * 10 + (body.charCodeAt(i) - 48)) % 97;
  return key === 97 - remainder;
}
