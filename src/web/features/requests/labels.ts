import { useTranslation } from 'react-i18next';
import type { RequestAction, RequestStatus } from '../../../shared/requests/request-machine';
import { shownMoney, shownNumber } from '../../lib/numbers';
import { useOrgLists } from '../../lib/org-lists';
import type { HistoryItem, RequestQueue } from './api';

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

/** A history event in words: what happened, the status change if any, and the note to show. */
export interface HistoryWords {
  sentence: string;
  /** «تغيّرت الحالة من … إلى …», only when the status did change. */
  statusChange: string | null;
  note: string | null;
}

/** `name: reason` as the referral event stores it (the name first, up to the first «: »). */
function splitReferralNote(note: string | null): { name: string; reason: string | null } | null {
  const at = note?.indexOf(': ') ?? -1;
  if (!note || at <= 0) return null;
  return { name: note.slice(0, at), reason: note.slice(at + 2).trim() || null };
}

/**
 * Each history event as a sentence in the UI language — never its code (`refer`), and never a
 * status change that did not happen («مقدم → مقدم»): referrals, assignments, merges and added
 * verification tasks keep the status and read as what they are; an action this screen does not know
 * yet reads as «an action was recorded», with its note.
 */
export function useHistoryWords() {
  const { t, i18n } = useTranslation();
  const labels = useRequestLabels();
  const event = (key: string, values: Record<string, string> = {}) =>
    t(`requests.history.events.${key}`, { body: labels.body, ...values });
  return (item: HistoryItem): HistoryWords => {
    const statusChange =
      item.from && item.from !== item.to
        ? t('requests.history.statusChanged', { from: labels.status(item.from), to: labels.status(item.to) })
        : null;
    switch (item.action) {
      case 'assign':
        return {
          sentence: item.note ? event('assign', { name: item.note }) : event('assignNoName'),
          statusChange,
          note: null,
        };
      case 'refer': {
        const referral = splitReferralNote(item.note);
        return referral
          ? { sentence: event('refer', { name: referral.name }), statusChange, note: referral.reason }
          : { sentence: event('referNoName'), statusChange, note: item.note };
      }
      case 'merge': {
        const [from, to] = (item.note ?? '').split(' → ');
        return {
          sentence: from && to ? event('merge', { from, to }) : event('mergeNoFiles'),
          statusChange,
          note: null,
        };
      }
      case 'add_interview':
      case 'add_field_visit':
        return { sentence: event(item.action, { name: item.note ?? '' }), statusChange, note: null };
      default: {
        const known = /^[a-z_]+$/.test(item.action) && i18n.exists(`requests.history.events.${item.action}`);
        return { sentence: event(known ? item.action : 'other'), statusChange, note: item.note };
      }
    }
  };
}

/** Numbers in the UI language and the association's digit style (decision 014). */
export function formatNumber(value: number, language: string): string {
  return shownNumber(value, language);
}

/** Amounts in riyals in the UI language and the association's digit style. */
export function formatMoney(value: number, language: string): string {
  return shownMoney(value, language);
}

/** Whole days since an instant (how long a request has waited in its stage). */
export function daysSince(iso: string, now = Date.now()): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 86_400_000));
}
