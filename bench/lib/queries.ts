/**
 * The primary SQL statement of each benchmarked endpoint, as the bare routes run it (one statement,
 * no session, audit, validation or presentation) and as EXPLAIN ANALYZE reads it. Each mirrors the
 * statement the repository runs for that endpoint (src/server/modules/*\/*.repository.ts).
 */
export const summaryColumns = `b.id, b.file_number as "fileNumber", b.national_id as "nationalId", b.full_name_ar as "fullNameAr",
  b.full_name_en as "fullNameEn", b.gender, b.birth_date::text as "birthDate", b.phone, b.city, b.status, b.categories`;

export const bareSql = {
  /** searchByName's ranked page: every typed token among the record's tokens, best similarity first. */
  search: `select ${summaryColumns} from beneficiaries b
    where b.organization_id = $1 and b.merged_into is null and b.destroyed_at is null
      and b.name_tokens @> wasl_name_tokens($2)
    order by similarity(b.name_key, wasl_name_key($2)) desc, b.file_number limit 10`,
  /** The baseline: plain pg_trgm similarity on the normalised name (default threshold 0.3). */
  searchTrigram: `select ${summaryColumns} from beneficiaries b
    where b.organization_id = $1 and b.merged_into is null and b.destroyed_at is null
      and b.name_key % wasl_name_key($2)
    order by similarity(b.name_key, wasl_name_key($2)) desc, b.file_number limit 10`,
  profile: 'select * from beneficiaries where organization_id = $1 and id = $2',
  createRequest: `insert into requests (organization_id, number, beneficiary_id, service_id, channel, status,
      submitted_at, expected_decision_at, stage_entered_at, created_by)
    values ($1, 'X-' || gen_random_uuid(), $2, $3, 'in_person', 'submitted', now(), now() + interval '20 days', now(), $4)
    returning *`,
  transition: `update requests set status = 'under_review', stage_entered_at = now(), updated_at = now()
    where organization_id = $1 and id = $2 returning *`,
  queue: `select r.*, b.full_name_ar, b.file_number, b.phone, s.name_ar, s.name_en, s.recurrence, a.full_name as assigned_to_name
      from requests r
      join beneficiaries b on b.organization_id = r.organization_id and b.id = r.beneficiary_id
      join services s on s.organization_id = r.organization_id and s.id = r.service_id
      left join users a on a.organization_id = r.organization_id and a.id = r.assigned_to
     where r.organization_id = $1 and r.status in ('submitted', 'under_review', 'needs_info')
     order by r.stage_entered_at asc, r.id asc limit 50`,
  dashboard: `with open as (
      select status, assigned_to,
             (expected_decision_at < now() and status in ('submitted','under_review','in_verification','in_committee'))
             or stage_entered_at < now() - make_interval(days => 7) as late
        from requests
       where organization_id = $1 and status not in ('closed','withdrawn','rejected','delivered','draft')
    )
    select q.queue, count(o.*)::int as total, count(o.*) filter (where o.late)::int as overdue
      from (values ('review'), ('verification'), ('committee'), ('delivery'), ('mine'), ('all')) as q(queue)
      left join open o on case q.queue
          when 'review' then o.status in ('submitted','under_review','needs_info')
          when 'verification' then o.status = 'in_verification'
          when 'committee' then o.status = 'in_committee'
          when 'delivery' then o.status in ('approved','registered')
          when 'mine' then o.assigned_to = $2
          else true end
     group by q.queue`,
} as const;

/**
 * The dashboard's main statements (modules/dashboards/dashboards.repository.ts), run one after the
 * other by the bare route, as the service does in its one transaction. $1 organization, $2 and $3 the
 * period's first and last local dates — except `reasons`: $1 organization, $2 and $3 the period's first
 * and last instants; and `open`: $1 organization, $2 the time zone, $3 now, $4 today (local date).
 */
export const dashboardSql = {
  submitted: `select c.day::text as day, c.channel, c.service_id, sum(c.n)::int as n
      from request_day_counts c
     where c.organization_id = $1 and c.kind = 'submitted' and c.day >= $2::date and c.day <= $3::date
     group by 1, 2, 3`,
  decisions: `select c.day::text as day, c.kind = 'rejected' as rejected, c.within_promise as within, sum(c.n)::int as n
      from request_day_counts c
     where c.organization_id = $1 and c.kind in ('approved', 'rejected') and c.day >= $2::date and c.day <= $3::date
     group by 1, 2, 3`,
  reasons: `select lower(btrim(regexp_replace(coalesce(r.decision_reason, ''), '\\s+', ' ', 'g'))) as key, count(*)::int as n
      from requests r
     where r.organization_id = $1 and r.decided_at is not null and r.status in ('rejected', 'closed')
       and r.decided_at >= $2 and r.decided_at <= $3
       and (r.status = 'rejected' or exists (select 1 from request_history h
              where h.organization_id = r.organization_id and h.request_id = r.id and h.action = 'reject'))
     group by 1 order by 2 desc limit 10`,
  open: `select r.status, count(*)::int as n,
           (count(*) filter (where r.status in ('submitted','under_review','in_verification','in_committee')
                               and r.expected_decision_at < $3))::int as overdue,
           (count(*) filter (where r.status in ('submitted','under_review','needs_info','in_verification','in_committee')
                               and r.submitted_at >= ($4::date - 7)::timestamp at time zone $2))::int as b0
      from requests r
     where r.organization_id = $1
       and r.status in ('submitted','under_review','needs_info','in_verification','in_committee','approved','registered')
     group by 1`,
  stays: `select s.stage, s.working_days, sum(s.stays)::int as n
      from request_stage_stay_counts s
     where s.organization_id = $1 and s.day >= $2::date and s.day <= $3::date
     group by 1, 2`,
} as const;

/** The parameters of `dashboardSql` for the last 90 days (Asia/Riyadh, as the generated associations). */
export function dashboardParams(org: string, now = new Date()) {
  const timeZone = 'Asia/Riyadh';
  const today = new Intl.DateTimeFormat('en-CA', { timeZone }).format(now);
  const since = new Date(Date.parse(`${today}T00:00:00+03:00`) - 89 * 86_400_000);
  const until = new Date(Date.parse(`${today}T23:59:59+03:00`));
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);
  return {
    days: [org, from, today],
    instants: [org, since, until],
    open: [org, timeZone, now, today],
  };
}

/** The queue list's count, run beside the page by listRequestViews. */
export const queueCountSql = `select count(*)::int from requests r
  where r.organization_id = $1 and r.status in ('submitted', 'under_review', 'needs_info')`;

/** searchByName's total, run beside the page. */
export const searchCountSql = `select count(*)::int as n from beneficiaries b
  where b.organization_id = $1 and b.merged_into is null and b.destroyed_at is null
    and b.name_tokens @> wasl_name_tokens($2)`;
