import type { Language } from '../http/errors';
import ar from './messages.ar.json' with { type: 'json' };
import en from './messages.en.json' with { type: 'json' };

/**
 * The texts the server writes itself — SMS and e-mails, decision letters, minutes, reports — in Arabic
 * and English, one catalogue per language (user-facing text lives only in message files: STYLE.md).
 * Placeholders are `{{name}}`; a missing value is a programming error, not a blank in a letter.
 */
export type MessageKey = keyof typeof ar;

const catalogs: Record<Language, Record<MessageKey, string>> = { ar, en };

export function message(
  language: Language,
  key: MessageKey,
  params: Record<string, string | number> = {},
  /**
   * As i18next's context: `{ context: 'female' }` reads `key_female` when the catalogue has it (texts
   * addressed to a beneficiary, in her or his grammatical gender), else `key`.
   */
  options: { context?: string } = {},
): string {
  const catalog = catalogs[language];
  const contextual = options.context ? `${key}_${options.context}` : null;
  const text = contextual && contextual in catalog ? catalog[contextual as MessageKey] : catalog[key];
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message ${key} needs {{${name}}}`);
    return String(value);
  });
}

/** The placeholders of a message, for the test that both catalogues agree. */
export function placeholdersOf(language: Language, key: MessageKey): string[] {
  return [...catalogs[language][key].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();
}

export const messageKeys = (language: Language) => Object.keys(catalogs[language]) as MessageKey[];
