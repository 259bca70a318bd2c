// Saudi national ID (هوية وطنية, starts with 1) and Iqama (إقامة, starts with 2): 10 digits whose last
// digit is a Luhn check digit (DESIGN.md "Saudi specifics"). Staff type them with Arabic-Indic digits
// and with spaces or dashes copied from scanned cards, so everything is normalised before checking.
// The rules without zod, so that a page that only checks an ID (the portal) does not load zod.
import { normalizeDigits } from '../digits';

export type NationalIdKind = 'citizen' | 'resident';
export type NationalIdFailure = 'length' | 'prefix' | 'checksum' | 'characters';

export type NationalIdResult =
  | { ok: true; value: string; kind: NationalIdKind }
  | { ok: false; reason: NationalIdFailure };

/** Arabic-Indic digits → ASCII; spaces (any Unicode whitespace) and dashes removed. */
export function normalizeNationalId(input: string): string {
  return normalizeDigits(input).replace(/[\s\-‐‑‒–—]/g, '');
}

/**
 * Luhn sum of the Saudi variant: digits at even 0-based positions are doubled and their digit sum
 * added, the others added as they are. Valid when the sum of all ten digits is a multiple of 10.
 */
function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const d = digits.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      const x = d * 2;
      sum += x > 9 ? x - 9 : x; // digit sum of a two-digit x (10..18) is x − 9
    } else sum += d;
  }
  return sum;
}

export function validateNationalId(input: string): NationalIdResult {
  const value = normalizeNationalId(input);
  // Characters first: "12345abcde" is a typo of a different kind than a short number.
  if (!/^[0-9]*$/.test(value)) return { ok: false, reason: 'characters' };
  if (value.length !== 10) return { ok: false, reason: 'length' };
  const kind: NationalIdKind | undefined =
    value[0] === '1' ? 'citizen' : value[0] === '2' ? 'resident' : undefined;
  if (!kind) return { ok: false, reason: 'prefix' };
  if (luhnSum(value) % 10 !== 0) return { ok: false, reason: 'checksum' };
  return { ok: true, value, kind };
}

/**
 * Builds a valid ID from its prefix and 8 body digits by computing the check digit. The check digit
 * sits at position 9 (odd), so it is added undoubled: it is whatever tops the first nine up to a
 * multiple of 10. Used by tests and by the synthetic data generator.
 */
export function generateNationalId(prefix: 1 | 2, body: string): string {
  if (!/^[0-9]{8}$/.test(body)) throw new RangeError('body must be exactly 8 ASCII digits');
  const first9 = `${prefix}${body}`;
  const check = (10 - (luhnSum(first9) % 10)) % 10;
  return `${first9}${check}`;
}
