// Digits, in two directions (decision 014):
// - in: every input accepts Arabic-Indic (٠-٩), Eastern Arabic-Indic / Persian (۰-۹) and Latin digits;
//   numbers, identifiers and dates are stored with Latin digits (`normalizeDigits`), free text as typed.
// - out: each association shows numbers in one style, Arabic-Indic (`arab`) or Latin (`latn`),
//   in the Arabic interface; the English interface shows Latin digits.
const arabicIndicZero = 0x0660;
const easternArabicIndicZero = 0x06f0;

export const digitStyles = ['arab', 'latn'] as const;
/** `arab`: ٠١٢٣ (Arabic-Indic); `latn`: 0123. Named as in Unicode's `-u-nu-` locale extension. */
export type DigitStyle = (typeof digitStyles)[number];
export const defaultDigitStyle: DigitStyle = 'arab';

export function normalizeDigits(input: string): string {
  let out = '';
  for (const ch of input) {
    const code = ch.codePointAt(0)!;
    if (code >= arabicIndicZero && code <= arabicIndicZero + 9) out += String(code - arabicIndicZero);
    else if (code >= easternArabicIndicZero && code <= easternArabicIndicZero + 9)
      out += String(code - easternArabicIndicZero);
    else out += ch;
  }
  return out;
}

export function toArabicIndicDigits(input: string): string {
  return input.replace(/[0-9]/g, (d) => String.fromCodePoint(arabicIndicZero + Number(d)));
}

/** Every digit of `text` written in `style` (nothing else changes). */
export function applyDigitStyle(text: string, style: DigitStyle): string {
  return style === 'arab' ? toArabicIndicDigits(normalizeDigits(text)) : normalizeDigits(text);
}

/** The style a reader sees: the association's in Arabic, Latin in English. */
export function shownDigitStyle(language: string, style: DigitStyle): DigitStyle {
  return language === 'en' ? 'latn' : style;
}

/** The Intl locale for numbers in a language and digit style (Saudi conventions in Arabic). */
export function numberLocale(language: string, style: DigitStyle): string {
  return language === 'en' ? 'en-US' : `ar-SA-u-nu-${style}`;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number for display, in the shown style: grouping, decimal separator, minus and percent sign as the
 * locale writes them (Arabic-Indic: ١٬٢٣٤٫٥, ١٣٪; Latin: 1,234.5, 13٪; English: 1,234.5, 13%).
 */
export function formatNumber(
  value: number | bigint,
  language: string,
  style: DigitStyle,
  options: Intl.NumberFormatOptions = {},
): string {
  const locale = numberLocale(language, shownDigitStyle(language, style));
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}
