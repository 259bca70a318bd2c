import { and, asc, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import {
  beneficiaries,
  beneficiaryDocuments,
  consents,
  declarations,
  declarationTexts,
  duplicateSuspicions,
  householdMembers,
  interactions,
  organizationCounters,
} from './beneficiaries.tables';

export type BeneficiaryRow = typeof beneficiaries.$inferSelect;
export type BeneficiaryInsert = typeof beneficiaries.$inferInsert;
export type HouseholdRow = typeof householdMembers.$inferSelect;
export type DocumentRow = typeof beneficiaryDocuments.$inferSelect;
export type DeclarationRow = typeof declarations.$inferSelect;
export type DeclarationTextRow = typeof declarationTexts.$inferSelect;

/** Live records: not merged into another, not destroyed. */
const live = () => and(isNull(beneficiaries.mergedInto), isNull(beneficiaries.destroyedAt));

export async function nextFileNumber(tx: Tx, organizationId: string): Promise<string> {
  const [row] = await tx
    .insert(organizationCounters)
    .values({ organizationId, name: 'beneficiary', value: 1 })
    .onConflictDoUpdate({
      target: [organizationCounters.organizationId, organizationCounters.name],
      set: { value: sql`${organizationCounters.value} + 1` },
    })
    .returning({ value: organizationCounters.value });
  return `B-${String(row!.value).padStart(6, '0')}`;
}

export async function insertBeneficiary(tx: Tx, values: BeneficiaryInsert): Promise<BeneficiaryRow> {
  const [row] = await tx.insert(beneficiaries).values(values).returning();
  return row!;
}

export async function findBeneficiary(tx: Tx, organizationId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(beneficiaries)
    .where(and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateBeneficiaryRow(tx: Tx, id: string, values: Partial<BeneficiaryInsert>) {
  const [row] = await tx
    .update(beneficiaries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(beneficiaries.id, id))
    .returning();
  return row!;
}

export async function findByNationalId(tx: Tx, organizationId: string, nationalId: string) {
  const [row] = await tx
    .select()
    .from(beneficiaries)
    .where(
      and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.nationalId, nationalId), live()),
    );
  return row ?? null;
}

export type DuplicateCandidate = {
  id: string;
  fileNumber: string;
  fullNameAr: string;
  nationalId: string;
  reason: 'phone' | 'household_member' | 'similar_name_same_birth_date';
};

/** Other live records that may be the same person: same phone, listed in a household, or a close name born the same day. */
export async function findDuplicateCandidates(
  tx: Tx,
  organizationId: string,
  probe: {
    excludeId: string | null;
    nationalId: string;
    phone: string;
    fullNameAr: string;
    birthDate: string;
  },
): Promise<DuplicateCandidate[]> {
  const exclude = probe.excludeId ? sql`and b.id <> ${probe.excludeId}` : sql``;
  const result = await tx.execute<DuplicateCandidate>(sql`
    select b.id, b.file_number as "fileNumber", b.full_name_ar as "fullNameAr", b.national_id as "nationalId", 'phone' as reason
      from beneficiaries b
     where b.organization_id = ${organizationId} and b.phone = ${probe.phone}
       and b.merged_into is null and b.destroyed_at is null ${exclude}
    union all
    select b.id, b.file_number, b.full_name_ar, b.national_id, 'household_member'
      from household_members h join beneficiaries b on b.id = h.beneficiary_id
     where h.organization_id = ${organizationId} and h.national_id = ${probe.nationalId}
       and b.merged_into is null and b.destroyed_at is null ${exclude}
    union all
    select b.id, b.file_number, b.full_name_ar, b.national_id, 'similar_name_same_birth_date'
      from beneficiaries b
     where b.organization_id = ${organizationId} and b.birth_date = ${probe.birthDate}
       and b.merged_into is null and b.destroyed_at is null ${exclude}
       and similarity(b.name_key, wasl_name_key(${probe.fullNameAr})) >= 0.5
    limit 50`);
  return result.rows;
}

export interface SearchFilters {
  organizationId: string;
  category?: string;
  city?: string;
  status?: string;
}

function filterSql(f: SearchFilters): SQL {
  const parts: SQL[] = [
    sql`b.organization_id = ${f.organizationId}`,
    sql`b.merged_into is null`,
    sql`b.destroyed_at is null`,
  ];
  if (f.category) parts.push(sql`${f.category} = any(b.categories)`);
  if (f.city) parts.push(sql`b.city = ${f.city}`);
  if (f.status) parts.push(sql`b.status = ${f.status}`);
  return sql.join(parts, sql` and `);
}

const summaryColumns = sql`b.id, b.file_number as "fileNumber", b.national_id as "nationalId", b.full_name_ar as "fullNameAr",
  b.full_name_en as "fullNameEn", b.gender, b.birth_date::text as "birthDate", b.phone, b.city, b.status, b.categories`;

export type SummaryRow = {
  id: string;
  fileNumber: string;
  nationalId: string;
  fullNameAr: string;
  fullNameEn: string | null;
  gender: 'male' | 'female';
  birthDate: string;
  phone: string;
  city: string;
  status: 'active' | 'inactive' | 'deceased' | 'blocked';
  categories: string[];
};

/** Exact identifiers: national ID, phone or file number. */
export async function searchByIdentifier(
  tx: Tx,
  f: SearchFilters,
  field: 'national_id' | 'phone' | 'file_number',
  value: string,
) {
  const column = sql.raw(`b.${field}`);
  const result = await tx.execute<SummaryRow>(
    sql`select ${summaryColumns} from beneficiaries b where ${filterSql(f)} and ${column} = ${value} order by b.file_number limit 50`,
  );
  return result.rows;
}

/**
 * Arabic name search (notes/arabic-name-search.md): every typed token must be among the record's
 * normalised tokens (GIN), best trigram similarity first. When no record has every token (a real typo),
 * fall back to trigram similarity on the normalised name.
 */
export async function searchByName(tx: Tx, f: SearchFilters, q: string, limit: number, offset: number) {
  const where = sql`${filterSql(f)} and b.name_tokens @> wasl_name_tokens(${q})`;
  const [rows, total] = await Promise.all([
    tx.execute<SummaryRow>(sql`select ${summaryColumns} from beneficiaries b where ${where}
      order by similarity(b.name_key, wasl_name_key(${q})) desc, b.file_number limit ${limit} offset ${offset}`),
    tx.execute<{ n: number }>(sql`select count(*)::int as n from beneficiaries b where ${where}`),
  ]);
  if (total.rows[0]!.n > 0 || offset > 0) return { rows: rows.rows, total: total.rows[0]!.n, fuzzy: false };
  const fuzzyWhere = sql`${filterSql(f)} and b.name_key % wasl_name_key(${q})`;
  const fuzzy =
    await tx.execute<SummaryRow>(sql`select ${summaryColumns} from beneficiaries b where ${fuzzyWhere}
    order by similarity(b.name_key, wasl_name_key(${q})) desc, b.file_number limit ${limit}`);
  return { rows: fuzzy.rows, total: fuzzy.rows.length, fuzzy: true };
}

export async function listBeneficiaries(tx: Tx, f: SearchFilters, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    tx.execute<SummaryRow>(
      sql`select ${summaryColumns} from beneficiaries b where ${filterSql(f)} order by b.created_at desc, b.id limit ${limit} offset ${offset}`,
    ),
    tx.execute<{ n: number }>(sql`select count(*)::int as n from beneficiaries b where ${filterSql(f)}`),
  ]);
  return { rows: rows.rows, total: total.rows[0]!.n };
}

