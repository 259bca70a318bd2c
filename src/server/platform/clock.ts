/** Injected wherever time matters, so deadlines and lockouts are testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
