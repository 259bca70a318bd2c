import { describe, expect, it } from 'vitest';
import { daysUntil, formatDualDate } from './dates';

describe('dual Hijri and Gregorian dates', () => {
  it('shows a date in the Umm al-Qura calendar and the Gregorian one, in Arabic digits', () => {
    const { hijri, gregorian } = formatDualDate('2026-11-22T10:00:00Z', 'ar');
    expect(hijri).toBe('١٢ جمادى الآخرة ١٤٤٨ هـ');
    expect(gregorian).toBe('٢٢ نوفمبر ٢٠٢٦');
  });

  it('shows both in English', () => {
    const { hijri, gregorian } = formatDualDate(new Date('2027-02-22T00:00:00Z'), 'en');
    expect(hijri).toMatch(/1448 AH/);
    expect(gregorian).toBe('22 February 2027');
  });

  it('counts the day in Riyadh time, not UTC', () => {
    // 22:30 UTC on 22 Sep is already 23 Sep (National Day) in Riyadh.
    expect(formatDualDate('2026-09-22T22:30:00Z', 'en').gregorian).toBe('23 September 2026');
  });
});

describe('days left until a date', () => {
  // A decision due on 12 Oct 2026 is stored as the end of that day in Riyadh: 20:59:59 UTC.
  const due = new Date('2026-10-12T20:59:59Z');

  it('counts calendar days, not 24-hour spans: 20 days before, at any hour, is 20', () => {
    // 22 Sep 2026 in Riyadh, morning, noon and one minute before midnight.
    for (const now of ['2026-09-21T21:00:00Z', '2026-09-22T07:00:00Z', '2026-09-22T20:59:00Z']) {
      expect(daysUntil(due, new Date(now)), now).toBe(20);
    }
  });

  it('turns at midnight in Riyadh, not at midnight UTC', () => {
    // 20:59 UTC is 23:59 in Riyadh (20 days left); 21:00 UTC is already the next day there (19).
    expect(daysUntil(due, new Date('2026-09-22T20:59:59Z'))).toBe(20);
    expect(daysUntil(due, new Date('2026-09-22T21:00:00Z'))).toBe(19);
    // Read in UTC the same instants fall on other days: the zone decides.
    expect(daysUntil(due, new Date('2026-09-22T21:00:00Z'), 'UTC')).toBe(20);
  });

  it('is 0 on the day itself, 1 the day before and negative once the day has passed', () => {
    expect(daysUntil(due, new Date('2026-10-11T21:00:00Z'))).toBe(0); // 00:00, 12 Oct in Riyadh
    expect(daysUntil(due, new Date('2026-10-12T20:59:58Z'))).toBe(0);
    expect(daysUntil(due, new Date('2026-10-11T20:59:59Z'))).toBe(1);
    expect(daysUntil(due, new Date('2026-10-12T21:00:00Z'))).toBe(-1);
    expect(daysUntil(due, new Date('2026-10-15T09:00:00Z'))).toBe(-3);
  });

  it('accepts the ISO text the API sends', () => {
    expect(daysUntil('2026-10-12T20:59:59.000Z', new Date('2026-09-22T09:00:00Z'))).toBe(20);
  });
});
