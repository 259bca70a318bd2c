// Determinism and validity of the synthetic data generator (pure parts: no database).
// Not picked up by the unit project (src/**/*.test.ts); run with:
//   npx vitest run --config bench/vitest.config.ts
import { describe, expect, it } from 'vitest';
import { arabicNameTokens } from '../../src/shared/arabic/names';
import { validateNationalId } from '../../src/shared/saudi/national-id';
import { isSaudiMobileE164 } from '../../src/shared/saudi/phone';
import { drawNameParts, formatStoredName, threePartQuery, typedVariant } from './names';
import { Calendar, nationalIdFor } from './people';
import { createRng, uuidFactory } from './prng';
import { emptyTables, generateBeneficiary, naturalRequestsPerBeneficiary, type OrgContext } from './records';

function org(seed: number, requestScale = 1): OrgContext {
  const staff = {
    relations: ['00000000-0000-4000-8000-000000000001'],
    supervisor: 's',
    researcher: 'r',
    committee: 'c',
    service: 'v',
    names: {},
  };
  return {
    id: '00000000-0000-4000-8000-0000000000aa',
    seed,
    rng: createRng(seed),
    uuid: uuidFactory(seed, 0),
    staff,
    services: [
      {
        id: 'svc',
        nameAr: 'سلة غذائية شهرية',
        requiredDocuments: ['national_id'],
        recurrence: 'monthly',
        decisionDays: 14,
        registrationChecklist: [],
      },
    ],
    calendar: new Calendar('2025-01-01'),
    ids: { next: 0, offset: 12_345 },
    requestCounter: { value: 0 },
    requestScale,
  };
}

function generate(seed: number, n: number, requestScale = 1) {
  const ctx = org(seed, requestScale);
  const tables = emptyTables();
  for (let i = 0; i < n; i++) generateBeneficiary(ctx, i, tables);
  return tables;
}

describe('synthetic data generator', () => {
  it('gives the same rows for the same seed and different rows for another', () => {
    expect(JSON.stringify(generate(7, 300))).toBe(JSON.stringify(generate(7, 300)));
    expect(JSON.stringify(generate(8, 300).beneficiaries)).not.toBe(
      JSON.stringify(generate(7, 300).beneficiaries),
    );
  });

  it('issues valid, unique national IDs and Iqamas and valid mobiles', () => {
    const t = generate(3, 2000);
    const ids = [
      ...t.beneficiaries.map((b) => b.national_id),
      ...t.household_members.map((m) => m.national_id),
    ].filter((x): x is string => typeof x === 'string');
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(validateNationalId(id).ok).toBe(true);
    expect(ids.some((id) => id.startsWith('2'))).toBe(true);
    for (const b of t.beneficiaries) expect(isSaudiMobileE164(b.phone as string)).toBe(true);
  });

  it('never repeats a UUID', () => {
    const t = generate(11, 3000);
    const ids = Object.values(t).flatMap((rows) => rows.map((r) => r.id as string));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100))
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the k ↦ ID mapping a bijection', () => {
    const seen = new Set<string>();
    for (let k = 0; k < 50_000; k++) seen.add(nationalIdFor(k, false, 999).slice(1, 9));
    expect(seen.size).toBe(50_000);
  });

  it('skews first names: محمد is far more frequent than a rare name', () => {
    const rng = createRng(1);
    const counts = new Map<string, number>();
    for (let i = 0; i < 20_000; i++) {
      const p = drawNameParts(rng, 'male', false);
      counts.set(p.first, (counts.get(p.first) ?? 0) + 1);
    }
    expect(counts.get('محمد')!).toBeGreaterThan(10 * (counts.get('غازي') ?? 0));
  });

  it('types spelling variants that normalise to the stored name', () => {
    const rng = createRng(42);
    for (let i = 0; i < 2000; i++) {
      const stored = formatStoredName(
        rng,
        drawNameParts(rng, rng.chance(0.5) ? 'male' : 'female', rng.chance(0.2)),
      );
      expect(arabicNameTokens(typedVariant(rng, stored))).toEqual(arabicNameTokens(stored));
      const three = arabicNameTokens(typedVariant(rng, threePartQuery(stored)));
      expect(three.every((token) => arabicNameTokens(stored).includes(token))).toBe(true);
    }
  });

  it('draws about the natural rate of requests per person, or the rate asked for', () => {
    const natural = generate(7, 1500).requests.length / 1500;
    expect(Math.abs(natural - naturalRequestsPerBeneficiary)).toBeLessThan(0.1);
    const three = generate(7, 1500, 3 / naturalRequestsPerBeneficiary).requests.length / 1500;
    expect(Math.abs(three - 3)).toBeLessThan(0.15);
  }, 30_000);

  it('spreads requests over every state', () => {
    const statuses = new Set(generate(5, 3000).requests.map((r) => r.status));
    for (const s of [
      'draft',
      'submitted',
      'under_review',
      'needs_info',
      'in_verification',
      'in_committee',
      'approved',
      'rejected',
      'registered',
      'delivered',
      'closed',
      'withdrawn',
    ]) {
      expect(statuses).toContain(s);
    }
  });
});
