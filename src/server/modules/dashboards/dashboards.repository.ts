// The dashboard's figures, each one grouped read in SQL over the association's rows (row-level security
// shows only them; every statement names the organization too, so the indexes of migration 0028 serve).
// Submissions, decisions and stays are read from the counts kept when they happen (migration 0028), by
// local day of the association; open work is counted from the requests as they are now.
import { type SQL, sql } from 'drizzle-orm';
import { clockRunningStatuses, inProgressStatuses } from '../../../shared/requests/request-machine';
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

/** A request decided against: rejected now, or closed after a rejection (a decision is taken once). */
export const rejectedSql = sql`(r.status = 'rejected' or (r.status = 'closed' and exists (
  select 1 from request_history h
   where h.organization_id = r.organization_id and h.request_id = r.id and h.action = 'reject')))`;

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
 * Rejections of the period by reason. The same rule as `rejectedSql`, written for speed: a closed request's
 * `reject` is looked up per row (one index probe, not a hash of the association's whole history), and the
 * rows are grouped by the reason as typed before the (costly) normalisation runs once per distinct text.
 */
export const rejectionReasons = (tx: Tx, w: FigureWindow, limit = 10) =>
  rows<ReasonRow>(
    tx,
    sql`with typed as (
          select r.decision_reason as reason, count(*) as n
            from requests r
            left join lateral (
              select 1 as rejected from request_history h
               where h.organization_id = r.organization_id and h.request_id = r.id and h.action = 'reject'
               limit 1) h on r.status = 'closed'
           where r.organization_id = ${w.organizationId} and r.decided_at is not null and r.status in ('rejected', 'closed')
             and r.decided_at >= ${w.since} and r.decided_at <= ${w.until} ${serviceFilter(w)}
             and (r.status = 'rejected' or h.rejected is not null)
           group by 1)
        select lower(btrim(regexp_replace(coalesce(reason, ''), '\\s+', ' ', 'g'))) as key,
               min(regexp_replace(btrim(reason), '\\s+', ' ', 'g')) as label, sum(n)::int as n
          from typed
         group by 1 having sum(n) >= ${minRejectionsPerReason} order by 3 desc, 1 limit ${limit}`,
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

/** Open requests now by stage, with those past their promised date and the undecided ones' ages. */
export async function openCounts(tx: Tx, w: FigureWindow): Promise<OpenRow[]> {
  // Grouped by status, so which status a count applies to is decided once per group below rather than
  // once per row in SQL (the same rule as the drill-down's: overdue while the clock runs, ages while
  // undecided).
  const bucket = (name: string) => sql`(count(*) filter (where ${ageSql(w, name)}))::int`;
  const counted = await rows<OpenRow>(
    tx,
    sql`select r.status, count(*)::int as n,
               (count(*) filter (where r.expected_decision_at < ${w.now}))::int as overdue,
               ${bucket('0-7')} as b0, ${bucket('8-14')} as b1, ${bucket('15-30')} as b2, ${bucket('31+')} as b3
          from requests r
         where r.organization_id = ${w.organizationId} and ${sqlIn(sql`r.status`, inProgressStatuses)}
           ${serviceFilter(w)}
         group by 1`,
  );
  return counted.map((row) => {
    const clockRuns = (clockRunningStatuses as readonly string[]).includes(row.status);
    const undecided = undecidedStatuses.includes(row.status);
    return {
      ...row,
      overdue: clockRuns ? row.overdue : 0,
      b0: undecided ? row.b0 : 0,
      b1: undecided ? row.b1 : 0,
      b2: undecided ? row.b2 : 0,
      b3: undecided ? row.b3 : 0,
    };
  });
}

export interface StayRow {
  stage: string;
  workingDays: number;
  n: number;
}

/** Stays that ended in the period (local days), by stage and length in working days. */
export const stayCounts = (tx: Tx, w: FigureWindow) =>
  rows<StayRow>(
    tx,
    sql`select s.stage, s.working_days as "workingDays", sum(s.stays)::int as n
          from request_stage_stay_counts s
         where s.organization_id = ${w.organizationId} and s.day >= ${w.from}::date and s.day <= ${w.to}::date
           ${serviceFilter(w, sql`s.service_id`)}
         group by 1, 2`,
  );

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
