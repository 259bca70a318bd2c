import { useTranslation } from 'react-i18next';
import { hijriToGregorian } from '../../shared/dates-hijri';
import { useNumberFormat } from './numbers';
import type { PeriodCalendar } from './periods';

/** `YYYY-MM` of the chosen calendar as a month name and year, in the shown digits. */
export function usePeriodLabel(calendar: PeriodCalendar) {
  const { i18n } = useTranslation();
  const format = useNumberFormat();
  const en = i18n.language === 'en';
  const locale = `${en ? 'en-GB' : 'ar-SA'}-u-ca-${calendar === 'hijri' ? 'islamic-umalqura' : 'gregory'}-nu-latn`;
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return (period: string) => {
    const day = calendar === 'hijri' ? hijriToGregorian(`${period}-15`) : `${period}-15`;
    if (!day) return format.digits(period);
    return format.digits(month.format(new Date(`${day}T12:00:00Z`)));
  };
}
