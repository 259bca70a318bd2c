import { Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { hijriToGregorian, isValidGregorianDate } from '../../../../shared/dates-hijri';
import { normalizeDigits } from '../../../../shared/digits';
import { shownDualDate } from '../../../lib/dates';

export type Calendar = 'hijri' | 'gregorian';

interface CalendarDateFieldProps {
  label: string;
  calendar: Calendar;
  onCalendarChange: (calendar: Calendar) => void;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  required?: boolean;
}

/** The other calendar's reading of a typed date, or null while the date is incomplete or invalid. */
export function equivalentDate(value: string, calendar: Calendar, language: string): string | null {
  const v = normalizeDigits(value).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const lang = language === 'en' ? 'en' : 'ar';
  if (calendar === 'gregorian') {
    if (!isValidGregorianDate(v)) return null;
    try {
      return shownDualDate(`${v}T12:00:00Z`, lang).hijri;
    } catch {
      return null;
    }
  }
  const gregorian = hijriToGregorian(v);
  return gregorian ? shownDualDate(`${gregorian}T12:00:00Z`, lang).gregorian : null;
}

/**
 * A date typed as YYYY-MM-DD (Arabic-Indic digits accepted and shown as 0-9 at once: the bidi
 * algorithm lays out hyphen-joined Arabic-Indic numbers right to left, which reverses the date) in the Hijri or the Gregorian calendar,
 * with the other calendar's equivalent shown live under it.
 */
export function CalendarDateField({
  label,
  calendar,
  onCalendarChange,
  value,
  onChange,
  onBlur,
  error,
  required,
}: CalendarDateFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const equivalent = equivalentDate(value, calendar, i18n.language);
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text component="label" htmlFor={id} size="sm" fw={500}>
          {label}
          {required && (
            <Text span c="red" aria-hidden>
              {' *'}
            </Text>
          )}
        </Text>
        <SegmentedControl
          size="xs"
          value={calendar}
          onChange={(v) => onCalendarChange(v as Calendar)}
          aria-label={t('beneficiaries.date.calendar')}
          data={[
            { value: 'hijri', label: t('beneficiaries.date.hijri') },
            { value: 'gregorian', label: t('beneficiaries.date.gregorian') },
          ]}
        />
      </Group>
      <TextInput
        id={id}
        dir="ltr"
        inputMode="numeric"
        autoComplete="off"
        placeholder={calendar === 'hijri' ? t('beneficiaries.date.hijriPlaceholder') : 'YYYY-MM-DD'}
        value={value}
        onChange={(e) => onChange(normalizeDigits(e.currentTarget.value))}
        onBlur={onBlur}
        error={error}
        required={required}
        aria-describedby={`${id}-eq`}
      />
      <Text id={`${id}-eq`} size="xs" c="dimmed" aria-live="polite">
        {equivalent
          ? t(
              calendar === 'hijri' ? 'beneficiaries.date.equalsGregorian' : 'beneficiaries.date.equalsHijri',
              {
                date: equivalent,
              },
            )
          : calendar === 'hijri'
            ? t('beneficiaries.date.hijriHint')
            : t('beneficiaries.date.gregorianHint')}
      </Text>
    </Stack>
  );
}
