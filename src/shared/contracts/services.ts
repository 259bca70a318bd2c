import { z } from 'zod';
import { listQuerySchema, pageSchema, textSchema } from './common';

// دليل الخدمات — what the association offers, and what each service requires.
export const verificationMechanisms = ['documents', 'interview', 'field_visit'] as const;
export type VerificationMechanism = (typeof verificationMechanisms)[number];

const code = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/);

const serviceFields = z.object({
  nameAr: textSchema(2, 200),
  nameEn: textSchema(2, 200),
  descriptionAr: textSchema(0, 2000).optional(),
  descriptionEn: textSchema(0, 2000).optional(),
  targetCategories: z.array(code).max(20),
  conditionsAr: textSchema(0, 4000).optional(),
  requiredDocuments: z.array(code).max(20),
  verification: z.array(z.enum(verificationMechanisms)).max(3),
  // The policy promises an answer "within a period of no less than two weeks".
  decisionDays: z.number().int().min(14).max(365),
  capacityPerPeriod: z.number().int().min(1).max(1_000_000).nullable().optional(),
  budgetPerPeriod: z.number().min(0).max(1_000_000_000).nullable().optional(),
  recurrence: z.enum(['one_off', 'monthly']),
  registrationChecklist: z.array(textSchema(2, 200)).max(20),
  active: z.boolean(),
  // وقت كافٍ لكل مراجع — the minutes a counter visit for this service is given (appointment slots).
  visitMinutes: z.number().int().min(5).max(240),
});

export const serviceInputSchema = serviceFields.extend({
  targetCategories: serviceFields.shape.targetCategories.default([]),
  requiredDocuments: serviceFields.shape.requiredDocuments.default([]),
  verification: serviceFields.shape.verification.default(['documents']),
  recurrence: serviceFields.shape.recurrence.default('one_off'),
  registrationChecklist: serviceFields.shape.registrationChecklist.default([]),
  active: serviceFields.shape.active.default(true),
  visitMinutes: serviceFields.shape.visitMinutes.default(20),
});
export type ServiceInput = z.infer<typeof serviceInputSchema>;

// A change names only what changes: no defaults here, or a PATCH would reset the fields it omits.
export const serviceUpdateSchema = serviceFields.partial();
export type ServiceUpdate = z.infer<typeof serviceUpdateSchema>;

export const serviceSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  descriptionAr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  targetCategories: z.array(z.string()),
  conditionsAr: z.string().nullable(),
  requiredDocuments: z.array(z.string()),
  verification: z.array(z.enum(verificationMechanisms)),
  decisionDays: z.number().int(),
  capacityPerPeriod: z.number().int().nullable(),
  budgetPerPeriod: z.number().nullable(),
  recurrence: z.enum(['one_off', 'monthly']),
  registrationChecklist: z.array(z.string()),
  active: z.boolean(),
  visitMinutes: z.number().int(),
  createdAt: z.string(),
});
export type Service = z.infer<typeof serviceSchema>;

export const listServicesQuerySchema = listQuerySchema.extend({
  active: z.enum(['true', 'false']).optional(),
});
export const servicePageSchema = pageSchema(serviceSchema);
