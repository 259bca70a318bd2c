// "You may qualify": the association's eligibility rules applied to the person's own file, every
// criterion said in plain words (the staff's evaluation shows codes and values; the person reads sentences).
import type { PortalEligibility } from '../../../shared/contracts/portal-requests';
import { type DigitStyle, formatNumber } from '../../../shared/digits';
import type { CriterionResult, Evaluation, RuleSet } from '../../../shared/eligibility/rules';
import type { Language } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';

interface Labels {
  digits: DigitStyle;
  categories: { code: string; labelAr: string; labelEn: string }[];
  documentTypes: { code: string; labelAr: string; labelEn: string }[];
}

type Criterion = RuleSet['criteria'][number];

/** The words of one criterion in one language. */
function say(c: Criterion, r: CriterionResult, language: Language, labels: Labels) {
  const en = language === 'en';
  const n = (value: number) => formatNumber(value, language, labels.digits);
  const list = (items: string[]) => items.join(message(language, 'list.separator'));
  const key = (part: string) => `portal.criterion.${c.kind}.${part}` as MessageKey;
  const params: Record<string, string> = {};
  switch (c.kind) {
    case 'category_in':
      params.expected = list(
        c.categories.map((code) => {
          const found = labels.categories.find((x) => x.code === code);
          return found ? (en ? found.labelEn : found.labelAr) : code;
        }),
      );
      break;
    case 'city_in':
      params.expected = list(c.cities);
      break;
    case 'age_between':
      params.expected =
        c.min !== undefined && c.max !== undefined
          ? message(language, 'portal.age.range', { min: n(c.min), max: n(c.max) })
          : c.min !== undefined
            ? message(language, 'portal.age.min', { min: n(c.min) })
            : message(language, 'portal.age.max', { max: n(c.max ?? 0) });
      break;
    case 'income_per_capita_at_most':
      params.amount = n(c.amount);
      break;
    case 'household_size_at_least':
      params.size = n(c.size);
      break;
    case 'document_valid': {
      const found = labels.documentTypes.find((d) => d.code === c.documentType);
      params.document = found ? (en ? found.labelEn : found.labelAr) : c.documentType;
      break;
    }
    case 'not_received_within_months':
      params.months = n(c.months);
      break;
    case 'no_active_request':
      break;
  }
  const outcome =
    r.outcome === 'fail' && c.kind === 'document_valid' && r.observed === 'expired' ? 'expired' : r.outcome;
  return {
    label: message(language, key('label'), params),
    explanation: message(language, key(outcome), params),
  };
}

/**
 * The evaluation, for the person: `likely` when the rules recommend the service, `unlikely` when a
 * required condition fails or the points cannot be reached, `unknown` when the file does not tell yet
 * or the service has no rules (`evaluation` null).
 */
export function explainEligibility(
  evaluation: (Evaluation & { rules: RuleSet }) | null,
  labels: Labels,
): PortalEligibility {
  if (!evaluation) return { outcome: 'unknown', criteria: [] };
  const { rules } = evaluation;
  const outcome = { eligible: 'likely', not_eligible: 'unlikely', needs_review: 'unknown' } as const;
  return {
    outcome: outcome[evaluation.recommendation],
    criteria: evaluation.results.map((r, i) => {
      const c = rules.criteria[i]!;
      const ar = say(c, r, 'ar', labels);
      const en = say(c, r, 'en', labels);
      return {
        labelAr: ar.label,
        labelEn: en.label,
        met: r.outcome === 'pass' ? true : r.outcome === 'fail' ? false : null,
        explanationAr: ar.explanation,
        explanationEn: en.explanation,
      };
    }),
  };
}
