// Pure arithmetic of the dashboard: shares, percentiles of stage times (in working days, counted by the
// database when each stay ends), months of the trend in the Gregorian or the Umm al-Qura calendar.
import type { DashboardCalendar } from '../../../shared/contracts/dashboards';
import { gregorianToHijri } from '../../../shared/dates-hijri';

const dayMs = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A share in [0, 1], unrounded (screens and exports round it), null when there is nothing to divide by. */
export function shareOf(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The month of a local date in the chosen calendar (`YYYY-MM`). */
export function monthOf(date: string, calendar: DashboardCalendar): string {
  return (calendar === 'hijri' ? gregorianToHijri(date) : date).slice(0, 7);
}

/** Every month from the one of `first` to the one of `last`, oldest first, gaps included. */
export function monthsBetween(first: string, last: string, calendar: DashboardCalendar): string[] {
  const months: string[] = [];
  for (let ms = toUtc(first); ms <= toUtc(last); ms += dayMs) {
    const month = monthOf(fromUtc(ms), calendar);
    if (months.at(-1) !== month) months.push(month);
  }
  return months;
}

/** The q-quantile (0..1) of weighted values, linearly interpolated between ranks, to one decimal. */
export function quantile(values: readonly { value: number; n: number }[], q: number): number | null {
  const sorted = values.filter((v) => v.n > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, v) => sum + v.n, 0);
  if (total === 0) return null;
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const v of sorted) {
      seen += v.n;
      if (rank < seen) return v.value;
    }
    return sorted.at(-1)!.value;
  };
  const position = q * (total - 1);
  const lower = Math.floor(position);
  const low = valueAt(lower);
  const high = valueAt(Math.min(total - 1, lower + 1));
  return Math.round((low + (high - low) * (position - lower)) * 10) / 10;
}
