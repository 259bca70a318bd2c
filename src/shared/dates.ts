// Dates are shown both in the Umm al-Qura Hijri calendar and in the Gregorian calendar.
export type DisplayLanguage = 'ar' | 'en';

const locales: Record<DisplayLanguage, { hijri: string; gregorian: string }> = {
  ar: { hijri: 'ar-SA-u-ca-islamic-umalqura-nu-arab', gregorian: 'ar-SA-u-ca-gregory-nu-arab' },
  en: { hijri: 'en-US-u-ca-islamic-umalqura', gregorian: 'en-GB-u-ca-gregory' },
};

export interface DualDate {
  hijri: string;
  gregorian: string;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export function formatDualDate(
  value: Date | string,
  language: DisplayLanguage,
  options: { withTime?: boolean; timeZone?: string } = {},
): DualDate {
  const date = typeof value === 'string' ? new Date(value) : value;
  const timeZone = options.timeZone ?? 'Asia/Riyadh';
  const base: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', timeZone };
  const withTime: Intl.DateTimeFormatOptions = options.withTime ? { hour: '2-digit', minute: '2-digit' } : {};
  return {
    hijri: formatter(locales[language].hijri, base).format(date),
    gregorian: formatter(locales[language].gregorian, { ...base, ...withTime }).format(date),
  };
}
