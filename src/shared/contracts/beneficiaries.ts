import { z } from 'zod';
import { correctableFields, householdRelations } from '../beneficiary-codes';
import { gregorianDateSchema, hijriDateSchema } from '../dates-hijri';
import { normalizeDigits } from '../digits';
import { nationalIdSchema } from '../saudi/national-id';
import { mobileSchema } from '../saudi/phone';
import { emailSchema, identifierSchema, listQuerySchema, pageSchema, textSchema } from './common';

// المستفيد — the person the association serves, registered at the counter (policy steps 1, 2 and 4).

export const genders = ['male', 'female'] as const;
export const maritalStatuses = ['single', 'married', 'divorced', 'widowed'] as const;
export const beneficiaryStatuses = [
  'active',
  'inactive',
  'deceased',
  'blocked',
  'pending_verification',
] as const;
export { correctableFields, householdRelations };
export const housingTypes = ['apartment', 'villa', 'traditional_house', 'room', 'shelter', 'other'] as const;
export const housingOwnership = ['owned', 'rented', 'charity', 'family', 'other'] as const;
export const schoolingLevels = [
  'none',
  'kindergarten',
  'primary',
  'intermediate',
  'secondary',
  'university',
  'graduated',
] as const;
export const consentPurposes = ['service_delivery', 'contact', 'partner_sharing'] as const;

const code = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);
// Riyals to the halala: amounts are summed in halalas, exactly (eligibility/rules.ts householdIncome).
const money = z.preprocess(
  (v) => (typeof v === 'string' ? Number(normalizeDigits(v).replace(/,/g, '')) : v),
  z.number().min(0).max(10_000_000).multipleOf(0.01),
);

/** Birth date: Gregorian `birthDate`, or Umm al-Qura `birthDateHijri` instead (DESIGN.md). */
const birthFields = {
  birthDate: gregorianDateSchema.optional(),
  birthDateHijri: hijriDateSchema.optional(),
};

export const incomeSourceSchema = z.object({
  source: textSchema(1, 80),
  monthlyAmount: money,
});

export const housingSchema = z.object({
  type: z.enum(housingTypes),
  ownership: z.enum(housingOwnership),
  monthlyRent: money.optional(),
  notes: textSchema(0, 500).optional(),
});

const profileFields = {
  fullNameEn: textSchema(0, 200).optional(),
  maritalStatus: z.enum(maritalStatuses).optional(),
  altPhone: mobileSchema.optional(),
  // For messages by e-mail; null clears it.
  email: emailSchema.nullable().optional(),
  region: textSchema(0, 80).optional(),
  district: textSchema(0, 80).optional(),
  address: textSchema(0, 300).optional(),
  preferredChannel: code.optional(),
  preferredLanguage: z.enum(['ar', 'en']).optional(),
  categories: z.array(code).max(20).optional(),
  incomeSources: z.array(incomeSourceSchema).max(20).optional(),
  housing: housingSchema.optional(),
  // Sensitive: stored for the roles that need it, hidden from the others.
  healthConditions: z.array(textSchema(1, 200)).max(20).optional(),
  notes: textSchema(0, 2000).optional(),
};

export const createBeneficiarySchema = z.object({
  nationalId: nationalIdSchema,
  fullNameAr: textSchema(5, 200),
  ...birthFields,
  gender: z.enum(genders),
  phone: mobileSchema,
  nationality: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
    z.string().regex(/^[A-Z]{2}$/),
  ),
  city: textSchema(1, 80),
  ...profileFields,
  /** The channel the person came through, recorded as the first interaction. */
  channel: code.optional(),
  /** Ids of possible duplicates that staff looked at and decided are other people. */
  acknowledgedDuplicateIds: z.array(z.uuid()).max(50).optional(),
});
export type CreateBeneficiary = z.infer<typeof createBeneficiarySchema>;

