import i18next, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { onDigitStyleChange, organizationDigitStyle } from '../lib/digit-style';
import { digitsPostProcessor, formatValue } from './digits';

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

// Messages are fetched, never in the first download (decision 026). The screens before signing in need
// a few namespaces of one language (first-screen.ts: ~3 kB of gzip instead of ~60 kB for both whole
// languages); the signed-in app's pages need all of them (`loadAllMessages`, called by the router as
// each page's code loads); the other language is fetched when someone switches to it.
type Messages = Record<string, ResourceKey>;
const firstScreenMessages: Record<Language, () => Promise<{ default: Messages }>> = {
  ar: () => import('./first-screen.ar'),
  en: () => import('./first-screen.en'),
};
const allMessages: Record<Language, () => Promise<{ default: Messages }>> = {
  ar: () => import('./ar.json'),
  en: () => import('./en.json'),
};
const languageOf = (language: string): Language => (language === 'en' ? 'en' : 'ar');
let everything = false;
const complete = new Set<Language>();

async function messagesOf(language: Language): Promise<Messages> {
  if (!everything) return (await firstScreenMessages[language]()).default;
  const [first, all] = await Promise.all([firstScreenMessages[language](), allMessages[language]()]);
  complete.add(language);
  return { ...all.default, errors: first.default.errors };
}

/** i18next asks for a language when it starts and on every switch to one it does not hold yet. */
const messagesBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    messagesOf(languageOf(language)).then(
      (messages) => callback(null, messages),
      (error: Error) => callback(error, false),
    );
  },
};

/**
 * Every message of the current language, before a page of the signed-in app (or the setup wizard) shows;
 * a language switched to from now on comes whole too.
 */
export async function loadAllMessages(): Promise<void> {
  everything = true;
  for (const other of languages) {
    // The other language, if held, has the first screen's texts only: fetched again when switched to.
    if (other !== languageOf(i18n.language) && !complete.has(other))
      i18n.removeResourceBundle(other, 'translation');
  }
  const language = languageOf(i18n.language);
  if (complete.has(language)) return;
  const messages = await messagesOf(language);
  i18n.addResourceBundle(language, 'translation', messages, true, true);
}

/** Resolves once the first screen's messages of the stored language are in (main.tsx waits for it). */
export const i18nReady = i18n
  .use(messagesBackend)
  .use(initReactI18next)
  .use(digitsPostProcessor(digitStyleOf))
  .init({
    lng: storedLanguage(),
    // ar.json and en.json hold the same keys: there is nothing to fall back to (and nothing to fetch).
    fallbackLng: false,
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

void i18nReady.then(() => applyLanguage(i18n.language));
i18n.on('languageChanged', applyLanguage);
onDigitStyleChange(() => i18n.emit('digitStyleChanged'));
