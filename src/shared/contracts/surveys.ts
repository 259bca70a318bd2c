import { z } from 'zod';
import { gregorianDateSchema } from '../dates-hijri';
import { normalizeDigits } from '../digits';
import { limitSchema, pageSchema, textSchema } from './common';

// قياس الرضا — satisfaction surveys (issue 13). Evaluating service quality is the beneficiary's right,
// used "for development, not for punishment or shaming" (policy 002): no page ranks staff.

/** Faces and stars are 1–5 (satisfaction); `nps` is 0–10 (would you recommend us). */
export const questionKinds = ['faces', 'stars', 'nps', 'single', 'multiple', 'text'] as const;
export type QuestionKind = (typeof questionKinds)[number];

/** What sends the invitation: an event of the process, a schedule, the counter's kiosk, or staff asked to rate another department. */
export const surveyTriggers = [
  'delivery',
  'inquiry_answered',
  'complaint_closed',
  'decision',
  'periodic',
  'kiosk',
  'internal',
] as const;
export type SurveyTrigger = (typeof surveyTriggers)[number];

/** How the invitation reached the person (also the channel breakdown of the results). */
export const surveyChannels = ['sms', 'email', 'whatsapp', 'portal', 'kiosk'] as const;
export type SurveyChannel = (typeof surveyChannels)[number];

/** Fewer answers than this in any figure or breakdown: "not enough answers", so no one is identified. */
export const minAnswersShown = 5;
/** Days an invitation link stays valid. */
export const invitationValidDays = 14;

const keySchema = z.string().regex(/^[a-z][a-z0-9_]{0,29}$/);
const optionSchema = z.object({ id: keySchema, labelAr: textSchema(1, 120), labelEn: textSchema(1, 120) });

export const questionSchema = z
  .object({
    id: keySchema,
    kind: z.enum(questionKinds),
    labelAr: textSchema(2, 300),
    labelEn: textSchema(2, 300),
    required: z.boolean().default(true),
    options: z.array(optionSchema).max(12).optional(),
  })
  .refine((q) => !['single', 'multiple'].includes(q.kind) || (q.options?.length ?? 0) >= 2, {
    message: 'OPTIONS_REQUIRED',
    path: ['options'],
  });
export type SurveyQuestion = z.infer<typeof questionSchema>;

/** A question in an answer (no input transforms: answers are encoded, and a transform cannot be). */
export const questionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(questionKinds),
  labelAr: z.string(),
  labelEn: z.string(),
  required: z.boolean(),
  options: z.array(z.object({ id: z.string(), labelAr: z.string(), labelEn: z.string() })).optional(),
});

export const questionsSchema = z
  .array(questionSchema)
  .min(1)
  .max(20)
  .refine((list) => new Set(list.map((q) => q.id)).size === list.length, { message: 'DUPLICATE_QUESTION' });

export const createSurveySchema = z.object({
  nameAr: textSchema(2, 150),
  nameEn: textSchema(2, 150),
  trigger: z.enum(surveyTriggers),
  /** Only this service's events invite to it (null: every service). */
  serviceId: z.uuid().nullable().default(null),
  /** For internal surveys: the department whose service is rated (e.g. «الشؤون المالية»). */
  ratedDepartment: textSchema(2, 120).nullable().default(null),
  /** For periodic surveys: every how many days the people served are asked again. */
  periodDays: z.number().int().min(7).max(366).nullable().default(null),
  active: z.boolean().default(true),
  questions: questionsSchema,
});
export type CreateSurvey = z.infer<typeof createSurveySchema>;

/** Changing the questions makes a new version; answers keep the version they answered. */
// Without the create defaults: a field left out stays as it is (a PATCH of the name keeps the service).
const surveyFields = createSurveySchema.shape;
export const updateSurveySchema = z.object({
  nameAr: surveyFields.nameAr.optional(),
  nameEn: surveyFields.nameEn.optional(),
  trigger: surveyFields.trigger.optional(),
  serviceId: surveyFields.serviceId.unwrap().optional(),
  ratedDepartment: surveyFields.ratedDepartment.unwrap().optional(),
  periodDays: surveyFields.periodDays.unwrap().optional(),
  active: surveyFields.active.unwrap().optional(),
  questions: surveyFields.questions.optional(),
});
export type UpdateSurvey = z.infer<typeof updateSurveySchema>;

export const surveySchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  trigger: z.enum(surveyTriggers),
  serviceId: z.uuid().nullable(),
  ratedDepartment: z.string().nullable(),
  periodDays: z.number().int().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  questions: z.array(questionViewSchema),
  answers: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;
