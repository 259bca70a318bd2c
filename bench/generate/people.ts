/**
 * Saudi particulars for synthetic people: cities with their regions, unique valid national IDs and
 * Iqamas, mobile numbers, dates. Pure; the only state is an ID counter passed in by the caller.
 */
import { generateNationalId } from '../../src/shared/saudi/national-id';
import { type Rng, weightedSampler } from './prng';

export const cities = [
  ['الرياض', 'منطقة الرياض', 30],
  ['جدة', 'منطقة مكة المكرمة', 20],
  ['مكة المكرمة', 'منطقة مكة المكرمة', 10],
  ['المدينة المنورة', 'منطقة المدينة المنورة', 8],
  ['الدمام', 'المنطقة الشرقية', 8],
  ['الأحساء', 'المنطقة الشرقية', 5],
  ['الطائف', 'منطقة مكة المكرمة', 5],
  ['تبوك', 'منطقة تبوك', 4],
  ['بريدة', 'منطقة القصيم', 4],
  ['خميس مشيط', 'منطقة عسير', 4],
  ['الخبر', 'المنطقة الشرقية', 3],
  ['أبها', 'منطقة عسير', 3],
  ['حائل', 'منطقة حائل', 3],
  ['جازان', 'منطقة جازان', 3],
  ['نجران', 'منطقة نجران', 2],
  ['الجبيل', 'المنطقة الشرقية', 2],
  ['ينبع', 'منطقة المدينة المنورة', 2],
  ['عرعر', 'منطقة الحدود الشمالية', 1],
  ['سكاكا', 'منطقة الجوف', 1],
  ['الباحة', 'منطقة الباحة', 1],
] as const;

const drawCityIndex = weightedSampler(cities.map((c, i) => [i, c[2]] as const));
export function drawCity(rng: Rng): { city: string; region: string } {
  const c = cities[drawCityIndex(rng)]!;
  return { city: c[0], region: c[1] };
}

export const districts = [
  'حي النسيم',
  'حي الملز',
  'حي العزيزية',
  'حي الروضة',
  'حي السلامة',
  'حي الصفا',
  'حي النزهة',
  'حي الشفا',
  'حي الفيصلية',
  'حي الربوة',
  'حي الفيحاء',
  'حي السليمانية',
  'حي الخالدية',
  'حي المروة',
];

/**
 * The k-th ID ever issued by this run: k ↦ (k·48271 + offset) mod 10^8 is a bijection on 8-digit
 * bodies (48271 is coprime with 10), so IDs never repeat across beneficiaries and household members.
 */
export function nationalIdFor(k: number, resident: boolean, offset: number): string {
  const body = (k * 48_271 + offset) % 100_000_000;
  return generateNationalId(resident ? 2 : 1, String(body).padStart(8, '0'));
}

export function drawMobile(rng: Rng): string {
  return `+9665${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
}

const dayMs = 86_400_000;

/** Dates are handled as day numbers relative to an anchor day, and written as ISO text. */
export class Calendar {
  readonly anchorMs: number;
  constructor(anchor: string) {
    this.anchorMs = Date.parse(`${anchor}T00:00:00Z`);
  }
  /** YYYY-MM-DD of the day `offset` days from the anchor (negative: before). */
  date(offsetDays: number): string {
    return new Date(this.anchorMs + Math.round(offsetDays) * dayMs).toISOString().slice(0, 10);
  }
  /** A timestamp `offsetDays` (fractional) from the anchor, inside Riyadh working hours. */
  at(offsetDays: number, rng: Rng): Date {
    const day = Math.floor(offsetDays);
    // 08:00–16:00 Riyadh is 05:00–13:00 UTC.
    return new Date(this.anchorMs + day * dayMs + (5 * 3600 + rng.int(0, 8 * 3600)) * 1000);
  }
}

export function randomHex(rng: Rng, length: number): string {
  let out = '';
  while (out.length < length) out += rng.int(0, 0xffffff).toString(16).padStart(6, '0');
  return out.slice(0, length);
}
