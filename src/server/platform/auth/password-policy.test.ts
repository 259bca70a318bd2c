import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passwordSchema } from '../../../shared/contracts/common';
import { containsEmailName, isCommonPassword, isPredictable, passwordRefusal } from './password-policy';

describe('password length (shared schema)', () => {
  it.each([
    ['eleven characters', 'abcdefghijk', false],
    ['twelve characters', 'correct hors', true],
    ['ten spaces', ' '.repeat(10), false],
    ['twelve characters only with the spaces around them', '  purple-cat  ', false],
    ['twelve Arabic letters', 'كلمةسرطويلةج', true],
    ['six emoji (twelve UTF-16 units)', '🐪'.repeat(6), false],
  ])('%s → accepted: %s', (_name, value, accepted) => {
    expect(passwordSchema.safeParse(value).success).toBe(accepted);
  });

  it('keeps the password as typed (spaces included)', () => {
    expect(passwordSchema.parse('  river stone lamp  ')).toBe('  river stone lamp  ');
  });
});

describe('predictable passwords', () => {
  it.each([
    'aaaaaaaaaaaa',
    'abababababab',
    '123123123123',
    'passpasspass',
    '123456789012',
    '1234567890',
    '098765432109',
    'abcdefghijkl',
    'ZYXWVUTSRQPO',
    '1234abcd9876',
    'abc123xyz789',
  ])('refuses %s', (password) => {
    expect(isPredictable(password)).toBe(true);
  });

  it.each([
    'test-password-123',
    'correct-horse-battery-1',
    'Wasl-demo-2026',
    'officer-pass-2024',
    '1234567890ab!',
    'abcdefghijkq',
    'نخلة على الشاطئ',
  ])('accepts %s', (password) => {
    expect(isPredictable(password)).toBe(false);
  });
});

describe('the e-mail name in the password', () => {
  it.each([
    ['Sara.Ahmad-2026!', 'sara.ahmad@birr.org.sa', true],
    ['my KHALED password', 'khaled@birr.org.sa', true],
    ['alpha-omega-1234', 'al@birr.org.sa', false], // two letters are no guess of their own
    ['winter-lantern-9', 'khaled@birr.org.sa', false],
  ])('%s with %s → refused: %s', (password, email, refused) => {
    expect(containsEmailName(password, email)).toBe(refused);
  });
});

describe('common passwords', () => {
  it('knows long passwords from breach lists, in any case and with spaces around them', async () => {
    expect(await isCommonPassword('passwordpassword')).toBe(true);
    expect(await isCommonPassword('  PasswordPassword ')).toBe(true);
    expect(await isCommonPassword('qwertyuiop')).toBe(true);
    expect(await isCommonPassword('test-password-123')).toBe(false);
  });
});

describe('passwordRefusal', () => {
  it('names the reason', async () => {
    expect(await passwordRefusal('aaaaaaaaaaaa', 'x@y.sa')).toBe('PASSWORD_PREDICTABLE');
    expect(await passwordRefusal('noura-qahtani-7', 'noura@y.sa')).toBe('PASSWORD_CONTAINS_EMAIL');
    expect(await passwordRefusal('passwordpassword', 'x@y.sa')).toBe('PASSWORD_COMMON');
    expect(await passwordRefusal('test-password-123', 'admin-1@test.sa')).toBeNull();
  });

  it('refuses any character repeated and any run of digits or letters counted up or down (property)', () => {
    const digits = '0123456789';
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    fc.assert(
      fc.property(
        fc.constantFrom(digits, letters),
        fc.nat(),
        fc.integer({ min: 12, max: 40 }),
        fc.boolean(),
        (alphabet, start, length, down) => {
          const at = (i: number) => alphabet[(start + i) % alphabet.length]!;
          const run = Array.from({ length }, (_, i) => at(i)).join('');
          expect(isPredictable(down ? [...run].reverse().join('') : run)).toBe(true);
          expect(isPredictable(at(0).repeat(length))).toBe(true);
        },
      ),
    );
  });

  it('refuses a password that holds the e-mail name anywhere, in any case (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 0, maxLength: 10 }),
        fc.string({ minLength: 0, maxLength: 10 }),
        async (before, after) => {
          const password = `${before}MuNa.Harbi${after}`;
          fc.pre([...password.trim()].length >= 12 && !isPredictable(password));
          expect(await passwordRefusal(password, 'muna.harbi@birr.org.sa')).toBe('PASSWORD_CONTAINS_EMAIL');
        },
      ),
    );
  });
});
