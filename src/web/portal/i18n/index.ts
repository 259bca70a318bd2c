import { useSyncExternalStore } from 'react';
import { applyDigitStyle, type DigitStyle, shownDigitStyle } from '../../../shared/digits';
import ar from './ar.json';

// The portal's own texts (i18n/ar.json, en.json): a few lines instead of i18next, so the first screen
// stays small. Arabic is in the first download; English is fetched when someone switches to it.
// Keys are dotted paths; `{{name}}` is replaced; `gender` picks `key_male` / `key_female`; `count`
// picks the Arabic or English plural form (`key_one`, `key_two`, `key_few`, `key_many`, `key_other`).
// Every digit of a text follows the association's digit style in Arabic (decision 014).

export type Language = 'ar' | 'en';
type Catalog = { [key: string]: string | Catalog };

const languageKey = 'wasl.portal.language';
const largeTextKey = 'wasl.portal.largeText';

interface Settings {
  language: Language;
  digitStyle: DigitStyle;
  largeText: boolean;
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for this visit
  }
}

const catalogs: Partial<Record<Language, Catalog>> = { ar };
let settings: Settings = {
  language: stored(languageKey) === 'en' ? 'en' : 'ar',
  digitStyle: 'arab',
  largeText: stored(largeTextKey) === '1',
};
const listeners = new Set<() => void>();

function update(next: Partial<Settings>): void {
  settings = { ...settings, ...next };
  applyToDocument();
  for (const listener of listeners) listener();
}

function applyToDocument(): void {
  const root = document.documentElement;
  root.lang = settings.language;
  root.dir = settings.language === 'ar' ? 'rtl' : 'ltr';
  root.dataset.textSize = settings.largeText ? 'large' : 'normal';
}

async function loadCatalog(language: Language): Promise<void> {
  if (catalogs[language]) return;
  catalogs.en = (await import('./en.json')).default as Catalog;
}

/** Reads the stored language (fetching English if needed) before the first screen is drawn. */
export async function initI18n(): Promise<void> {
  if (settings.language !== 'ar') {
    try {
      await loadCatalog(settings.language);
    } catch {
      settings = { ...settings, language: 'ar' };
    }
  }
  applyToDocument();
}

export async function setLanguage(language: Language): Promise<void> {
  await loadCatalog(language);
  store(languageKey, language);
  update({ language });
}

export function setLargeText(largeText: boolean): void {
  store(largeTextKey, largeText ? '1' : '0');
  update({ largeText });
}

export function setDigitStyle(digitStyle: DigitStyle): void {
  if (digitStyle !== settings.digitStyle) update({ digitStyle });
}

export function getSettings(): Settings {
  return settings;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSettings(): Settings {
  return useSyncExternalStore(subscribe, () => settings);
}

function lookup(catalog: Catalog | undefined, key: string): string | undefined {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const pluralRules = new Map<Language, Intl.PluralRules>();
function pluralOf(language: Language, count: number): string {
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(language);
    pluralRules.set(language, rules);
  }
  return rules.select(count);
}

export type Vars = Record<string, string | number | null | undefined> & {
  gender?: 'male' | 'female' | null;
  count?: number;
};

/** The text of `key` in the current language, or `key` itself when it is missing everywhere. */
export function translate(key: string, vars: Vars = {}): string {
  const { language, digitStyle } = settings;
  const catalog = catalogs[language];
  const candidates: string[] = [];
  if (vars.gender) candidates.push(`${key}_${vars.gender}`);
  if (typeof vars.count === 'number')
    candidates.push(`${key}_${pluralOf(language, vars.count)}`, `${key}_other`);
  candidates.push(key);
  // Every form in the reader's language first; Arabic (always loaded) only when none is there.
  let text: string | undefined;
  for (const source of [catalog, catalogs.ar]) {
    for (const candidate of candidates) {
      text = lookup(source, candidate);
      if (text !== undefined) break;
    }
    if (text !== undefined) break;
  }
  if (text === undefined) return key;
  const filled = text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(vars[name] ?? ''));
  return applyDigitStyle(filled, shownDigitStyle(language, digitStyle));
}

/** Whether a key exists (an error code the portal words itself, for instance). */
export function hasText(key: string): boolean {
  return lookup(catalogs[settings.language], key) !== undefined || lookup(catalogs.ar, key) !== undefined;
}

/** `t` for components: they draw again when the language, digit style or text size changes. */
export function useT(): typeof translate {
  useSettings();
  return translate;
}

/** Digits of a value shown as it is (a file number, an ID) in the association's style. */
export function digits(value: string | number): string {
  return applyDigitStyle(String(value), shownDigitStyle(settings.language, settings.digitStyle));
}
