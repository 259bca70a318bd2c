import { z } from 'zod';
import { ruleSetSchema } from '../eligibility/rules';
import { textSchema } from './common';
import { verificationMechanisms } from './services';

export const rulesDocumentSchema = z.object({ version: z.number().int(), rules: ruleSetSchema });

export const verificationTaskSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  mechanism: z.enum(verificationMechanisms),
  status: z.enum(['open', 'scheduled', 'done']),
  assigneeId: z.uuid().nullable(),
  scheduledAt: z.string().nullable(),
  location: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  findings: z.string().nullable(),
  recommendation: z.enum(['eligible', 'not_eligible', 'needs_more']).nullable(),
  completedAt: z.string().nullable(),
});

export const scheduleTaskSchema = z.object({
  assigneeId: z.uuid().optional(),
  scheduledAt: z.iso.datetime({ offset: true }).optional(),
  location: textSchema(0, 300).optional(),
});

export const completeTaskSchema = z.object({
  answers: z.record(z.string().max(80), z.unknown()).default({}),
  findings: textSchema(3, 5000),
  recommendation: z.enum(['eligible', 'not_eligible', 'needs_more']),
});

const resultSchema = z.object({
  id: z.string(),
  kind: z.string(),
  mode: z.enum(['required', 'points']),
  weight: z.number(),
  outcome: z.enum(['pass', 'fail', 'unknown']),
  observed: z.union([z.string(), z.number()]).nullable(),
  expected: z.string(),
  points: z.number(),
});

export const evaluationSchema = z.object({
  ruleVersion: z.number().int(),
  results: z.array(resultSchema),
  requiredOutcome: z.enum(['pass', 'fail', 'unknown']),
  points: z.number(),
  maxPoints: z.number(),
  threshold: z.number(),
  recommendation: z.enum(['eligible', 'not_eligible', 'needs_review']),
});
