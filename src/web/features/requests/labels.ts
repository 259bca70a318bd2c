import { useTranslation } from 'react-i18next';
import type { RequestAction, RequestStatus } from '../../../shared/requests/request-machine';
import { useOrgLists } from '../../lib/org-lists';
import type { RequestQueue } from './api';

export const statusColors: Record<RequestStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  under_review: 'cyan',
  needs_info: 'orange',
  in_verification: 'violet',
  in_committee: 'grape',
  approved: 'teal',
  rejected: 'red',
  registered: 'lime',
  delivered: 'green',
  closed: 'dark',
  withdrawn: 'gray',
};

/** Labels that read the organization's decision body («لدى الإدارة المختصة», «رفع إلى لجنة البحث»). */
export function useRequestLabels() {
  const { t, i18n } = useTranslation();
  const { decisionBodyName } = useOrgLists();
  const body = decisionBodyName || t('requests.decisionBodyFallback');
  return {
    status: (s: RequestStatus | string) => t(`requests.status.${s}`, { body, defaultValue: s }),
    action: (a: RequestAction | string) => t(`requests.actions.${a}`, { body, defaultValue: a }),
    queue: (q: RequestQueue) => t(`requests.queues.${q}`, { body }),
    serviceName: (r: { serviceNameAr: string; serviceNameEn: string }) =>
      i18n.language === 'en' ? r.serviceNameEn : r.serviceNameAr,
    body,
  };
}

/** Numbers in the UI language's digits. */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-US' : 'ar-SA').format(value);
}

/** Amounts in riyals in the UI language's digits. */
export function formatMoney(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-SA' : 'ar-SA', {
    style: 'currency',
    currency: 'SAR',
    maximumFractionDigits: 2,
  }).format(value);
}

/** Whole days since an instant (how long a request has waited in its stage). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 86_400_000));
}
