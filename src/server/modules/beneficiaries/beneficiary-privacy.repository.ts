import { and, desc, eq, sql } from 'drizzle-orm';
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

export async function resolveSuspicion(tx: Tx, id: string, status: 'dismissed' | 'merged', userId: string) {
  await tx
    .update(duplicateSuspicions)
    .set({ status, resolvedBy: userId, resolvedAt: sql`now()` })
    .where(eq(duplicateSuspicions.id, id));
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

/** Moves every record of `fromId` onto `toId` (merge keeps every document, declaration and interaction). */
export async function moveRecords(tx: Tx, organizationId: string, fromId: string, toId: string) {
  for (const table of [
    'household_members',
    'beneficiary_documents',
    'declarations',
    'consents',
    'interactions',
  ]) {
    await tx.execute(
      sql`update ${sql.identifier(table)} set beneficiary_id = ${toId} where organization_id = ${organizationId} and beneficiary_id = ${fromId}`,
    );
  }
  await tx.execute(sql`update duplicate_suspicions set status = 'merged', resolved_at = now()
    where organization_id = ${organizationId} and status = 'open'
      and ((beneficiary_id = ${fromId} and other_id = ${toId}) or (beneficiary_id = ${toId} and other_id = ${fromId}))`);
}

/** Removes personal data of the beneficiary's related records (destruction under PDPL). */
export async function erasePersonalRecords(tx: Tx, beneficiaryId: string) {
  await tx.execute(sql`update household_members set full_name = '—', national_id = null, health = null,
    birth_date = date_trunc('year', birth_date)::date where beneficiary_id = ${beneficiaryId}`);
  await tx.execute(sql`update interactions set summary = '—' where beneficiary_id = ${beneficiaryId}`);
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

export async function findCorrection(tx: Tx, beneficiaryId: string, id: string) {
  const [row] = await tx
    .select()
    .from(correctionRequests)
    .where(and(eq(correctionRequests.beneficiaryId, beneficiaryId), eq(correctionRequests.id, id)))
    .for('update');
  return row ?? null;
}

export async function resolveCorrection(
  tx: Tx,
  id: string,
  values: { status: 'applied' | 'rejected'; resolvedBy: string; resolutionNote: string },
) {
  const [row] = await tx
    .update(correctionRequests)
    .set({ ...values, resolvedAt: sql`now()` })
    .where(eq(correctionRequests.id, id))
    .returning();
  return row!;
}
