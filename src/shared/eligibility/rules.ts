import { z } from 'zod';

/**
 * Eligibility rules (آلية التأكد من استحقاق المستفيد للخدمة): criteria an admin configures per service,
 * each a hard condition or weighted points toward a threshold. The evaluation explains every criterion
 * with what it saw; it informs the people who decide and never decides alone.
 */
export const criterionKinds = [
  'category_in',
  'city_in',
  'age_between',
  'income_per_capita_at_most',
  'household_size_at_least',
  'document_valid',
  'no_active_request',
  'not_received_within_months',
] as const;
export type CriterionKind = (typeof criterionKinds)[number];

const base = {
  id: z.string().min(1).max(40),
  mode: z.enum(['required', 'points']),
  weight: z.number().int().min(0).max(100).default(0),
};

export const criterionSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('category_in'), categories: z.array(z.string()).min(1).max(20) }),
  z.object({ ...base, kind: z.literal('city_in'), cities: z.array(z.string().min(1)).min(1).max(100) }),
  z
    .object({
      ...base,
      kind: z.literal('age_between'),
      min: z.number().int().min(0).max(130).optional(),
      max: z.number().int().min(0).max(130).optional(),
    })
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'min or max' }),
  z.object({
    ...base,
    kind: z.literal('income_per_capita_at_most'),
    amount: z.number().min(0).max(1_000_000),
  }),
  z.object({ ...base, kind: z.literal('household_size_at_least'), size: z.number().int().min(1).max(50) }),
  z.object({ ...base, kind: z.literal('document_valid'), documentType: z.string().min(1).max(40) }),
  z.object({ ...base, kind: z.literal('no_active_request') }),
  z.object({
    ...base,
    kind: z.literal('not_received_within_months'),
    months: z.number().int().min(1).max(120),
  }),
]);
export type Criterion = z.infer<typeof criterionSchema>;

export const ruleSetSchema = z.object({
  criteria: z.array(criterionSchema).max(30),
  /** Points needed when any criterion gives points; 0 means points are informative only. */
  threshold: z.number().int().min(0).max(3000).default(0),
});
export type RuleSet = z.infer<typeof ruleSetSchema>;

/** What the system knows about the beneficiary and household; null = not known. */
export interface EligibilityFacts {
  today: string; // YYYY-MM-DD
  categories: string[] | null;
  city: string | null;
  birthDate: string | null;
  householdSize: number | null;
  monthlyIncomePerCapita: number | null;
  documents: { type: string; expired: boolean }[] | null;
  activeRequestsForService: number | null;
  lastDeliveryOfService: string | null | undefined; // undefined = unknown, null = never
}

/**
 * A household's monthly income and income per member. Counted in halalas (1/100 riyal), so the sum is
 * exact: the profile, the explained evaluation and the what-if (which sums in SQL's exact numeric)
 * agree to the halala, also where a per-member share falls on half a halala.
 */
export function householdIncome(amounts: readonly number[], size: number) {
  const halalas = amounts.reduce((sum, amount) => sum + Math.round(amount * 100), 0);
  return { monthlyIncome: halalas / 100, monthlyIncomePerCapita: Math.round(halalas / size) / 100 };
}

export type Outcome = 'pass' | 'fail' | 'unknown';

export interface CriterionResult {
  id: string;
  kind: CriterionKind;
  mode: 'required' | 'points';
  weight: number;
  outcome: Outcome;
  observed: string | number | null;
  expected: string;
  points: number;
}

export interface Evaluation {
  results: CriterionResult[];
  requiredOutcome: Outcome;
  points: number;
  maxPoints: number;
  threshold: number;
  /** A recommendation for the people who decide. */
  recommendation: 'eligible' | 'not_eligible' | 'needs_review';
}

export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

const judge = (known: boolean, ok: boolean): Outcome => (!known ? 'unknown' : ok ? 'pass' : 'fail');

