// The messaging module's reads and writes. The beneficiary's contact details and consents are read
// here (repositories may read other modules' tables); nothing here writes them.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { beneficiaries, beneficiaryDocuments, consents } from '../beneficiaries/beneficiaries.tables';
import { messageTemplates, outreachSends } from './messaging.tables';

export async function findContact(tx: Tx, organizationId: string, beneficiaryId: string) {
  const [row] = await tx
    .select({
      id: beneficiaries.id,
      fullNameAr: beneficiaries.fullNameAr,
      fullNameEn: beneficiaries.fullNameEn,
      phone: beneficiaries.phone,
      email: beneficiaries.email,
      preferredChannel: beneficiaries.preferredChannel,
      preferredLanguage: beneficiaries.preferredLanguage,
      destroyedAt: beneficiaries.destroyedAt,
    })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.id, beneficiaryId)));
  return row ?? null;
}

/** The consent in force for a purpose: the latest decision, or null when none was ever recorded. */
export async function latestConsent(
  tx: Tx,
  organizationId: string,
  beneficiaryId: string,
  purpose: string,
): Promise<boolean | null> {
  const [row] = await tx
    .select({ granted: consents.granted })
    .from(consents)
    .where(
      and(
        eq(consents.organizationId, organizationId),
        eq(consents.beneficiaryId, beneficiaryId),
        eq(consents.purpose, purpose),
      ),
    )
    .orderBy(desc(consents.recordedAt), desc(consents.id))
    .limit(1);
  return row ? row.granted : null;
}

export const listTemplates = (tx: Tx, organizationId: string) =>
  tx.select().from(messageTemplates).where(eq(messageTemplates.organizationId, organizationId));

export async function findTemplate(tx: Tx, organizationId: string, key: string) {
  const [row] = await tx
    .select({ ar: messageTemplates.ar, en: messageTemplates.en })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.organizationId, organizationId), eq(messageTemplates.key, key)));
  return row ?? null;
}

export async function upsertTemplate(
  tx: Tx,
  values: { organizationId: string; key: string; ar: string; en: string; updatedBy: string | null },
) {
  await tx
    .insert(messageTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [messageTemplates.organizationId, messageTemplates.key],
      set: { ar: values.ar, en: values.en, updatedBy: values.updatedBy, updatedAt: sql`now()` },
    });
}

export async function deleteTemplate(tx: Tx, organizationId: string, key: string) {
  await tx
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.organizationId, organizationId), eq(messageTemplates.key, key)));
}

/** Claims an outreach (kind, subject) once: false when it was already sent. */
export async function claimOutreach(
  tx: Tx,
  values: { organizationId: string; kind: string; subjectId: string },
): Promise<string | null> {
  const rows = await tx
    .insert(outreachSends)
    .values(values)
    .onConflictDoNothing({
      target: [outreachSends.organizationId, outreachSends.kind, outreachSends.subjectId],
    })
    .returning({ id: outreachSends.id });
  return rows[0]?.id ?? null;
}

export async function linkOutreachMessage(tx: Tx, organizationId: string, id: string, messageId: string) {
  await tx
    .update(outreachSends)
    .set({ messageId })
    .where(and(eq(outreachSends.organizationId, organizationId), eq(outreachSends.id, id)));
}

/** Documents of live beneficiaries expiring between two local dates (inclusive). */
export const expiringDocuments = (tx: Tx, organizationId: string, from: string, to: string) =>
  tx
    .select({
      id: beneficiaryDocuments.id,
      beneficiaryId: beneficiaryDocuments.beneficiaryId,
      type: beneficiaryDocuments.type,
      expiryDate: beneficiaryDocuments.expiryDate,
      fullNameAr: beneficiaries.fullNameAr,
      fullNameEn: beneficiaries.fullNameEn,
    })
    .from(beneficiaryDocuments)
    .innerJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, beneficiaryDocuments.organizationId),
        eq(beneficiaries.id, beneficiaryDocuments.beneficiaryId),
      ),
    )
    .where(
      and(
        eq(beneficiaryDocuments.organizationId, organizationId),
        sql`${beneficiaryDocuments.expiryDate} between ${from} and ${to}`,
        sql`${beneficiaries.destroyedAt} is null and ${beneficiaries.mergedInto} is null`,
        sql`${beneficiaries.status} in ('active', 'inactive')`,
      ),
    )
    .orderBy(beneficiaryDocuments.expiryDate, beneficiaryDocuments.id);

/** The associations holding a document that expires between two dates (across associations). */
export async function organizationsWithExpiringDocuments(
  tx: Tx,
  from: string,
  to: string,
): Promise<string[]> {
  const { rows } = await tx.execute<{ id: string }>(
    sql`select id from app_organizations_with_expiring_documents(${from}::date, ${to}::date) as id`,
  );
  return rows.map((r) => r.id);
}

export async function releaseOutreach(tx: Tx, organizationId: string, id: string) {
  await tx
    .delete(outreachSends)
    .where(and(eq(outreachSends.organizationId, organizationId), eq(outreachSends.id, id)));
}
