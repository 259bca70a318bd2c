import { describe, expect, it } from 'vitest';
import { answerChannelOf } from '../../../shared/contracts/inquiries';
import { questionTerms } from './knowledge.service';

describe('the words of a typed question', () => {
  it.each([
    // Hamza forms, ta marbuta and alif maqsura as the search column stores them; question words dropped.
    ['ما هي أوقات الدوام في الجمعية؟', ['اوقات', 'الدوام', 'الجمعيه']],
    ['متى يبدأ الصرف؟', ['يبدا', 'الصرف']],
    ['كيف أتقدم بطلبٍ للمساعدة', ['اتقدم', 'بطلب', 'للمساعده']],
    ['What are the opening hours?', ['opening', 'hours']],
    ['ما', []],
    ['   ', []],
  ])('%s → %j', (typed, words) => {
    expect(questionTerms(typed)).toEqual(words);
  });

  it('keeps each word once and at most twelve', () => {
    expect(questionTerms('دوام دوام دوام')).toEqual(['دوام']);
    expect(questionTerms(Array.from({ length: 20 }, (_, i) => `كلمة${i}`).join(' '))).toHaveLength(12);
  });
});

describe('the channel an answer goes back on', () => {
  it.each([
    ['phone', 'sms'],
    ['in_person', 'sms'],
    ['letters', 'sms'],
    ['website', 'sms'],
    ['social_media', 'sms'],
    ['whatsapp', 'whatsapp'],
    ['email', 'email'],
  ])('%s → %s', (channel, expected) => {
    expect(answerChannelOf(channel)).toBe(expected);
  });
});
