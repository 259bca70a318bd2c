import { z } from 'zod';
import { requestActions, requestStatuses } from '../requests/request-machine';
import {
  beneficiarySchema,
  consentPurposes,
  consentSchema,
  correctableFields,
  correctionRequestSchema,
  declarationSchema,
  documentSchema,
  householdMemberSchema,
  timelineItemSchema,
} from './beneficiaries';
import { textSchema } from './common';
import { exportedCharterAcceptanceSchema, exportedDisputeSchema } from './disputes';
import { notificationChannels, outboxStatuses } from './outbox';
import { verificationMechanisms } from './services';

// The beneficiary's own services, requests, messages and data in the portal (/api/v1/portal/…).

/** One criterion of a service's eligibility rules, said to the person in plain words. */
export const portalCriterionSchema = z.object({
  labelAr: z.string(),
  labelEn: z.string(),
  /** null: the file does not tell yet (e.g. no income recorded). */
  met: z.boolean().nullable(),
  explanationAr: z.string(),
  explanationEn: z.string(),
});

/**
 * "You may qualify": the association's rules in force for this service applied to the person's file.
 * It informs; the decision is the association's. `unknown` when the service has no rules or the file
 * does not tell enough.
 */
export const portalEligibilitySchema = z.object({
  outcome: z.enum(['likely', 'unlikely', 'unknown']),
  criteria: z.array(portalCriterionSchema),
});
export type PortalEligibility = z.infer<typeof portalEligibilitySchema>;

export const portalServiceSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  descriptionAr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  decisionDays: z.number().int(),
  requiredDocuments: z.array(
    z.object({
      code: z.string(),
      labelAr: z.string(),
      labelEn: z.string(),
      /** A valid (unexpired) document of this type is on the person's file. */
      held: z.boolean(),
    }),
  ),
  verification: z.array(z.enum(verificationMechanisms)),
  eligibility: portalEligibilitySchema,
});
export type PortalService = z.infer<typeof portalServiceSchema>;

export const portalRequestSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  serviceId: z.uuid(),
  serviceNameAr: z.string(),
  serviceNameEn: z.string(),
  status: z.enum(requestStatuses),
  /** portalStatusWords(status), so every client says the same. */
  statusWordsAr: z.string(),
  statusWordsEn: z.string(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  expectedDecisionAt: z.string().nullable(),
});
export type PortalRequestSummary = z.infer<typeof portalRequestSummarySchema>;

/** What still blocks sending the request: a document (missing or expired), the declaration, the file. */
export const portalMissingItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('document'),
    code: z.string(),
    labelAr: z.string(),
    labelEn: z.string(),
    /** On file but past its expiry date (a new copy is needed). */
    expired: z.boolean(),
  }),
  z.object({
    kind: z.literal('declaration'),
    reason: z.enum(['never_signed', 'text_changed', 'data_changed']),
  }),
  /** The file itself: `status` while the registration is not accepted yet. */
  z.object({ kind: z.literal('profile'), field: z.string() }),
]);
export type PortalMissingItem = z.infer<typeof portalMissingItemSchema>;

export const portalRequestSchema = portalRequestSummarySchema.extend({
  /** Empty unless the request is a draft (what the person must add before sending it). */
  missing: z.array(portalMissingItemSchema),
  /** While staff wait for the person (needs_info): what they asked for. */
  infoRequest: z.object({ note: z.string(), items: z.array(z.string()), requestedAt: z.string() }).nullable(),
  /** Each change of status, oldest first, in the portal's words. */
  history: z.array(
    z.object({ at: z.string(), status: z.enum(requestStatuses), wordsAr: z.string(), wordsEn: z.string() }),
  ),
  letterAvailable: z.boolean(),
  canSubmit: z.boolean(),
  canWithdraw: z.boolean(),
  canProvideInfo: z.boolean(),
  availableActions: z.array(z.enum(requestActions)),
});
export type PortalRequest = z.infer<typeof portalRequestSchema>;

export const portalCreateRequestSchema = z.object({ serviceId: z.uuid() });

export const portalInfoReplySchema = z.object({
  reply: textSchema(1, 2000),
  /** Documents the person uploaded (POST documents) in answer; each must be their own. */
  documentIds: z.array(z.uuid()).max(10).optional(),
});
export type PortalInfoReply = z.infer<typeof portalInfoReplySchema>;

export const portalWithdrawSchema = z.object({ reason: textSchema(0, 1000).optional() });

export const portalMessageSchema = z.object({
  id: z.uuid(),
  channel: z.enum(notificationChannels),
  /** One-time codes are stored masked, and shown so. */
  body: z.string(),
  /**
   * As the outbox says: `queued` (waiting), `sent` (handed to the SMS gateway), `recorded` (kept here,
   * not sent: no gateway configured), `failed`.
   */
  status: z.enum(outboxStatuses),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});

/** A request to correct data held about the person (PDPL); answered within 30 days. */
export const portalCorrectionInputSchema = z.object({
  field: z.enum(correctableFields),
  proposedValue: textSchema(1, 500),
  reason: textSchema(3, 1000),
});

export const portalConsentInputSchema = z.object({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
});

/** Every purpose, with the person's latest answer (null: never asked). */
export const portalConsentsSchema = z.object({
  items: z.array(
    z.object({
      purpose: z.enum(consentPurposes),
      granted: z.boolean().nullable(),
      recordedAt: z.string().nullable(),
      /** Given under an older consent text than the one in force: asked again (issue 14). */
      textChanged: z.boolean().optional(),
    }),
  ),
});

/** Everything the association holds about the person (PDPL right of access). */
export const portalMyDataSchema = z.object({
  exportedAt: z.string(),
  organization: z.object({ nameAr: z.string(), nameEn: z.string() }),
  profile: beneficiarySchema,
  household: z.array(householdMemberSchema),
  documents: z.array(documentSchema),
  declarations: z.array(declarationSchema),
  consents: z.array(consentSchema),
  charterAcceptances: z.array(exportedCharterAcceptanceSchema),
  disputes: z.array(exportedDisputeSchema),
  corrections: z.array(correctionRequestSchema),
  requests: z.array(portalRequestSummarySchema),
  timeline: z.array(timelineItemSchema),
});
export type PortalMyData = z.infer<typeof portalMyDataSchema>;
