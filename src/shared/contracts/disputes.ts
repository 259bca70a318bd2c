import { z } from 'zod';
import { listQuerySchema, textSchema } from './common';

// الخلافات — a dispute with a beneficiary settled along the charter's steps (issue 14 item 3).

/**
 * The charter's order of settlement: amicable settlement with the beneficiary-relations officer →
 * review by the executive director → the board's decision → the competent authority. A step is
 * recorded only after the one before it; a dispute may close at any step.
 */
export const disputeSteps = ['amicable', 'executive_director', 'board', 'authority'] as const;
export type DisputeStep = (typeof disputeSteps)[number];

export const disputeStatuses = ['open', 'closed'] as const;

export const disputeInputSchema = z.object({
  beneficiaryId: z.uuid(),
  requestId: z.uuid().optional(),
  subject: textSchema(2, 200),
  description: textSchema(2, 5000),
});
export type DisputeInput = z.infer<typeof disputeInputSchema>;

export const disputeStepInputSchema = z.object({
  step: z.enum(disputeSteps),
  note: textSchema(2, 5000),
});
export type DisputeStepInput = z.infer<typeof disputeStepInputSchema>;

export const disputeCloseSchema = z.object({ outcome: textSchema(2, 5000) });

export const disputesQuerySchema = listQuerySchema.extend({
  status: z.enum(disputeStatuses).optional(),
  beneficiaryId: z.uuid().optional(),
});
export type DisputesQuery = z.infer<typeof disputesQuerySchema>;

export const disputeSummarySchema = z.object({
  id: z.uuid(),
  beneficiaryId: z.uuid(),
  beneficiaryName: z.string(),
  fileNumber: z.string(),
  requestId: z.uuid().nullable(),
  subject: z.string(),
  status: z.enum(disputeStatuses),
  charterVersion: z.number().int().nullable(),
  /** The last step recorded (null: none yet). */
  currentStep: z.enum(disputeSteps).nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
});
export type DisputeSummary = z.infer<typeof disputeSummarySchema>;

export const disputeStepSchema = z.object({
  id: z.uuid(),
  step: z.enum(disputeSteps),
  note: z.string(),
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
});

export const disputeDetailSchema = disputeSummarySchema.extend({
  description: z.string(),
  outcome: z.string().nullable(),
  openedByName: z.string().nullable(),
  closedByName: z.string().nullable(),
  steps: z.array(disputeStepSchema),
  /** The step that may be recorded next (null: all taken, or closed). */
  nextStep: z.enum(disputeSteps).nullable(),
});
export type DisputeDetail = z.infer<typeof disputeDetailSchema>;

export const disputeListSchema = z.object({
  items: z.array(disputeSummarySchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

/** A beneficiary accepts the charter's published version (the version shown, checked against the one in force). */
export const charterAcceptanceInputSchema = z.object({
  versionNumber: z.number().int().min(1),
  channel: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
});
export type CharterAcceptanceInput = z.infer<typeof charterAcceptanceInputSchema>;

export const charterStateSchema = z.object({
  /** The charter's published version (null: no charter published). */
  currentVersion: z.number().int().nullable(),
  acceptedVersion: z.number().int().nullable(),
  acceptedAt: z.string().nullable(),
  channel: z.string().nullable(),
  /** True when a charter is published and the beneficiary has not accepted that version. */
  needsAcceptance: z.boolean(),
});
export type CharterState = z.infer<typeof charterStateSchema>;

/** The person's disputes as the PDPL export gives them (staff export and the portal's own copy). */
export const exportedDisputeSchema = z.object({
  subject: z.string(),
  description: z.string(),
  status: z.enum(disputeStatuses),
  outcome: z.string().nullable(),
  charterVersion: z.number().int().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  steps: z.array(z.object({ step: z.enum(disputeSteps), note: z.string(), recordedAt: z.string() })),
});
export type ExportedDispute = z.infer<typeof exportedDisputeSchema>;

/** Each charter version the person accepted, when and on which channel (the PDPL export). */
export const exportedCharterAcceptanceSchema = z.object({
  versionNumber: z.number().int(),
  channel: z.string(),
  acceptedAt: z.string(),
});
export type ExportedCharterAcceptance = z.infer<typeof exportedCharterAcceptanceSchema>;
