import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDualDate } from './dates';
import {
  applyDigitStyle,
  digitStyles,
  formatNumber,
  normalizeDigits,
  shownDigitStyle,
  toArabicIndicDigits,
} from './digits';

describe('digit normalisation', () => {
  it('turns Arabic-Indic and Persian digits into ASCII digits', () => {
    expect(normalizeDigits('٠٥٠١٢٣٤٥٦٧')).toBe('0501234567');
    expect(normalizeDigits('۱۲۳')).toBe('123');
    expect(normalizeDigits('هوية ١٠٢٣')).toBe('هوية 1023');
  });

  it('round-trips any ASCII digit string through Arabic-Indic digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,20}$/), (digits) => {
        const arabic = toArabicIndicDigits(digits);
        expect(arabic).not.toMatch(/[0-9]/);
        expect(normalizeDigits(arabic)).toBe(digits);
      }),
    );
  });

  it('is idempotent and leaves everything that is not a digit alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const once = normalizeDigits(text);
        expect(normalizeDigits(once)).toBe(once);
        expect(once.replace(/[0-9]/g, '')).toBe(text.replace(/[0-9٠-٩۰-۹]/g, ''));
      }),
    );
  });
});

describe('the digit style of what is shown (decision 014)', () => {
  it('writes every digit of a text in the chosen style and nothing else', () => {
    expect(applyDigitStyle('الخطوة 2 من ٥', 'arab')).toBe('الخطوة ٢ من ٥');
    expect(applyDigitStyle('الخطوة 2 من ٥', 'latn')).toBe('الخطوة 2 من 5');
    expect(applyDigitStyle('R-000123 ۱۲', 'latn')).toBe('R-000123 12');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...digitStyles), (text, style) => {
        const out = applyDigitStyle(text, style);
        expect(out).not.toMatch(style === 'arab' ? /[0-9۰-۹]/ : /[٠-٩۰-۹]/);
        expect(normalizeDigits(out)).toBe(normalizeDigits(text));
      }),
    );
  });

  it('shows Latin digits in English whatever the association chose', () => {
    expect(shownDigitStyle('en', 'arab')).toBe('latn');
    expect(shownDigitStyle('ar', 'arab')).toBe('arab');
    expect(shownDigitStyle('ar', 'latn')).toBe('latn');
  });

  it('formats integers, negatives, decimals and percentages in Arabic-Indic digits', () => {
    const bidi = /\p{Cf}/gu; // ICU surrounds signs with direction marks; the digits are what matters here
    const ar = (n: number, o?: Intl.NumberFormatOptions) =>
      formatNumber(n, 'ar', 'arab', o).replace(bidi, '');
    expect(ar(14)).toBe('١٤');
    expect(ar(1234567)).toBe('١٬٢٣٤٬٥٦٧');
    expect(ar(-42)).toBe('-٤٢');
    expect(ar(1234.5)).toBe('١٬٢٣٤٫٥');
    expect(ar(0.25, { style: 'percent' })).toBe('٢٥٪');
    expect(ar(0.125, { style: 'percent', maximumFractionDigits: 1 })).toBe('١٢٫٥٪');
  });

  it('formats the same numbers in Latin digits, and in English', () => {
    const bidi = /\p{Cf}/gu;
    const latn = (n: number, o?: Intl.NumberFormatOptions) =>
      formatNumber(n, 'ar', 'latn', o).replace(bidi, '');
    expect(latn(14)).toBe('14');
    expect(latn(1234567)).toBe('1,234,567');
    expect(latn(-42)).toBe('-42');
    expect(latn(1234.5)).toBe('1,234.5');
    expect(latn(0.25, { style: 'percent' })).toBe('25٪');
    expect(formatNumber(-1234.5, 'en', 'arab')).toBe('-1,234.5');
    expect(formatNumber(0.25, 'en', 'arab', { style: 'percent' })).toBe('25%');
  });

  it('never mixes the styles: a formatted number has digits of one style only', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.constantFrom(...digitStyles),
        (n, style) => {
          const out = formatNumber(n, 'ar', style, { maximumFractionDigits: 3 });
          expect(out).not.toMatch(style === 'arab' ? /[0-9]/ : /[٠-٩]/);
          expect(out).toMatch(style === 'arab' ? /[٠-٩]/ : /[0-9]/);
        },
      ),
    );
  });
});

describe('dates in the chosen digit style', () => {
  const instant = '2026-09-22T09:00:00Z';

  it('writes Hijri and Gregorian dates with Arabic-Indic or Latin digits', () => {
    const arab = formatDualDate(instant, 'ar', { digits: 'arab', withTime: true });
    const latn = formatDualDate(instant, 'ar', { digits: 'latn', withTime: true });
    for (const text of [arab.hijri, arab.gregorian]) {
      expect(text).toMatch(/[٠-٩]/);
      expect(text).not.toMatch(/[0-9]/);
    }
    for (const text of [latn.hijri, latn.gregorian]) {
      expect(text).toMatch(/[0-9]/);
      expect(text).not.toMatch(/[٠-٩]/);
    }
    expect(normalizeDigits(arab.gregorian)).toBe(latn.gregorian);
    expect(latn.gregorian).toContain('2026');
  });

  it('keeps English dates in Latin digits', () => {
    expect(formatDualDate(instant, 'en', { digits: 'arab' }).gregorian).toBe('22 September 2026');
  });
});
