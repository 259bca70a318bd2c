import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type DualDate as DualDateText, formatDualDate } from '../../shared/dates';
import { organizationDigitStyle } from './digit-style';
import { useNumberFormat } from './numbers';

/** Hijri and Gregorian texts in the UI language and the association's digit style (decision 014). */
export function shownDualDate(
  value: string | Date,
  language: string,
  options: { withTime?: boolean } = {},
): DualDateText {
  return formatDualDate(value, language === 'en' ? 'en' : 'ar', {
    ...options,
    digits: organizationDigitStyle(),
  });
}

interface DualDateProps {
  value: string | Date | null | undefined;
  withTime?: boolean;
  size?: 'xs' | 'sm' | 'md';
}

/** A date shown in Umm al-Qura Hijri first, Gregorian under it. */
export function DualDate({ value, withTime = false, size = 'sm' }: DualDateProps) {
  const { t, i18n } = useTranslation();
  const { style } = useNumberFormat();
  if (!value) return <Text size={size}>{t('common.none')}</Text>;
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return <Text size={size}>{t('common.none')}</Text>;
  const dual = formatDualDate(date, i18n.language === 'en' ? 'en' : 'ar', { withTime, digits: style });
  return (
    <Stack gap={0}>
      <Text size={size} component="time" dateTime={date.toISOString()}>
        {dual.hijri}
      </Text>
      <Text size="xs" c="dimmed">
        {dual.gregorian}
      </Text>
    </Stack>
  );
}
