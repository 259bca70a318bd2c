// The dashboard's figures, each one grouped read in SQL over the association's rows (row-level security
// shows only them; every statement names the organization too, so the indexes of migration 0028 serve).
// Submissions, decisions and stays are read from the counts kept when they happen (migration 0028), by
// local day of the association; open work from the counts of open requests kept when a request changes
// (migration 0033), by UTC day, with the one day a boundary instant falls in counted from the requests.
import { type SQL, sql } from 'drizzle-orm';
import { clockRunningStatuses } from '../../../shared/requests/request-machine';
import type { Tx } from '../../platform/db/database';

/** What every figure is read for: an association, a window of instants, its time zone, "now". */
export interface FigureWindow {
  organizationId: string;
  since: Date;
  until: Date;
  /** The period's first and last local dates. */
  from: string;
  to: string;
  now: Date;
  /** The association's local date of `now`. */
  today: string;
  timeZone: string;
  serviceId: string | null;
  /** The staff member reading: complaints about them are not shown to them (complaints module). */
  actorId: string;
  /** The first instant of the local day `offset` days from today (negative: before). */
  dayStart: (offset: number) => Date;
}

/** Open and awaiting a decision: the backlog. */
export const undecidedStatuses = [
  'submitted',
  'under_review',
  'needs_info',
  'in_verification',
  'in_committee',
];

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export const sqlIn = (column: SQL, values: readonly string[]) => sql`${column} in (${list(values)})`;

export const serviceFilter = (w: FigureWindow, column: SQL = sql`r.service_id`) =>
  w.serviceId ? sql`and ${column} = ${w.serviceId}` : sql``;

/**
 * A request decided against: rejected now, or closed after a rejection (a decision is taken once). The
 * decision is kept on the request, set with `decided_at` (migration 0033).
 */
export const rejectedSql = sql`(r.decision = 'rejected')`;

/** Kept by the promise: decided no later than the promised (possibly paused-and-moved) date. */
export const withinPromiseSql = sql`(r.expected_decision_at is not null and r.decided_at <= r.expected_decision_at)`;

/**
 * The backlog's age buckets, in calendar days since submission (local dates): a bucket holds the requests
 * submitted from the start of the local day `max` days before today up to the one `min` days before it,
 * compared as instants (`dayStarts` from the service), so no row is converted to a local date.
 */
export const bucketBounds: Record<string, [number, number]> = {
  '0-7': [0, 7],
  '8-14': [8, 14],
  '15-30': [15, 30],
  '31+': [31, Number.POSITIVE_INFINITY],
};

/** Submitted in the bucket: on or after the start of day (today − max), before the start of (today − min + 1). */
export function ageSql(w: FigureWindow, bucket: string) {
  const [min, max] = bucketBounds[bucket]!;
  const since = Number.isFinite(max) ? sql`and r.submitted_at >= ${w.dayStart(-max)}` : sql``;
  const before = min > 0 ? sql`and r.submitted_at < ${w.dayStart(-min + 1)}` : sql``;
  return sql`r.submitted_at is not null ${since} ${before}`;
}

async function rows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = await tx.execute<T & Record<string, unknown>>(query);
  return result.rows as T[];
}

export interface SubmittedRow {
  day: string;
  channel: string;
  serviceId: string;
  n: number;
}

/** Submissions of the period, counted when they happened (request_day_counts, migration 0028). */
export const submittedCounts = (tx: Tx, w: FigureWindow) =>
  rows<SubmittedRow>(
    tx,
    sql`select c.day::text as day, c.channel, c.service_id as "serviceId", sum(c.n)::int as n
          from request_day_counts c
         where c.organization_id = ${w.organizationId} and c.kind = 'submitted'
           and c.day >= ${w.from}::date and c.day <= ${w.to}::date ${serviceFilter(w, sql`c.service_id`)}
         group by 1, 2, 3`,
  );

export interface DecisionRow {
  day: string;
  rejected: boolean;
  within: boolean;
  n: number;
}

