import { z } from 'zod';
import { normalizeDigits } from '../digits';
import { nationalIdSchema } from '../saudi/national-id';
import { beneficiaryStatuses } from './beneficiaries';

// The beneficiary's portal (/p/<slug>): sign-in with a one-time code sent by SMS to the registered mobile.

/** A one-time code: six digits, Arabic-Indic accepted, spaces ignored. */
export const oneTimeCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeDigits(v).replace(/\s+/g, '') : v),
  z.string().regex(/^\d{6}$/, { message: 'INVALID_CODE' }),
);

const organizationSlug = z.string().trim().toLowerCase().min(1).max(60);

export const portalCodeRequestSchema = z.object({
  organization: organizationSlug,
  nationalId: nationalIdSchema,
});
export type PortalCodeRequest = z.infer<typeof portalCodeRequestSchema>;

export const portalSignInSchema = portalCodeRequestSchema.extend({ code: oneTimeCodeSchema });
export type PortalSignIn = z.infer<typeof portalSignInSchema>;

export const portalCodeAcceptedSchema = z.object({
  /** Always the same answer, whether or not the ID is registered. */
  message: z.string(),
  expiresInSeconds: z.number().int(),
});

/** What the portal shows of an association before anyone signs in. */
export const portalOrganizationSchema = z.object({
  slug: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  logo: z.string().nullable(),
  digitStyle: z.enum(['arab', 'latn']),
});
export type PortalOrganization = z.infer<typeof portalOrganizationSchema>;

export const registrationStates = ['in_progress', 'submitted', 'returned', 'accepted'] as const;
export type RegistrationState = (typeof registrationStates)[number];

/** The signed-in beneficiary's own record, as the portal shows it. */
export const portalMeSchema = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  nationalId: z.string(),
  fullNameAr: z.string(),
  fullNameEn: z.string().nullable(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  nationality: z.string(),
  /** The mobile the codes go to, E.164. */
  phone: z.string(),
  city: z.string(),
  district: z.string().nullable(),
  preferredLanguage: z.string(),
  status: z.enum(beneficiaryStatuses),
  /** Present when the person pre-registered from the portal. */
  registration: z
    .object({ state: z.enum(registrationStates), returnReason: z.string().nullable() })
    .nullable(),
  organization: portalOrganizationSchema,
});
export type PortalMe = z.infer<typeof portalMeSchema>;
