import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toArabicIndicDigits } from '../digits';
import { generateNationalId, nationalIdSchema, normalizeNationalId, validateNationalId } from './national-id';

// Check digits worked out by hand with the rule in national-id.ts (doubling positions 0,2,4,6,8).
// 1234567890: 2+2+6+4+1+6+5+8+9 = 43 → check 7.   2123456788: 4+1+4+3+8+5+3+7+7 = 42 → check 8.
// 1999999996: 2+9×8 = 74 → check 6.               1000000008: 2 → check 8.
const knownValid = [
  ['1234567897', 'citizen'],
  ['2123456788', 'resident'],
  ['1999999996', 'citizen'],
  ['1000000008', 'citizen'],
] as const;

const body8 = fc.stringMatching(/^[0-9]{8}$/);
const prefix = fc.constantFrom<1 | 2>(1, 2);

describe('validateNationalId', () => {
  it.each(knownValid)('accepts %s as %s', (id, kind) => {
    expect(validateNationalId(id)).toEqual({ ok: true, value: id, kind });
  });

  it.each([
    ['1234567890', 'checksum'],
    ['2123456789', 'checksum'],
    ['3123456780', 'prefix'],
    ['0000000000', 'prefix'],
    ['123456789', 'length'],
    ['12345678970', 'length'],
    ['', 'length'],
    ['12345678a7', 'characters'],
    ['+1234567897', 'characters'],
  ] as const)('rejects %s because of %s', (id, reason) => {
    expect(validateNationalId(id)).toEqual({ ok: false, reason });
  });

  it('accepts Arabic-Indic digits, spaces and dashes', () => {
    expect(normalizeNationalId(' ١٢٣٤ ٥٦٧-٨٩٧ ')).toBe('1234567897');
    expect(validateNationalId('١٢٣٤٥٦٧٨٩٧')).toEqual({ ok: true, value: '1234567897', kind: 'citizen' });
    expect(validateNationalId('2-123-456-788')).toEqual({ ok: true, value: '2123456788', kind: 'resident' });
  });

  it('generates the hand-computed check digits', () => {
    expect(generateNationalId(1, '23456789')).toBe('1234567897');
    expect(generateNationalId(2, '12345678')).toBe('2123456788');
    expect(() => generateNationalId(1, '1234567')).toThrow(RangeError);
  });
});

describe('national ID properties', () => {
  it('every generated ID validates with the kind of its prefix', () => {
    fc.assert(
      fc.property(prefix, body8, (p, body) => {
        const id = generateNationalId(p, body);
        expect(id).toMatch(/^[12][0-9]{9}$/);
        expect(validateNationalId(id)).toEqual({
          ok: true,
          value: id,
          kind: p === 1 ? 'citizen' : 'resident',
        });
      }),
    );
  });

  it('changing any single digit of a valid ID makes it invalid', () => {
    fc.assert(
      fc.property(
        prefix,
        body8,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (p, body, position, delta) => {
          const id = generateNationalId(p, body);
          const changed = (Number(id[position]) + delta) % 10;
          const mutated = `${id.slice(0, position)}${changed}${id.slice(position + 1)}`;
          const result = validateNationalId(mutated);
          expect(result.ok).toBe(false);
        },
      ),
    );
  });

  it('the Arabic-Indic form of a valid ID validates to the same ASCII value', () => {
    fc.assert(
      fc.property(prefix, body8, (p, body) => {
        const id = generateNationalId(p, body);
        const result = validateNationalId(toArabicIndicDigits(id));
        expect(result.ok && result.value).toBe(id);
      }),
    );
  });

  it('a random 10-digit string is accepted exactly when it is a generated ID, otherwise gives a reason', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{10}$/), (s) => {
        const expectedValid =
          (s[0] === '1' || s[0] === '2') && generateNationalId(Number(s[0]) as 1 | 2, s.slice(1, 9)) === s;
        const result = validateNationalId(s);
        expect(result.ok).toBe(expectedValid);
        if (!result.ok) expect(result.reason).toBe(s[0] === '1' || s[0] === '2' ? 'checksum' : 'prefix');
      }),
    );
  });
});

describe('nationalIdSchema', () => {
  it('outputs the normalised value', () => {
    expect(nationalIdSchema.parse('١٢٣٤ ٥٦٧٨٩٧')).toBe('1234567897');
  });

  it('reports INVALID_NATIONAL_ID with the reason', () => {
    const result = nationalIdSchema.safeParse('1234567890');
    expect(result.success).toBe(false);
    const issue = result.error!.issues[0] as { message: string; params?: { reason: string } };
    expect(issue.message).toBe('INVALID_NATIONAL_ID');
    expect(issue.params).toEqual({ reason: 'checksum' });
  });

  it('rejects non-strings', () => {
    expect(nationalIdSchema.safeParse(1234567897).success).toBe(false);
  });
});
