import { useTranslation } from 'react-i18next';
import { shownNumber } from '../../lib/numbers';
import { useOrgLists } from '../../lib/org-lists';
import type { Evaluation } from './api';

type Result = Evaluation['results'][number];

const listKinds = new Set(['category_in']);

/** Words the evaluation uses for what it saw (`missing`, `never`, …), in the UI language. */
function observedWord(t: (key: string) => string, value: string): string {
  const known = ['missing', 'valid', 'expired', 'never'];
  return known.includes(value) ? t(`verification.observed.${value}`) : value;
}

/**
 * Explains one criterion's result in the UI language: what the rule asks and what the system saw,
 * with the organization's own names for categories and document types.
 */
export function useDescribeResult() {
  const { t, i18n } = useTranslation();
  const { categoryLabel, documentTypeLabel } = useOrgLists();
  // The rule's numbers arrive as text ("≥ 6"): as numbers they take the association's digits.
  const amount = (text: string) => Number(text.replace(/[≥≤]/g, '').trim());
  const sep = t('common.listSeparator');
  return (r: Result): { observed: string; expected: string } => {
    const observed =
      r.observed === null || r.observed === ''
        ? t('verification.observed.unknown')
        : listKinds.has(r.kind)
          ? String(r.observed)
              .split(', ')
              .map((c) => categoryLabel(c))
              .join(sep)
          : typeof r.observed === 'string'
            ? observedWord(t, r.observed)
            : typeof r.observed === 'number'
              ? shownNumber(r.observed, i18n.language)
              : String(r.observed);
    let expected = r.expected;
    switch (r.kind) {
      case 'category_in':
        expected = r.expected
          .split(', ')
          .map((c) => categoryLabel(c))
          .join(sep);
        break;
      case 'city_in':
        expected = r.expected.split(', ').join(sep);
        break;
      case 'document_valid':
        expected = t('verification.expected.documentValid', { document: documentTypeLabel(r.expected) });
        break;
      case 'no_active_request':
        expected = t('verification.expected.noActiveRequest');
        break;
      case 'not_received_within_months':
        expected = t('verification.expected.months', { value: amount(r.expected) });
        break;
      case 'income_per_capita_at_most':
        expected = t('verification.expected.atMostSar', { value: amount(r.expected) });
        break;
      case 'household_size_at_least':
        expected = t('verification.expected.atLeastPersons', { value: amount(r.expected) });
        break;
      case 'age_between': {
        const [min = '', max = ''] = r.expected.split('–');
        expected =
          min && max
            ? t('verification.expected.ageBetween', { min: amount(min), max: amount(max) })
            : min
              ? t('verification.expected.ageMin', { min: amount(min) })
              : t('verification.expected.ageMax', { max: amount(max) });
        break;
      }
    }
    return { observed, expected };
  };
}

export const outcomeColor = { pass: 'teal', fail: 'red', unknown: 'gray' } as const;
export const recommendationColor = {
  eligible: 'teal',
  not_eligible: 'red',
  needs_review: 'yellow',
  needs_more: 'yellow',
} as const;
export const taskStatusColor = { open: 'blue', scheduled: 'violet', done: 'teal' } as const;
