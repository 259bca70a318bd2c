import { describe, expect, it } from 'vitest';
import { type MessageKey, message, messageKeys, placeholdersOf } from './messages';

describe('server message catalogue', () => {
  it('has the same messages with the same placeholders in Arabic and English', () => {
    expect(messageKeys('en').sort()).toEqual(messageKeys('ar').sort());
    for (const key of messageKeys('ar')) {
      expect(placeholdersOf('en', key), key).toEqual(placeholdersOf('ar', key));
    }
  });

  it('fills placeholders in the language asked for', () => {
    const params = { number: 'R-2026-00017', service: 'سلة غذائية', reason: 'الدخل أعلى من الحد' };
    expect(message('ar', 'sms.rejected', params)).toBe(
      'نعتذر، لم يُقبل طلبكم رقم R-2026-00017. السبب: الدخل أعلى من الحد. يمكنكم الاستفسار عبر قنوات الجمعية.',
    );
    expect(message('en', 'sms.approved', params)).toContain('request no. R-2026-00017');
  });

  it('refuses to write a message with a missing value rather than leave a blank', () => {
    expect(() => message('ar', 'sms.infoNeeded' as MessageKey, { number: '1' })).toThrow(/items/);
  });
});
