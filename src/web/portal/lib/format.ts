import { formatDualDate } from '../../../shared/dates';
import { getSettings } from '../i18n';

/** A date in both calendars, in the reader's language and the association's digits. */
export function dualDate(value: string | Date, withTime = false): { hijri: string; gregorian: string } {
  const { language, digitStyle } = getSettings();
  return formatDualDate(value, language, { withTime, digits: digitStyle });
}

/** The date alone (`2026-03-05`), in the association's time zone (Riyadh). */
export function dayOf(value: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Riyadh' }).format(
    typeof value === 'string' ? new Date(value) : value,
  );
}

/** A name given in both languages (`nameAr`/`nameEn`, `labelAr`/`labelEn`…), in the reader's. */
export function localName(value: { nameAr: string; nameEn?: string | null }): string {
  return getSettings().language === 'en' && value.nameEn ? value.nameEn : value.nameAr;
}

/** Any `xxxAr` / `xxxEn` pair in the reader's language (Arabic when the English one is empty). */
export function local(ar: string | null | undefined, en: string | null | undefined): string {
  return (getSettings().language === 'en' && en ? en : ar) ?? '';
}
