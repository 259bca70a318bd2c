import { describe, expect, it } from 'vitest';
import { figureOf, noCounters, periodsBetween, yearBefore } from './results.figures';

describe('results figures', () => {
  it('computes CSAT, average and NPS, and hides a measure fewer than 5 answers gave', () => {
    const c = { ...noCounters(), answers: 6, scored: 6, happy: 5, scoreSum: 26, npsAnswers: 4, promoters: 4 };
    expect(figureOf(c)).toEqual({ answers: 6, hidden: false, csat: 83.3, average: 4.33, nps: null });
    expect(figureOf({ ...c, answers: 4, scored: 4 })).toMatchObject({
      hidden: true,
      csat: null,
      average: null,
    });
  });

  it('lists every month between two days, gaps included, in either calendar', () => {
    expect(periodsBetween('2026-01-31', '2026-04-01', 'gregory')).toEqual([
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
    ]);
    // 1 Ramadan 1447 is 18 February 2026 (Umm al-Qura).
    expect(periodsBetween('2026-02-17', '2026-02-18', 'hijri')).toEqual(['1447-08', '1447-09']);
  });

  it('starts the default period a year back, the day after', () => {
    expect(yearBefore('2026-11-22')).toBe('2025-11-23');
    expect(yearBefore('2028-02-29')).toBe('2027-03-01');
  });
});
