import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import {
  beneficiaries,
  duplicateSuspicions,
  householdMembers,
  organizationCounters,
} from './beneficiaries.tables';

export type BeneficiaryRow = typeof beneficiaries.$inferSelect;
export type BeneficiaryInsert = typeof beneficiaries.$inferInsert;
export type HouseholdRow = typeof householdMembers.$inferSelect;

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

export async function updateBeneficiaryRow(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<BeneficiaryInsert>,
) {
  const [row] = await tx
    .update(beneficiaries)
    .set({ ...values, updatedAt: sql`now()` })
    // The key is (organization_id, id): by id alone the update would scan the whole key index.
    .where(and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.id, id)))
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
      from household_members h join beneficiaries b on b.organization_id = h.organization_id and b.id = h.beneficiary_id
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

export const summaryColumns = sql`b.id, b.file_number as "fileNumber", b.national_id as "nationalId", b.full_name_ar as "fullNameAr",
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
  const rows = await tx.execute<SummaryRow>(sql`select ${summaryColumns} from beneficiaries b where ${where}
      order by similarity(b.name_key, wasl_name_key(${q})) desc, b.file_number limit ${limit} offset ${offset}`);
  const total = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from beneficiaries b where ${where}`,
  );
  if (total.rows[0]!.n > 0 || offset > 0) return { rows: rows.rows, total: total.rows[0]!.n, fuzzy: false };
  const fuzzyWhere = sql`${filterSql(f)} and b.name_key % wasl_name_key(${q})`;
  const fuzzy =
    await tx.execute<SummaryRow>(sql`select ${summaryColumns} from beneficiaries b where ${fuzzyWhere}
    order by similarity(b.name_key, wasl_name_key(${q})) desc, b.file_number limit ${limit}`);
  return { rows: fuzzy.rows, total: fuzzy.rows.length, fuzzy: true };
}

export async function listBeneficiaries(tx: Tx, f: SearchFilters, limit: number, offset: number) {
  const rows = await tx.execute<SummaryRow>(
    sql`select ${summaryColumns} from beneficiaries b where ${filterSql(f)} order by b.created_at desc, b.id limit ${limit} offset ${offset}`,
  );
  const total = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from beneficiaries b where ${filterSql(f)}`,
  );
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

// ---- duplicate suspicions ----

export async function insertSuspicions(tx: Tx, values: (typeof duplicateSuspicions.$inferInsert)[]) {
  await tx.insert(duplicateSuspicions).values(values);
}
