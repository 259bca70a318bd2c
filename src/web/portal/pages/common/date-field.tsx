import { useId } from 'react';
import {
  gregorianToHijri,
  hijriToGregorian,
  isValidGregorianDate,
  isValidHijriDate,
} from '../../../../shared/dates-hijri-calendar';
import { normalizeDigits } from '../../../../shared/digits';
import { FieldError } from '../../components/ui';
import { digits, useT } from '../../i18n';
import { dualDate } from '../../lib/format';

// A date typed as it is written on a Saudi card: Hijri or Gregorian (a choice of two), then day, month
// (by name) and year. The other calendar's date is shown under it, so a slip is seen at once.

export type Calendar = 'hijri' | 'gregorian';

export interface DateValue {
  calendar: Calendar;
  day: string;
  month: string;
  year: string;
}

export const emptyDate = (calendar: Calendar): DateValue => ({ calendar, day: '', month: '', year: '' });

export const isEmptyDate = (v: DateValue) => !v.day.trim() && !v.month && !v.year.trim();

/** `YYYY-MM-DD` in the chosen calendar, or null when incomplete or not a real date. */
export function dateIso(v: DateValue): string | null {
  const day = Number(normalizeDigits(v.day).trim());
  const month = Number(v.month);
  const year = Number(normalizeDigits(v.year).trim());
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return null;
  if (year < 1000 || year > 9999 || month < 1 || day < 1) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return (v.calendar === 'hijri' ? isValidHijriDate(iso) : isValidGregorianDate(iso)) ? iso : null;
}

/** The Gregorian date of a value (for showing it), or null. */
export function gregorianOf(v: DateValue): string | null {
  const iso = dateIso(v);
  if (!iso) return null;
  return v.calendar === 'hijri' ? hijriToGregorian(iso) : iso;
}

const months = Array.from({ length: 12 }, (_, i) => i + 1);

export function DateField({
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  legend: string;
  hint?: string;
  value: DateValue;
  onChange: (value: DateValue) => void;
  error?: string;
}) {
  const t = useT();
  const id = useId();
  const set = (part: Partial<DateValue>) => onChange({ ...value, ...part });
  const gregorian = gregorianOf(value);
  let shown: string | null = null;
  if (gregorian) {
    try {
      // Checked in both directions: the Hijri date the Gregorian one falls on must exist.
      if (value.calendar === 'gregorian') gregorianToHijri(gregorian);
      const both = dualDate(`${gregorian}T12:00:00Z`);
      shown = value.calendar === 'hijri' ? both.gregorian : both.hijri;
    } catch {
      shown = null;
    }
  }
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="legend">{legend}</legend>
      {hint ? <p className="hint">{hint}</p> : null}
      <div className="choices">
        {(['hijri', 'gregorian'] as const).map((calendar) => (
          <label key={calendar} className="choice">
            <input
              type="radio"
              name={`${id}-calendar`}
              checked={value.calendar === calendar}
              onChange={() => set({ calendar, month: value.month })}
            />
            <span>{t(`date.${calendar}`)}</span>
          </label>
        ))}
      </div>
      <div className="date-parts">
        <div>
          <label htmlFor={`${id}-day`}>{t('date.day')}</label>
          <input
            id={`${id}-day`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={2}
            value={value.day}
            aria-invalid={error ? true : undefined}
            onChange={(e) => set({ day: e.target.value })}
          />
        </div>
        <div>
          <label htmlFor={`${id}-month`}>{t('date.month')}</label>
          <select
            id={`${id}-month`}
            value={value.month}
            aria-invalid={error ? true : undefined}
            onChange={(e) => set({ month: e.target.value })}
          >
            <option value="">{t('date.chooseMonth')}</option>
            {months.map((m) => (
              <option key={m} value={String(m)}>
                {digits(m)} — {t(`date.months.${value.calendar}.${m}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-year`}>{t('date.year')}</label>
          <input
            id={`${id}-year`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            placeholder={value.calendar === 'hijri' ? digits('1400') : digits('1980')}
            value={value.year}
            aria-invalid={error ? true : undefined}
            onChange={(e) => set({ year: e.target.value })}
          />
        </div>
      </div>
      {shown ? <p className="hint same-date">{t('date.sameAs', { date: shown })}</p> : null}
      {error ? <FieldError id={`${id}-error`}>{error}</FieldError> : null}
    </fieldset>
  );
}
