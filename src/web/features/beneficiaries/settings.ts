import { useTranslation } from 'react-i18next';
import { shownMoney } from '../../lib/numbers';
import { useMe } from '../../lib/session';

export interface LabelledOption {
  value: string;
  label: string;
}

/**
 * The organization's own lists (channels, categories, document types) come with /auth/me, so every
 * page of this feature reads them from there; a code no longer in the list is shown as it is.
 */
export function useOrgLists() {
  const me = useMe();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const settings = me?.organization.settings;
  const pick = (item: { labelAr: string; labelEn: string }) => (en ? item.labelEn : item.labelAr);

  const channels = settings?.channels ?? [];
  const categories = settings?.beneficiaryCategories ?? [];
  const documentTypes = settings?.documentTypes ?? [];

  return {
    channelOptions: channels.filter((c) => c.enabled).map((c) => ({ value: c.code, label: pick(c) })),
    categoryOptions: categories.map((c) => ({ value: c.code, label: pick(c) })),
    documentTypeOptions: documentTypes.map((d) => ({ value: d.code, label: pick(d) })),
    documentHasExpiry: (code: string) => documentTypes.find((d) => d.code === code)?.hasExpiry ?? true,
    channelLabel: (code: string | null | undefined) => {
      const found = channels.find((c) => c.code === code);
      return found ? pick(found) : (code ?? '');
    },
    categoryLabel: (code: string) => {
      const found = categories.find((c) => c.code === code);
      return found ? pick(found) : code;
    },
    documentTypeLabel: (code: string) => {
      const found = documentTypes.find((d) => d.code === code);
      return found ? pick(found) : code;
    },
  };
}

/** Nationalities offered first; any other ISO 3166-1 alpha-2 code can be typed. */
export const commonNationalities = ['SA', 'YE', 'EG', 'SY', 'SD', 'PK', 'IN', 'BD', 'PH', 'JO'] as const;

/** A country's name in the UI language, from the browser's own data. */
export function countryName(code: string, language: string): string {
  try {
    const names = new Intl.DisplayNames([language === 'en' ? 'en' : 'ar'], { type: 'region' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Amounts in riyals in the UI language and the association's digit style (decision 014). */
export function formatMoney(value: number, language: string): string {
  return shownMoney(value, language);
}
