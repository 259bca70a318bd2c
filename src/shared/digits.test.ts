import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeDigits, toArabicIndicDigits } from './digits';

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
