import { and, countDistinct, desc, eq, isNull, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database';
import {
  beneficiaryDocuments,
  consents,
  declarations,
  declarationTexts,
  interactions,
} from './beneficiaries.tables';

export type DocumentRow = typeof beneficiaryDocuments.$inferSelect;
export type DeclarationRow = typeof declarations.$inferSelect;
export type DeclarationTextRow = typeof declarationTexts.$inferSelect;

// ---- documents ----

export const listDocuments = (tx: Tx, beneficiaryId: string) =>
  tx
    .select()
    .from(beneficiaryDocuments)
    .where(eq(beneficiaryDocuments.beneficiaryId, beneficiaryId))
    .orderBy(desc(beneficiaryDocuments.uploadedAt));

export async function insertDocument(tx: Tx, values: typeof beneficiaryDocuments.$inferInsert) {
  const [row] = await tx.insert(beneficiaryDocuments).values(values).returning();
  return row!;
}

export async function findDocument(tx: Tx, beneficiaryId: string, documentId: string) {
  const [row] = await tx
    .select()
    .from(beneficiaryDocuments)
    .where(
      and(eq(beneficiaryDocuments.beneficiaryId, beneficiaryId), eq(beneficiaryDocuments.id, documentId)),
    );
  return row ?? null;
}

/**
 * How many kinds of document are expired with no valid one of the same kind on file: an expired ID
 * stops counting once a valid ID is added (as the submission check judges them, per type).
 */
export async function countExpiredDocuments(tx: Tx, beneficiaryId: string, today: string) {
  const valid = alias(beneficiaryDocuments, 'valid');
  const [row] = await tx
    .select({ n: countDistinct(beneficiaryDocuments.type) })
    .from(beneficiaryDocuments)
    .where(
      and(
        eq(beneficiaryDocuments.beneficiaryId, beneficiaryId),
        sql`${beneficiaryDocuments.expiryDate} < ${today}`,
        notExists(
          tx
            .select({ one: sql`1` })
            .from(valid)
            .where(
              and(
                eq(valid.organizationId, beneficiaryDocuments.organizationId),
                eq(valid.beneficiaryId, beneficiaryDocuments.beneficiaryId),
                eq(valid.type, beneficiaryDocuments.type),
                or(isNull(valid.expiryDate), sql`${valid.expiryDate} >= ${today}`),
              ),
            ),
        ),
      ),
    );
  return row?.n ?? 0;
}

// ---- declarations and consents ----

export async function currentDeclarationText(tx: Tx, organizationId: string) {
  const [row] = await tx
    .select()
    .from(declarationTexts)
    .where(eq(declarationTexts.organizationId, organizationId))
    .orderBy(desc(declarationTexts.version))
    .limit(1);
  return row ?? null;
}

/** Writes a version of the text unless that version exists (first use, raced by another request). */
export async function insertDeclarationTextIfAbsent(tx: Tx, values: typeof declarationTexts.$inferInsert) {
  await tx.insert(declarationTexts).values(values).onConflictDoNothing();
}

export async function insertDeclarationText(tx: Tx, values: typeof declarationTexts.$inferInsert) {
  const [row] = await tx.insert(declarationTexts).values(values).returning();
  return row!;
}

export const listDeclarations = (tx: Tx, beneficiaryId: string) =>
  tx
    .select()
    .from(declarations)
    .where(eq(declarations.beneficiaryId, beneficiaryId))
    .orderBy(desc(declarations.signedAt));

export async function insertDeclaration(tx: Tx, values: typeof declarations.$inferInsert) {
  const [row] = await tx.insert(declarations).values(values).returning();
  return row!;
}

export const listConsents = (tx: Tx, beneficiaryId: string) =>
  tx
    .select()
    .from(consents)
    .where(eq(consents.beneficiaryId, beneficiaryId))
    .orderBy(desc(consents.recordedAt));

export async function insertConsent(tx: Tx, values: typeof consents.$inferInsert) {
  const [row] = await tx.insert(consents).values(values).returning();
  return row!;
}

// ---- interactions ----

export async function insertInteraction(tx: Tx, values: typeof interactions.$inferInsert) {
  const [row] = await tx.insert(interactions).values(values).returning();
  return row!;
}

export const listInteractions = (tx: Tx, beneficiaryId: string) =>
  tx
    .select()
    .from(interactions)
    .where(eq(interactions.beneficiaryId, beneficiaryId))
    .orderBy(desc(interactions.occurredAt));

// ---- timeline ----

export type TimelineRow = {
  id: string;
  kind: string;
  at: Date;
  actorName: string | null;
  channel: string | null;
  summary: string;
  details: Record<string, unknown>;
};

/** Everything that happened to one beneficiary, newest first, from the records and the audit log. */
export async function timelineOf(tx: Tx, organizationId: string, beneficiaryId: string, limit = 200) {
  const result = await tx.execute<TimelineRow>(sql`
    select * from (
      select 'i-' || i.id as id, 'interaction' as kind, i.occurred_at as at, u.full_name as "actorName", i.channel,
             i.kind as summary, jsonb_build_object('kind', i.kind, 'text', i.summary) as details
        from interactions i left join users u on u.organization_id = i.organization_id and u.id = i.staff_id
       where i.organization_id = ${organizationId} and i.beneficiary_id = ${beneficiaryId}
      union all
      select 'd-' || d.id, 'document', d.uploaded_at, u.full_name, null, d.type,
             jsonb_build_object('type', d.type, 'expiryDate', d.expiry_date, 'fileName', d.file_name)
        from beneficiary_documents d left join users u on u.organization_id = d.organization_id and u.id = d.uploaded_by
       where d.organization_id = ${organizationId} and d.beneficiary_id = ${beneficiaryId}
      union all
      select 's-' || s.id, 'declaration', s.signed_at, u.full_name, s.channel, s.method,
             jsonb_build_object('textVersion', s.text_version, 'method', s.method)
        from declarations s left join users u on u.organization_id = s.organization_id and u.id = s.witnessed_by
       where s.organization_id = ${organizationId} and s.beneficiary_id = ${beneficiaryId}
      union all
      select 'c-' || c.id, 'consent', c.recorded_at, u.full_name, c.channel, c.purpose,
             jsonb_build_object('purpose', c.purpose, 'granted', c.granted)
        from consents c left join users u on u.organization_id = c.organization_id and u.id = c.recorded_by
       where c.organization_id = ${organizationId} and c.beneficiary_id = ${beneficiaryId}
      union all
      select 'a-' || a.id, case
               when a.action = 'beneficiaries.create' then 'created'
               when a.action = 'beneficiaries.change_status' then 'status'
               when a.action like 'beneficiaries.household.%' then 'household'
               else 'updated' end,
             a.occurred_at, a.actor_name, null, a.action, a.details
        from audit_events a
       where a.organization_id = ${organizationId} and a.entity_type = 'beneficiary' and a.entity_id = ${beneficiaryId}
         and a.outcome = 'success'
         and a.action in ('beneficiaries.create', 'beneficiaries.update', 'beneficiaries.change_status',
                          'beneficiaries.household.add', 'beneficiaries.household.remove', 'beneficiaries.merge',
                          'beneficiaries.legal_hold')
    ) t order by at desc limit ${limit}`);
  return result.rows;
}
