import { useTranslation } from 'react-i18next';
import { useMe } from './session';

export interface LabelledOption {
  value: string;
  label: string;
}

/**
 * The organization's own lists (channels, beneficiary categories, document types, decision body) come
 * with /auth/me; the service catalog and the request screens both label codes with them. A code no
 * longer in a list is shown as it is.
 */
export function useOrgLists() {
  const me = useMe();
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  const settings = me?.organization.settings;
  const pick = (item: { labelAr: string; labelEn: string }) => (en ? item.labelEn : item.labelAr);
  const label = (list: readonly { code: string; labelAr: string; labelEn: string }[], code: string) => {
    const found = list.find((item) => item.code === code);
    return found ? pick(found) : code;
  };

  const channels = settings?.channels ?? [];
  const categories = settings?.beneficiaryCategories ?? [];
  const documentTypes = settings?.documentTypes ?? [];
  const decisionBody = settings?.decisionBody;

  return {
    channelOptions: channels
      .filter((c) => c.enabled)
      .map((c): LabelledOption => ({ value: c.code, label: pick(c) })),
    categoryOptions: categories.map((c): LabelledOption => ({ value: c.code, label: pick(c) })),
    documentTypeOptions: documentTypes.map((d): LabelledOption => ({ value: d.code, label: pick(d) })),
    channelLabel: (code: string) => label(channels, code),
    categoryLabel: (code: string) => label(categories, code),
    documentTypeLabel: (code: string) => label(documentTypes, code),
    /** لجنة البحث / الإدارة المختصة — whoever decides, as the organization names it. */
    decisionBodyName: decisionBody ? (en ? decisionBody.nameEn : decisionBody.nameAr) : '',
    defaultDecisionDays: settings?.defaultDecisionDays ?? 14,
  };
}
