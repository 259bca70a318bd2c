import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { knowledgeArticles } from './inquiries.tables';

export type ArticleRow = typeof knowledgeArticles.$inferSelect;

export async function insertArticle(tx: Tx, values: typeof knowledgeArticles.$inferInsert) {
  const [row] = await tx.insert(knowledgeArticles).values(values).returning();
  return row!;
}

export async function findArticle(tx: Tx, organizationId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(knowledgeArticles)
    .where(and(eq(knowledgeArticles.organizationId, organizationId), eq(knowledgeArticles.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateArticle(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof knowledgeArticles.$inferInsert>,
) {
  const [row] = await tx
    .update(knowledgeArticles)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(knowledgeArticles.organizationId, organizationId), eq(knowledgeArticles.id, id)))
    .returning();
  return row!;
}

export async function listArticles(
  tx: Tx,
  organizationId: string,
  f: { status?: 'draft' | 'approved' | 'archived'; q?: string },
  limit: number,
  offset: number,
) {
  const parts: SQL[] = [sql`${knowledgeArticles.organizationId} = ${organizationId}`];
  if (f.status) parts.push(sql`${knowledgeArticles.status} = ${f.status}`);
  const q = f.q?.trim();
  if (q) parts.push(sql`strpos(${knowledgeArticles.searchKey}, wasl_normalize_name(${q})) > 0`);
  const where = sql.join(parts, sql` and `);
  const rows = await tx
    .select()
    .from(knowledgeArticles)
    .where(where)
    .orderBy(desc(knowledgeArticles.updatedAt), desc(knowledgeArticles.id))
    .limit(limit)
    .offset(offset);
  const [count] = await tx.select({ n: sql<number>`count(*)::int` }).from(knowledgeArticles).where(where);
  return { rows, total: count!.n };
}

/** Every approved article, for the portal and the public page. */
export function listApproved(tx: Tx, organizationId: string) {
  return tx
    .select()
    .from(knowledgeArticles)
    .where(
      and(eq(knowledgeArticles.organizationId, organizationId), eq(knowledgeArticles.status, 'approved')),
    )
    .orderBy(asc(knowledgeArticles.category), asc(knowledgeArticles.approvedAt), asc(knowledgeArticles.id))
    .limit(500);
}

/**
 * Approved articles ranked for a typed question: each meaningful word of the question (normalised:
 * hamza forms, ta marbuta, alif maqsura, diacritics) counts by how well it matches a word of the
 * article (trigram word similarity, so a typo or a prefix still counts), the article's question four times
 * as much as its answer, plus the likeness of the whole question. Articles that match no word are left out.
 */
export async function suggestArticles(
  tx: Tx,
  organizationId: string,
  words: string[],
  whole: string,
  limit: number,
) {
  if (words.length === 0) return [];
  const list = sql`array[${sql.join(
    words.map((w) => sql`${w}`),
    sql`, `,
  )}]::text[]`;
  const result = await tx.execute<ArticleRow & { score: number }>(sql`
    select a.id, a.category, a.question_ar as "questionAr", a.answer_ar as "answerAr",
           a.question_en as "questionEn", a.answer_en as "answerEn", s.score
      from knowledge_articles a
      cross join lateral (
        select (
          coalesce((select sum(case when word_similarity(w, a.question_key) >= 0.6 then 2 * word_similarity(w, a.question_key)
                                    when word_similarity(w, a.search_key) >= 0.6 then 0.5 * word_similarity(w, a.search_key)
                                    else 0 end) from unnest(${list}) as w), 0) / ${words.length}
          + similarity(a.question_key, wasl_normalize_name(${whole}))
        )::float8 as score
      ) s
     where a.organization_id = ${organizationId} and a.status = 'approved' and s.score >= 0.35
     order by s.score desc, a.approved_at desc, a.id
     limit ${limit}`);
  return result.rows;
}
