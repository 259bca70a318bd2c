import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArabicIndicDigits } from '../digits';
import { formatSaudiMobileLocal, mobileSchema, normalizeSaudiMobile } from './phone';

const digits8 = fc.stringMatching(/^[0-9]{8}$/);
const prefixes = ['05', '5', '9665', '+9665', '009665', '+96605'];

describe('normalizeSaudiMobile', () => {
  it.each([
    ['0501234567', '+966501234567'],
    ['501234567', '+966501234567'],
    ['966501234567', '+966501234567'],
    ['+966501234567', '+966501234567'],
    ['00966501234567', '+966501234567'],
    ['+966 0501234567', '+966501234567'],
    ['050 123 4567', '+966501234567'],
    ['(050) 123-4567', '+966501234567'],
    ['+966 (50) 123 45 67', '+966501234567'],
    ['٠٥٠١٢٣٤٥٦٧', '+966501234567'],
    ['+٩٦٦ ٥٩ ٨٧٦ ٥٤٣٢', '+966598765432'],
    [' 0559876543 ', '+966559876543'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSaudiMobile(input)).toBe(expected);
  });

  it.each([
    '0112345678', // Riyadh landline
    '0126543210', // Jeddah landline
    '+966112345678',
    '050123456', // too short
    '05012345678', // too long
    '+971501234567', // UAE mobile
    '0401234567',
    '800 123 4567',
    '05o1234567',
    '',
    '+',
  ])('%s is not a Saudi mobile', (input) => {
    expect(normalizeSaudiMobile(input)).toBeNull();
  });

  it('any accepted prefix and grouping of 5 + 8 digits gives +9665 + the digits', () => {
    const separator = fc.constantFrom('', ' ', '-', '  ', ' - ');
    fc.assert(
      fc.property(
        digits8,
        fc.constantFrom(...prefixes),
        separator,
        separator,
        fc.boolean(),
        fc.boolean(),
        (d, prefix, sep1, sep2, arabic, parens) => {
          const head = parens ? `(${prefix})` : prefix;
          let typed = `${head}${sep1}${d.slice(0, 3)}${sep2}${d.slice(3)}`;
          if (arabic) typed = toArabicIndicDigits(typed);
          expect(normalizeSaudiMobile(typed)).toBe(`+9665${d}`);
        },
      ),
    );
  });

  it('is idempotent on its outputs', () => {
    fc.assert(
      fc.property(digits8, fc.constantFrom(...prefixes), (d, prefix) => {
        const once = normalizeSaudiMobile(`${prefix}${d}`)!;
        expect(normalizeSaudiMobile(once)).toBe(once);
      }),
    );
  });

  it('rejects landlines and wrong lengths', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('1', '2', '3', '4', '6', '7'),
        fc.stringMatching(/^[0-9]{8}$/),
        fc.constantFrom('0', '966', '+966', '00966'),
        (area, rest, prefix) => {
          expect(normalizeSaudiMobile(`${prefix}${area}${rest}`)).toBeNull();
        },
      ),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[0-9]{0,14}$/).filter((d) => d.length !== 8),
        fc.constantFrom(...prefixes),
        (d, prefix) => {
          expect(normalizeSaudiMobile(`${prefix}${d}`)).toBeNull();
        },
      ),
    );
  });
});

describe('formatSaudiMobileLocal', () => {
  it('shows 05X XXX XXXX', () => {
    expect(formatSaudiMobileLocal('+966501234567')).toBe('050 123 4567');
    expect(formatSaudiMobileLocal('٠٥٥٩٨٧٦٥٤٣')).toBe('055 987 6543');
  });

  it('leaves anything that is not a Saudi mobile as it is', () => {
    expect(formatSaudiMobileLocal('+971501234567')).toBe('+971501234567');
  });

  it('round-trips through normalisation', () => {
    fc.assert(
      fc.property(digits8, (d) => {
        const local = formatSaudiMobileLocal(`+9665${d}`);
        expect(local).toMatch(/^05[0-9] [0-9]{3} [0-9]{4}$/);
        expect(normalizeSaudiMobile(local)).toBe(`+9665${d}`);
      }),
    );
  });
});

describe('mobileSchema', () => {
  it('outputs E.164', () => {
    expect(mobileSchema.parse('٠٥٠ ١٢٣ ٤٥٦٧')).toBe('+966501234567');
  });

  it('reports INVALID_PHONE', () => {
    const result = mobileSchema.safeParse('0112345678');
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe('INVALID_PHONE');
  });
});
