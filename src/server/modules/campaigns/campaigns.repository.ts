import { and, desc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { services } from '../services/services.tables';
import { campaignRecipients, outreachCampaigns } from './campaigns.tables';

const creator = alias(users, 'campaign_creator');
const approver = alias(users, 'campaign_approver');

export function selectCampaigns(tx: Tx, organizationId: string) {
  return tx
    .select({
      campaign: outreachCampaigns,
      serviceName: services.nameAr,
      createdByName: creator.fullName,
      approvedByName: approver.fullName,
    })
    .from(outreachCampaigns)
    .innerJoin(
      services,
      and(
        eq(services.organizationId, outreachCampaigns.organizationId),
        eq(services.id, outreachCampaigns.serviceId),
      ),
    )
    .leftJoin(
      creator,
      and(
        eq(creator.organizationId, outreachCampaigns.organizationId),
        eq(creator.id, outreachCampaigns.createdBy),
      ),
    )
    .leftJoin(
      approver,
      and(
        eq(approver.organizationId, outreachCampaigns.organizationId),
        eq(approver.id, outreachCampaigns.approvedBy),
      ),
    )
    .where(eq(outreachCampaigns.organizationId, organizationId))
    .orderBy(desc(outreachCampaigns.createdAt), desc(outreachCampaigns.id))
    .$dynamic();
}

export type CampaignView = Awaited<ReturnType<ReturnType<typeof selectCampaigns>['execute']>>[number];

export async function insertCampaign(tx: Tx, values: typeof outreachCampaigns.$inferInsert) {
  const [row] = await tx.insert(outreachCampaigns).values(values).returning({ id: outreachCampaigns.id });
  return row!.id;
}

export async function lockCampaign(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(outreachCampaigns)
    .where(and(eq(outreachCampaigns.organizationId, organizationId), eq(outreachCampaigns.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateCampaign(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof outreachCampaigns.$inferInsert>,
) {
  await tx
    .update(outreachCampaigns)
    .set(values)
    .where(and(eq(outreachCampaigns.organizationId, organizationId), eq(outreachCampaigns.id, id)));
}

export type CandidateRow = {
  id: string;
  full_name_ar: string;
  file_number: string;
  preferred_language: string;
  consented: boolean;
  recently_contacted: boolean;
  reached: boolean;
};

/**
 * What stands between each eligible person and this campaign's message: the contact consent in force
 * (the latest decision), outreach within the last `days` (this module's campaigns and the reminders of
 * the messaging module), and whether this campaign already reached them.
 */
export async function candidates(
  tx: Tx,
  input: { organizationId: string; campaignId: string; beneficiaryIds: string[]; since: Date },
) {
  if (input.beneficiaryIds.length === 0) return [];
  const org = input.organizationId;
  const result = await tx.execute<CandidateRow>(sql`
    select b.id, b.full_name_ar, b.file_number, b.preferred_language,
           coalesce((select c.granted from consents c
                      where c.organization_id = b.organization_id and c.beneficiary_id = b.id and c.purpose = 'contact'
                      order by c.recorded_at desc, c.id desc limit 1), false) as consented,
           (exists (select 1 from campaign_recipients r
                     where r.organization_id = b.organization_id and r.beneficiary_id = b.id
                       and r.message_id is not null and r.created_at > ${input.since})
            or exists (select 1 from outreach_sends s join outbox_messages m
                         on m.organization_id = s.organization_id and m.id = s.message_id
                        where s.organization_id = b.organization_id and m.beneficiary_id = b.id
                          and s.sent_at > ${input.since})) as recently_contacted,
           exists (select 1 from campaign_recipients r
                    where r.organization_id = b.organization_id and r.campaign_id = ${input.campaignId}
                      and r.beneficiary_id = b.id) as reached
      from beneficiaries b
     where b.organization_id = ${org} and b.id in (${sql.join(
       input.beneficiaryIds.map((id) => sql`${id}::uuid`),
       sql`, `,
     )})
     order by b.full_name_ar, b.id`);
  return result.rows;
}

/** Records that the campaign reached (or skipped) a person; false when it already had (never twice). */
export async function insertRecipient(tx: Tx, values: typeof campaignRecipients.$inferInsert) {
  const rows = await tx
    .insert(campaignRecipients)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: campaignRecipients.id });
  return rows.length > 0;
}
