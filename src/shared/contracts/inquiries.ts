import { z } from 'zod';
import { mobileSchema } from '../saudi/phone';
import { limitSchema, pageSchema, textSchema } from './common';

// الاستفسارات — a question asked on any channel, answered on the channel it came from (issue 12, item 2).

export const inquiryStatuses = ['open', 'answered'] as const;
export type InquiryStatus = (typeof inquiryStatuses)[number];

/** Working days to answer an inquiry when the association has not set its own. */
export const defaultInquiryResponseDays = 2;

/** The channel an answer leaves on: the one the question came from, where that is a messaging channel. */
export function answerChannelOf(channel: string): 'sms' | 'email' | 'whatsapp' {
  if (channel === 'whatsapp') return 'whatsapp';
  if (channel === 'email') return 'email';
  return 'sms';
}

const code = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const createInquirySchema = z
  .object({
    beneficiaryId: z.uuid().optional(),
    channel: code,
    category: textSchema(1, 80).optional(),
    question: textSchema(3, 2000),
    // A caller without a file: who they are and where the answer goes.
    contactName: textSchema(2, 120).optional(),
    contactPhone: mobileSchema.optional(),
  })
  .refine((v) => v.beneficiaryId || v.contactPhone, {
    message: 'a beneficiary or a phone to answer is required',
    path: ['contactPhone'],
  });
export type CreateInquiry = z.infer<typeof createInquirySchema>;

export const listInquiriesQuerySchema = z.object({
  status: z.enum(inquiryStatuses).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().max(200).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type ListInquiriesQuery = z.infer<typeof listInquiriesQuerySchema>;

export const assignInquirySchema = z.object({ assigneeId: z.uuid() });
export const answerInquirySchema = z.object({
  answer: textSchema(1, 2000),
  articleId: z.uuid().optional(),
});
export type AnswerInquiry = z.infer<typeof answerInquirySchema>;

/** The outbox's own status of the answer: a recorded-only message never reads as sent. */
export const answerMessageSchema = z.object({
  id: z.string(),
  channel: z.string(),
  status: z.string(),
  sentAt: z.string().nullable(),
});

export const inquirySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(inquiryStatuses),
  channel: z.string(),
  category: z.string().nullable(),
  question: z.string(),
  answer: z.string().nullable(),
  beneficiary: z.object({ id: z.string(), fullNameAr: z.string(), fileNumber: z.string() }).nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  assignee: z.object({ id: z.string(), fullName: z.string() }).nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
  articleId: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  /** Skipped: the answer could not be sent (no address, no consent); null while unanswered. */
  answerSkipped: z.string().nullable(),
  answerMessage: answerMessageSchema.nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Inquiry = z.infer<typeof inquirySchema>;

export const inquiryPageSchema = pageSchema(inquirySchema);
export type InquiryPage = z.infer<typeof inquiryPageSchema>;

// قاعدة المعرفة — approved answers in Arabic and English (draft → approved by a supervisor → archived).

export const articleStatuses = ['draft', 'approved', 'archived'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];

export const createArticleSchema = z.object({
  category: textSchema(1, 80).optional(),
  questionAr: textSchema(3, 500),
  answerAr: textSchema(1, 4000),
  questionEn: textSchema(3, 500).optional(),
  answerEn: textSchema(1, 4000).optional(),
});
export type CreateArticle = z.infer<typeof createArticleSchema>;

/** Text changes of a draft or an approved article (an approved one goes back to draft), or archiving. */
export const updateArticleSchema = z
  .object({
    category: textSchema(1, 80).nullable().optional(),
    questionAr: textSchema(3, 500).optional(),
    answerAr: textSchema(1, 4000).optional(),
    questionEn: textSchema(3, 500).nullable().optional(),
    answerEn: textSchema(1, 4000).nullable().optional(),
    status: z.literal('archived').optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdateArticle = z.infer<typeof updateArticleSchema>;

export const listArticlesQuerySchema = z.object({
  status: z.enum(articleStatuses).optional(),
  q: z.string().max(200).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type ListArticlesQuery = z.infer<typeof listArticlesQuerySchema>;

export const articleSchema = z.object({
  id: z.string(),
  category: z.string().nullable(),
  questionAr: z.string(),
  answerAr: z.string(),
  questionEn: z.string().nullable(),
  answerEn: z.string().nullable(),
  status: z.enum(articleStatuses),
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type Article = z.infer<typeof articleSchema>;
export const articlePageSchema = pageSchema(articleSchema);
export type ArticlePage = z.infer<typeof articlePageSchema>;

export const suggestQuerySchema = z.object({
  q: z.string().max(500),
  limit: z.coerce.number().int().min(1).max(10).default(5),
});

/** What is published (public page, portal): approved texts only, no names of staff. */
export const publishedArticleSchema = z.object({
  id: z.string(),
  category: z.string().nullable(),
  questionAr: z.string(),
  answerAr: z.string(),
  questionEn: z.string().nullable(),
  answerEn: z.string().nullable(),
});
export type PublishedArticle = z.infer<typeof publishedArticleSchema>;
export const suggestionSchema = publishedArticleSchema.extend({ score: z.number() });
export type Suggestion = z.infer<typeof suggestionSchema>;

export const publicKnowledgeParamsSchema = z.object({ slug: z.string().min(1).max(60) });
