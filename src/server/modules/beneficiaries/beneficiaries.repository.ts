import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { arabicNameKey, arabicNameTokens } from '../../../shared/arabic/names';
import type { Tx } from '../../platform/db/database';
import { beneficiaries, duplicateSuspicions, householdMembers } from './beneficiaries.tables';

export type BeneficiaryRow = typeof beneficiaries.$inferSelect;
export type BeneficiaryInsert = typeof beneficiaries.$inferInsert;
export type HouseholdRow = typeof householdMembers.$inferSelect;

/** Live records: not merged into another, not destroyed. */
const live = () => and(isNull(beneficiaries.mergedInto), isNull(beneficiaries.destroyedAt));

/** The next beneficiary number of the association (a sequence of its own: migration 0034, decision 028). */
export async function nextFileNumber(tx: Tx, organizationId: string): Promise<string> {
  const result = await tx.execute<{ n: string }>(
    sql`select wasl_next_number(${organizationId}, 'beneficiary')::text as n`,
  );
  return `B-${result.rows[0]!.n.padStart(6, '0')}`;
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

/** What the clerk typed after the name (decision 027): they rank those who match first, never filter. */
export interface NameSearchHints {
  /** Birth dates [from, to) of each year typed (a Gregorian year, or a Hijri year as Gregorian dates). */
  birthRanges: { from: string; to: string }[];
  /** Last digits of the phone. */
  phoneTails: string[];
}

export interface NameSearchQuery {
  /** The words typed for the name, perhaps followed by a city; no digits. */
  words: string[];
  hints: NameSearchHints;
}

/** A text[] parameter (a JavaScript array inside sql`` would become a list of parameters). */
const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

/** Closest vocabulary tokens tried for a typed token that no record has (at trigram similarity ≥ 0.25). */
const similarTokensPerToken = 4;

/**
 * Arabic name search (notes/arabic-name-search.md, decisions 006 and 027). Every typed token must be
 * among the record's normalised tokens (GIN on (organization_id, name_tokens), read through
 * app_beneficiary_name_matches: row-level security would forbid the index to the array operators). A
 * typed token that no record of the association has (a typo) is replaced by its closest tokens of the
 * association's vocabulary (a small table, trigram GIN), and the same GIN path finds the records having
 * one of them; so does every token when each exists but no record has them all. Trailing words that name
 * a city of the association are a hint, not part of the name. Ranked: hints matched (birth year, city,
 * phone digits), then the typed order (first name first, family name last), then trigram similarity.
 */
export async function searchByName(
  tx: Tx,
  f: SearchFilters,
  query: NameSearchQuery,
  limit: number,
  offset: number,
) {
  const typedTokens = arabicNameTokens(query.words.join(' '));
  const { rows: vocabulary } = await tx.execute<{ kind: 'name' | 'city'; token: string }>(
    sql`select kind, token from beneficiary_name_vocabulary
         where organization_id = ${f.organizationId} and (kind = 'city' or token = any(${textArray(typedTokens)}))`,
  );
  const cities = vocabulary.filter((v) => v.kind === 'city').map((v) => v.token);
  const { words, cityHint } = splitCity(query.words, cities);
  const tokens = cityHint.length ? arabicNameTokens(words.join(' ')) : typedTokens;
  if (tokens.length === 0) return { rows: [], total: 0, fuzzy: false };
  const known = new Set(vocabulary.filter((v) => v.kind === 'name').map((v) => v.token));
  const key = tokens.join(' ');
  const hints = hintScore(query.hints, cityHint);

  /** Records having every token of `all` and one of each row of `any`, ranked, with their count. */
  const page = async (all: string[], any: string[][], positions: string[][]) => {
    const width = Math.max(0, ...any.map((a) => a.length));
    const padded = any.map((a) => [...a, ...Array<null>(width - a.length).fill(null)]);
    const from = sql`app_beneficiary_name_matches(${textArray(all)}, ${sql.param(padded)}::text[]) as m(id)
      join beneficiaries b on b.organization_id = ${f.organizationId} and b.id = m.id`;
    const { rows } = await tx.execute<SummaryRow & { total: number }>(sql`
      select ${summaryColumns}, count(*) over ()::int as total from ${from} where ${filterSql(f)}
       order by ${sql.join(
         [
           ...[...hints, ...orderScore(positions)].map((score) => sql`${score} desc`),
           sql`similarity(b.name_key, ${key}) desc`,
           sql`b.file_number`,
         ],
         sql`, `,
       )}
       limit ${limit} offset ${offset}`);
    let total = rows[0]?.total ?? 0;
    if (rows.length === 0 && offset > 0) {
      const count = await tx.execute<{ n: number }>(
        sql`select count(*)::int as n from ${from} where ${filterSql(f)}`,
      );
      total = count.rows[0]!.n;
    }
    return { rows: rows.map(({ total: _, ...row }) => row as SummaryRow), total };
  };

  const unknown = tokens.filter((t) => !known.has(t));
  if (unknown.length === 0) {
    const exact = await page(
      tokens,
      [],
      tokens.map((t) => [t]),
    );
    if (exact.total > 0) return { ...exact, fuzzy: false };
  }

  // A typo: each unknown token (or, when every token exists but no record has them all, each token)
  // stands for itself or one of its closest vocabulary tokens.
  const uncertain = unknown.length > 0 ? unknown : tokens;
  const { rows: similar } = await tx.execute<{ typed: string; token: string }>(
    sql`select typed, token from app_name_vocabulary_similar(${textArray(uncertain)}, ${similarTokensPerToken})`,
  );
  const positions = tokens.map((t) => {
    const alternatives = new Set(similar.filter((s) => s.typed === t).map((s) => s.token));
    if (known.has(t)) alternatives.add(t);
    return [...alternatives];
  });
  // A typed word like nothing in the vocabulary constrains nothing; the others still must match.
  const sure = tokens.filter((t, i) => positions[i]!.length === 1 && positions[i]![0] === t);
  const loose = positions.filter((p, i) => p.length > 0 && !(p.length === 1 && p[0] === tokens[i]));
  if (sure.length === 0 && loose.length === 0) return { rows: [], total: 0, fuzzy: true };
  return { ...(await page(sure, loose, positions)), fuzzy: true };
}

/** Trailing words (up to three) that name a city of the association, when a name is left before them. */
function splitCity(words: string[], cities: string[]): { words: string[]; cityHint: string[] } {
  if (cities.length === 0) return { words, cityHint: [] };
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const typed = arabicNameKey(words.slice(-n).join(' '));
    const named = cities.filter((c) => arabicNameKey(c) === typed);
    if (named.length > 0) return { words: words.slice(0, -n), cityHint: named };
  }
  return { words, cityHint: [] };
}

