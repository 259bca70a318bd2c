// Saudi mobile numbers are stored as E.164 (+9665XXXXXXXX, DESIGN.md "Saudi specifics") but typed in
// every local and international form, often with Arabic-Indic digits and grouping characters.
// The rules without zod, so that a page that only checks a number (the portal) does not load zod.
import { normalizeDigits } from '../digits';

const e164Mobile = /^\+9665[0-9]{8}$/;

// Grouping characters people type or paste between digits: whitespace, dashes, parentheses, dots and
// the invisible direction marks that come along when a number is copied out of right-to-left text.
const grouping = /[\s\-‐‑‒–—().\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

// After the country code, a leading trunk 0 ("+966 05…") is a frequent slip and is unambiguous, so it
// is tolerated; otherwise the accepted forms are 05XXXXXXXX, 5XXXXXXXX, 9665…, +9665… and 009665….
const acceptedForms = /^(?:(?:\+|00)?9660?|0)?(5[0-9]{8})$/;

/** E.164 `+9665XXXXXXXX`, or null when the input is not a Saudi mobile number (landlines included). */
export function normalizeSaudiMobile(input: string): string | null {
  const compact = normalizeDigits(input).replace(grouping, '');
  const match = acceptedForms.exec(compact);
  return match ? `+966${match[1]}` : null;
}

export function isSaudiMobileE164(value: string): boolean {
  return e164Mobile.test(value);
}

/**
 * Local display form `05X XXX XXXX`. Accepts any form normalizeSaudiMobile accepts; anything else is
 * returned unchanged, because a display helper must never hide what was actually stored.
 */
export function formatSaudiMobileLocal(e164: string): string {
  const normalized = normalizeSaudiMobile(e164);
  if (!normalized) return e164;
  const local = `0${normalized.slice(4)}`;
  return `${local.slice(0, 3)} ${local.slice(3, 6)} ${local.slice(6)}`;
}
