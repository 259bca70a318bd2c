import { z } from 'zod';
import { verificationMechanisms } from './services';

// الصفحات العامة — what anyone may read about an association without signing in: its service guide
// and how to reach it. Nothing here is anyone's personal data.

export const publicSlugParamsSchema = z.object({ slug: z.string().trim().toLowerCase().min(1).max(60) });

const labelSchema = z.object({ code: z.string(), labelAr: z.string(), labelEn: z.string() });
export type PublicLabel = z.infer<typeof labelSchema>;

/** A service as the public guide shows it: who it is for, what to bring, how long the answer takes. */
export const publicServiceSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  descriptionAr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  targetCategories: z.array(labelSchema),
  requiredDocuments: z.array(labelSchema),
  verification: z.array(z.enum(verificationMechanisms)),
  decisionDays: z.number().int(),
  recurrence: z.enum(['one_off', 'monthly']),
});
export type PublicService = z.infer<typeof publicServiceSchema>;

export const publicServicesSchema = z.object({ items: z.array(publicServiceSchema) });

/** The association's card: its names, logo, the channels it answers on and its counter's hours. */
export const publicAboutSchema = z.object({
  slug: z.string(),
  nameAr: z.string(),
  nameEn: z.string(),
  logo: z.string().nullable(),
  channels: z.array(labelSchema),
  /** 0 = Sunday … 6 = Saturday. */
  workingDays: z.array(z.number().int()),
  counter: z.object({ opensAt: z.string(), closesAt: z.string() }),
  timeZone: z.string(),
  digitStyle: z.enum(['arab', 'latn']),
});
export type PublicAbout = z.infer<typeof publicAboutSchema>;
