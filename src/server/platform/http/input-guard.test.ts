import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasUnstorableCharacters } from '../../../shared/contracts/common';
import { findInputProblem, maxNesting } from './input-guard';
import { loggableError } from './loggable-error';
import { contentDisposition } from './security-headers';

// The characters PostgreSQL cannot store, written out independently of the code's pattern.
const controls = [...Array(32).keys()].filter((c) => c !== 9 && c !== 10 && c !== 13);

describe('unstorable characters', () => {
  it('finds every C0 control character but tab, line feed and carriage return', () => {
    for (let c = 0; c < 32; c += 1) {
      expect(hasUnstorableCharacters(`أحمد${String.fromCharCode(c)}`), `U+${c}`).toBe(controls.includes(c));
    }
  });

  it('finds lone surrogates and accepts paired ones (emoji) and Arabic', () => {
    expect(hasUnstorableCharacters('\uD83D')).toBe(true);
    expect(hasUnstorableCharacters('a\uDE00b')).toBe(true);
    expect(hasUnstorableCharacters('\uDE00\uD83D')).toBe(true);
    expect(hasUnstorableCharacters('😀 نورة ١٢٣\tسطر\r\nجديد')).toBe(false);
  });

  it('accepts any well-formed text without control characters', () => {
    const clean = fc
      .string({ unit: 'grapheme' })
      .filter((s) => ![...s].some((ch) => controls.includes(ch.charCodeAt(0))));
    fc.assert(fc.property(clean, (s) => !hasUnstorableCharacters(s)));
  });
});

describe('findInputProblem', () => {
  it('names the dotted path of the first bad string, in arrays and objects', () => {
    const body = { name: 'سارة', household: [{ name: 'ok' }, { name: 'x\u0000y' }] };
    expect(findInputProblem(body)).toEqual({ path: 'household.1.name', kind: 'characters' });
    expect(findInputProblem('\u0007')).toEqual({ path: '_', kind: 'characters' });
    expect(findInputProblem({ a: 1, b: true, c: null, d: ['fine'] })).toBeNull();
  });

  it('checks object keys too, showing the bad character as a replacement character', () => {
    expect(findInputProblem({ notes: { 'k\u0000': 1 } })).toEqual({
      path: 'notes.k\uFFFD',
      kind: 'characters',
    });
  });

  it('refuses nesting deeper than the limit without overflowing its own stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 200_000; i += 1) deep = [deep];
    expect(findInputProblem(deep)?.kind).toBe('nesting');
    let ok: unknown = 'leaf';
    for (let i = 0; i < maxNesting; i += 1) ok = { a: ok };
    expect(findInputProblem(ok)).toBeNull();
  });

  it('finds a control character wherever it is hidden in any JSON value', () => {
    const bad = fc.constantFrom(...controls).map((c) => `x${String.fromCharCode(c)}`);
    const withBad = fc
      .tuple(fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }), bad)
      .map(([path, value]) => path.reduceRight<unknown>((inner, key) => ({ [`k${key}`]: [inner] }), value));
    fc.assert(fc.property(withBad, (value) => findInputProblem(value)?.kind === 'characters'));
  });
});

describe('loggableError', () => {
  it('keeps PostgreSQL names and codes, and drops the message, detail and parameters', () => {
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: '23505',
      constraint: 'beneficiaries_phone_key',
      table: 'beneficiaries',
      detail: 'Key (phone)=(+966501234567) already exists.',
    });
    const drizzle = Object.assign(new Error('Failed query: insert …\nparams: نورة,1012345678'), {
      query: 'insert into beneficiaries values ($1, $2)',
      params: ['نورة', '1012345678'],
      cause: pgError,
    });
    const logged = JSON.stringify(loggableError(drizzle));
    for (const value of ['نورة', '1012345678', '+966501234567', 'duplicate key', 'Failed query']) {
      expect(logged).not.toContain(value);
    }
    expect(loggableError(drizzle).cause).toMatchObject({
      code: '23505',
      constraint: 'beneficiaries_phone_key',
      table: 'beneficiaries',
    });
    expect(loggableError(drizzle).stack).toMatch(/^\s+at /);
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the Arabic name as RFC 5987, quotes and parentheses encoded', () => {
    expect(contentDisposition('attachment', 'هوية (1).pdf')).toBe(
      `attachment; filename="____ (1).pdf"; filename*=UTF-8''%D9%87%D9%88%D9%8A%D8%A9%20%281%29.pdf`,
    );
    expect(contentDisposition('inline', 'a"b\\c;.pdf')).toBe(
      `inline; filename="a_b_c_.pdf"; filename*=UTF-8''a%22b%5Cc%3B.pdf`,
    );
  });
});
