import { describe, expect, it } from 'vitest';
import { monthsBetween, quantile, shareOf } from './dashboards.figures';

describe('dashboard figures', () => {
  it('takes the median and the 90th percentile of weighted values, interpolated', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([{ value: 3, n: 1 }], 0.9)).toBe(3);
    const values = [
      { value: 18, n: 1 },
      { value: 1, n: 1 },
      { value: 16, n: 1 },
      { value: 9, n: 1 },
    ];
    expect(quantile(values, 0.5)).toBe(12.5);
    expect(quantile(values, 0.9)).toBe(17.4);
    // Weights count as repeated values: [0, 0, 0, 4].
    expect(
      quantile(
        [
          { value: 0, n: 3 },
          { value: 4, n: 1 },
        ],
        0.9,
      ),
    ).toBe(2.8);
  });

  it('divides only when there is something to divide by', () => {
    expect(shareOf(0, 0)).toBeNull();
    expect(shareOf(1, 3)).toBe(1 / 3);
  });

  it('lists every month of the period in either calendar, gaps included', () => {
    expect(monthsBetween('2026-10-30', '2027-01-02', 'gregory')).toEqual([
      '2026-10',
      '2026-11',
      '2026-12',
      '2027-01',
    ]);
    expect(monthsBetween('2026-11-22', '2026-11-22', 'hijri')).toEqual(['1448-06']);
  });
});
