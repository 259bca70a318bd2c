import { and, desc, eq, sql } from 'drizzle-orm';
import type { ExportedCharterAcceptance, ExportedDispute } from '../../../shared/contracts/disputes';
import type { Tx } from '../../platform/db/database';
import { type SummaryRow, summaryColumns } from './beneficiaries.repository';
import { correctionRequests, duplicateSuspicions } from './beneficiaries.tables';

export async function listOpenSuspicions(tx: Tx, organizationId: string) {
  return tx
    .select()
    .from(duplicateSuspicions)
    .where(
      and(eq(duplicateSuspicions.organizationId, organizationId), eq(duplicateSuspicions.status, 'open')),
    )
    .orderBy(desc(duplicateSuspicions.createdAt))
    .limit(200);
}

export async function findSuspicion(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(duplicateSuspicions)
    .where(and(eq(duplicateSuspicions.organizationId, organizationId), eq(duplicateSuspicions.id, id)))
    .for('update');
  return row ?? null;
}

export async function resolveSuspicion(
  tx: Tx,
  organizationId: string,
  id: string,
  status: 'dismissed' | 'merged',
  userId: string,
) {
  await tx
    .update(duplicateSuspicions)
    .set({ status, resolvedBy: userId, resolvedAt: sql`now()` })
    .where(and(eq(duplicateSuspicions.organizationId, organizationId), eq(duplicateSuspicions.id, id)));
}

