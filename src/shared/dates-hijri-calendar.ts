// Conversion between Umm al-Qura Hijri dates and Gregorian dates, both as `YYYY-MM-DD` strings
// (DESIGN.md: dates of birth may be entered Hijri or Gregorian). Only Intl is used: Node ships full
// ICU, whose islamic-umalqura calendar carries the official month-length table, so no table is
// copied here. Everything is computed at UTC midnight so the host time zone never shifts a day.
// The conversions without zod, so that a page that only converts dates (the portal) does not load zod.
import { normalizeDigits } from './digits';

const dayMs = 86_400_000;

// ICU only has Umm al-Qura data for 1300–1600 AH; outside it silently falls back to the arithmetic
// (civil) calendar, which is not what Saudi documents use, so the supported range stops there.
export const minHijriYear = 1300;
export const maxHijriYear = 1600;
const minSupportedMs = Date.UTC(1882, 10, 12); // 1300-01-01 AH
const maxSupportedMs = Date.UTC(2174, 10, 25); // 1600-12-30 AH

const umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

interface Ymd {
  year: number;
  month: number;
  day: number;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const formatYmd = ({ year, month, day }: Ymd) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

function parseYmd(input: string): Ymd | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(normalizeDigits(input).trim());
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

/** UTC midnight of a Gregorian date, or null if that date does not exist (e.g. 2023-02-29). */
function gregorianMs(input: string): number | null {
  const ymd = parseYmd(input);
  if (!ymd) return null;
  // setUTCFullYear rather than Date.UTC, which maps years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(ymd.year, ymd.month - 1, ymd.day);
  const exists =
    date.getUTCFullYear() === ymd.year &&
    date.getUTCMonth() === ymd.month - 1 &&
    date.getUTCDate() === ymd.day;
  return exists ? date.getTime() : null;
}

function hijriOf(ms: number): Ymd {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of umalqura.formatToParts(ms)) parts[part.type] = part.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

export function isValidGregorianDate(iso: string): boolean {
  return gregorianMs(iso) !== null;
}

/** A Gregorian date that exists and has an Umm al-Qura twin (1882-11-12 … 2174-11-25): every date the
 * product stores or filters by can be shown in both calendars. */
export function isSupportedGregorianDate(iso: string): boolean {
  const ms = gregorianMs(iso);
  return ms !== null && ms >= minSupportedMs && ms <= maxSupportedMs;
}

/** Hijri (Umm al-Qura) `YYYY-MM-DD` of a Gregorian `YYYY-MM-DD`; RangeError if invalid or unsupported. */
export function gregorianToHijri(iso: string): string {
  const ms = gregorianMs(iso);
  if (ms === null) throw new RangeError(`not a Gregorian date: ${iso}`);
  if (ms < minSupportedMs || ms > maxSupportedMs) {
    throw new RangeError(`outside the Umm al-Qura range (1882-11-12 … 2174-11-25): ${iso}`);
  }
  return formatYmd(hijriOf(ms));
}

// The civil Hijri epoch, 1 Muharram 1 AH = 19 July 622 (proleptic Gregorian), and the mean month
// length give an estimate within 2 days of the true Umm al-Qura date over the whole supported range
// (measured); the window below leaves a wide margin, and only exact matches are accepted.
const hijriEpochMs = Date.UTC(622, 6, 19);
const meanYearDays = 354.36708;
const meanMonthDays = 29.530588;
const searchWindowDays = 7;

/** Gregorian `YYYY-MM-DD` of a Hijri (Umm al-Qura) `YYYY-MM-DD`; null if that Hijri date does not exist. */
export function hijriToGregorian(hijriIso: string): string | null {
  const target = parseYmd(hijriIso);
  if (!target) return null;
  const { year, month, day } = target;
  if (year < minHijriYear || year > maxHijriYear || month < 1 || month > 12 || day < 1 || day > 30)
    return null;
  const estimateDays = Math.round((year - 1) * meanYearDays + (month - 1) * meanMonthDays + (day - 1));
  const estimateMs = hijriEpochMs + estimateDays * dayMs;
  // Nearest days first, so the common case costs one or two formatToParts calls.
  for (let offset = 0; offset <= searchWindowDays; offset++) {
    for (const ms of offset === 0
      ? [estimateMs]
      : [estimateMs - offset * dayMs, estimateMs + offset * dayMs]) {
      const found = hijriOf(ms);
      if (found.year === year && found.month === month && found.day === day) {
        return new Date(ms).toISOString().slice(0, 10);
      }
    }
  }
  return null; // day 30 of a 29-day month
}

export function isValidHijriDate(hijriIso: string): boolean {
  return hijriToGregorian(hijriIso) !== null;
}
