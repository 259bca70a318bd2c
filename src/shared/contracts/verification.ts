import { z } from 'zod';
import { gregorianDateSchema } from '../dates-hijri';
import { ruleSetSchema } from '../eligibility/rules';
import type { RequestStatus } from '../requests/request-machine';
import { textSchema } from './common';
import { verificationMechanisms } from './services';

export const rulesDocumentSchema = z.object({ version: z.number().int(), rules: ruleSetSchema });

export const verificationTaskSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  mechanism: z.enum(verificationMechanisms),
  status: z.enum(['open', 'scheduled', 'done']),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  /** The day (association's local date, `YYYY-MM-DD`) by which it should be done; set when staff add it. */
  dueOn: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  location: z.string().nullable(),
  answers: z.record(z.string(), z.unknown()),
  findings: z.string().nullable(),
  recommendation: z.enum(['eligible', 'not_eligible', 'needs_more']).nullable(),
  completedAt: z.string().nullable(),
});

/**
 * The states in which staff may add an interview or a field visit to a request: from review until it
 * goes to the decision (a task added before verification starts is kept, not duplicated, then).
 */
export const taskAddableStatuses = [
  'under_review',
  'needs_info',
  'in_verification',
] as const satisfies readonly RequestStatus[];

/** The mechanisms staff may add to any request, whatever its service planned. */
export const addableMechanisms = ['interview', 'field_visit'] as const;

/** An interview or a field visit added to a request, for one colleague, by a day. */
export const addTaskSchema = z.object({
  mechanism: z.enum(addableMechanisms),
  assigneeId: z.uuid(),
  dueOn: gregorianDateSchema,
});

/** Who a task is about and where, for the colleague who does it (their own tasks carry the phone). */
export const taskBeneficiarySchema = z.object({
  id: z.uuid(),
  fileNumber: z.string(),
  fullNameAr: z.string(),
  city: z.string(),
  district: z.string().nullable(),
  phone: z.string().nullable(),
});

/** A task in a work list: the task, its request, and the person it is about. */
export const workTaskSchema = verificationTaskSchema.extend({
  request: z.object({
    number: z.string(),
    status: z.string(),
    serviceNameAr: z.string(),
    serviceNameEn: z.string(),
  }),
  beneficiary: taskBeneficiarySchema,
});

export const scheduleTaskSchema = z.object({
  assigneeId: z.uuid().optional(),
  /** Taking a task: refused (409 CONFLICT) when someone else has it already, instead of taking it over. */
  onlyIfUnassigned: z.boolean().optional(),
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
