import { describe, expect, it } from 'vitest';
import { presetOf, presetRange } from './periods';

// Today: Thursday 3 December 2026 = 23 Jumada II 1448 (Umm al-Qura). The Hijri month and year starts
// below were read from an Umm al-Qura table: 1 Jumada II 1448 = 11 Nov 2026, 1 Jumada I = 12 Oct,
// 1 Rabi II = 12 Sep, 1 Muharram 1448 = 16 Jun 2026, 1 Muharram 1447 = 26 Jun 2025.
const today = '2026-12-03';

describe('period presets', () => {
  it.each([
    ['thisMonth', '2026-12-01', '2026-12-03'],
    ['lastMonth', '2026-11-01', '2026-11-30'],
    ['last3Months', '2026-10-01', '2026-12-03'],
    ['thisYear', '2026-01-01', '2026-12-03'],
    ['lastYear', '2025-01-01', '2025-12-31'],
  ] as const)('counts %s in Gregorian months', (preset, from, to) => {
    expect(presetRange(preset, today, 'gregory')).toEqual({ from, to });
  });

  it.each([
    ['thisMonth', '2026-11-11', '2026-12-03'],
    ['lastMonth', '2026-10-12', '2026-11-10'],
    ['last3Months', '2026-09-12', '2026-12-03'],
    ['thisYear', '2026-06-16', '2026-12-03'],
    ['lastYear', '2025-06-26', '2026-06-15'],
  ] as const)('counts %s in Hijri months (Umm al-Qura)', (preset, from, to) => {
    expect(presetRange(preset, today, 'hijri')).toEqual({ from, to });
  });

  it('crosses the year back in January and in Muharram', () => {
    expect(presetRange('last3Months', '2026-01-15', 'gregory')).toEqual({
      from: '2025-11-01',
      to: '2026-01-15',
    });
    // 2 Muharram 1448: last month is Dhu al-Hijjah 1447.
    expect(presetRange('lastMonth', '2026-06-17', 'hijri').to).toBe('2026-06-15');
  });

  it('recognises a preset from its days, and none for other days', () => {
    expect(presetOf({ from: '2026-11-11', to: today }, today, 'hijri')).toBe('thisMonth');
    expect(presetOf({ from: '2026-11-12', to: today }, today, 'hijri')).toBeNull();
    expect(presetOf({}, today, 'gregory')).toBeNull();
  });
});