export const updateBeneficiarySchema = z
  .object({
    nationalId: nationalIdSchema.optional(),
    fullNameAr: textSchema(5, 200).optional(),
    ...birthFields,
    gender: z.enum(genders).optional(),
    phone: mobileSchema.optional(),
    nationality: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    city: textSchema(1, 80).optional(),
    ...profileFields,
    acknowledgedDuplicateIds: z.array(z.uuid()).max(50).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type UpdateBeneficiary = z.infer<typeof updateBeneficiarySchema>;

export const changeStatusSchema = z.object({
  status: z.enum(beneficiaryStatuses),
  reason: textSchema(3, 500),
});

export const householdMemberInputSchema = z.object({
  relation: z.enum(householdRelations),
  fullName: textSchema(2, 200),
  nationalId: nationalIdSchema.optional(),
  ...birthFields,
  gender: z.enum(genders),
  monthlyIncome: money.optional(),
  health: textSchema(0, 300).optional(),
  schooling: z.enum(schoolingLevels).optional(),
});
export type HouseholdMemberInput = z.infer<typeof householdMemberInputSchema>;

export const householdMemberSchema = z.object({
  id: z.uuid(),
  relation: z.enum(householdRelations),
  fullName: z.string(),
  nationalId: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthDateHijri: z.string().nullable(),
  gender: z.enum(genders),
  monthlyIncome: z.number(),
  health: z.string().nullable().optional(),
  schooling: z.string().nullable(),
});

export const duplicateMatchSchema = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  fullNameAr: z.string(),
  nationalId: z.string(),
  reasons: z.array(z.enum(['national_id', 'phone', 'household_member', 'similar_name_same_birth_date'])),
});
export type DuplicateMatch = z.infer<typeof duplicateMatchSchema>;

export const beneficiarySchema = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  nationalId: z.string(),
  idKind: z.enum(['citizen', 'resident']),
  fullNameAr: z.string(),
  fullNameEn: z.string().nullable(),
  gender: z.enum(genders),
  birthDate: z.string(),
  birthDateHijri: z.string(),
  nationality: z.string(),
  maritalStatus: z.enum(maritalStatuses).nullable(),
  phone: z.string(),
  altPhone: z.string().nullable(),
  email: z.string().nullable(),
  region: z.string().nullable(),
  city: z.string(),
  district: z.string().nullable(),
  address: z.string().nullable(),
  preferredChannel: z.string().nullable(),
  preferredLanguage: z.enum(['ar', 'en']),
  categories: z.array(z.string()),
  incomeSources: z.array(z.object({ source: z.string(), monthlyAmount: z.number() })),
  housing: z
    .object({
      type: z.enum(housingTypes),
      ownership: z.enum(housingOwnership),
      monthlyRent: z.number().optional(),
      notes: z.string().optional(),
    })
    .nullable(),
  /** Absent when the reader's roles may not see health data. */
  healthConditions: z.array(z.string()).optional(),
  notes: z.string().nullable(),
  status: z.enum(beneficiaryStatuses),
  statusReason: z.string().nullable(),
  legalHold: z.boolean(),
  household: z.object({
    size: z.number().int(),
    monthlyIncome: z.number(),
    monthlyIncomePerCapita: z.number(),
  }),
  declaration: z.object({
    current: z.boolean(),
    signedAt: z.string().nullable(),
    reason: z.enum(['never_signed', 'text_changed', 'data_changed']).nullable(),
  }),
  expiredDocuments: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Beneficiary = z.infer<typeof beneficiarySchema>;

export const beneficiarySummarySchema = beneficiarySchema.pick({
  id: true,
  fileNumber: true,
  nationalId: true,
  fullNameAr: true,
  fullNameEn: true,
  gender: true,
  birthDate: true,
  phone: true,
  city: true,
  status: true,
  categories: true,
});
export type BeneficiarySummary = z.infer<typeof beneficiarySummarySchema>;

export const searchBeneficiariesQuerySchema = listQuerySchema.extend({
  q: z
    .string()
    .max(200)
    .optional()
    .describe(
      'One search box (decisions 006 and 027). A national ID or Iqama number, a mobile number in any form or a ' +
        'file number (B-000123) is matched exactly. Anything else is an Arabic name, tolerant of spelling ' +
        'variants and of a typo, optionally followed by what the clerk also knows: a birth year (4 digits, ' +
        'Gregorian 1900–2100 or Hijri 1300–1600), a city of the association and/or the last 3–7 digits of the ' +
        'mobile, e.g. "محمد أحمد الشهري ١٤٠٥ أبها". These rank the people who match them first and never ' +
        'filter anyone out; Arabic-Indic digits are accepted.',
    ),
  category: code.optional(),
  city: z.string().max(80).optional(),
  status: z.enum(beneficiaryStatuses).optional(),
});
export type SearchBeneficiariesQuery = z.infer<typeof searchBeneficiariesQuerySchema>;

export const beneficiaryPageSchema = pageSchema(beneficiarySummarySchema);

export const documentSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  number: z.string().nullable(),
  issueDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  expired: z.boolean(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  uploadedBy: z.string().nullable(),
});
export type BeneficiaryDocument = z.infer<typeof documentSchema>;