// ---- household ----

export const listHousehold = (tx: Tx, beneficiaryId: string) =>
  tx
    .select()
    .from(householdMembers)
    .where(eq(householdMembers.beneficiaryId, beneficiaryId))
    .orderBy(asc(householdMembers.createdAt));

export async function insertHouseholdMember(tx: Tx, values: typeof householdMembers.$inferInsert) {
  const [row] = await tx.insert(householdMembers).values(values).returning();
  return row!;
}

export async function deleteHouseholdMember(tx: Tx, beneficiaryId: string, memberId: string) {
  const rows = await tx
    .delete(householdMembers)
    .where(and(eq(householdMembers.beneficiaryId, beneficiaryId), eq(householdMembers.id, memberId)))
    .returning({ id: householdMembers.id });
  return rows.length > 0;
}

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

export async function countExpiredDocuments(tx: Tx, beneficiaryId: string, today: string) {
  const [row] = await tx
    .select({ n: count() })
    .from(beneficiaryDocuments)
    .where(
      and(
        eq(beneficiaryDocuments.beneficiaryId, beneficiaryId),
        sql`${beneficiaryDocuments.expiryDate} < ${today}`,
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

// ---- duplicate suspicions ----

export async function insertSuspicions(tx: Tx, values: (typeof duplicateSuspicions.$inferInsert)[]) {
  await tx.insert(duplicateSuspicions).values(values);
}

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
        from interactions i left join users u on u.id = i.staff_id
       where i.organization_id = ${organizationId} and i.beneficiary_id = ${beneficiaryId}
      union all
      select 'd-' || d.id, 'document', d.uploaded_at, u.full_name, null, d.type,
             jsonb_build_object('type', d.type, 'expiryDate', d.expiry_date, 'fileName', d.file_name)
        from beneficiary_documents d left join users u on u.id = d.uploaded_by
       where d.organization_id = ${organizationId} and d.beneficiary_id = ${beneficiaryId}
      union all
      select 's-' || s.id, 'declaration', s.signed_at, u.full_name, s.channel, s.method,
             jsonb_build_object('textVersion', s.text_version, 'method', s.method)
        from declarations s left join users u on u.id = s.witnessed_by
       where s.organization_id = ${organizationId} and s.beneficiary_id = ${beneficiaryId}
      union all
      select 'c-' || c.id, 'consent', c.recorded_at, u.full_name, c.channel, c.purpose,
             jsonb_build_object('purpose', c.purpose, 'granted', c.granted)
        from consents c left join users u on u.id = c.recorded_by
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