/** Decisions of the period, counted when they were taken: approved or rejected, within the promise or not. */
export const decisionCounts = (tx: Tx, w: FigureWindow) =>
  rows<DecisionRow>(
    tx,
    sql`select c.day::text as day, c.kind = 'rejected' as rejected, c.within_promise as within, sum(c.n)::int as n
          from request_day_counts c
         where c.organization_id = ${w.organizationId} and c.kind in ('approved', 'rejected')
           and c.day >= ${w.from}::date and c.day <= ${w.to}::date ${serviceFilter(w, sql`c.service_id`)}
         group by 1, 2, 3`,
  );

export interface ReasonRow {
  key: string;
  label: string;
  n: number;
}

/** Rejections of the period by reason: the text with spaces collapsed and case folded, most frequent first. */
/**
 * A reason typed by the decision body may describe one family; a reason is shown only when at least this
 * many rejections in the period share it (the rest are counted together as "other reasons"), as survey
 * figures of fewer than 5 answers are hidden.
 */
export const minRejectionsPerReason = 5;

/**
 * Rejections of the period by reason, counted when each decision was taken (request_rejection_counts,
 * migration 0033: by local day, service and the reason's key — the text with spaces collapsed and case
 * folded — with the least of its labels as typed, spaces collapsed).
 */
export const rejectionReasons = (tx: Tx, w: FigureWindow, limit = 10) =>
  rows<ReasonRow>(
    tx,
    sql`select c.reason_key as key, min(c.label) as label, sum(c.n)::int as n
          from request_rejection_counts c
         where c.organization_id = ${w.organizationId} and c.day >= ${w.from}::date and c.day <= ${w.to}::date
           ${serviceFilter(w, sql`c.service_id`)}
         group by 1 having sum(c.n) >= ${minRejectionsPerReason} order by 3 desc, 1 limit ${limit}`,
  );

export interface OpenRow {
  status: string;
  n: number;
  overdue: number;
  b0: number;
  b1: number;
  b2: number;
  b3: number;
}

const dayMs = 86_400_000;
/** The UTC date of an instant: the day key of `request_open_counts`. */
export const utcDay = (t: Date) => t.toISOString().slice(0, 10);
/** The first instant of the UTC day after the one `t` falls in. */
export const nextUtcDay = (t: Date) => new Date(Date.parse(utcDay(t)) + dayMs);

/**
 * Open requests now by stage, with those past their promised date and the undecided ones' ages, from the
 * counts of open requests (migration 0033) — a few rows per day and service, however many requests are
 * open. A count row knows its day, not its instant: a boundary instant (now, the start of a backlog
 * bucket's day) splits one UTC day, whose requests are counted from `requests` (an index range of that
 * day): whole days before the boundary from the counts, the rest of its own day from the rows.
 */
