import { z } from 'zod';
import { gregorianDateSchema } from '../dates-hijri';
import { normalizeDigits } from '../digits';
import { mobileSchema } from '../saudi/phone';
import { limitSchema, pageSchema, textSchema } from './common';
import { improvementStatuses } from './surveys';

// الشكاوى والمقترحات — complaints and suggestions (issue 12, item 3).
export const complaintKinds = ['complaint', 'suggestion'] as const;
export type ComplaintKind = (typeof complaintKinds)[number];
export const complaintSources = ['staff', 'portal', 'public'] as const;
export type ComplaintSource = (typeof complaintSources)[number];
export const complaintStatuses = ['new', 'in_progress', 'answered', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

/**
 * The complaint state machine, pure and shared: the server refuses what it does not allow (409), the
 * web shows only what it allows. `assign` keeps the status except that a new complaint is taken up.
 */
export const complaintActions = ['assign', 'reply', 'close'] as const;
export type ComplaintAction = (typeof complaintActions)[number];
const open: readonly ComplaintStatus[] = ['new', 'in_progress', 'answered'];
export const complaintTransitions: Record<ComplaintAction, readonly ComplaintStatus[]> = {
  assign: open,
  reply: ['new', 'in_progress'],
  close: open,
};
export function complaintActionAllowed(action: ComplaintAction, status: ComplaintStatus): boolean {
  return complaintTransitions[action].includes(status);
}
export function statusAfter(action: ComplaintAction, status: ComplaintStatus): ComplaintStatus {
  if (action === 'reply') return 'answered';
  if (action === 'close') return 'closed';
  return status === 'new' ? 'in_progress' : status;
}
/** Still waiting for an answer: only these can be overdue and escalated. */
export const awaitingAnswer: readonly ComplaintStatus[] = ['new', 'in_progress'];

const codeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

type TextFactory = (min: number, max: number) => z.ZodType<string>;

/**
 * Categories and response times per kind: organization settings (`settings.complaints`), built for
 * input (`text` trims) or for output (plain strings: a response cannot be encoded through a preprocess).
 */
export function complaintSettingsSchemaOf(text: TextFactory) {
  return z.object({
    categories: z
      .array(z.object({ code: codeSchema, labelAr: text(1, 80), labelEn: text(1, 80) }))
      .max(40)
      .refine((list) => new Set(list.map((c) => c.code)).size === list.length, { message: 'duplicate code' }),
    // Working days to answer, on the association's calendar.
    responseDays: z.object({
      complaint: z.number().int().min(1).max(90),
      suggestion: z.number().int().min(1).max(90),
    }),
  });
}
export const complaintSettingsSchema = complaintSettingsSchemaOf(textSchema);
export type ComplaintSettings = z.infer<typeof complaintSettingsSchema>;

export function defaultComplaintSettings(): ComplaintSettings {
  return {
    categories: [
      { code: 'service_quality', labelAr: 'جودة الخدمة', labelEn: 'Service quality' },
      { code: 'staff_conduct', labelAr: 'تعامل الموظفين', labelEn: 'Staff conduct' },
      { code: 'delays', labelAr: 'التأخر في الإنجاز', labelEn: 'Delays' },
      { code: 'procedures', labelAr: 'الإجراءات والمتطلبات', labelEn: 'Procedures and requirements' },
      { code: 'other', labelAr: 'أخرى', labelEn: 'Other' },
    ],
    responseDays: { complaint: 5, suggestion: 10 },
  };
}

/** `C-` and ten Crockford base32 characters (no I, L, O, U); typed forms are upper-cased. */
export const trackingNumberPattern = /^C-[0-9A-HJKMNP-TV-Z]{10}$/;
export const trackingNumberSchema = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeDigits(v).trim().toUpperCase() : v),
  z.string().regex(trackingNumberPattern),
);

const complaintText = textSchema(5, 3000);

/** The public form (no sign-in): `website` is a honeypot and `startedAt` when the form was opened. */
export const publicComplaintSchema = z.object({
  kind: z.enum(complaintKinds),
  text: complaintText,
  name: textSchema(2, 120).optional(),
  phone: mobileSchema.optional(),
  category: codeSchema.optional(),
  website: z.string().max(500).optional(),
  startedAt: z.number().int().min(0).optional(),
});
export type PublicComplaint = z.infer<typeof publicComplaintSchema>;

