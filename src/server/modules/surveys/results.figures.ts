// The arithmetic of the satisfaction results, on counters summed by the database: CSAT, average, NPS,
// and the rule that a figure of fewer than `minAnswersShown` answers is not shown (no one is identified).
import { type Figure, minAnswersShown } from '../../../shared/contracts/surveys';
import { gregorianToHijri } from '../../../shared/dates-hijri';

/** Sums over a set of answers: scored = with a 1–5 score, happy = 4 or 5; promoters 9–10, detractors 0–6. */
export interface Counters {
  answers: number;
  scored: number;
  happy: number;
  scoreSum: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
}

export const noCounters = (): Counters => ({
  answers: 0,
  scored: 0,
  happy: 0,
  scoreSum: 0,
  npsAnswers: 0,
  promoters: 0,
  detractors: 0,
});

export function addCounters(into: Counters, more: Counters): Counters {
  into.answers += more.answers;
  into.scored += more.scored;
  into.happy += more.happy;
  into.scoreSum += more.scoreSum;
  into.npsAnswers += more.npsAnswers;
  into.promoters += more.promoters;
  into.detractors += more.detractors;
  return into;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
const percent = (part: number, whole: number) => round((part * 100) / whole, 1);

/**
 * The figure of a set of answers. Hidden below `minAnswersShown` answers; a measure that fewer than that
 * many answers gave (e.g. the NPS question skipped) is null too, so it cannot point at one person either.
 */
export function figureOf(c: Counters): Figure {
  const hidden = c.answers < minAnswersShown;
  const enough = (n: number) => !hidden && n >= minAnswersShown;
  return {
    answers: c.answers,
    hidden,
    csat: enough(c.scored) ? percent(c.happy, c.scored) : null,
    average: enough(c.scored) ? round(c.scoreSum / c.scored, 2) : null,
    nps: enough(c.npsAnswers)
      ? round(percent(c.promoters, c.npsAnswers) - percent(c.detractors, c.npsAnswers), 1)
      : null,
  };
}

/** The month (`YYYY-MM`) of a local date in the chosen calendar (Hijri: Umm al-Qura). */
export function periodOf(date: string, calendar: 'gregory' | 'hijri'): string {
  return (calendar === 'hijri' ? gregorianToHijri(date) : date).slice(0, 7);
}

const dayMs = 86_400_000;
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);

/** Every month from the one of `first` to the one of `last` (local dates), oldest first, gaps included. */
export function periodsBetween(first: string, last: string, calendar: 'gregory' | 'hijri'): string[] {
  const periods: string[] = [];
  for (let day = first; day <= last; day = nextDay(day)) {
    const period = periodOf(day, calendar);
    if (periods.at(-1) !== period) periods.push(period);
  }
  return periods;
}

/** The local date a year before `date`, plus one day: the default period is the last 12 months. */
export function yearBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const back = new Date(Date.UTC(y - 1, m - 1, d));
  // 29 February of a year without one rolls to 1 March, which is already "plus one day".
  return back.getUTCDate() === d ? nextDay(back.toISOString().slice(0, 10)) : back.toISOString().slice(0, 10);
}
