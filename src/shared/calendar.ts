// The organization's working calendar: deadlines count working days (Sunday–Thursday by default),
// skipping its official holidays, in its time zone (DESIGN.md "Saudi specifics").
export interface WorkCalendar {
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: readonly number[];
  /** YYYY-MM-DD */
  holidays: readonly string[];
  timeZone: string;
}

const dayMs = 86_400_000;
const toUtc = (date: string) => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The calendar date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  return (
    calendar.workingDays.includes(new Date(toUtc(date)).getUTCDay()) && !calendar.holidays.includes(date)
  );
}

/** The n-th working day after `date` (not counting `date` itself). */
export function addWorkingDays(date: string, n: number, calendar: WorkCalendar): string {
  if (calendar.workingDays.length === 0) throw new RangeError('a calendar needs at least one working day');
  let ms = toUtc(date);
  let left = n;
  while (left > 0) {
    ms += dayMs;
    if (isWorkingDay(fromUtc(ms), calendar)) left -= 1;
  }
  return fromUtc(ms);
}

/** Working days in (from, to]: how many working days passed between two dates. */
export function workingDaysBetween(from: string, to: string, calendar: WorkCalendar): number {
  let count = 0;
  for (let ms = toUtc(from) + dayMs; ms <= toUtc(to); ms += dayMs)
    if (isWorkingDay(fromUtc(ms), calendar)) count += 1;
  return count;
}

/** The zone's offset from UTC in minutes at an instant (e.g. +180 for Asia/Riyadh). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** The last moment (23:59:59) of a local date, as an instant. */
export function endOfLocalDay(date: string, timeZone: string): Date {
  const naive = toUtc(date) + dayMs - 1000;
  return new Date(naive - offsetMinutes(new Date(naive), timeZone) * 60_000);
}

/** The instant of a local date and wall time ("HH:MM") in a time zone. */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const naive = toUtc(date) + (h * 60 + m) * 60_000;
  return new Date(naive - offsetMinutes(new Date(naive), timeZone) * 60_000);
}

/** An association's working calendar from its settings (holidays are dated entries there). */
export function workCalendarOf(settings: {
  workingDays: readonly number[];
  holidays: readonly { date: string }[];
  timeZone: string;
}): WorkCalendar {
  return {
    workingDays: settings.workingDays,
    holidays: settings.holidays.map((h) => h.date),
    timeZone: settings.timeZone,
  };
}

/** The last moment of the n-th working day after the local date of `now`: a due time. */
export function endOfWorkingDaysAfter(now: Date, days: number, calendar: WorkCalendar): Date {
  return endOfLocalDay(addWorkingDays(localDate(now, calendar.timeZone), days, calendar), calendar.timeZone);
}