function evaluateOne(
  c: Criterion,
  f: EligibilityFacts,
): Omit<CriterionResult, 'id' | 'kind' | 'mode' | 'weight' | 'points'> {
  switch (c.kind) {
    case 'category_in':
      return {
        outcome: judge(
          f.categories !== null,
          (f.categories ?? []).some((x) => c.categories.includes(x)),
        ),
        observed: f.categories?.join(', ') ?? null,
        expected: c.categories.join(', '),
      };
    case 'city_in':
      return {
        outcome: judge(f.city !== null, c.cities.includes(f.city ?? '')),
        observed: f.city,
        expected: c.cities.join(', '),
      };
    case 'age_between': {
      const age = f.birthDate ? ageOn(f.birthDate, f.today) : null;
      const ok =
        age !== null && (c.min === undefined || age >= c.min) && (c.max === undefined || age <= c.max);
      return { outcome: judge(age !== null, ok), observed: age, expected: `${c.min ?? ''}–${c.max ?? ''}` };
    }
    case 'income_per_capita_at_most':
      return {
        outcome: judge(f.monthlyIncomePerCapita !== null, (f.monthlyIncomePerCapita ?? 0) <= c.amount),
        observed: f.monthlyIncomePerCapita,
        expected: `≤ ${c.amount}`,
      };
    case 'household_size_at_least':
      return {
        outcome: judge(f.householdSize !== null, (f.householdSize ?? 0) >= c.size),
        observed: f.householdSize,
        expected: `≥ ${c.size}`,
      };
    case 'document_valid': {
      const docs = f.documents?.filter((d) => d.type === c.documentType) ?? [];
      const observed =
        f.documents === null
          ? null
          : docs.length === 0
            ? 'missing'
            : docs.some((d) => !d.expired)
              ? 'valid'
              : 'expired';
      return {
        outcome: judge(f.documents !== null, observed === 'valid'),
        observed,
        expected: c.documentType,
      };
    }
    case 'no_active_request':
      return {
        outcome: judge(f.activeRequestsForService !== null, f.activeRequestsForService === 0),
        observed: f.activeRequestsForService,
        expected: '0',
      };
    case 'not_received_within_months': {
      const last = f.lastDeliveryOfService;
      const months = last ? monthsBetween(last, f.today) : null;
      return {
        outcome:
          last === undefined ? 'unknown' : last === null ? 'pass' : judge(true, (months ?? 0) >= c.months),
        observed: last === undefined ? null : (last ?? 'never'),
        expected: `≥ ${c.months}`,
      };
    }
  }
}

/** Evaluates every criterion; the result lists each one, in order, with what it saw. */
export function evaluateEligibility(rules: RuleSet, facts: EligibilityFacts): Evaluation {
  const results: CriterionResult[] = rules.criteria.map((c) => {
    const r = evaluateOne(c, facts);
    const weight = c.mode === 'points' ? c.weight : 0;
    return { id: c.id, kind: c.kind, mode: c.mode, weight, ...r, points: r.outcome === 'pass' ? weight : 0 };
  });
  const required = results.filter((r) => r.mode === 'required');
  const requiredOutcome: Outcome = required.some((r) => r.outcome === 'fail')
    ? 'fail'
    : required.some((r) => r.outcome === 'unknown')
      ? 'unknown'
      : 'pass';
  const scored = results.filter((r) => r.mode === 'points');
  const points = scored.reduce((s, r) => s + r.points, 0);
  const maxPoints = scored.reduce((s, r) => s + r.weight, 0);
  // Points still possible from criteria we could not judge.
  const open = scored.filter((r) => r.outcome === 'unknown').reduce((s, r) => s + r.weight, 0);
  const threshold = rules.threshold;
  let recommendation: Evaluation['recommendation'];
  if (requiredOutcome === 'fail' || (threshold > 0 && points + open < threshold))
    recommendation = 'not_eligible';
  else if (requiredOutcome === 'unknown' || (threshold > 0 && points < threshold))
    recommendation = 'needs_review';
  else recommendation = 'eligible';
  return { results, requiredOutcome, points, maxPoints, threshold, recommendation };
}
