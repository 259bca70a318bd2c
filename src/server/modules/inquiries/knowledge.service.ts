// قاعدة المعرفة — owns the association's approved answers: drafts written by those who answer, approved
// by a supervisor, archived when outdated; suggested while a question is typed (Arabic spelling variants
// tolerated) and published on the portal and on the association's public page (approved texts only).
import { normalizeArabicName } from '../../../shared/arabic/names';
import type {
  Article,
  CreateArticle,
  ListArticlesQuery,
  PublishedArticle,
  UpdateArticle,
} from '../../../shared/contracts/inquiries';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { ActorContext, PortalContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  type ArticleRow,
  findArticle,
  insertArticle,
  listApproved,
  listArticles,
  suggestArticles,
  updateArticle,
} from './knowledge.repository';

export type KnowledgeService = ReturnType<typeof createKnowledgeService>;

// Words that carry no subject in a question (normalised as the search column is: ى → ي, إ → ا).
const questionWords = new Set([
  'ما',
  'ماذا',
  'هل',
  'كيف',
  'متي',
  'اين',
  'كم',
  'لماذا',
  'في',
  'من',
  'الي',
  'علي',
  'عن',
  'مع',
  'هي',
  'هو',
  'انا',
  'لي',
  'او',
  'و',
  'ثم',
  'هذا',
  'هذه',
  'ذلك',
  'اريد',
  'ممكن',
  'لو',
  'ان',
  'لا',
  'يا',
  'the',
  'a',
  'an',
  'is',
  'are',
  'how',
  'what',
  'when',
  'where',
  'do',
  'does',
  'i',
  'to',
  'of',
  'for',
  'can',
  'my',
  'in',
  'on',
  'and',
  'or',
]);

/** The words of a typed question worth matching: normalised, without question words, at most 12. */
export function questionTerms(text: string): string[] {
  const words = normalizeArabicName(text)
    .split(' ')
    .filter((w) => w.length >= 2 && !questionWords.has(w));
  return [...new Set(words)].slice(0, 12);
}

export function presentArticle(row: ArticleRow): Article {
  return {
    id: row.id,
    category: row.category,
    questionAr: row.questionAr,
    answerAr: row.answerAr,
    questionEn: row.questionEn,
    answerEn: row.answerEn,
    status: row.status,
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const publish = (row: Pick<ArticleRow, keyof PublishedArticle>): PublishedArticle => ({
  id: row.id,
  category: row.category,
  questionAr: row.questionAr,
  answerAr: row.answerAr,
  questionEn: row.questionEn,
  answerEn: row.answerEn,
});

export function createKnowledgeService(deps: { db: Db; clock: Clock; organizations: OrganizationService }) {
  const { db, clock, organizations } = deps;

  async function load(tx: Tx, ctx: ActorContext, id: string, lock = false) {
    const row = await findArticle(tx, ctx.actor.organizationId, id, lock);
    if (!row) throw notFound();
    return row;
  }

  return {
    /** An approved article of the association, for an answer that names the one it used (else 400). */
    async approvedArticle(tx: Tx, ctx: ActorContext, id: string) {
      const row = await findArticle(tx, ctx.actor.organizationId, id);
      if (row?.status !== 'approved') {
        throw new AppError(400, 'VALIDATION_FAILED', { fields: { articleId: 'UNKNOWN_CODE' } });
      }
      return row;
    },

    async list(ctx: ActorContext, query: ListArticlesQuery) {
      const offset = decodeOffset(query.cursor);
      const { rows, total } = await listArticles(db, ctx.actor.organizationId, query, query.limit, offset);
      const next = offset + rows.length;
      return {
        items: rows.map(presentArticle),
        total,
        nextCursor: next < total ? encodeCursor([next]) : null,
      };
    },

    async get(ctx: ActorContext, id: string) {
      return presentArticle(await load(db, ctx, id));
    },

    async create(ctx: ActorContext, input: CreateArticle) {
      return db.transaction(async (tx) => {
        const row = await insertArticle(tx, {
          organizationId: ctx.actor.organizationId,
          category: input.category ?? null,
          questionAr: input.questionAr,
          answerAr: input.answerAr,
          questionEn: input.questionEn ?? null,
          answerEn: input.answerEn ?? null,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'knowledge.create',
          entityType: 'knowledge_article',
          entityId: row.id,
        });
        return presentArticle(row);
      });
    },

    /**
     * A change of text sends an approved article back to draft (what is published was approved as
     * worded); `status: 'archived'` withdraws it from suggestions and publication.
     */
    async update(ctx: ActorContext, id: string, input: UpdateArticle) {
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id, true);
        if (before.status === 'archived')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: 'archived' });
        const { status, ...texts } = input;
        const changesText = Object.keys(texts).length > 0;
        const row = await updateArticle(tx, ctx.actor.organizationId, id, {
          ...texts,
          ...(status === 'archived'
            ? { status: 'archived' as const }
            : changesText && before.status === 'approved'
              ? { status: 'draft' as const, approvedBy: null, approvedAt: null }
              : {}),
        });
        await recordAudit(tx, ctx, {
          action: 'knowledge.update',
          entityType: 'knowledge_article',
          entityId: id,
          details: { fields: Object.keys(input), from: before.status, to: row.status },
        });
        return presentArticle(row);
      });
    },

    /** draft → approved, by a supervisor (the route's permission); their own draft included. */
    async approve(ctx: ActorContext, id: string) {
      return db.transaction(async (tx) => {
        const before = await load(tx, ctx, id, true);
        if (before.status !== 'draft')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: before.status });
        const row = await updateArticle(tx, ctx.actor.organizationId, id, {
          status: 'approved',
          approvedBy: ctx.actor.userId,
          approvedAt: clock.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'knowledge.approve',
          entityType: 'knowledge_article',
          entityId: id,
        });
        return presentArticle(row);
      });
    },

    /** Approved answers for a question being typed, best first. */
    async suggest(ctx: ActorContext, q: string, limit: number) {
      const rows = await suggestArticles(db, ctx.actor.organizationId, questionTerms(q), q, limit);
      // Beside a strong match, a weak one (a shared word such as "the association") is noise.
      const best = Number(rows[0]?.score ?? 0);
      const items = rows
        .filter((r) => Number(r.score) >= best * 0.35)
        .map((r) => ({ ...publish(r), score: Math.round(Number(r.score) * 1000) / 1000 }));
      return { items };
    },

    async published(ctx: PortalContext) {
      const rows = await listApproved(db, ctx.portal.organizationId);
      return { items: rows.map(publish) };
    },

    /** The public page of an association (no sign-in): found by its slug, approved articles only. */
    async publicArticles(slug: string) {
      const organizationId = await organizations.findIdBySlug(slug.trim().toLowerCase());
      if (!organizationId) throw notFound();
      const rows = await inTenant(db, { organizationId, userId: null }, () =>
        listApproved(db, organizationId),
      );
      return { items: rows.map(publish) };
    },
  };
}
