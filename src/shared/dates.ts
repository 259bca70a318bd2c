// Dates are shown both in the Umm al-Qura Hijri calendar and in the Gregorian calendar.
import { type DigitStyle, defaultDigitStyle, shownDigitStyle } from './digits';

export type DisplayLanguage = 'ar' | 'en';

/** Arabic dates in the association's digits (decision 014); English dates in Latin digits. */
function locales(language: DisplayLanguage, digits: DigitStyle): { hijri: string; gregorian: string } {
  if (language === 'en') return { hijri: 'en-US-u-ca-islamic-umalqura', gregorian: 'en-GB-u-ca-gregory' };
  const nu = shownDigitStyle(language, digits);
  return { hijri: `ar-SA-u-ca-islamic-umalqura-nu-${nu}`, gregorian: `ar-SA-u-ca-gregory-nu-${nu}` };
}

export interface DualDate {
  hijri: string;
  gregorian: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export function formatDualDate(
  value: Date | string,
  language: DisplayLanguage,
  options: { withTime?: boolean; timeZone?: string; digits?: DigitStyle } = {},
): DualDate {
  const date = typeof value === 'string' ? new Date(value) : value;
  const timeZone = options.timeZone ?? 'Asia/Riyadh';
  const base: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone };
  const withTime: Intl.DateTimeFormatOptions = options.withTime ? { hour: '2-digit', minute: '2-digit' } : {};
  const locale = locales(language, options.digits ?? defaultDigitStyle);
  return {
    hijri: formatter(locale.hijri, base).format(date),
    gregorian: formatter(locale.gregorian, { ...base, ...withTime }).format(date),
  };
}

const dayMs = 86_400_000;

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
function calendarDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

/**
 * Whole calendar days from today to the day of `target`, both read in the association's time zone
 * (Asia/Riyadh by default): 0 when it falls today, 1 tomorrow, −1 yesterday. A deadline at the end of a
 * day 20 days away is 20 days away, whatever the hour now (a count of 24-hour spans would say 21).
 */
export function daysUntil(target: Date | string, now: Date, timeZone = 'Asia/Riyadh'): number {
  const day = (instant: Date) => Date.parse(`${calendarDate(instant, timeZone)}T00:00:00Z`);
  const end = typeof target === 'string' ? new Date(target) : target;
  return Math.round((day(end) - day(now)) / dayMs);
}
