import { describe, expect, it } from 'vitest';
import { genderedText, hasGenderedForms } from '../../../shared/gendered-text';
import { message, messageKeys } from '../../platform/i18n/messages';
import { letterBody } from '../requests/decision-letters';
import { defaultDeclarationText } from './beneficiary-records.service';

// Texts addressed to the beneficiary read in her or his grammatical gender: the declaration she signs,
// the decision letter she keeps and the SMS she receives.

describe('the declaration in the signer’s gender', () => {
  it('reads to a woman in the feminine and to a man in the masculine', () => {
    const woman = genderedText(defaultDeclarationText.bodyAr, 'female');
    const man = genderedText(defaultDeclarationText.bodyAr, 'male');
    expect(woman).toMatch(/^أقر أنا الموقعة أدناه /);
    expect(woman).toContain('وأنني مسؤولة مسؤولية مباشرة');
    expect(woman).not.toMatch(/الموقع |مسؤول /);
    expect(man).toMatch(/^أقر أنا الموقع أدناه /);
    expect(man).toContain('وأنني مسؤول مسؤولية مباشرة');
    for (const text of [woman, man]) expect(text).not.toMatch(/[{}|]/);
  });

  it('reads an association’s own text with either whole words or suffixes', () => {
    const text = 'أنا {الموقع|الموقعة} أدناه مسؤول{|ة} عن صحة بياناتي.';
    expect(genderedText(text, 'female')).toBe('أنا الموقعة أدناه مسؤولة عن صحة بياناتي.');
    expect(genderedText(text, 'male')).toBe('أنا الموقع أدناه مسؤول عن صحة بياناتي.');
    expect(hasGenderedForms(text)).toBe(true);
    // A text without the notation (the English, or an older text) is left as written.
    expect(genderedText(defaultDeclarationText.bodyEn, 'female')).toBe(defaultDeclarationText.bodyEn);
    expect(hasGenderedForms('نص {بلا} بدائل')).toBe(false);
  });
});

describe('decision letters and SMS in the beneficiary’s gender', () => {
  const facts = {
    organizationNameAr: 'جمعية البر',
    decisionBodyAr: 'لجنة المساعدات',
    fileNumber: 'B-000017',
    requestNumber: 'R-2026-00017',
    serviceNameAr: 'سلة غذائية',
    decision: 'approved' as const,
    reason: 'مستوفٍ للشروط',
    decidedAt: new Date('2026-11-22T09:00:00Z'),
  };

  it('addresses a woman as «المكرمة» and a man as «المكرم», never «المكرم/ة»', () => {
    const her = letterBody({ ...facts, beneficiaryName: 'فاطمة أحمد', beneficiaryGender: 'female' });
    const him = letterBody({ ...facts, beneficiaryName: 'محمد علي', beneficiaryGender: 'male' });
    expect(her.split('\n')[0]).toBe('المكرمة فاطمة أحمد (ملف رقم B-000017)');
    expect(him.split('\n')[0]).toBe('المكرم محمد علي (ملف رقم B-000017)');
    expect(`${her}\n${him}`).not.toContain('/ة');
    expect(letterBody({ ...facts, beneficiaryName: 'Fatima', beneficiaryGender: 'female' }, 'en')).toMatch(
      /^Dear Fatima/,
    );
  });

  it('falls back to the neutral key when a message has no gendered form', () => {
    const sms = message('ar', 'sms.approved', { number: '1', service: 'س' });
    expect(message('ar', 'sms.approved', { number: '1', service: 'س' }, { context: 'female' })).toBe(sms);
  });

  it('writes every SMS and letter line in words that fit both (the plural of respect) or in two forms', () => {
    // «طلبكم، معكم، يمكنكم» address a man and a woman alike; a slashed «/ة» would ask the reader to choose.
    const beneficiaryTexts = messageKeys('ar').filter(
      (key) => (key.startsWith('sms.') || key.startsWith('letter.')) && key !== 'letter.addressee',
    );
    expect(beneficiaryTexts.length).toBeGreaterThan(8);
    for (const key of beneficiaryTexts) expect(message('ar', key, anyParams), key).not.toMatch(/\/ة|\(ة\)/);
  });
});

const anyParams = new Proxy({}, { get: () => 'x' }) as Record<string, string>;