export const surveyPageSchema = pageSchema(surveySchema);

export const surveyVersionSchema = z.object({
  version: z.number().int(),
  questions: z.array(questionViewSchema),
  answers: z.number().int(),
  createdAt: z.string(),
});
export type SurveyVersion = z.infer<typeof surveyVersionSchema>;

/** One answer: 1–5 for faces/stars, 0–10 for nps, an option id, option ids, or text. */
export const answerValueSchema = z.union([
  z.number().int().min(0).max(10),
  z.preprocess((v) => (typeof v === 'string' ? normalizeDigits(v).trim() : v), z.string().max(2000)),
  z.array(keySchema).max(12),
]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** Answers keyed by question id; a list of {questionId, value} is accepted too. */
export const answersSchema = z.preprocess(
  (v) =>
    Array.isArray(v)
      ? Object.fromEntries(
          v.map((a) =>
            a && typeof a === 'object'
              ? [(a as { questionId?: unknown }).questionId, (a as { value?: unknown }).value]
              : [],
          ),
        )
      : v,
  z.record(keySchema, answerValueSchema.nullable()),
);
export type Answers = Record<string, AnswerValue | null>;

export const submitAnswersSchema = z.object({
  answers: answersSchema,
  /** Answer without being named: the response keeps no link to the person. */
  anonymous: z.boolean().default(false),
});
export type SubmitAnswers = z.infer<typeof submitAnswersSchema>;

/** What an invitation link shows, without sign-in: no personal data. */
export const surveyFormSchema = z.object({
  organization: z.object({ nameAr: z.string(), nameEn: z.string().nullable(), slug: z.string() }),
  survey: z.object({ nameAr: z.string(), nameEn: z.string(), ratedDepartment: z.string().nullable() }),
  service: z.object({ nameAr: z.string(), nameEn: z.string().nullable() }).nullable(),
  version: z.number().int(),
  questions: z.array(questionViewSchema),
  expiresAt: z.string(),
  anonymousAllowed: z.boolean(),
});
export type SurveyForm = z.infer<typeof surveyFormSchema>;
export const surveyReceiptSchema = z.object({ id: z.uuid(), answeredAt: z.string() });

export const surveyListQuerySchema = z.object({
  trigger: z.enum(surveyTriggers).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});

/** The counter's tablet: an invitation for the person at the desk (a walk-in visitor stays anonymous). */
export const kioskInvitationInputSchema = z.object({
  beneficiaryId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
  desk: textSchema(1, 40).optional(),
});
export type KioskInvitationInput = z.infer<typeof kioskInvitationInputSchema>;
export const kioskInvitationSchema = z.object({ id: z.uuid(), token: z.string() });
export const kioskNextQuerySchema = z.object({ desk: textSchema(1, 40).optional() });
/** The newest unanswered kiosk invitation of the last minutes (of that desk), or `token: null`. */
export const kioskNextSchema = z.object({ token: z.string().nullable(), form: surveyFormSchema.nullable() });

/** A signed-in beneficiary's open invitations in the portal. */
export const portalSurveyItemSchema = z.object({
  id: z.uuid(),
  surveyNameAr: z.string(),
  surveyNameEn: z.string(),
  serviceNameAr: z.string().nullable(),
  serviceNameEn: z.string().nullable(),
  expiresAt: z.string(),
});
export const portalSurveyListSchema = z.object({ items: z.array(portalSurveyItemSchema) });

/** Internal surveys: staff asked by e-mail to rate another department. */
export const internalInvitationsSchema = z.object({ userIds: z.array(z.uuid()).min(1).max(500) });
export const internalInvitationsSentSchema = z.object({ sent: z.number().int() });

/** A figure over a set of answers: CSAT = share of 4 and 5 (%), NPS = promoters − detractors (%). */
export const figureSchema = z.object({
  answers: z.number().int(),
  /** True when fewer than `minAnswersShown` answers: the figures are null ("not enough answers"). */
  hidden: z.boolean(),
  csat: z.number().nullable(),
  average: z.number().nullable(),
  nps: z.number().nullable(),
});
export type Figure = z.infer<typeof figureSchema>;

export const resultsQuerySchema = z.object({
  surveyId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
  channel: z.enum(surveyChannels).optional(),
  /** Whose service: staff who may see only their own get their own whatever they ask (403 for another's). */
  staffId: z.uuid().optional(),
  from: gregorianDateSchema.optional(),
  to: gregorianDateSchema.optional(),
  calendar: z.enum(['gregory', 'hijri']).default('gregory'),
});
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

export const surveyResultsSchema = z.object({
  scope: z.enum(['own', 'all']),
  summary: figureSchema.extend({ invited: z.number().int(), responseRate: z.number().nullable() }),
  /** Months of the chosen calendar, oldest first: `period` is `YYYY-MM` in that calendar. */
  trend: z.array(figureSchema.extend({ period: z.string() })),
  byService: z.array(
    figureSchema.extend({
      serviceId: z.uuid().nullable(),
      nameAr: z.string().nullable(),
      nameEn: z.string().nullable(),
    }),
  ),
  byChannel: z.array(figureSchema.extend({ channel: z.enum(surveyChannels) })),
});
export type SurveyResults = z.infer<typeof surveyResultsSchema>;

export const commentsQuerySchema = resultsQuerySchema.omit({ calendar: true }).extend({
  q: z.string().max(200).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export const surveyCommentSchema = z.object({
  id: z.uuid(),
  comment: z.string(),
  score: z.number().int().nullable(),
  channel: z.enum(surveyChannels),
  serviceId: z.uuid().nullable(),
  answeredAt: z.string(),
});
export type SurveyComment = z.infer<typeof surveyCommentSchema>;
export const surveyCommentPageSchema = pageSchema(surveyCommentSchema);

// Improvement actions (policy 002: evaluation "followed by improvement"): from a low score, a complaint,
// a suggestion, or on their own; the effect is the same measure on the same service before and after.
export const improvementSources = ['complaint', 'suggestion', 'low_score', 'manual'] as const;
export type ImprovementSource = (typeof improvementSources)[number];
export const improvementStatuses = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ImprovementStatus = (typeof improvementStatuses)[number];
/** Days of answers before the action counted as "before". */
export const effectBaselineDays = 90;

export const createImprovementSchema = z.object({
  title: textSchema(3, 200),
  source: z.enum(improvementSources).default('manual'),
  sourceComplaintId: z.uuid().optional(),
  sourceResponseId: z.uuid().optional(),
  serviceId: z.uuid().optional(),
  description: textSchema(0, 3000).optional(),
  ownerId: z.uuid().optional(),
  dueDate: gregorianDateSchema.optional(),
});
export type CreateImprovement = z.infer<typeof createImprovementSchema>;

export const updateImprovementSchema = z.object({
  title: textSchema(3, 200).optional(),
  status: z.enum(improvementStatuses).optional(),
  ownerId: z.uuid().nullable().optional(),
  dueDate: gregorianDateSchema.nullable().optional(),
  serviceId: z.uuid().nullable().optional(),
  description: textSchema(0, 3000).nullable().optional(),
  /** What was done (required to mark it done). */
  outcome: textSchema(3, 3000).nullable().optional(),
  /** «قلتم» / «فعلنا»: the public wording, published on the portal when `published`. */
  saidAr: textSchema(3, 500).nullable().optional(),
  didAr: textSchema(3, 500).nullable().optional(),
  saidEn: textSchema(3, 500).nullable().optional(),
  didEn: textSchema(3, 500).nullable().optional(),
  published: z.boolean().optional(),
});
export type UpdateImprovement = z.infer<typeof updateImprovementSchema>;

export const improvementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  source: z.enum(improvementSources),
  sourceComplaintId: z.uuid().nullable(),
  sourceResponseId: z.uuid().nullable(),
  serviceId: z.uuid().nullable(),
  description: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  status: z.enum(improvementStatuses),
  dueDate: z.string().nullable(),
  outcome: z.string().nullable(),
  saidAr: z.string().nullable(),
  didAr: z.string().nullable(),
  saidEn: z.string().nullable(),
  didEn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Same measure (CSAT of the service), `effectBaselineDays` before creation vs. since completion (or creation while open). */
  effect: z.object({ before: figureSchema, after: figureSchema }).nullable(),
});
export type Improvement = z.infer<typeof improvementSchema>;
export const improvementPageSchema = pageSchema(improvementSchema);

/** «قلتم، فعلنا» as the public sees it (no sign-in): no names, no complaint text. */
export const youSaidWeDidSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      saidAr: z.string(),
      didAr: z.string(),
      saidEn: z.string().nullable(),
      didEn: z.string().nullable(),
      serviceNameAr: z.string().nullable(),
      serviceNameEn: z.string().nullable(),
      publishedAt: z.string(),
    }),
  ),
});
export type YouSaidWeDid = z.infer<typeof youSaidWeDidSchema>;