export async function openCounts(tx: Tx, w: FigureWindow): Promise<OpenRow[]> {
  const bounds = ['0-7', '8-14', '15-30'].map((b) => w.dayStart(-bucketBounds[b]![1]));
  const [b7, b14, b30] = bounds as [Date, Date, Date];
  // Submitted at or after `b`: whole UTC days after b's from the counts; b's own day from the rows.
  const countedSince = (b: Date) =>
    sql`(sum(c.n) filter (where c.kind = 'age' and c.submitted_day > ${utcDay(b)}::date))`;
  const rowsSince = (b: Date) =>
    sql`(count(*) filter (where r.submitted_at >= ${b} and r.submitted_at < ${nextUtcDay(b)}))`;
  const inDayOf = (b: Date) => sql`(r.submitted_at >= ${b} and r.submitted_at < ${nextUtcDay(b)})`;
  const startOfToday = new Date(Date.parse(utcDay(w.now)));
  const counted = await rows<{
    status: string;
    n: number;
    overdue: number;
    aged: number;
    s7: number;
    s14: number;
    s30: number;
  }>(
    tx,
    sql`select c.status, coalesce(sum(c.n) filter (where c.kind = 'stage'), 0)::int as n,
               coalesce(sum(c.n) filter (where c.kind = 'stage' and c.expected_day < ${utcDay(w.now)}::date), 0)::int as overdue,
               coalesce(sum(c.n) filter (where c.kind = 'age' and c.submitted_day is not null), 0)::int as aged,
               coalesce(${countedSince(b7)}, 0)::int as s7, coalesce(${countedSince(b14)}, 0)::int as s14,
               coalesce(${countedSince(b30)}, 0)::int as s30
          from request_open_counts c
         where c.organization_id = ${w.organizationId} and c.kind in ('stage', 'age')
           ${serviceFilter(w, sql`c.service_id`)}
         group by 1
        union all
        select r.status, 0, count(*)::int, 0, 0, 0, 0
          from requests r
         where r.organization_id = ${w.organizationId} and r.expected_decision_at >= ${startOfToday}
           and r.expected_decision_at < ${w.now} and ${sqlIn(sql`r.status`, clockRunningStatuses)} ${serviceFilter(w)}
         group by 1
        union all
        select r.status, 0, 0, 0, ${rowsSince(b7)}::int, ${rowsSince(b14)}::int, ${rowsSince(b30)}::int
          from requests r
         where r.organization_id = ${w.organizationId} and ${sqlIn(sql`r.status`, undecidedStatuses)}
           and (${inDayOf(b7)} or ${inDayOf(b14)} or ${inDayOf(b30)}) ${serviceFilter(w)}
         group by 1`,
  );
  const byStatus = new Map<
    string,
    { n: number; overdue: number; aged: number; s7: number; s14: number; s30: number }
  >();
  for (const row of counted) {
    const entry = byStatus.get(row.status) ?? { n: 0, overdue: 0, aged: 0, s7: 0, s14: 0, s30: 0 };
    entry.n += row.n;
    entry.overdue += row.overdue;
    entry.aged += row.aged;
    entry.s7 += row.s7;
    entry.s14 += row.s14;
    entry.s30 += row.s30;
    byStatus.set(row.status, entry);
  }
  // Which status a count applies to is decided per status (the drill-down's rule: overdue while the
  // clock runs, ages while undecided); a status none of whose requests is open has no row.
  return [...byStatus]
    .filter(([, c]) => c.n > 0)
    .map(([status, c]) => {
      const clockRuns = (clockRunningStatuses as readonly string[]).includes(status);
      const undecided = undecidedStatuses.includes(status);
      return {
        status,
        n: c.n,
        overdue: clockRuns ? c.overdue : 0,
        b0: undecided ? c.s7 : 0,
        b1: undecided ? c.s14 - c.s7 : 0,
        b2: undecided ? c.s30 - c.s14 : 0,
        b3: undecided ? c.aged - c.s30 : 0,
      };
    });
}

export interface StayRow {
  stage: string;
  workingDays: number;
  n: number;
}

/** The first day of the month of a date (YYYY-MM-DD), and the first day of the month after. */
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const nextMonth = (date: string) => {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);

/**
 * Stays that ended in the period (local days), by stage and length in working days: the period's whole
 * months from the month rows, the days of its partial months from the day rows (migrations 0028, 0033).
 */
export function stayCounts(tx: Tx, w: FigureWindow) {
  // Whole months: from the first month starting on or after `from` to the last one ending on or before `to`.
  const first = w.from.endsWith('-01') ? w.from : nextMonth(w.from);
  const after = nextDay(w.to).endsWith('-01') ? nextDay(w.to) : monthStart(w.to);
  const whole = first < after;
  const days = whole ? sql`and (s.day < ${first}::date or s.day >= ${after}::date)` : sql``;
  const months = whole
    ? sql`union all
        select m.stage, m.working_days, m.stays from request_stage_stay_month_counts m
         where m.organization_id = ${w.organizationId} and m.month >= ${first}::date and m.month < ${after}::date
           ${serviceFilter(w, sql`m.service_id`)}`
    : sql``;
  return rows<StayRow>(
    tx,
    sql`select t.stage, t.working_days as "workingDays", sum(t.stays)::int as n
          from (select s.stage, s.working_days, s.stays from request_stage_stay_counts s
                 where s.organization_id = ${w.organizationId} and s.day >= ${w.from}::date and s.day <= ${w.to}::date
                   ${days} ${serviceFilter(w, sql`s.service_id`)}
                ${months}) t
         group by 1, 2`,
  );
}

