import { describe, expect, it } from 'vitest';
import { type EligibilityFacts, evaluateEligibility, type RuleSet } from '../../../shared/eligibility/rules';
import { explainEligibility } from './portal-eligibility';

const labels = {
  digits: 'arab' as const,
  categories: [{ code: 'widows', labelAr: 'الأرامل', labelEn: 'Widows' }],
  documentTypes: [{ code: 'national_id', labelAr: 'الهوية الوطنية', labelEn: 'National ID' }],
};

const facts: EligibilityFacts = {
  today: '2026-11-22',
  categories: ['orphans'],
  city: 'مكة المكرمة',
  birthDate: '1960-05-01',
  householdSize: 3,
  monthlyIncomePerCapita: null,
  documents: [{ type: 'national_id', expired: true }],
  activeRequestsForService: 0,
  lastDeliveryOfService: null,
};

const rules: RuleSet = {
  threshold: 0,
  criteria: [
    { id: 'a', kind: 'category_in', mode: 'required', weight: 0, categories: ['widows'] },
    { id: 'b', kind: 'city_in', mode: 'required', weight: 0, cities: ['مكة المكرمة'] },
    { id: 'c', kind: 'age_between', mode: 'required', weight: 0, min: 60 },
    { id: 'd', kind: 'income_per_capita_at_most', mode: 'required', weight: 0, amount: 1500 },
    { id: 'e', kind: 'household_size_at_least', mode: 'required', weight: 0, size: 4 },
    { id: 'f', kind: 'document_valid', mode: 'required', weight: 0, documentType: 'national_id' },
    { id: 'g', kind: 'no_active_request', mode: 'required', weight: 0 },
    { id: 'h', kind: 'not_received_within_months', mode: 'required', weight: 0, months: 12 },
  ],
};

const explain = (r: RuleSet, f: EligibilityFacts) =>
  explainEligibility({ rules: r, ...evaluateEligibility(r, f) }, labels);

describe('"you may qualify", in plain words', () => {
  it('says nothing can be told yet for a service without rules', () => {
    expect(explainEligibility(null, labels)).toEqual({ outcome: 'unknown', criteria: [] });
  });

  it('explains every criterion in both languages, with the association’s names and digits', () => {
    const result = explain(rules, facts);
    expect(result.outcome).toBe('unlikely');
    expect(result.criteria.map((c) => c.met)).toEqual([false, true, true, null, false, false, true, true]);
    const ar = result.criteria.map((c) => c.explanationAr);
    expect(ar[0]).toBe('هذه الخدمة للفئات: الأرامل.');
    expect(ar[1]).toBe('الخدمة متاحة في مدينتك.');
    expect(ar[3]).toBe('لم يُسجَّل دخل أسرتك في ملفك.');
    expect(ar[4]).toBe('الخدمة للأسر التي لا يقل عدد أفرادها عن ٤.');
    // An expired document is not a missing one: the person is told to bring a new copy.
    expect(ar[5]).toBe('انتهت صلاحية الهوية الوطنية، ارفع نسخة جديدة.');
    expect(result.criteria[5]!.labelAr).toBe('الهوية الوطنية');
    expect(result.criteria[0]!.explanationEn).toBe('This service is for: Widows.');
    expect(result.criteria[4]!.explanationEn).toContain('at least 4 people');
    for (const c of result.criteria) {
      expect(c.labelAr && c.labelEn && c.explanationAr && c.explanationEn).toBeTruthy();
      expect(c.explanationEn).not.toMatch(/[\u0600-\u06FF]/);
    }
  });

  it('is likely when every required criterion is met, unknown when the file does not tell', () => {
    const met = { ...facts, categories: ['widows'], householdSize: 5, monthlyIncomePerCapita: 900 };
    const valid = { ...met, documents: [{ type: 'national_id', expired: false }] };
    expect(explain(rules, valid).outcome).toBe('likely');
    expect(explain(rules, { ...valid, monthlyIncomePerCapita: null }).outcome).toBe('unknown');
  });
});
