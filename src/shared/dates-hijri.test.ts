import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gregorianDateSchema,
  gregorianToHijri,
  hijriDateSchema,
  hijriToGregorian,
  isValidGregorianDate,
  isValidHijriDate,
} from './dates-hijri';
import { toArabicIndicDigits } from './digits';

// Pairs checked against Intl's islamic-umalqura calendar (Node's ICU), not recalled from memory.
const knownPairs = [
  ['1447-09-01', '2026-02-18'], // 1 Ramadan 1447
  ['1448-06-12', '2026-11-22'],
  ['1447-01-01', '2025-06-26'], // 1 Muharram 1447
  ['1447-03-30', '2025-09-22'],
  ['1358-11-21', '1940-01-01'],
  ['1300-01-01', '1882-11-12'], // first day of the Umm al-Qura table
  ['1600-12-30', '2174-11-25'], // last day of the table
] as const;

const dayMs = 86_400_000;

describe('Hijri ↔ Gregorian', () => {
  it.each(knownPairs)('%s AH = %s', (hijri, gregorian) => {
    expect(gregorianToHijri(gregorian)).toBe(hijri);
    expect(hijriToGregorian(hijri)).toBe(gregorian);
  });

  it('accepts Arabic-Indic digits', () => {
    expect(hijriToGregorian(toArabicIndicDigits('1448-06-12'))).toBe('2026-11-22');
    expect(gregorianToHijri(toArabicIndicDigits('2026-11-22'))).toBe('1448-06-12');
  });

  it.each([
    '1447-02-30', // Safar 1447 has 29 days
    '1447-06-30',
    '1447-13-01',
    '1447-00-10',
    '1447-01-00',
    '1447-01-31',
    '1299-12-29', // before the Umm al-Qura table
    '1601-01-01', // after it
    '1447-1-1',
    '14470101',
    '',
    'not a date',
  ])('%s is not a supported Hijri date', (hijri) => {
    expect(hijriToGregorian(hijri)).toBeNull();
    expect(isValidHijriDate(hijri)).toBe(false);
  });

  it.each(['2023-02-29', '2024-13-01', '2024-04-31', '2024-4-1', '20240401', ''])(
    '%s is not a Gregorian date',
    (iso) => {
      expect(isValidGregorianDate(iso)).toBe(false);
      expect(() => gregorianToHijri(iso)).toThrow(RangeError);
    },
  );

  it('refuses Gregorian dates outside the Umm al-Qura table', () => {
    expect(isValidGregorianDate('1800-01-01')).toBe(true);
    expect(() => gregorianToHijri('1882-11-11')).toThrow(RangeError);
    expect(() => gregorianToHijri('2174-11-26')).toThrow(RangeError);
  });

  it('accepts as input only the dates both calendars can show', () => {
    expect(gregorianDateSchema.safeParse('1882-11-12').success).toBe(true);
    expect(gregorianDateSchema.safeParse('2174-11-25').success).toBe(true);
    expect(gregorianDateSchema.safeParse('٢٠٢٦-٠١-٠١').data).toBe('2026-01-01');
    for (const iso of ['1882-11-11', '2174-11-26', '0001-01-01', '9999-12-31']) {
      expect(gregorianDateSchema.safeParse(iso).success, iso).toBe(false);
    }
  });

  it('round-trips every Gregorian date 1940–2077', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1940, 0, 1) / dayMs, max: Date.UTC(2077, 11, 31) / dayMs }),
        (days) => {
          const iso = new Date(days * dayMs).toISOString().slice(0, 10);
          const hijri = gregorianToHijri(iso);
          expect(hijri).toMatch(/^1[345]\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|30)$/);
          expect(hijriToGregorian(hijri)).toBe(iso);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('consecutive Gregorian days are consecutive Hijri days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1940, 0, 1) / dayMs, max: Date.UTC(2077, 11, 30) / dayMs }),
        (days) => {
          const [y1, m1, d1] = gregorianToHijri(new Date(days * dayMs).toISOString().slice(0, 10))
            .split('-')
            .map(Number);
          const [y2, m2, d2] = gregorianToHijri(new Date((days + 1) * dayMs).toISOString().slice(0, 10))
            .split('-')
            .map(Number);
          const sameMonth = y2 === y1 && m2 === m1 && d2 === d1 + 1;
          const nextMonth =
            d2 === 1 &&
            (d1 === 29 || d1 === 30) &&
            (m2 === m1 + 1 ? y2 === y1 : m1 === 12 && m2 === 1 && y2 === y1 + 1);
          expect(sameMonth || nextMonth).toBe(true);
        },
      ),
    );
  });
});

describe('date schemas', () => {
  it('gregorianDateSchema accepts real dates only', () => {
    expect(gregorianDateSchema.parse(' ٢٠٢٤-٠٢-٢٩ ')).toBe('2024-02-29');
    const result = gregorianDateSchema.safeParse('2023-02-29');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('INVALID_DATE');
  });

  it('hijriDateSchema accepts existing Umm al-Qura dates only', () => {
    expect(hijriDateSchema.parse('١٤٤٨-٠٦-١٢')).toBe('1448-06-12');
    const result = hijriDateSchema.safeParse('1447-02-30');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('INVALID_HIJRI_DATE');
    expect(hijriDateSchema.safeParse(14480612).success).toBe(false);
  });
});
