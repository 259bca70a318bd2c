import { z } from 'zod';
import { staffRoles } from '../roles';
import { consentPurposes } from './beneficiaries';
import { limitSchema, textSchema } from './common';

// السياسة سجلاً حياً — the association's policies as versioned records (issue 14 item 1).
export const policyKinds = [
  'policy',
  'declaration',
  'consent',
  'charter',
  'bylaws',
  'board_decision',
  'procedure',
  'assembly_decision',
] as const;
export type PolicyKind = (typeof policyKinds)[number];

/** The texts people sign: published only with both an Arabic and an English body. */
export const signedTextKinds = ['declaration', 'consent', 'charter'] as const satisfies readonly PolicyKind[];
/** The staff reference library's kinds (issue 14 item 4). */
export const libraryKinds = [
  'bylaws',
  'board_decision',
  'assembly_decision',
  'procedure',
] as const satisfies readonly PolicyKind[];
/** The screens a document can be linked from (`<ReferenceLinks context=… />`). */
export const policyContexts = [
  'committee',
  'requests.decision',
  'complaints',
  'verification',
  'registrations',
] as const;
export type PolicyContext = (typeof policyContexts)[number];

/** draft → review → approved (the board's decision) → published; a newer publication supersedes it. */
export const policyVersionStatuses = ['draft', 'review', 'approved', 'published', 'superseded'] as const;
export type PolicyVersionStatus = (typeof policyVersionStatuses)[number];

export const policyTransitions = ['submit', 'approve', 'publish'] as const;
export type PolicyTransition = (typeof policyTransitions)[number];

/**
 * A calendar date that exists, in years PostgreSQL and people use (2026-02-30 and 0000-01-01 are
 * refused as field errors, never at the database).
 */
const dateSchema = z.iso.date().refine((v) => v >= '1900-01-01' && v <= '2199-12-31', {
  message: 'INVALID_DATE',
});
const bodySchema = textSchema(1, 200_000);

export const policyInputSchema = z
  .object({
    kind: z.enum(policyKinds),
    titleAr: textSchema(2, 200),
    titleEn: textSchema(2, 200),
    reviewDate: dateSchema.optional(),
    body: bodySchema,
    bodyEn: bodySchema.optional(),
    /** A consent document's purpose (required for kind consent, refused for the others). */
    purpose: z.enum(consentPurposes).optional(),
    contexts: z.array(z.enum(policyContexts)).max(policyContexts.length).optional(),
  })
  .refine((v) => (v.kind === 'consent') === (v.purpose !== undefined), {
    path: ['purpose'],
    message: 'PURPOSE_FOR_CONSENT_ONLY',
  });
export type PolicyInput = z.infer<typeof policyInputSchema>;

export const policyUpdateSchema = z
  .object({
    titleAr: textSchema(2, 200),
    titleEn: textSchema(2, 200),
    reviewDate: dateSchema.nullable(),
    contexts: z.array(z.enum(policyContexts)).max(policyContexts.length),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type PolicyUpdate = z.infer<typeof policyUpdateSchema>;

export const policyVersionInputSchema = z.object({ changeNote: textSchema(0, 500).optional() });

export const policyVersionUpdateSchema = z.object({
  body: bodySchema,
  bodyEn: bodySchema.nullable().optional(),
  changeNote: textSchema(0, 500).nullable().optional(),
});
export type PolicyVersionUpdate = z.infer<typeof policyVersionUpdateSchema>;

/** The board's recorded decision: its number and date are required, the minutes' reference optional. */
export const policyApprovalSchema = z.object({
  decisionNumber: textSchema(1, 60),
  decisionDate: dateSchema,
  minutesReference: textSchema(0, 300).optional(),
});
export type PolicyApproval = z.infer<typeof policyApprovalSchema>;

export const policyVersionParamsSchema = z.object({ id: z.uuid(), vid: z.uuid() });
export const policyTransitionParamsSchema = policyVersionParamsSchema.extend({
  transition: z.enum(policyTransitions),
});

export const policiesQuerySchema = z.object({
  kind: z.enum(policyKinds).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});

export const policyDiffQuerySchema = z.object({ from: z.uuid(), to: z.uuid() });

export const policyVersionSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(policyVersionStatuses),
  changeNote: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  minutesReference: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** The board's minutes as an uploaded file (null: none uploaded; `minutesReference` may still name it). */
  minutes: z
    .object({ fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: z.string() })
    .nullable(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  supersededAt: z.string().nullable(),
  createdAt: z.string(),
});
export type PolicyVersion = z.infer<typeof policyVersionSchema>;

export const policySummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(policyKinds),
  titleAr: z.string(),
  titleEn: z.string(),
  purpose: z.enum(consentPurposes).nullable(),
  contexts: z.array(z.enum(policyContexts)),
  reviewDate: z.string().nullable(),
  reviewOverdue: z.boolean(),
  publishedVersion: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  latestVersion: z.number().int(),
  latestStatus: z.enum(policyVersionStatuses),
  /** The caller's acknowledgement of the published version (null: nothing published). */
  acknowledged: z.boolean().nullable(),
});
export type PolicySummary = z.infer<typeof policySummarySchema>;

