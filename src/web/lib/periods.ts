import { gregorianToHijri, hijriToGregorian } from '../../shared/dates-hijri';

/** The calendar a period's months and presets are counted in. */
export type PeriodCalendar = 'gregory' | 'hijri';

export const periodPresets = ['thisMonth', 'lastMonth', 'last3Months', 'thisYear', 'lastYear'] as const;
export type PeriodPreset = (typeof periodPresets)[number];

export interface DayRange {
  from: string;
  to: string;
}

const dayMs = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Year and month (1–12) of a Gregorian day in the calendar. */
function monthOf(day: string, calendar: PeriodCalendar): { year: number; month: number } {
  const [y, m] = (calendar === 'hijri' ? gregorianToHijri(day) : day).split('-').map(Number);
  return { year: y!, month: m! };
}

/** The Gregorian day on which month `month` (may run below 1) of `year` begins in the calendar. */
function monthStart(year: number, month: number, calendar: PeriodCalendar): string {
  const shifted = year * 12 + (month - 1);
  const y = Math.floor(shifted / 12);
  const m = (shifted % 12) + 1;
  const first = `${y}-${pad(m)}-01`;
  return calendar === 'hijri' ? (hijriToGregorian(first) ?? first) : first;
}

/**
 * A preset's inclusive days, counted in the calendar: «this Hijri year» starts on 1 Muharram, «this
 * month» on the first of the Hijri or Gregorian month. Periods that are running end today.
 */
export function presetRange(preset: PeriodPreset, today: string, calendar: PeriodCalendar): DayRange {
  const { year, month } = monthOf(today, calendar);
  switch (preset) {
    case 'thisMonth':
      return { from: monthStart(year, month, calendar), to: today };
    case 'lastMonth':
      return {
        from: monthStart(year, month - 1, calendar),
        to: addDays(monthStart(year, month, calendar), -1),
      };
    case 'last3Months':
      return { from: monthStart(year, month - 2, calendar), to: today };
    case 'thisYear':
      return { from: monthStart(year, 1, calendar), to: today };
    case 'lastYear':
      return { from: monthStart(year - 1, 1, calendar), to: addDays(monthStart(year, 1, calendar), -1) };
  }
}

/** The preset a range equals, if any (to light the right button after a reload). */
export function presetOf(range: Partial<DayRange>, today: string, calendar: PeriodCalendar) {
  if (!range.from || !range.to) return null;
  return (
    periodPresets.find((p) => {
      const r = presetRange(p, today, calendar);
      return r.from === range.from && r.to === range.to;
    }) ?? null
  );
}
