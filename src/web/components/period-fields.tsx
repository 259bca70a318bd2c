import { SegmentedControl, Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localDate } from '../../shared/calendar';
import { normalizeDigits } from '../../shared/digits';
import { shownDualDate } from '../lib/dates';
import { type PeriodCalendar, periodPresets, presetOf, presetRange } from '../lib/periods';
import { useMe } from '../lib/session';

export interface PeriodValue {
  /** As typed (the date inputs give `YYYY-MM-DD`; Arabic-Indic digits are read as Latin). */
  from: string;
  to: string;
  calendar: PeriodCalendar;
}

export const isDay = (v: string | undefined): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Today in the association's time zone (`YYYY-MM-DD`), for presets counted up to today. */
export function useToday(): string {
  const me = useMe();
  const timeZone = me?.organization.settings.timeZone ?? 'Asia/Riyadh';
  return useMemo(() => localDate(new Date(), timeZone), [timeZone]);
}

interface PeriodFieldsProps {
  value: PeriodValue;
  onChange: (next: Partial<PeriodValue>) => void;
  /** Offer «this month», «this Hijri year», … counted in the chosen calendar. */
  withPresets?: boolean;
}

/**
 * A period's from/to days and the calendar its months are counted in (Hijri first). Shared by the
 * satisfaction results and the dashboards; the parent keeps the values (state or the address).
 */
export function PeriodFields({ value, onChange, withPresets = false }: PeriodFieldsProps) {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const hijriHint = (day: string) =>
    value.calendar === 'hijri' && isDay(day)
      ? shownDualDate(`${day}T12:00:00Z`, i18n.language).hijri
      : undefined;
  const preset = withPresets ? presetOf(value, today, value.calendar) : null;
  return (
    <>
      {withPresets && (
        <Select
          label={t('period.preset')}
          placeholder={t('period.custom')}
          data={periodPresets.map((p) => ({ value: p, label: t(`period.presets.${value.calendar}.${p}`) }))}
          value={preset}
          onChange={(p) => {
            if (p) onChange(presetRange(p as (typeof periodPresets)[number], today, value.calendar));
          }}
          allowDeselect={false}
          w={{ base: '100%', xs: 220 }}
        />
      )}
      <TextInput
        type="date"
        label={t('period.from')}
        value={value.from}
        description={hijriHint(value.from)}
        onChange={(e) => onChange({ from: normalizeDigits(e.currentTarget.value) })}
        w={{ base: '47%', xs: 170 }}
      />
      <TextInput
        type="date"
        label={t('period.to')}
        value={value.to}
        description={hijriHint(value.to)}
        error={
          isDay(value.from) && isDay(value.to) && value.from > value.to ? t('period.toBeforeFrom') : undefined
        }
        onChange={(e) => onChange({ to: normalizeDigits(e.currentTarget.value) })}
        w={{ base: '47%', xs: 170 }}
      />
      <SegmentedControl
        value={value.calendar}
        onChange={(v) => {
          const calendar = v as PeriodCalendar;
          // A preset keeps its meaning in the other calendar: «this month» becomes the Hijri month.
          onChange(preset ? { calendar, ...presetRange(preset, today, calendar) } : { calendar });
        }}
        aria-label={t('period.calendar')}
        data={[
          { value: 'hijri', label: t('period.calendars.hijri') },
          { value: 'gregory', label: t('period.calendars.gregory') },
        ]}
      />
    </>
  );
}