/** Multipart fields sent with the file of `POST /beneficiaries/:id/documents`. */
export const documentFieldsSchema = z.object({
  type: code,
  number: identifierSchema(0, 60).optional(),
  issueDate: gregorianDateSchema.optional(),
  issueDateHijri: hijriDateSchema.optional(),
  expiryDate: gregorianDateSchema.optional(),
  expiryDateHijri: hijriDateSchema.optional(),
});

export const declarationTextSchema = z.object({
  version: z.number().int(),
  bodyAr: z.string(),
  bodyEn: z.string(),
  createdAt: z.string(),
});

export const signDeclarationSchema = z
  .object({
    method: z.enum(['drawn', 'typed']),
    textVersion: z.number().int().min(1),
    /** PNG data URL of the drawn signature. */
    signatureImage: z
      .string()
      .max(300_000)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
      .optional(),
    typedName: textSchema(2, 200).optional(),
    agreed: z.literal(true),
    channel: code,
  })
  .refine((v) => (v.method === 'drawn' ? !!v.signatureImage : !!v.typedName), {
    message: 'signature missing',
    path: ['signatureImage'],
  });
export type SignDeclaration = z.infer<typeof signDeclarationSchema>;

export const declarationSchema = z.object({
  id: z.uuid(),
  textVersion: z.number().int(),
  method: z.enum(['drawn', 'typed']),
  typedName: z.string().nullable(),
  hasImage: z.boolean(),
  channel: z.string(),
  signedAt: z.string(),
  witnessedBy: z.string().nullable(),
});

export const consentInputSchema = z.object({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  channel: code,
});

export const consentSchema = z.object({
  purpose: z.enum(consentPurposes),
  granted: z.boolean(),
  channel: z.string(),
  recordedAt: z.string(),
  recordedBy: z.string().nullable(),
  /** The consent text's version it was given under (null: before the texts were managed). */
  textVersion: z.number().int().nullable().optional(),
  /** Granted under an older consent text than the one in force: ask again. */
  textChanged: z.boolean().optional(),
});

// How a contact ended (issue 12: "outcome, how long").
export const interactionOutcomes = [
  'information_given',
  'resolved',
  'follow_up_needed',
  'referred',
  'no_answer',
] as const;

export const interactionInputSchema = z.object({
  channel: code,
  kind: z.enum(['intake', 'inquiry', 'follow_up', 'visit', 'call', 'other']),
  summary: textSchema(1, 2000),
  outcome: z.enum(interactionOutcomes).optional(),
  durationMinutes: z.number().int().min(0).max(600).optional(),
});

/** What the timeline shows (issue 12: the whole story), and the groups its filter offers. */
export const timelineKinds = [
  'interaction',
  'inquiry',
  'complaint',
  'appointment',
  'request',
  'transition',
  'referral',
  'referral_answer',
  'verification',
  'delivery',
  'letter',
  'message',
  'partner_referral',
  'document',
  'declaration',
  'consent',
  'household',
  'status',
  'created',
  'updated',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export const timelineGroups = {
  contacts: ['interaction', 'inquiry', 'complaint', 'appointment'],
  requests: ['request', 'transition', 'referral', 'referral_answer', 'verification', 'delivery', 'letter'],
  messages: ['message'],
  partners: ['partner_referral'],
  file: ['document', 'declaration', 'consent', 'household', 'status', 'created', 'updated'],
} as const satisfies Record<string, readonly TimelineKind[]>;
export type TimelineGroup = keyof typeof timelineGroups;

export const timelineQuerySchema = z.object({
  group: z.enum(Object.keys(timelineGroups) as [TimelineGroup, ...TimelineGroup[]]).optional(),
});

export const timelineItemSchema = z.object({
  id: z.string(),
  kind: z.enum(timelineKinds),
  at: z.string(),
  actorName: z.string().nullable(),
  channel: z.string().nullable(),
  summary: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const correctionRequestInputSchema = z.object({
  field: z.enum(correctableFields),
  requestedValue: textSchema(1, 500),
  reason: textSchema(3, 1000),
  channel: code,
});

export const resolveCorrectionSchema = z.object({
  decision: z.enum(['applied', 'rejected']),
  note: textSchema(3, 1000),
});

export const correctionRequestSchema = z.object({
  id: z.uuid(),
  field: z.enum(correctableFields),
  requestedValue: z.string(),
  reason: z.string(),
  channel: z.string(),
  status: z.enum(['open', 'applied', 'rejected']),
  dueAt: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
