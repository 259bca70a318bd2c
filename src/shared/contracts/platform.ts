import { z } from 'zod';
import { emailSchema, pageSchema, passwordSchema, textSchema } from './common';
import { slugSchema } from './organization';

/** The platform operator's view of associations (counts only, never a person). */
export const organizationStatuses = ['active', 'suspended'] as const;
export type OrganizationStatus = (typeof organizationStatuses)[number];

export const createPlatformOrganizationSchema = z.object({
  organization: z.object({ nameAr: textSchema(2, 200), nameEn: textSchema(2, 200), slug: slugSchema }),
  admin: z.object({ fullName: textSchema(2, 120), email: emailSchema, password: passwordSchema }),
});
export type CreatePlatformOrganization = z.infer<typeof createPlatformOrganizationSchema>;

export const platformOrganizationSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  slug: z.string(),
  status: z.enum(organizationStatuses),
});
export type PlatformOrganization = z.infer<typeof platformOrganizationSchema>;

export const createdPlatformOrganizationSchema = z.object({
  organization: platformOrganizationSchema,
  admin: z.object({ id: z.uuid(), email: z.string() }),
});
export type CreatedPlatformOrganization = z.infer<typeof createdPlatformOrganizationSchema>;

export const platformOrganizationSummarySchema = platformOrganizationSchema.extend({
  createdAt: z.string(),
  users: z.number().int(),
  beneficiaries: z.number().int(),
});
export type PlatformOrganizationSummary = z.infer<typeof platformOrganizationSummarySchema>;

export const platformOrganizationListSchema = pageSchema(platformOrganizationSummarySchema);
export type PlatformOrganizationList = z.infer<typeof platformOrganizationListSchema>;

export const platformOrganizationListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type PlatformOrganizationListQuery = z.infer<typeof platformOrganizationListQuerySchema>;

export const platformOperatorGrantSchema = z.object({ email: emailSchema, grant: z.boolean() });
export type PlatformOperatorGrant = z.infer<typeof platformOperatorGrantSchema>;

export const platformOperatorResultSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), platformOperator: z.boolean() }),
});
