import { describe, expect, it } from 'vitest';
import { formatDualDate } from './dates';

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
