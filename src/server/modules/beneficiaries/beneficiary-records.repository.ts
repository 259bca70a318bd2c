import { and, countDistinct, desc, eq, isNull, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database';
import {
  beneficiaryDocuments,
  consents,
  consentTexts,
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

/** The consent text in force per purpose (the latest version of each). */
export function currentConsentTexts(tx: Tx, organizationId: string) {
  return tx
    .selectDistinctOn([consentTexts.purpose])
    .from(consentTexts)
    .where(eq(consentTexts.organizationId, organizationId))
    .orderBy(consentTexts.purpose, desc(consentTexts.version));
}

export async function insertConsentText(tx: Tx, values: typeof consentTexts.$inferInsert) {
  const [row] = await tx.insert(consentTexts).values(values).returning();
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
