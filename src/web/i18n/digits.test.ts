import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DigitStyle } from '../../shared/digits';
import { type DigitStyleOf, digitsPostProcessor, formatValue } from './digits';

// The real translation setup (index.ts) with its own i18next instance, so the test runs without a DOM.
function translator(initial: DigitStyle) {
  const state = { style: initial };
  const instance = i18next.createInstance();
  const digitStyleOf: DigitStyleOf = (language) => ({
    language: language ?? instance.language,
    style: state.style,
  });
  void instance.use(digitsPostProcessor(digitStyleOf)).init({
    lng: 'ar',
    resources: {
      ar: {
        translation: {
          days_few: '{{count, number}} أيام عمل',
          days_many: '{{count, number}} يوم عمل',
          days_other: '{{count, number}} يوم عمل',
          fixed: 'لا تقل عن 14 يوماً، و٣٠٠ كيلوبايت كحد أقصى.',
          step: 'الخطوة {{n}} من {{total}}: {{name}}',
          reason: 'السبب: {{reason}} (هوية {{id}})',
          amount: '{{value, number(minimumFractionDigits: 2)}} ريال',
        },
      },
      en: { translation: { days_other: '{{count, number}} working days', fixed: 'At least ١٤ days.' } },
    },
    interpolation: { escapeValue: false, alwaysFormat: true, format: formatValue(digitStyleOf) },
    postProcess: ['digits'],
    initAsync: false,
    showSupportNotice: false,
  });
  return { t: instance.t.bind(instance), instance, state };
}

describe('digits in translated texts', () => {
  it('writes counts, literal digits and step numbers in Arabic-Indic digits', () => {
    const { t } = translator('arab');
    expect(t('days', { count: 14 })).toBe('١٤ يوم عمل');
    expect(t('fixed')).toBe('لا تقل عن ١٤ يوماً، و٣٠٠ كيلوبايت كحد أقصى.');
    expect(t('step', { n: 2, total: 5, name: 'المرفقات' })).toBe('الخطوة ٢ من ٥: المرفقات');
    expect(t('days', { count: 1234 })).toBe('١٬٢٣٤ يوم عمل');
  });

  it('writes them in Latin digits for an association that chose Latin, and in English', () => {
    const { t, instance, state } = translator('latn');
    expect(t('days', { count: 14 })).toBe('14 يوم عمل');
    expect(t('fixed')).toBe('لا تقل عن 14 يوماً، و300 كيلوبايت كحد أقصى.');
    expect(t('step', { n: 2, total: 5, name: 'x' })).toBe('الخطوة 2 من 5: x');
    state.style = 'arab';
    void instance.changeLanguage('en');
    expect(t('days', { count: 14 })).toBe('14 working days');
    expect(t('fixed')).toBe('At least 14 days.');
  });

  it('keeps the digits of text values as they are: what people typed and identifiers', () => {
    for (const style of ['arab', 'latn'] as const) {
      const { t } = translator(style);
      expect(t('reason', { reason: 'الإيجار ٥٠٠ والكهرباء 120', id: '1012345678' })).toBe(
        'السبب: الإيجار ٥٠٠ والكهرباء 120 (هوية 1012345678)',
      );
    }
  });

  it('formats negative numbers, decimals and Intl options given in the text', () => {
    const { t, state } = translator('arab');
    expect(t('amount', { value: 1500 })).toBe('١٬٥٠٠٫٠٠ ريال');
    expect(t('days', { count: -3 })).toMatch(/^\p{Cf}?-٣ أيام عمل$/u);
    state.style = 'latn';
    expect(t('amount', { value: 1500.5 })).toBe('1,500.50 ريال');
  });

  it('leaves no marker characters behind, even when a value carried some', () => {
    const { t } = translator('arab');
    const out = t('reason', { reason: 'a\uE001b\uE000c 5', id: '7' });
    expect(out).toBe('السبب: abc 5 (هوية 7)');
    expect(out).not.toMatch(/[\uE000\uE001]/);
  });
});