/** How many of the hints a record matches (no term when none were typed). */
function hintScore(hints: NameSearchHints, cities: string[]): SQL[] {
  const parts: SQL[] = [];
  if (hints.birthRanges.length) {
    const years = hints.birthRanges.map(
      (r) => sql`(b.birth_date >= ${r.from}::date and b.birth_date < ${r.to}::date)`,
    );
    parts.push(sql`coalesce(${sql.join(years, sql` or `)}, false)::int`);
  }
  if (cities.length) parts.push(sql`coalesce(b.city = any(${textArray(cities)}), false)::int`);
  if (hints.phoneTails.length) {
    const tails = hints.phoneTails.map((t) => sql`right(b.phone, ${sql.raw(String(t.length))}) = ${t}`);
    parts.push(sql`coalesce(${sql.join(tails, sql` or `)}, false)::int`);
  }
  return parts.length ? [sql`(${sql.join(parts, sql` + `)})`] : [];
}

/**
 * How well the record's names follow the typed order: each typed token but the last at its place (first
 * name, father, grandfather…), the last one as the record's last token (the family name). A namesake
 * whose father is called as the typed grandfather ranks after the person typed.
 */
function orderScore(positions: string[][]): SQL[] {
  const n = positions.length;
  if (n < 2) return [];
  const parts: SQL[] = [];
  positions.forEach((alternatives, i) => {
    if (alternatives.length === 0) return;
    const at =
      i === n - 1
        ? sql`b.name_tokens[cardinality(b.name_tokens)]`
        : sql`b.name_tokens[${sql.raw(String(i + 1))}]`;
    parts.push(sql`coalesce(${at} = any(${textArray(alternatives)}), false)::int`);
  });
  return parts.length ? [sql`(${sql.join(parts, sql` + `)})`] : [];
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
