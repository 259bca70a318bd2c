import { z } from 'zod';
import { requestActions, requestStatuses } from '../requests/request-machine';
import { listQuerySchema, pageSchema, textSchema } from './common';
import { requestQueues } from './search-values';

const code = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

export const createRequestSchema = z.object({
  beneficiaryId: z.uuid(),
  serviceId: z.uuid(),
  channel: code,
  notes: textSchema(0, 2000).optional(),
});

export const transitionSchema = z.object({
  action: z.enum(requestActions),
  note: textSchema(0, 2000).optional(),
  /** request_info: what exactly is missing, told to the beneficiary. */
  missingItems: z.array(textSchema(2, 200)).max(20).optional(),
  /** complete_registration: the checklist items confirmed. */
  checklist: z.array(z.string().max(200)).max(20).optional(),
  /** deliver: what was delivered. */
  delivery: z
    .object({
      deliveredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      description: textSchema(2, 500),
      quantity: z.number().min(0).max(1_000_000).optional(),
      amount: z.number().min(0).max(100_000_000).optional(),
      proofDocumentId: z.uuid().optional(),
    })
    .optional(),
});
export type TransitionInput = z.infer<typeof transitionSchema>;

export const historyItemSchema = z.object({
  id: z.string(),
  from: z.enum(requestStatuses).nullable(),
  to: z.enum(requestStatuses),
  action: z.string(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  deliveredOn: z.string(),
  description: z.string(),
  quantity: z.number().nullable(),
  amount: z.number().nullable(),
  deliveredBy: z.string().nullable(),
  deliveredByName: z.string().nullable(),
  proofDocumentId: z.string().nullable(),
  createdAt: z.string(),
});

export const referralInputSchema = z.object({
  reason: textSchema(3, 1000),
  assigneeId: z.uuid(),
  dueInDays: z.number().int().min(1).max(60).default(3),
});

export const referralSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  reason: z.string(),
  assigneeId: z.uuid(),
  assigneeName: z.string().nullable(),
  createdByName: z.string().nullable(),
  dueAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  status: z.enum(['open', 'answered']),
  overdue: z.boolean(),
  createdAt: z.string(),
});

/** The referral inbox (issue 12): referrals assigned to me or asked by me, with the case they are about. */
export const referralInboxQuerySchema = z.object({
  box: z.enum(['assigned', 'sent']).default('assigned'),
  state: z.enum(['open', 'answered', 'overdue']).default('open'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export type ReferralInboxQuery = z.infer<typeof referralInboxQuerySchema>;

export const referralInboxItemSchema = referralSchema.extend({
  requestNumber: z.string(),
  requestStatus: z.string(),
  beneficiaryId: z.uuid(),
  beneficiaryName: z.string(),
  beneficiaryFileNumber: z.string(),
});
export type ReferralInboxItem = z.infer<typeof referralInboxItemSchema>;

export const referralInboxSchema = z.object({
  items: z.array(referralInboxItemSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
  counts: z.object({ open: z.number().int(), overdue: z.number().int(), answered: z.number().int() }),
});
export type ReferralInbox = z.infer<typeof referralInboxSchema>;

export const requestSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  beneficiaryId: z.uuid(),
  beneficiaryName: z.string(),
  beneficiaryFileNumber: z.string(),
  serviceId: z.uuid(),
  serviceNameAr: z.string(),
  serviceNameEn: z.string(),
  channel: z.string(),
  status: z.enum(requestStatuses),
  submittedAt: z.string().nullable(),
  expectedDecisionAt: z.string().nullable(),
  daysRemaining: z.number().int().nullable(),
  overdue: z.boolean(),
  infoRequested: z.array(z.string()),
  assignedTo: z.uuid().nullable(),
  assignedToName: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  stageEnteredAt: z.string(),
  availableActions: z.array(z.enum(requestActions)),
  createdAt: z.string(),
});
export type ServiceRequest = z.infer<typeof requestSchema>;

export { requestQueues };

export const listRequestsQuerySchema = listQuerySchema.extend({
  queue: z.enum(requestQueues).default('all'),
  status: z.enum(requestStatuses).optional(),
  serviceId: z.uuid().optional(),
  beneficiaryId: z.uuid().optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['oldest', 'newest']).default('oldest'),
});
export type ListRequestsQuery = z.infer<typeof listRequestsQuerySchema>;
export const requestPageSchema = pageSchema(requestSchema);

export const queueCountsSchema = z.object({
  queues: z.record(z.enum(requestQueues), z.object({ total: z.number().int(), overdue: z.number().int() })),
});
