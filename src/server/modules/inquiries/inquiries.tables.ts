import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';

// قاعدة المعرفة — approved answers, in Arabic and English, suggested while a question is typed and
// published on the portal and the association's public page.
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    category: text('category'),
    questionAr: text('question_ar').notNull(),
    answerAr: text('answer_ar').notNull(),
    questionEn: text('question_en'),
    answerEn: text('answer_en'),
    status: text('status', { enum: ['draft', 'approved', 'archived'] })
      .notNull()
      .default('draft'),
    // The Arabic normaliser of migration 0003 over the questions, and over everything, for suggestions.
    questionKey: text('question_key').generatedAlwaysAs(
      sql`wasl_normalize_name(question_ar || ' ' || coalesce(question_en, ''))`,
    ),
    searchKey: text('search_key').generatedAlwaysAs(
      sql`wasl_normalize_name(question_ar || ' ' || answer_ar || ' ' || coalesce(question_en, '') || ' ' || coalesce(answer_en, '') || ' ' || coalesce(category, ''))`,
    ),
    createdBy: uuid('created_by'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestampTz('approved_at'),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
    updatedAt: timestampTz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.createdBy, users),
    tenantReference(t, t.approvedBy, users),
    index('knowledge_articles_status_idx').on(t.organizationId, t.status, t.updatedAt),
  ],
);

// الاستفسارات — one question, its channel, who answers it and by when (working calendar).
export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    beneficiaryId: uuid('beneficiary_id'),
    channel: text('channel').notNull(),
    category: text('category'),
    question: text('question').notNull(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    status: text('status', { enum: ['open', 'answered'] })
      .notNull()
      .default('open'),
    assigneeId: uuid('assignee_id'),
    dueAt: timestampTz('due_at').notNull(),
    answer: text('answer'),
    articleId: uuid('article_id'),
    answeredAt: timestampTz('answered_at'),
    answeredBy: uuid('answered_by'),
    answerMessageId: uuid('answer_message_id'),
    // Why no message left with the answer (no address, no consent), when none did.
    answerSkipped: text('answer_skipped'),
    createdBy: uuid('created_by'),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
    updatedAt: timestampTz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries),
    tenantReference(t, t.assigneeId, users),
    tenantReference(t, t.answeredBy, users),
    tenantReference(t, t.createdBy, users),
    tenantReference(t, t.articleId, knowledgeArticles),
    tenantReference(t, t.answerMessageId, outboxMessages),
    uniqueIndex('inquiries_org_number_key').on(t.organizationId, t.number),
    index('inquiries_queue_idx').on(t.organizationId, t.status, t.dueAt),
    index('inquiries_beneficiary_idx').on(t.organizationId, t.beneficiaryId, t.createdAt),
    index('inquiries_created_idx').on(t.organizationId, t.createdAt),
  ],
);
