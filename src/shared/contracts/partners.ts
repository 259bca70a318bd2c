import { z } from 'zod';
import { textSchema } from './common';

// الشركاء — other bodies an association refers beneficiaries to (policy 001 names "supporters" and
// partners; DESIGN.md: partner_sharing consent). What may be shared is a fixed list of fields, each
// chosen per referral, and the values shared are kept with the referral.
export const partnerKinds = ['charity', 'government', 'health', 'education', 'private', 'other'] as const;
export const shareableFields = [
  'fullName',
  'nationalId',
  'phone',
  'city',
  'householdSize',
  'categories',
  'monthlyIncome',
] as const;
export type ShareableField = (typeof shareableFields)[number];

export const partnerInputSchema = z.object({
  nameAr: textSchema(2, 200),
  nameEn: textSchema(2, 200).nullish(),
  kind: z.enum(partnerKinds),
  services: textSchema(0, 1000).nullish(),
  contactName: textSchema(0, 200).nullish(),
  contactPhone: textSchema(0, 30).nullish(),
  contactEmail: z.email().max(200).nullish(),
  active: z.boolean().optional(),
});
export type PartnerInput = z.infer<typeof partnerInputSchema>;

export const partnerSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string().nullable(),
  kind: z.enum(partnerKinds),
  services: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  active: z.boolean(),
});
export type Partner = z.infer<typeof partnerSchema>;

export const partnerReferralInputSchema = z.object({
  partnerId: z.uuid(),
  requestId: z.uuid().nullish(),
  reason: textSchema(3, 2000),
  sharedFields: z.array(z.enum(shareableFields)).min(1).max(shareableFields.length),
});
export type PartnerReferralInput = z.infer<typeof partnerReferralInputSchema>;

export const partnerReferralSchema = z.object({
  id: z.uuid(),
  partnerId: z.uuid(),
  partnerName: z.string(),
  requestId: z.uuid().nullable(),
  reason: z.string(),
  sharedFields: z.array(z.enum(shareableFields)),
  sharedData: z.record(z.string(), z.unknown()),
  status: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type PartnerReferral = z.infer<typeof partnerReferralSchema>;
