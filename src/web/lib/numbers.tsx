import type { QueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from '../../shared/contracts/auth';
import {
  applyDigitStyle,
  type DigitStyle,
  formatNumber,
  normalizeDigits,
  shownDigitStyle,
} from '../../shared/digits';
import { onDigitStyleChange, organizationDigitStyle, setOrganizationDigitStyle } from './digit-style';
import { meQueryKey } from './session';

/** Keeps the digit style in step with the signed-in association (`/auth/me`, refreshed after settings). */
export function followOrganizationDigitStyle(client: QueryClient): void {
  const [scope, name] = meQueryKey;
  client.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated' || event.query.queryKey[0] !== scope || event.query.queryKey[1] !== name)
      return;
    const me = event.query.state.data as Me | null | undefined;
    const style = me?.organization.settings.digitStyle;
    if (style) setOrganizationDigitStyle(style);
  });
}

/** A number in the language's digits and the association's style (outside React; components use the hook). */
export function shownNumber(value: number, language: string, options?: Intl.NumberFormatOptions): string {
  return formatNumber(value, language, organizationDigitStyle(), options);
}

/** Riyals, with the currency as the locale writes it, in the shown digits. */
export function shownMoney(riyals: number, language: string): string {
  return shownNumber(riyals, language, { style: 'currency', currency: 'SAR', maximumFractionDigits: 2 });
}

/**
 * The digits of a text the app composed (a clock time, a range) in the shown style. Never for what a
 * person typed, nor for identifiers (national ID, phone, file and request numbers): those stay as stored.
 */
export function shownDigits(text: string, language: string): string {
  return applyDigitStyle(text, shownDigitStyle(language, organizationDigitStyle()));
}

export interface NumberFormatting {
  /** The digits the reader sees: the association's in Arabic, Latin in English. */
  style: DigitStyle;
  /** A number in the shown digits (Intl options: decimals, grouping, …). */
  number: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** A fraction (0.25) as a percentage (٢٥٪). */
  percent: (fraction: number, options?: Intl.NumberFormatOptions) => string;
  /** Riyals, with the currency as the locale writes it. */
  money: (riyals: number) => string;
  /** See `shownDigits`: app-composed text only. */
  digits: (text: string) => string;
}

/** Number formatting that follows the language and the association's digit style, re-rendering on change. */
export function useNumberFormat(): NumberFormatting {
  const { i18n } = useTranslation();
  const organization = useSyncExternalStore(onDigitStyleChange, organizationDigitStyle);
  const language = i18n.language;
  return useMemo(() => {
    const style = shownDigitStyle(language, organization);
    return {
      style,
      number: (value, options) => formatNumber(value, language, style, options),
      percent: (fraction, options) =>
        formatNumber(fraction, language, style, { style: 'percent', ...options }),
      money: (riyals) =>
        formatNumber(riyals, language, style, {
          style: 'currency',
          currency: 'SAR',
          maximumFractionDigits: 2,
        }),
      digits: (text) => applyDigitStyle(text, style),
    } satisfies NumberFormatting;
  }, [language, organization]);
}

/** A number in the shown digits, for JSX: `<Num value={count} />`. */
export function Num({ value, ...options }: { value: number } & Intl.NumberFormatOptions) {
  const format = useNumberFormat();
  return <>{format.number(value, options)}</>;
}

/**
 * `onInput` of every NumberInput (theme default): Arabic-Indic and Persian digits, typed or pasted, and
 * the Arabic decimal (٫) and thousands (٬) separators become what the number field understands, before
 * it reads the value (react-number-format would drop them). The field stores a number either way.
 */
export function latinDigitsOnInput(event: FormEvent<HTMLInputElement>): void {
  const input = event.currentTarget;
  const value = input.value;
  const next = normalizeDigits(value)
    .replace(/\u066B/g, '.')
    .replace(/\u066C/g, '');
  if (next === value) return;
  const caret = input.selectionStart;
  // Digits map one to one; each thousands separator removed before the caret moves it back by one.
  const shift = caret === null ? 0 : (value.slice(0, caret).match(/\u066C/g)?.length ?? 0);
  input.value = next;
  if (caret !== null) input.setSelectionRange(caret - shift, caret - shift);
}

/** A Stepper step's number in the shown digits (theme default of every Stepper's `icon`). */
export function StepNumber({ step }: { step: number }) {
  return <Num value={step + 1} />;
}