export interface OpenOverdue {
  open: number;
  overdue: number;
}

/** Referrals not yet answered, and those past their due time. */
export async function referralCounts(tx: Tx, w: FigureWindow): Promise<OpenOverdue> {
  const [row] = await rows<OpenOverdue>(
    tx,
    sql`select count(*)::int as open, (count(*) filter (where f.due_at < ${w.now}))::int as overdue
          from referrals f join requests r on r.organization_id = f.organization_id and r.id = f.request_id
         where f.organization_id = ${w.organizationId} and f.answered_at is null ${serviceFilter(w)}`,
  );
  return row!;
}

/** Verification tasks not done, and those whose day to be done by has passed. */
export async function verificationCounts(tx: Tx, w: FigureWindow): Promise<OpenOverdue> {
  const [row] = await rows<OpenOverdue>(
    tx,
    sql`select count(*)::int as open, (count(*) filter (where t.due_on < ${w.today}::date))::int as overdue
          from verification_tasks t join requests r on r.organization_id = t.organization_id and r.id = t.request_id
         where t.organization_id = ${w.organizationId} and t.status <> 'done' ${serviceFilter(w)}`,
  );
  return row!;
}

export interface InTimeCounts {
  received: number;
  done: number;
  inTime: number;
  late: number;
}

/** Late: answered after the due time, or still unanswered past it (the drill-down's `*_late`). */
export const inquiryLateSql = (now: Date) =>
  sql`(q.answered_at > q.due_at or (q.answered_at is null and q.due_at < ${now}))`;

/** A complaint's answer time: the reply, or its closing when closed without one. */
const complaintDoneAt = sql`coalesce(c.replied_at, c.closed_at)`;
export const complaintLateSql = (now: Date) =>
  sql`(${complaintDoneAt} > c.due_at or (${complaintDoneAt} is null and c.due_at < ${now}))`;
/** A complaint about the reader is never shown to them (complaints module). */
export const notAboutReader = (actorId: string) => sql`c.about_staff_id is distinct from ${actorId}`;

/** Inquiries received in the period: answered, answered by their due time, late. */
export async function inquiryCounts(tx: Tx, w: FigureWindow): Promise<InTimeCounts> {
  const [row] = await rows<InTimeCounts>(
    tx,
    sql`select count(*)::int as received, count(q.answered_at)::int as done,
               (count(*) filter (where q.answered_at <= q.due_at))::int as "inTime",
               (count(*) filter (where ${inquiryLateSql(w.now)}))::int as late
          from inquiries q
         where q.organization_id = ${w.organizationId} and q.created_at >= ${w.since} and q.created_at <= ${w.until}`,
  );
  return row!;
}

/** Complaints and suggestions received in the period: answered or closed, in time, late. */
export async function complaintCounts(tx: Tx, w: FigureWindow): Promise<InTimeCounts> {
  const [row] = await rows<InTimeCounts>(
    tx,
    sql`select count(*)::int as received, count(${complaintDoneAt})::int as done,
               (count(*) filter (where ${complaintDoneAt} <= c.due_at))::int as "inTime",
               (count(*) filter (where ${complaintLateSql(w.now)}))::int as late
          from complaints c
         where c.organization_id = ${w.organizationId} and c.created_at >= ${w.since} and c.created_at <= ${w.until}
           and ${notAboutReader(w.actorId)}`,
  );
  return row!;
}

export { rows as selectRows };
