import { and, eq, sql } from 'drizzle-orm';
import { activeStatuses } from '../../../shared/requests/request-machine';
import type { Tx } from '../../platform/db/database';
import { fraudSignalDismissals } from './verification.tables';

export type SignalRow = {
  key: string;
  kind: string;
  other_id: string | null;
  other_file: string | null;
  detail: string | null;
};

/**
 * Signals of possible misuse around one request's beneficiary (read across the registry and requests,
 * like a report): open duplicate suspicions, the same phone or household member elsewhere, a document
 * number held by someone else, and many requests in a short time.
 */
export async function findSignals(tx: Tx, organizationId: string, beneficiaryId: string, now: Date) {
  const result = await tx.execute<SignalRow>(sql`
    with me as (select * from beneficiaries where id = ${beneficiaryId} and organization_id = ${organizationId})
    select 'duplicate:' || s.id as key, 'duplicate' as kind,
           case when s.beneficiary_id = me.id then s.other_id else s.beneficiary_id end as other_id,
           null::text as other_file, array_to_string(s.reasons, ',') as detail
      from duplicate_suspicions s, me
     where s.organization_id = ${organizationId} and s.status = 'open' and (s.beneficiary_id = me.id or s.other_id = me.id)
    union all
    select 'phone:' || b.id, 'same_phone', b.id, b.file_number, null
      from beneficiaries b, me
     where b.organization_id = ${organizationId} and b.phone = me.phone and b.id <> me.id
       and b.merged_into is null and b.destroyed_at is null
    union all
    select 'member:' || h.id, 'member_elsewhere', b.id, b.file_number, h.relation
      from household_members mine join me on mine.organization_id = me.organization_id and mine.beneficiary_id = me.id
      join household_members h on h.organization_id = ${organizationId} and h.national_id = mine.national_id and h.beneficiary_id <> me.id
      join beneficiaries b on b.organization_id = ${organizationId} and b.id = h.beneficiary_id
     where mine.national_id is not null
    union all
    select 'document:' || d.id, 'document_elsewhere', b.id, b.file_number, d.type || ' ' || d.number
      from beneficiary_documents mine join me on mine.organization_id = me.organization_id and mine.beneficiary_id = me.id
      join beneficiary_documents d on d.organization_id = ${organizationId} and d.type = mine.type and d.number = mine.number
                                   and d.beneficiary_id <> me.id
      join beneficiaries b on b.organization_id = ${organizationId} and b.id = d.beneficiary_id
     where mine.number is not null and mine.number <> ''
    union all
    select 'frequency:' || count(*), 'many_requests', null, null, count(*)::text
      from requests r, me
     where r.organization_id = ${organizationId} and r.beneficiary_id = me.id and r.created_at > ${now}::timestamptz - interval '90 days'
    having count(*) > 3`);
  return result.rows;
}

export const listDismissals = (tx: Tx, organizationId: string, requestId: string) =>
  tx
    .select()
    .from(fraudSignalDismissals)
    .where(
      and(
        eq(fraudSignalDismissals.organizationId, organizationId),
        eq(fraudSignalDismissals.requestId, requestId),
      ),
    );

export async function insertDismissal(tx: Tx, values: typeof fraudSignalDismissals.$inferInsert) {
  await tx.insert(fraudSignalDismissals).values(values).onConflictDoNothing();
}

export type FactsRow = {
  id: string;
  file_number: string;
  full_name_ar: string;
  categories: string[];
  city: string;
  birth_date: string;
  household_size: number;
  monthly_income: number;
  doc_types: string[] | null;
  valid_types: string[] | null;
  active_requests: number;
  last_delivery: string | null;
  open_request: boolean;
};

/** Facts for the what-if of a rule change: every live beneficiary of the organization in one scan. */
export async function eligibilityFactsOf(tx: Tx, organizationId: string, serviceId: string, today: string) {
  const result = await tx.execute<FactsRow>(sql`
    select b.id, b.file_number, b.full_name_ar, b.categories, b.city, b.birth_date::text as birth_date,
           1 + coalesce(h.members, 0) as household_size,
           coalesce((select sum((x->>'monthlyAmount')::numeric) from jsonb_array_elements(b.income_sources) x), 0)
             + coalesce(h.income, 0) as monthly_income,
           d.doc_types, d.valid_types,
           -- As the beneficiary's own open request would be evaluated: the other active ones count.
           greatest(coalesce(r.active, 0) - 1, 0) as active_requests,
           r.last_delivery, coalesce(r.active, 0) > 0 as open_request
      from beneficiaries b
      left join (select beneficiary_id, count(*)::int as members, sum(monthly_income)::numeric as income
                   from household_members where organization_id = ${organizationId} group by beneficiary_id) h
             on h.beneficiary_id = b.id
      -- Types on file and types with a valid copy: half the cost of shipping every document as JSON.
      left join (select beneficiary_id, array_agg(distinct type) as doc_types,
                        array_agg(distinct type) filter (where expiry_date is null or expiry_date >= ${today}::date) as valid_types
                   from beneficiary_documents where organization_id = ${organizationId} group by beneficiary_id) d
             on d.beneficiary_id = b.id
      -- Counted by request, not by joined row: a registered request with several deliveries is one.
      left join (select r.beneficiary_id,
                        count(distinct r.id) filter (where r.status in ${[...activeStatuses]})::int as active,
                        max(dl.delivered_on)::text as last_delivery
                   from requests r
                   left join deliveries dl on dl.organization_id = r.organization_id and dl.request_id = r.id
                  where r.organization_id = ${organizationId} and r.service_id = ${serviceId}
                  group by r.beneficiary_id) r
             on r.beneficiary_id = b.id
     where b.organization_id = ${organizationId} and b.status = 'active'
       and b.merged_into is null and b.destroyed_at is null`);
  return result.rows;
}