export const policyDetailSchema = policySummarySchema.extend({
  publishedBody: z.string().nullable(),
  publishedBodyEn: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  versions: z.array(policyVersionSchema.extend({ body: z.string(), bodyEn: z.string().nullable() })),
});
export type PolicyDetail = z.infer<typeof policyDetailSchema>;

export const policyListSchema = z.object({
  items: z.array(policySummarySchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const policyDiffPartSchema = z.object({
  kind: z.enum(['added', 'removed', 'unchanged']),
  lines: z.array(z.string()),
});
export type PolicyDiffPart = z.infer<typeof policyDiffPartSchema>;

export const policyDiffSchema = z.object({
  from: z.object({ id: z.uuid(), number: z.number().int() }),
  to: z.object({ id: z.uuid(), number: z.number().int() }),
  added: z.number().int(),
  removed: z.number().int(),
  parts: z.array(policyDiffPartSchema),
});
export type PolicyDiff = z.infer<typeof policyDiffSchema>;

const staffLineSchema = z.object({
  userId: z.uuid(),
  fullName: z.string(),
  roles: z.array(z.enum(staffRoles)),
});

export const policyAcknowledgementsSchema = z.object({
  version: z.object({ id: z.uuid(), number: z.number().int() }).nullable(),
  acknowledged: z.array(staffLineSchema.extend({ acknowledgedAt: z.string() })),
  pending: z.array(staffLineSchema),
});
export type PolicyAcknowledgements = z.infer<typeof policyAcknowledgementsSchema>;

export const policyAcknowledgementSchema = z.object({
  versionId: z.uuid(),
  acknowledgedAt: z.string(),
});

/** The reference library: published bylaws, decisions and procedures, searched in Arabic. */
export const libraryQuerySchema = z.object({
  q: textSchema(0, 200).optional(),
  kind: z.enum(libraryKinds).optional(),
  context: z.enum(policyContexts).optional(),
  /** The library is read whole by the web pages: up to 200 a page unless asked for fewer. */
  limit: z.coerce.number().int().min(1).max(200).default(200),
  cursor: z.string().max(500).optional(),
});
export type LibraryQuery = z.infer<typeof libraryQuerySchema>;

export const libraryItemSchema = z.object({
  id: z.uuid(),
  kind: z.enum(policyKinds),
  titleAr: z.string(),
  titleEn: z.string(),
  contexts: z.array(z.enum(policyContexts)),
  publishedVersion: z.number().int(),
  publishedAt: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
});
export type LibraryItem = z.infer<typeof libraryItemSchema>;

export const libraryListSchema = z.object({
  items: z.array(libraryItemSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

/** The published text of a kind people sign (the charter in the portal and at intake). */
export const publishedTextSchema = z.object({
  documentId: z.uuid(),
  versionNumber: z.number().int(),
  titleAr: z.string(),
  titleEn: z.string(),
  bodyAr: z.string(),
  bodyEn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** The board's decision that approved this version. */
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
});
export type PublishedText = z.infer<typeof publishedTextSchema>;
