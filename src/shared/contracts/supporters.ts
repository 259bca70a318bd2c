import { z } from 'zod';
import { mobileSchema } from '../saudi/phone';
import { textSchema } from './common';

// الداعمون والمتطوعون — policy 001: "beneficiaries, supporters, volunteers" (issue 12 item 1).
export const supporterKinds = ['volunteer', 'donor'] as const;
export const supporterStatuses = ['prospect', 'active', 'inactive'] as const;

export const supporterInputSchema = z.object({
  kind: z.enum(supporterKinds),
  fullName: textSchema(2, 160),
  phone: mobileSchema.optional(),
  email: z.email().max(200).optional(),
  organizationName: textSchema(0, 200).optional(),
  interests: textSchema(0, 500).optional(),
  status: z.enum(supporterStatuses).default('active'),
  contactConsent: z.boolean().default(false),
  notes: textSchema(0, 2000).optional(),
});
export type SupporterInput = z.infer<typeof supporterInputSchema>;

export const supporterUpdateSchema = z
  .object({
    status: z.enum(supporterStatuses),
    contactConsent: z.boolean(),
    interests: textSchema(0, 500).nullable(),
    notes: textSchema(0, 2000).nullable(),
    phone: mobileSchema.nullable(),
    email: z.email().max(200).nullable(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type SupporterUpdate = z.infer<typeof supporterUpdateSchema>;

export const supporterContactInputSchema = z.object({
  channel: z.string().min(1).max(40),
  summary: textSchema(1, 2000),
});

export const supporterContactSchema = z.object({
  id: z.uuid(),
  channel: z.string(),
  summary: z.string(),
  staffName: z.string().nullable(),
  occurredAt: z.string(),
});

export const supporterSchema = z.object({
  id: z.uuid(),
  kind: z.enum(supporterKinds),
  fullName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  organizationName: z.string().nullable(),
  interests: z.string().nullable(),
  status: z.enum(supporterStatuses),
  contactConsent: z.boolean(),
  consentRecordedAt: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  lastContactAt: z.string().nullable(),
});
export type Supporter = z.infer<typeof supporterSchema>;

export const supporterDetailSchema = supporterSchema.extend({ contacts: z.array(supporterContactSchema) });
export type SupporterDetail = z.infer<typeof supporterDetailSchema>;

export const supportersQuerySchema = z.object({
  kind: z.enum(supporterKinds).optional(),
  status: z.enum(supporterStatuses).optional(),
  q: z.string().max(100).optional(),
});
