import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  endOfLocalDay,
  isWorkingDay,
  localDate,
  type WorkCalendar,
  workingDaysBetween,
} from './calendar';

const saudi: WorkCalendar = {
  workingDays: [0, 1, 2, 3, 4],
  holidays: ['2026-12-03'],
  timeZone: 'Asia/Riyadh',
};

describe('working calendar', () => {
  it('skips Fridays, Saturdays and holidays', () => {
    expect(isWorkingDay('2026-11-27', saudi)).toBe(false); // Friday
    expect(isWorkingDay('2026-11-28', saudi)).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-03', saudi)).toBe(false); // configured holiday (a Thursday)
    expect(isWorkingDay('2026-11-29', saudi)).toBe(true); // Sunday
    // Sunday 22 Nov + 14 working days: 3 weeks minus the holiday → Sunday 13 Dec.
    expect(addWorkingDays('2026-11-22', 14, saudi)).toBe('2026-12-13');
  });

  it('never ends a period of n ≥ 14 working days earlier than n calendar days later, and ends on a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 14, max: 60 }), (offset, n) => {
        const start = new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const end = addWorkingDays(start, n, saudi);
        expect(Date.parse(end) - Date.parse(start)).toBeGreaterThanOrEqual(n * 86_400_000);
        expect(isWorkingDay(end, saudi)).toBe(true);
        expect(workingDaysBetween(start, end, saudi)).toBe(n);
      }),
    );
  });

  it('knows the local date and the end of a local day in Riyadh', () => {
    expect(localDate(new Date('2026-11-22T21:30:00Z'), 'Asia/Riyadh')).toBe('2026-11-23');
    expect(endOfLocalDay('2026-12-13', 'Asia/Riyadh').toISOString()).toBe('2026-12-13T20:59:59.000Z');
  });
});
