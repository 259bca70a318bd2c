import { and, asc, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { partnerReferrals, partners } from './partners.tables';

export type PartnerRow = typeof partners.$inferSelect;

export const listPartners = (tx: Tx, organizationId: string, activeOnly: boolean) =>
  tx
    .select()
    .from(partners)
    .where(
      and(eq(partners.organizationId, organizationId), activeOnly ? eq(partners.active, true) : undefined),
    )
    .orderBy(asc(partners.nameAr));

export async function findPartner(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(partners)
    .where(and(eq(partners.organizationId, organizationId), eq(partners.id, id)));
  return row ?? null;
}

export async function insertPartner(tx: Tx, values: typeof partners.$inferInsert) {
  const [row] = await tx.insert(partners).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updatePartner(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof partners.$inferInsert>,
) {
  const [row] = await tx
    .update(partners)
    .set(values)
    .where(and(eq(partners.organizationId, organizationId), eq(partners.id, id)))
    .returning();
  return row ?? null;
}

export async function insertPartnerReferral(tx: Tx, values: typeof partnerReferrals.$inferInsert) {
  const [row] = await tx.insert(partnerReferrals).values(values).returning();
  return row!;
}

export const partnerReferralsOf = (tx: Tx, organizationId: string, beneficiaryId: string) =>
  tx
    .select({
      referral: partnerReferrals,
      partnerName: partners.nameAr,
      createdByName: users.fullName,
    })
    .from(partnerReferrals)
    .innerJoin(
      partners,
      and(
        eq(partners.organizationId, partnerReferrals.organizationId),
        eq(partners.id, partnerReferrals.partnerId),
      ),
    )
    .leftJoin(
      users,
      and(
        eq(users.organizationId, partnerReferrals.organizationId),
        eq(users.id, partnerReferrals.createdBy),
      ),
    )
    .where(
      and(
        eq(partnerReferrals.organizationId, organizationId),
        eq(partnerReferrals.beneficiaryId, beneficiaryId),
      ),
    )
    .orderBy(desc(partnerReferrals.createdAt), desc(partnerReferrals.id));
