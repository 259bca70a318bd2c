// Request-body fields for dates typed Hijri or Gregorian; the conversions are in dates-hijri-calendar.ts.
import { z } from 'zod';
import { isSupportedGregorianDate, isValidHijriDate } from './dates-hijri-calendar';
import { normalizeDigits } from './digits';

export * from './dates-hijri-calendar';

const normalizeDateInput = (v: unknown) => (typeof v === 'string' ? normalizeDigits(v).trim() : v);

/**
 * A Gregorian calendar date `YYYY-MM-DD` that exists and has a Hijri twin (1882-11-12 … 2174-11-25);
 * Arabic-Indic digits accepted. Year 0001 or 9999 is refused here, not by the database.
 */
export const gregorianDateSchema = z.preprocess(
  normalizeDateInput,
  z.string().refine(isSupportedGregorianDate, { message: 'INVALID_DATE' }),
);

/** An Umm al-Qura date `YYYY-MM-DD` (1300–1600 AH) that exists; Arabic-Indic digits accepted. */
export const hijriDateSchema = z.preprocess(
  normalizeDateInput,
  z.string().refine(isValidHijriDate, { message: 'INVALID_HIJRI_DATE' }),
);
