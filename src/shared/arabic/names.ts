/*
 * Arabic name normalisation for search (DESIGN.md "Saudi specifics", notes/arabic-name-search.md).
 * An IMMUTABLE SQL twin must give exactly the same output, so the rules are few, ordered, and written
 * so that each is one translate() or regexp_replace() call.
 *
 * normalizeArabicName(input), in this order:
 *   1. Digits: ٠-٩ (U+0660–0669) and ۰-۹ (U+06F0–06F9) → 0-9.
 *   2. Delete (no space left behind): diacritics U+064B–U+065F, superscript alef U+0670, tatweel
 *      U+0640, and invisible format characters U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF.
 *      Decomposed hamza/madda (U+0653–U+0655) fall in the diacritic range, so ا + U+0654 → ا just as
 *      أ → ا below: NFC and NFD input give the same result.
 *   3. Letters, one for one: أ إ آ ٱ (U+0623, 0625, 0622, 0671) → ا; ؤ (U+0624) → و;
 *      ئ (U+0626) → ي; ى (U+0649) → ي; ة (U+0629) → ه; Persian ی (U+06CC) → ي; Persian ک (U+06A9) → ك.
 *      Standalone ء (U+0621) is KEPT: علاء and علا are different names.
 *   4. Latin A–Z → a–z (ASCII only, so no locale is involved).
 *   5. Every run of characters outside [U+0621–U+063A, U+0641–U+064A, 0-9, a-z] becomes one space
 *      (punctuation, whitespace of any kind, other scripts); then trim.
 *
 * arabicNameTokens(input): split the normalised text on ' ' and then, left to right:
 *   a. Drop the lineage words بن, بنت, ابن ("son/daughter of"): محمد بن عبدالله ≡ محمد عبدالله.
 *   b. A prefix word عبد, ابو, ام or ال (آل normalises to ال) is glued to the word after it; prefixes
 *      chain (ابو عبد الله → ابوعبدالله). A prefix with nothing after it stays a token of its own.
 *   c. A suffix word الله or الدين is glued to the token before it (نور الدين → نورالدين,
 *      ضيف الله → ضيفالله); at the start it stays a token of its own.
 * Consequence accepted for recall: آل سعود and السعود give the same token.
 * An input with no letters gives no tokens; callers must treat that as "no name filter", not "no match".
 */
import { normalizeDigits } from '../digits';

const deleted = /[\u064b-\u065f\u0670\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const letterMap: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  ئ: 'ي',
  ى: 'ي',
  ة: 'ه',
  ی: 'ي',
  ک: 'ك',
};
const mappedLetters = /[أإآٱؤئىةیک]/g;

const notKept = /[^\u0621-\u063a\u0641-\u064a0-9a-z]+/g;

const lineageWords = new Set(['بن', 'بنت', 'ابن']);
const prefixWords = new Set(['عبد', 'ابو', 'ام', 'ال']);
const suffixWords = new Set(['الله', 'الدين']);

export function normalizeArabicName(input: string): string {
  return normalizeDigits(input)
    .replace(deleted, '')
    .replace(mappedLetters, (ch) => letterMap[ch])
    .replace(/[A-Z]/g, (ch) => ch.toLowerCase())
    .replace(notKept, ' ')
    .trim();
}

export function arabicNameTokens(input: string): string[] {
  const normalized = normalizeArabicName(input);
  if (normalized === '') return [];
  const tokens: string[] = [];
  let pending = '';
  for (const word of normalized.split(' ')) {
    if (lineageWords.has(word)) continue;
    if (prefixWords.has(word)) {
      pending += word;
      continue;
    }
    if (pending === '' && suffixWords.has(word) && tokens.length > 0) {
      tokens[tokens.length - 1] += word;
      continue;
    }
    tokens.push(pending + word);
    pending = '';
  }
  if (pending !== '') tokens.push(pending);
  return tokens;
}

/** The tokens joined by single spaces: a stable key for comparing and for trigram ranking. */
export function arabicNameKey(input: string): string {
  return arabicNameTokens(input).join(' ');
}
