/** Quiet hours of an association, as local "HH:MM" times; start after end means they span midnight. */
export interface QuietHours {
  start: string;
  end: string;
}

export const defaultQuietHours: QuietHours = { start: '21:00', end: '08:00' };

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
};

/** The local wall time (minutes and seconds since midnight) of an instant in a time zone. */
function localClock(at: Date, timeZone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: part('hour') * 60 + part('minute'), seconds: part('second') };
}

/**
 * When a message written at `at` may leave: null when `at` is outside the quiet hours, else the instant
 * they end (the association's local time). Equal start and end: no quiet hours.
 */
export function quietHoursEnd(at: Date, timeZone: string, quiet: QuietHours): Date | null {
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return null;
  const { minutes, seconds } = localClock(at, timeZone);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return null;
  const wait = (end - minutes + 1440) % 1440;
  const startOfMinute = at.getTime() - seconds * 1000 - at.getMilliseconds();
  return new Date(startOfMinute + wait * 60_000);
}
