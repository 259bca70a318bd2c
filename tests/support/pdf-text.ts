/**
 * What a printed document says, read back from the PDF's text layer with poppler's `pdftotext`
 * (Debian package poppler-utils), and compared with the Arabic it should say.
 *
 * Arabic does not come back from a PDF letter for letter, so the comparison is by words, normalised:
 * - NFKC maps Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF), which some extractors
 *   emit for shaped glyphs, back to the letters they show.
 * - pdftotext wraps right-to-left and left-to-right runs in bidi embedding marks (U+202A–U+202E);
 *   they, the other direction marks, tatweel and harakat are dropped.
 * - pdftotext mirrors and moves neutral characters at run boundaries: "(ملف رقم B-1)" comes back as
 *   "(ملف رقم )B-1", "رقم ١٤٤٦/٣٢٥ المقدم" as "رقم ١٤٤٦/٣٢٥المقدم" (the space moved). So a word is a
 *   run of Arabic letters, of Latin letters, or of digits; punctuation and spaces only separate.
 * - pdftotext sometimes cuts a word in two where a ligature meets the next glyph ("تقرير" → "تقر ير",
 *   "ريال" → "ر يال"), so a word also matches two extracted words that together have its letters.
 * - An alef with tanween comes back doubled ("يوماً" → "يومًاًا", fathatan-alef twice), and is
 *   undoubled before the harakat go.
 * - Typst's PDF maps each glyph to its letters in logical order, but a glyph that draws several
 *   letters (the lam-alef ligature, and the font's own ligatures such as شر, بر, في) has them
 *   reversed when pdftotext reorders the right-to-left line: "الأسرة" → "األرسة", "الشروط" →
 *   "الرشوط", "في" → "يف". A word is therefore compared by the letters it has (sorted), not their
 *   order; the order of the words in a phrase is still checked, forwards (logical order, what
 *   pdftotext gives) or backwards (visual order, what other extractors give).
 * Checked phrases are several words long, so that letters-in-any-order cannot match by chance; and
 * the tests also check a phrase the document must not say.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

export const pdftotextMissing = 'pdftotext is not installed (apt-get install poppler-utils)';

/** The text layer of a PDF, as pdftotext gives it (UTF-8, in reading order). */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wasl-pdf-text-'));
  try {
    const file = path.join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const invisible = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640\u064b-\u065f\u0670]/g;

const word = /\p{N}+|(?:(?!\p{N})\p{Script=Arabic})+|\p{Script=Latin}+/gu;
const doubledTanweenAlef = /\u064b\u0627\u064b\u0627/g;

const keyOf = (w: string) => [...w].sort().join('');

/** The words of a text as extraction leaves them comparable (see the header). */
function wordsOf(text: string): string[] {
  const plain = text.normalize('NFKC').replace(doubledTanweenAlef, '\u0627\u064b').replace(invisible, '');
  return plain.match(word) ?? [];
}

/** Whether `needle`'s words start at `hay[i]`, a word possibly split in two by the extraction. */
function matchesAt(hay: string[], i: number, needle: string[], j: number): boolean {
  if (j === needle.length) return true;
  const want = keyOf(needle[j]!);
  if (i < hay.length && keyOf(hay[i]!) === want && matchesAt(hay, i + 1, needle, j + 1)) return true;
  return i + 1 < hay.length && keyOf(hay[i]! + hay[i + 1]!) === want && matchesAt(hay, i + 2, needle, j + 1);
}

const containsRun = (hay: string[], needle: string[]) => hay.some((_, i) => matchesAt(hay, i, needle, 0));

/** Whether `text` (extracted from a PDF) says `phrase`, in logical or in visual word order. */
export function says(text: string, phrase: string): boolean {
  const hay = wordsOf(text);
  const needle = wordsOf(phrase);
  if (needle.length === 0) throw new Error('an empty phrase says nothing');
  return containsRun(hay, needle) || containsRun(hay, [...needle].reverse());
}

/** The phrases a PDF does not say (empty when it says them all), with its text for the message. */
export function unsaid(pdf: Buffer, phrases: string[]): { missing: string[]; text: string } {
  const text = pdfText(pdf);
  return { missing: phrases.filter((p) => !says(text, p)), text };
}
