import { z } from 'zod';
import { gregorianDateSchema, hijriDateSchema } from '../dates-hijri';
import { nationalIdSchema } from '../saudi/national-id';
import { mobileSchema } from '../saudi/phone';
import { createBeneficiarySchema, genders } from './beneficiaries';
import { limitSchema, textSchema } from './common';
import { oneTimeCodeSchema, registrationStates } from './portal';

// التسجيل المسبق — a person registers from home in the portal; staff accept the file or return it.

const organizationSlug = z.string().trim().toLowerCase().min(1).max(60);

/** `POST /portal/registrations/otp`: a code to the phone the person typed (if the ID is new here). */
export const registrationCodeRequestSchema = z.object({
  organization: organizationSlug,
  nationalId: nationalIdSchema,
  phone: mobileSchema,
});
export type RegistrationCodeRequest = z.infer<typeof registrationCodeRequestSchema>;

/** `POST /portal/registrations`: the code and the few fields that make a record. */
export const portalRegistrationSchema = z.object({
  organization: organizationSlug,
  nationalId: nationalIdSchema,
  code: oneTimeCodeSchema,
  fullNameAr: textSchema(5, 200),
  fullNameEn: textSchema(0, 200).optional(),
  gender: z.enum(genders),
  /** Gregorian `YYYY-MM-DD`, or `birthDateHijri` (Umm al-Qura) instead. */
  birthDate: gregorianDateSchema.optional(),
  birthDateHijri: hijriDateSchema.optional(),
  nationality: createBeneficiarySchema.shape.nationality,
  city: textSchema(1, 80),
  district: textSchema(0, 80).optional(),
});
export type PortalRegistration = z.infer<typeof portalRegistrationSchema>;

/** `PATCH /portal/me/profile` while the registration is being completed (after it: corrections). */
export const portalProfileUpdateSchema = createBeneficiarySchema
  .pick({
    maritalStatus: true,
    region: true,
    city: true,
    district: true,
    address: true,
    altPhone: true,
    preferredLanguage: true,
    incomeSources: true,
    housing: true,
    categories: true,
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type PortalProfileUpdate = z.infer<typeof portalProfileUpdateSchema>;

/** A document as the person sees it: the type's name in both languages, no staff names. */
export const portalDocumentSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  typeLabelAr: z.string(),
  typeLabelEn: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  expired: z.boolean(),
  uploadedAt: z.string(),
});
export type PortalDocument = z.infer<typeof portalDocumentSchema>;

/** The declaration of data correctness in force, worded in the person's grammatical gender. */
export const portalDeclarationSchema = z.object({
  version: z.number().int(),
  /** In the language of the request (Accept-Language). */
  text: z.string(),
  textAr: z.string(),
  textEn: z.string(),
  signedCurrent: z.boolean(),
  signedAt: z.string().nullable(),
  /** Why the last signature no longer holds, when it does not. */
  reason: z.enum(['never_signed', 'text_changed', 'data_changed']).nullable(),
});
export type PortalDeclaration = z.infer<typeof portalDeclarationSchema>;

export const portalSignDeclarationSchema = z.object({
  textVersion: z.number().int().min(1),
  signature: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('drawn'),
      /** PNG data URL of the drawn signature. */
      image: z
        .string()
        .max(300_000)
        .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/),
    }),
    z.object({ kind: z.literal('typed'), name: textSchema(2, 200) }),
  ]),
});
export type PortalSignDeclaration = z.infer<typeof portalSignDeclarationSchema>;

export const portalSignedDeclarationSchema = z.object({
  id: z.uuid(),
  textVersion: z.number().int(),
  signedAt: z.string(),
});

/** What submission still needs, in `SUBMISSION_INCOMPLETE` details `{missing}`. */
export const registrationMissing = ['national_id_document', 'declaration'] as const;
export type RegistrationMissing = (typeof registrationMissing)[number];

// ---- staff: the queue of pre-registrations ----

export const reviewStates = ['submitted', 'returned', 'accepted'] as const;

export const listRegistrationsQuerySchema = z.object({
  state: z.enum(reviewStates).default('submitted'),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type ListRegistrationsQuery = z.infer<typeof listRegistrationsQuerySchema>;

export const registrationDuplicateSchema = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  fullNameAr: z.string(),
  reasons: z.array(z.string()),
});

export const registrationItemSchema = z.object({
  id: z.uuid(),
  beneficiaryId: z.uuid(),
  fileNumber: z.string(),
  fullNameAr: z.string(),
  nationalId: z.string(),
  phone: z.string(),
  city: z.string(),
  state: z.enum(registrationStates),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** Records that may be the same person, found when the registration was submitted. */
  duplicateMatches: z.array(registrationDuplicateSchema),
  /** How many documents the person uploaded. */
  documents: z.number().int(),
});
export type RegistrationItem = z.infer<typeof registrationItemSchema>;

export const registrationPageSchema = z.object({
  items: z.array(registrationItemSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type RegistrationPage = z.infer<typeof registrationPageSchema>;

export const returnRegistrationSchema = z.object({ reason: textSchema(3, 500) });
export type ReturnRegistration = z.infer<typeof returnRegistrationSchema>;
