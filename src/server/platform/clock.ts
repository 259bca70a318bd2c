import { localDate } from '../../shared/calendar';

/** Injected wherever time matters, so deadlines and lockouts are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Today's date (YYYY-MM-DD) in the organization's time zone: documents expire by the local calendar. */
export function localToday(clock: Clock, timeZone: string): string {
  return localDate(clock.now(), timeZone);
}
