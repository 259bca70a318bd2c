import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  type Criterion,
  criterionSchema,
  type EligibilityFacts,
  evaluateEligibility,
  householdIncome,
  type RuleSet,
} from './rules';

const facts: EligibilityFacts = {
  today: '2026-11-22',
  categories: ['widow'],
  city: 'مكة المكرمة',
  birthDate: '1966-11-22',
  householdSize: 4,
  monthlyIncomePerCapita: 1000,
  documents: [
    { type: 'national_id', expired: false },
    { type: 'lease', expired: true },
  ],
  activeRequestsForService: 0,
  lastDeliveryOfService: '2026-06-01',
};

const req = (c: Record<string, unknown>): Criterion => criterionSchema.parse({ ...c, mode: 'required' });
const one = (c: Criterion, f: Partial<EligibilityFacts> = {}) =>
  evaluateEligibility({ criteria: [c], threshold: 0 }, { ...facts, ...f }).results[0]!;

describe('eligibility rules', () => {
  it.each<[string, Criterion, Partial<EligibilityFacts>, 'pass' | 'fail' | 'unknown']>([
    ['category matches', req({ id: 'a', kind: 'category_in', categories: ['widow', 'orphan'] }), {}, 'pass'],
    ['category does not match', req({ id: 'a', kind: 'category_in', categories: ['orphan'] }), {}, 'fail'],
    [
      'category unknown',
      req({ id: 'a', kind: 'category_in', categories: ['orphan'] }),
      { categories: null },
      'unknown',
    ],
    ['city in list', req({ id: 'b', kind: 'city_in', cities: ['مكة المكرمة'] }), {}, 'pass'],
    [
      'age exactly at the minimum (birthday today)',
      req({ id: 'c', kind: 'age_between', min: 60 }),
      {},
      'pass',
    ],
    [
      'age one day short of the minimum',
      req({ id: 'c', kind: 'age_between', min: 60 }),
      { birthDate: '1966-11-23' },
      'fail',
    ],
    ['age at the maximum', req({ id: 'c', kind: 'age_between', max: 60 }), {}, 'pass'],
    ['age unknown', req({ id: 'c', kind: 'age_between', max: 60 }), { birthDate: null }, 'unknown'],
    [
      'income exactly at the limit',
      req({ id: 'd', kind: 'income_per_capita_at_most', amount: 1000 }),
      {},
      'pass',
    ],
    ['income one riyal over', req({ id: 'd', kind: 'income_per_capita_at_most', amount: 999 }), {}, 'fail'],
    [
      'income unknown',
      req({ id: 'd', kind: 'income_per_capita_at_most', amount: 999 }),
      { monthlyIncomePerCapita: null },
      'unknown',
    ],
    ['household size at least', req({ id: 'e', kind: 'household_size_at_least', size: 4 }), {}, 'pass'],
    ['household too small', req({ id: 'e', kind: 'household_size_at_least', size: 5 }), {}, 'fail'],
    [
      'valid document present',
      req({ id: 'f', kind: 'document_valid', documentType: 'national_id' }),
      {},
      'pass',
    ],
    ['only an expired document', req({ id: 'f', kind: 'document_valid', documentType: 'lease' }), {}, 'fail'],
    ['document missing', req({ id: 'f', kind: 'document_valid', documentType: 'family_card' }), {}, 'fail'],
    ['no active request', req({ id: 'g', kind: 'no_active_request' }), {}, 'pass'],
    [
      'an active request',
      req({ id: 'g', kind: 'no_active_request' }),
      { activeRequestsForService: 1 },
      'fail',
    ],
    [
      'received 5 months ago, 6 required',
      req({ id: 'h', kind: 'not_received_within_months', months: 6 }),
      {},
      'fail',
    ],
    [
      'received exactly 6 months ago',
      req({ id: 'h', kind: 'not_received_within_months', months: 6 }),
      { lastDeliveryOfService: '2026-05-22' },
      'pass',
    ],
    [
      'never received',
      req({ id: 'h', kind: 'not_received_within_months', months: 6 }),
      { lastDeliveryOfService: null },
      'pass',
    ],
    [
      'delivery history unknown',
      req({ id: 'h', kind: 'not_received_within_months', months: 6 }),
      { lastDeliveryOfService: undefined },
      'unknown',
    ],
  ])('%s', (_name, criterion, f, outcome) => {
    expect(one(criterion, f).outcome).toBe(outcome);
  });

  it('recommends by hard conditions first, then points against the threshold', () => {
    const rules: RuleSet = {
      threshold: 50,
      criteria: [
        criterionSchema.parse({ id: 'city', kind: 'city_in', cities: ['مكة المكرمة'], mode: 'required' }),
        criterionSchema.parse({
          id: 'income',
          kind: 'income_per_capita_at_most',
          amount: 1500,
          mode: 'points',
          weight: 40,
        }),
        criterionSchema.parse({
          id: 'size',
          kind: 'household_size_at_least',
          size: 3,
          mode: 'points',
          weight: 20,
        }),
      ],
    };
    expect(evaluateEligibility(rules, facts)).toMatchObject({
      requiredOutcome: 'pass',
      points: 60,
      maxPoints: 60,
      recommendation: 'eligible',
    });
    expect(evaluateEligibility(rules, { ...facts, householdSize: 1 })).toMatchObject({
      points: 40,
      recommendation: 'not_eligible',
    });
    expect(
      evaluateEligibility(rules, { ...facts, householdSize: 1, monthlyIncomePerCapita: 3000 }).recommendation,
    ).toBe('not_eligible');
    expect(evaluateEligibility(rules, { ...facts, householdSize: null }).recommendation).toBe('needs_review');
    expect(evaluateEligibility(rules, { ...facts, city: 'جدة' }).recommendation).toBe('not_eligible');
    expect(evaluateEligibility(rules, { ...facts, city: null }).recommendation).toBe('needs_review');
  });

  it('counts ages by birthday', () => {
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('always explains every criterion, in order, whatever the facts', () => {
    const criterion = fc.oneof(
      fc.record({
        kind: fc.constant('category_in' as const),
        categories: fc.array(fc.constantFrom('widow', 'orphan', 'elderly'), { minLength: 1 }),
      }),
      fc.record({ kind: fc.constant('age_between' as const), min: fc.integer({ min: 0, max: 100 }) }),
      fc.record({
        kind: fc.constant('income_per_capita_at_most' as const),
        amount: fc.integer({ min: 0, max: 10000 }),
      }),
      fc.record({
        kind: fc.constant('household_size_at_least' as const),
        size: fc.integer({ min: 1, max: 12 }),
      }),
      fc.record({
        kind: fc.constant('document_valid' as const),
        documentType: fc.constantFrom('national_id', 'lease'),
      }),
      fc.record({ kind: fc.constant('no_active_request' as const) }),
      fc.record({
        kind: fc.constant('not_received_within_months' as const),
        months: fc.integer({ min: 1, max: 24 }),
      }),
    );
    const arbFacts = fc.record({
      today: fc.constant('2026-11-22'),
      categories: fc.option(fc.array(fc.constantFrom('widow', 'orphan'))),
      city: fc.option(fc.constantFrom('جدة', 'مكة المكرمة')),
      birthDate: fc.option(fc.constantFrom('1950-01-01', '2010-06-15')),
      householdSize: fc.option(fc.integer({ min: 1, max: 15 })),
      monthlyIncomePerCapita: fc.option(fc.integer({ min: 0, max: 20000 })),
      documents: fc.option(
        fc.array(fc.record({ type: fc.constantFrom('national_id', 'lease'), expired: fc.boolean() })),
      ),
      activeRequestsForService: fc.option(fc.integer({ min: 0, max: 3 })),
      lastDeliveryOfService: fc.oneof(fc.constant(undefined), fc.constant(null), fc.constant('2026-01-15')),
    });
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(criterion, fc.constantFrom('required', 'points'), fc.integer({ min: 0, max: 50 })),
          { maxLength: 10 },
        ),
        arbFacts,
        fc.integer({ min: 0, max: 200 }),
        (list, f, threshold) => {
          const criteria = list.map(([c, mode, weight], i) =>
            criterionSchema.parse({ ...c, id: `c${i}`, mode, weight }),
          );
          const evaluation = evaluateEligibility({ criteria, threshold }, f as EligibilityFacts);
          expect(evaluation.results.map((r) => r.id)).toEqual(criteria.map((c) => c.id));
          for (const r of evaluation.results) {
            expect(['pass', 'fail', 'unknown']).toContain(r.outcome);
            expect(r.expected.length).toBeGreaterThan(0);
            expect(r.points).toBe(r.outcome === 'pass' ? r.weight : 0);
          }
          expect(evaluation.points).toBeLessThanOrEqual(evaluation.maxPoints);
        },
      ),
    );
  });
});

describe('household income', () => {
  it('sums to the halala, so half a halala per member rounds the same as an exact sum', () => {
    // 9257.15 + 0.06 in floating point is 9257.209999999999; exactly it is 9257.21.
    expect(householdIncome([9257.15, 0.06], 2)).toEqual({
      monthlyIncome: 9257.21,
      monthlyIncomePerCapita: 4628.61,
    });
    expect(householdIncome([], 3)).toEqual({ monthlyIncome: 0, monthlyIncomePerCapita: 0 });
  });

  it('gives the same figures whatever the order of the amounts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { maxLength: 8 }),
        fc.integer({ min: 1, max: 12 }),
        (halalas, size) => {
          const amounts = halalas.map((h) => h / 100);
          const total = halalas.reduce((a, b) => a + b, 0);
          expect(householdIncome(amounts, size)).toEqual(householdIncome([...amounts].reverse(), size));
          expect(householdIncome(amounts, size).monthlyIncome).toBe(total / 100);
        },
      ),
    );
  });
});
