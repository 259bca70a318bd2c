import type { PostProcessorModule } from 'i18next';
import { applyDigitStyle, type DigitStyle, formatNumber, shownDigitStyle } from '../../shared/digits';

// Digits in translated texts (decision 014). Every text from t() shows its digits in the association's
// style (Latin in English): numbers passed as values ({{count}}, {{count, number}}) are formatted, and
// the digits written in the texts themselves ("١٤ يوم عمل", "300 كيلوبايت") are converted. Values passed
// as strings are what people typed or identifiers (names, reasons, national IDs, phones, file and
// request numbers): they are marked while the text is built and keep their digits as they are.

/** The language of a t() call (undefined: the current one) and the association's style. */
export type DigitStyleOf = (language: string | undefined) => { language: string; style: DigitStyle };

// Private-use characters around a string value while i18next builds the text; removed before it is shown.
const keepStart = '\uE000';
const keepEnd = '\uE001';
const marks = /[\uE000\uE001]/g;
const kept = /\uE000([^\uE001]*)\uE001/g;

const numberOptionNames = [
  'style',
  'currency',
  'currencyDisplay',
  'unit',
  'unitDisplay',
  'notation',
  'compactDisplay',
  'signDisplay',
  'useGrouping',
  'minimumIntegerDigits',
  'minimumFractionDigits',
  'maximumFractionDigits',
  'minimumSignificantDigits',
  'maximumSignificantDigits',
] as const;

/** The Intl options among a t() call's options (formatParams or `{{n, number(maximumFractionDigits: 1)}}`). */
function numberOptions(options: Record<string, unknown> | undefined): Intl.NumberFormatOptions {
  const picked: Record<string, unknown> = {};
  for (const name of numberOptionNames) if (options?.[name] !== undefined) picked[name] = options[name];
  return picked as Intl.NumberFormatOptions;
}

/** `{{name, number(minimumFractionDigits: 2)}}` → the options in the parentheses. */
function inlineOptions(format: string): Record<string, unknown> {
  const inside = /\((.*)\)/.exec(format)?.[1];
  const out: Record<string, unknown> = {};
  for (const pair of inside?.split(';') ?? []) {
    const [name, raw] = pair.split(':').map((p) => p.trim());
    if (!name || raw === undefined) continue;
    out[name] =
      raw === 'true' ? true : raw === 'false' ? false : Number.isNaN(Number(raw)) ? raw : Number(raw);
  }
  return out;
}

/**
 * i18next's `interpolation.format` with `alwaysFormat`: called for every value. Numbers are written in the
 * shown digits; `{{x, number}}` takes Intl options; anything else is marked to keep its digits.
 */
export function formatValue(digitStyleOf: DigitStyleOf) {
  return (
    value: unknown,
    format: string | undefined,
    language: string | undefined,
    options?: object,
  ): string => {
    if (typeof value === 'number' || typeof value === 'bigint') {
      const { language: lng, style } = digitStyleOf(language);
      const params =
        format?.trim().startsWith('number') === true
          ? {
              ...numberOptions(options as Record<string, unknown> | undefined),
              ...numberOptions(inlineOptions(format)),
            }
          : {};
      return formatNumber(value, lng, style, params);
    }
    // Left undefined, i18next reports the value as missing, as it does without a format function.
    if (value === undefined) return value as unknown as string;
    if (value === null) return '';
    return keepStart + String(value).replace(marks, '') + keepEnd;
  };
}

/** Writes the digits of the finished text in the shown style, except inside the marked values. */
export function digitsPostProcessor(digitStyleOf: DigitStyleOf): PostProcessorModule {
  return {
    type: 'postProcessor',
    name: 'digits',
    process(value, _key, options) {
      if (typeof value !== 'string') return value;
      const { language, style: organization } = digitStyleOf(options?.lng);
      const style = shownDigitStyle(language, organization);
      let out = '';
      let from = 0;
      for (const match of value.matchAll(kept)) {
        out += applyDigitStyle(value.slice(from, match.index), style) + match[1];
        from = match.index + match[0].length;
      }
      return (out + applyDigitStyle(value.slice(from), style)).replace(marks, '');
    },
  };
}