export async function summariesByIds(tx: Tx, organizationId: string, ids: string[]) {
  if (!ids.length) return [];
  const result = await tx.execute<SummaryRow>(
    sql`select ${summaryColumns} from beneficiaries b where b.organization_id = ${organizationId} and b.id in ${sql`(${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`}`,
  );
  return result.rows;
}

/**
 * The registry's tables whose rows belong to one beneficiary: in a merge they all move to the kept
 * record. Requests move through the requests module (and everything hanging on a request with them);
 * open duplicate suspicions are re-pointed by `repointSuspicions`. A test holds this list against every
 * foreign key to `beneficiaries`, so a new table cannot be forgotten.
 */
export const recordTablesMovedOnMerge = [
  'household_members',
  'beneficiary_documents',
  'declarations',
  'consents',
  'interactions',
  'correction_requests',
  'inquiries',
  'partner_referrals',
  'appointments',
  'outbox_messages',
  'complaints',
  // Satisfaction surveys (the anonymous answers name no one and stay as they are).
  'survey_invitations',
  'survey_responses',
  // The charter accepted, and disputes with the person (issue 14).
  'charter_acceptances',
  'disputes',
] as const;

/** Moves every record of `fromId` onto `toId` (a merge keeps everything the organization held). */
export async function moveRecords(tx: Tx, organizationId: string, fromId: string, toId: string) {
  for (const table of recordTablesMovedOnMerge) {
    await tx.execute(
      sql`update ${sql.identifier(table)} set beneficiary_id = ${toId} where organization_id = ${organizationId} and beneficiary_id = ${fromId}`,
    );
  }
}

/**
 * Open suspicions about the merged record now concern the kept one, so the review page still shows
 * them; those between the two (now one person), and a second copy of a pair, are resolved as merged.
 */
export async function repointSuspicions(
  tx: Tx,
  organizationId: string,
  fromId: string,
  toId: string,
  userId: string,
) {
  const open = sql`organization_id = ${organizationId} and status = 'open'`;
  await tx.execute(
    sql`update duplicate_suspicions set beneficiary_id = ${toId} where ${open} and beneficiary_id = ${fromId}`,
  );
  await tx.execute(
    sql`update duplicate_suspicions set other_id = ${toId} where ${open} and other_id = ${fromId}`,
  );
  await tx.execute(sql`update duplicate_suspicions d set status = 'merged', resolved_by = ${userId}, resolved_at = now()
    where ${open} and (beneficiary_id = ${toId} or other_id = ${toId})
      and (beneficiary_id = other_id or exists (
        select 1 from duplicate_suspicions e
         where e.organization_id = d.organization_id and e.status = 'open' and e.id <> d.id
           and least(e.beneficiary_id, e.other_id) = least(d.beneficiary_id, d.other_id)
           and greatest(e.beneficiary_id, e.other_id) = greatest(d.beneficiary_id, d.other_id)
           and (e.created_at, e.id) < (d.created_at, d.id)))`);
}

/**
 * Where the person of a merged record is now: the live record at the end of its chain of merges
 * (a record merged into one that was merged in turn). Null when `id` is no record of the organization.
 */
export async function findSurvivor(tx: Tx, organizationId: string, id: string): Promise<string | null> {
  const result = await tx.execute<{ id: string }>(sql`
    with recursive chain as (
      select id, merged_into, 0 as hops from beneficiaries where organization_id = ${organizationId} and id = ${id}
      union all
      select b.id, b.merged_into, chain.hops + 1
        from chain join beneficiaries b on b.organization_id = ${organizationId} and b.id = chain.merged_into
       where chain.hops < 50
    )
    select id from chain where merged_into is null limit 1`);
  return result.rows[0]?.id ?? null;
}

/** Removes personal data of the beneficiary's related records (destruction under PDPL). */
export async function erasePersonalRecords(tx: Tx, beneficiaryId: string) {
  await tx.execute(sql`update household_members set full_name = '—', national_id = null, health = null,
    birth_date = date_trunc('year', birth_date)::date where beneficiary_id = ${beneficiaryId}`);
  await tx.execute(sql`update interactions set summary = '—' where beneficiary_id = ${beneficiaryId}`);
  await tx.execute(sql`update inquiries set question = '—', answer = case when answer is null then null else '—' end,
    contact_name = null, contact_phone = null where beneficiary_id = ${beneficiaryId}`);
  // What was shared with a partner: the fact and the fields stay, the values go.
  await tx.execute(
    sql`update partner_referrals set shared_data = '{}'::jsonb, reason = '—' where beneficiary_id = ${beneficiaryId}`,
  );
  await tx.execute(sql`update appointments set purpose = null where beneficiary_id = ${beneficiaryId}`);
  // A dispute keeps its dates, steps and charter version for the figures; what was said goes.
  await tx.execute(sql`update dispute_steps s set note = '—' from disputes d
    where d.organization_id = s.organization_id and d.id = s.dispute_id and d.beneficiary_id = ${beneficiaryId}`);
  await tx.execute(sql`update disputes set subject = '—', description = '—',
    outcome = case when outcome is null then null else '—' end where beneficiary_id = ${beneficiaryId}`);
  // Survey answers stay for the figures, unlinked from the person; open invitations can no longer be used.
  await tx.execute(
    sql`update survey_responses set beneficiary_id = null where beneficiary_id = ${beneficiaryId}`,
  );
  await tx.execute(
    sql`delete from survey_invitations where beneficiary_id = ${beneficiaryId} and answered_at is null`,
  );
  await tx.execute(
    sql`update survey_invitations set beneficiary_id = null where beneficiary_id = ${beneficiaryId}`,
  );
  const signatures = await tx.execute<{ signature_key: string }>(
    sql`select signature_key from declarations where beneficiary_id = ${beneficiaryId} and signature_key is not null`,
  );
  await tx.execute(
    sql`update declarations set typed_name = null, signature_key = null where beneficiary_id = ${beneficiaryId}`,
  );
  const docs = await tx.execute<{ storage_key: string }>(
    sql`delete from beneficiary_documents where beneficiary_id = ${beneficiaryId} returning storage_key`,
  );
  return [...docs.rows.map((d) => d.storage_key), ...signatures.rows.map((d) => d.signature_key)];
}

/** The person's disputes with every step, and the charter versions they accepted (the PDPL export). */
export async function disputesAndCharterOf(tx: Tx, organizationId: string, beneficiaryId: string) {
  const disputes = await tx.execute<ExportedDispute>(sql`
    select d.subject, d.description, d.status, d.outcome, d.charter_version as "charterVersion",
           to_char(d.opened_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "openedAt",
           to_char(d.closed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "closedAt",
           coalesce((select jsonb_agg(jsonb_build_object('step', s.step, 'note', s.note,
                       'recordedAt', to_char(s.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
                     order by s.position)
                from dispute_steps s where s.organization_id = d.organization_id and s.dispute_id = d.id),
             '[]'::jsonb) as steps
      from disputes d where d.organization_id = ${organizationId} and d.beneficiary_id = ${beneficiaryId}
     order by d.opened_at, d.id`);
  const charter = await tx.execute<ExportedCharterAcceptance>(sql`
    select c.version_number as "versionNumber", c.channel,
           to_char(c.accepted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "acceptedAt"
      from charter_acceptances c where c.organization_id = ${organizationId} and c.beneficiary_id = ${beneficiaryId}
     order by c.accepted_at, c.id`);
  return { disputes: disputes.rows, charterAcceptances: charter.rows };
}

// ---- correction requests ----

export type CorrectionRow = typeof correctionRequests.$inferSelect;

export async function insertCorrection(tx: Tx, values: typeof correctionRequests.$inferInsert) {
  const [row] = await tx.insert(correctionRequests).values(values).returning();
  return row!;
}

export const listCorrections = (tx: Tx, beneficiaryId: string) =>
  tx
    .select()
    .from(correctionRequests)
    .where(eq(correctionRequests.beneficiaryId, beneficiaryId))
    .orderBy(desc(correctionRequests.createdAt));

export async function findCorrection(tx: Tx, organizationId: string, beneficiaryId: string, id: string) {
  const [row] = await tx
    .select()
    .from(correctionRequests)
    .where(
      and(
        eq(correctionRequests.organizationId, organizationId),
        eq(correctionRequests.id, id),
        eq(correctionRequests.beneficiaryId, beneficiaryId),
      ),
    )
    .for('update');
  return row ?? null;
}

export async function resolveCorrection(
  tx: Tx,
  organizationId: string,
  id: string,
  values: { status: 'applied' | 'rejected'; resolvedBy: string; resolutionNote: string },
) {
  const [row] = await tx
    .update(correctionRequests)
    .set({ ...values, resolvedAt: sql`now()` })
    .where(and(eq(correctionRequests.organizationId, organizationId), eq(correctionRequests.id, id)))
    .returning();
  return row!;
}
