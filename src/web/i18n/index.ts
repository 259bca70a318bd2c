import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { z } from 'zod';
import errorsAr from '../../shared/i18n/errors.ar.json';
import errorsEn from '../../shared/i18n/errors.en.json';
import { onDigitStyleChange, organizationDigitStyle } from '../lib/digit-style';
import ar from './ar.json';
import { digitsPostProcessor, formatValue } from './digits';
import en from './en.json';

export type Language = 'ar' | 'en';
export const languages: readonly Language[] = ['ar', 'en'];
const storageKey = 'wasl.language';

export function directionOf(language: string): 'rtl' | 'ltr' {
  return language === 'ar' ? 'rtl' : 'ltr';
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ar';
}

function storedLanguage(): Language {
  try {
    return localStorage.getItem(storageKey) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

export const i18n = i18next.createInstance();

// Digits in every translated text follow the association's style (decision 014, ./digits.ts).
const digitStyleOf = (language: string | undefined) => ({
  language: language ?? i18n.language,
  style: organizationDigitStyle(),
});

void i18n
  .use(initReactI18next)
  .use(digitsPostProcessor(digitStyleOf))
  .init({
    resources: {
      ar: { translation: { ...ar, errors: errorsAr } },
      en: { translation: { ...en, errors: errorsEn } },
    },
    lng: storedLanguage(),
    fallbackLng: 'ar',
    supportedLngs: ['ar', 'en'],
    // React escapes; `format` with `alwaysFormat` sees every value (i18next's formatter module would not).
    interpolation: { escapeValue: false, alwaysFormat: true, format: formatValue(digitStyleOf) },
    postProcess: ['digits'],
    // Components re-render when the digit style changes, as they do for the language.
    react: { bindI18n: 'languageChanged digitStyleChanged' },
    returnNull: false,
    initAsync: false,
    showSupportNotice: false,
  });

/** Keeps <html lang dir>, the page title and localStorage in step with the language. */
function applyLanguage(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
  document.title = i18n.t('app.name');
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Private mode: the choice lasts for this tab only.
  }
}

applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);
onDigitStyleChange(() => i18n.emit('digitStyleChanged'));

// Validation messages of the shared zod schemas, in the UI language (zod's own are English).
z.config({
  customError: (issue) => {
    const t = i18n.t.bind(i18n);
    switch (issue.code) {
      case 'too_small': {
        if (issue.origin === 'string') {
          return Number(issue.minimum) <= 1 || issue.input === ''
            ? t('validation.required')
            : t('validation.minLength', { count: Number(issue.minimum) });
        }
        if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
        return t('validation.min', { min: Number(issue.minimum) });
      }
      case 'too_big':
        if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
        if (issue.origin === 'array') return t('validation.maxItems', { count: Number(issue.maximum) });
        return t('validation.max', { max: Number(issue.maximum) });
      case 'invalid_format':
        // A required select cleared (''), or an empty field: say it is required, not that its form is wrong.
        if (issue.input === '') return t('validation.required');
        if (issue.format === 'email') return t('validation.email');
        return t('validation.format');
      case 'invalid_type':
        return issue.input === undefined ||
          issue.input === null ||
          issue.input === '' ||
          (typeof issue.input === 'number' && Number.isNaN(issue.input))
          ? t('validation.required')
          : t('validation.invalid');
      case 'invalid_value':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? t('validation.required')
          : t('validation.choose');
      default:
        return undefined;
    }
  },
});