export const complaintReceiptSchema = z.object({ trackingNumber: z.string() });

/** What anyone with the number may see: no name, phone, text or reply. */
export const publicComplaintStatusSchema = z.object({
  trackingNumber: z.string(),
  kind: z.enum(complaintKinds),
  status: z.enum(complaintStatuses),
  createdAt: z.string(),
  dueAt: z.string(),
  answered: z.boolean(),
  closedAt: z.string().nullable(),
});
export type PublicComplaintStatus = z.infer<typeof publicComplaintStatusSchema>;

export const createComplaintSchema = z.object({
  kind: z.enum(complaintKinds),
  text: complaintText,
  category: codeSchema.optional(),
  beneficiaryId: z.uuid().optional(),
  aboutStaffId: z.uuid().optional(),
  name: textSchema(2, 120).optional(),
  phone: mobileSchema.optional(),
  anonymous: z.boolean().default(false),
});
export type CreateComplaint = z.infer<typeof createComplaintSchema>;

export const portalComplaintSchema = z.object({
  kind: z.enum(complaintKinds),
  text: complaintText,
  category: codeSchema.optional(),
});
export type PortalComplaintInput = z.infer<typeof portalComplaintSchema>;

export const assignComplaintSchema = z.object({ assigneeId: z.uuid() });
export const replyComplaintSchema = z.object({ reply: textSchema(2, 3000) });
export const closeComplaintSchema = z.object({ satisfied: z.boolean().nullable() });

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const complaintListQuerySchema = z.object({
  kind: z.enum(complaintKinds).optional(),
  status: z.enum(complaintStatuses).optional(),
  overdue: flag.optional(),
  escalated: flag.optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type ComplaintListQuery = z.infer<typeof complaintListQuerySchema>;

export const complaintSchema = z.object({
  id: z.uuid(),
  trackingNumber: z.string(),
  kind: z.enum(complaintKinds),
  source: z.enum(complaintSources),
  beneficiaryId: z.uuid().nullable(),
  beneficiaryName: z.string().nullable(),
  anonymous: z.boolean(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  category: z.string().nullable(),
  text: z.string(),
  aboutStaffId: z.uuid().nullable(),
  aboutStaffName: z.string().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(complaintStatuses),
  dueAt: z.string(),
  overdue: z.boolean(),
  escalatedAt: z.string().nullable(),
  reply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  /** How the reply reached the person: the outbox message, or why none was sent. */
  replyDelivery: z.enum(['sent', 'none', 'skipped']).nullable(),
  satisfied: z.boolean().nullable(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Complaint = z.infer<typeof complaintSchema>;
export const complaintPageSchema = pageSchema(complaintSchema);

/** The beneficiary's own complaints in the portal: their words and the answer, nothing about staff. */
export const portalComplaintItemSchema = complaintSchema.pick({
  id: true,
  trackingNumber: true,
  kind: true,
  category: true,
  text: true,
  status: true,
  dueAt: true,
  reply: true,
  repliedAt: true,
  closedAt: true,
  createdAt: true,
});
export type PortalComplaintItem = z.infer<typeof portalComplaintItemSchema>;
export const portalComplaintListSchema = z.object({
  items: z.array(portalComplaintItemSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

// إجراء تحسيني — an improvement action born of a suggestion (issue 13 extends it).
export const improvementActionStatuses = improvementStatuses;
export const createImprovementActionSchema = z.object({
  title: textSchema(3, 200),
  ownerId: z.uuid().optional(),
  dueDate: gregorianDateSchema.optional(),
  /** The service whose satisfaction shows the action's effect. */
  serviceId: z.uuid().optional(),
  description: textSchema(0, 3000).optional(),
});
export type CreateImprovementAction = z.infer<typeof createImprovementActionSchema>;
export const improvementActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  sourceComplaintId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  status: z.enum(improvementActionStatuses),
  dueDate: z.string().nullable(),
  createdAt: z.string(),
});
export type ImprovementAction = z.infer<typeof improvementActionSchema>;
