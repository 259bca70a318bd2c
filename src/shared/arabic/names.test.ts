import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arabicNameKey, arabicNameTokens, normalizeArabicName } from './names';

const marks = ['\u064b', '\u064c', '\u064d', '\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u0670', 'ـ'];
const sampleNames = [
  'محمد عبدالله سعد القحطاني',
  'فاطمة بنت أحمد الشهري',
  'عبد الرحمن بن إبراهيم آل سعود',
  'نور الدين مصطفى',
  'عائشة يحيى الغامدي',
  'أبو بكر مؤمن',
  'آمنة ضيف الله العتيبي',
  'علاء هيئة',
];
const codePoints = (s: string) => Array.from(s);

describe('normalizeArabicName', () => {
  it.each([
    ['أحمد', 'احمد'],
    ['إحمد', 'احمد'],
    ['آمنة', 'امنه'],
    ['ٱلله', 'الله'],
    ['مؤمن', 'مومن'],
    ['هيئة', 'هييه'],
    ['مصطفى', 'مصطفي'],
    ['مُحَمَّد', 'محمد'],
    ['محـــمد', 'محمد'],
    ['علاء', 'علاء'],
    ['  محمد،   أحمد - (الشهري) ', 'محمد احمد الشهري'],
    ['Mohammed AL-Shehri', 'mohammed al shehri'],
    ['رقم ١٢٣', 'رقم 123'],
    ['زی\u200fنب ک', 'زينب ك'],
    ['\u0627\u0654حمد', 'احمد'], // decomposed أ
    ['', ''],
    ['،.!', ''],
  ])('%s → %s', (input, expected) => {
    expect(normalizeArabicName(input)).toBe(expected);
  });
});

describe('arabicNameTokens', () => {
  // Each group spells the same name in ways staff actually type it; all must give the same tokens.
  it.each([
    [['أحمد', 'احمد', 'إحمد', 'آحمد'], ['احمد']],
    [['عبدالله', 'عبد الله', 'عبد  اللّٰه', 'عبـد الله'], ['عبدالله']],
    [['فاطمة', 'فاطمه', 'فَاطِمَة'], ['فاطمه']],
    [['مصطفى', 'مصطفي'], ['مصطفي']],
    [['مُحَمَّد', 'محـــمد', 'محمد'], ['محمد']],
    [['إبراهيم', 'ابراهيم'], ['ابراهيم']],
    [['آمنة', 'امنه', 'أمنة'], ['امنه']],
    [['يحيى', 'يحيي'], ['يحيي']],
    [['هانئ', 'هاني'], ['هاني']],
    [['علي', 'على'], ['علي']],
    [['عائشة', 'عايشه', 'عائشه'], ['عايشه']],
    [['عبد الرحمن', 'عبدالرحمن', 'عبد ال رحمن'], ['عبدالرحمن']],
    [['نور الدين', 'نورالدين'], ['نورالدين']],
    [['ضيف الله', 'ضيفالله'], ['ضيفالله']],
    [['أبو بكر', 'ابوبكر', 'ابو بكر'], ['ابوبكر']],
    [['أم كلثوم', 'امكلثوم'], ['امكلثوم']],
    [['ال شهري', 'الشهري'], ['الشهري']],
    [['آل سعود', 'ال سعود', 'السعود'], ['السعود']],
    [['أبو عبد الله', 'ابو عبدالله', 'ابوعبد الله'], ['ابوعبدالله']],
  ])('%j → %j', (variants, expected) => {
    for (const v of variants) expect(arabicNameTokens(v)).toEqual(expected);
  });

  it('drops the lineage words بن, بنت and ابن', () => {
    const plain = ['محمد', 'عبدالله', 'سعد', 'القحطاني'];
    expect(arabicNameTokens('محمد بن عبد الله بن سعد القحطاني')).toEqual(plain);
    expect(arabicNameTokens('محمد إبن عبدالله سعد القحطاني')).toEqual(plain);
    expect(arabicNameTokens('فاطمة بنت أحمد')).toEqual(['فاطمه', 'احمد']);
  });

  it('keeps names that really differ apart', () => {
    expect(arabicNameKey('علاء')).not.toBe(arabicNameKey('علا'));
    expect(arabicNameKey('هناء')).not.toBe(arabicNameKey('هنا'));
    expect(arabicNameKey('عبدالله')).not.toBe(arabicNameKey('عبدالرحمن'));
  });

  it('keeps dangling compounds as tokens of their own', () => {
    expect(arabicNameTokens('محمد عبد')).toEqual(['محمد', 'عبد']);
    expect(arabicNameTokens('الله محمد')).toEqual(['الله', 'محمد']);
    expect(arabicNameTokens('بن')).toEqual([]);
    expect(arabicNameTokens('  ')).toEqual([]);
  });

  it('builds the key from the tokens', () => {
    expect(arabicNameKey('مُحَمَّد  بن عبد الله آل سعود')).toBe('محمد عبدالله السعود');
  });
});

describe('name normalisation properties', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 40 });
  const arabicBlock = fc.string({
    unit: fc.integer({ min: 0x0600, max: 0x06ff }).map((c) => String.fromCodePoint(c)),
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, arabicBlock, fc.constantFrom(...sampleNames)), (text) => {
        const once = normalizeArabicName(text);
        expect(normalizeArabicName(once)).toBe(once);
        expect(arabicNameTokens(once)).toEqual(arabicNameTokens(text));
      }),
    );
  });

  it('never outputs diacritics, tatweel, hamza-carrying alef, ta marbuta or alef maqsura', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, arabicBlock), (text) => {
        const out = normalizeArabicName(text);
        expect(out).not.toMatch(/[\u064b-\u065f\u0670\u0640أإآٱؤئةى]/);
        expect(out).not.toMatch(/^ | $| {2}/);
        expect(out).toMatch(/^[\u0621-\u063a\u0641-\u064a0-9a-z ]*$/);
      }),
    );
  });

  it('never produces empty tokens or tokens with spaces', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, arabicBlock, fc.constantFrom(...sampleNames)), (text) => {
        for (const token of arabicNameTokens(text)) expect(token).toMatch(/^[^ ]+$/);
      }),
    );
  });

  it('adding diacritics and tatweel anywhere never changes the tokens', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...sampleNames), anyText),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...marks))),
        (name, insertions) => {
          const chars = codePoints(name);
          for (const [at, mark] of insertions) chars.splice(at % (chars.length + 1), 0, mark);
          expect(arabicNameTokens(chars.join(''))).toEqual(arabicNameTokens(name));
        },
      ),
    );
  });

  it('gives the same result for composed and decomposed Arabic text', () => {
    fc.assert(
      fc.property(fc.oneof(arabicBlock, fc.constantFrom(...sampleNames)), (text) => {
        expect(normalizeArabicName(text.normalize('NFD'))).toBe(normalizeArabicName(text.normalize('NFC')));
      }),
    );
  });
});
