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

/** The queue list's count, run beside the page by listRequestViews. */
export const queueCountSql = `select count(*)::int from requests r
  where r.organization_id = $1 and r.status in ('submitted', 'under_review', 'needs_info')`;

/** searchByName's total, run beside the page. */
export const searchCountSql = `select count(*)::int as n from beneficiaries b
  where b.organization_id = $1 and b.merged_into is null and b.destroyed_at is null
    and b.name_tokens @> wasl_name_tokens($2)`;
