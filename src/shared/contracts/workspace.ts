import { z } from 'zod';
import { requestStatuses } from '../requests/request-machine';
import { staffRoles } from '../roles';
import { verificationMechanisms } from './services';

/**
 * The staff home page (`GET /api/v1/workspace/home`): the work of each of the caller's roles, as
 * sections, most urgent first. The server decides which sections a caller gets, from their roles.
 */

const listOf = <T extends z.ZodType>(item: T) =>
  z.object({
    /** How many there are in all; `items` holds the first few. */
    total: z.number().int(),
    items: z.array(item),
  });

export const homeRequestSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  beneficiaryName: z.string(),
  serviceNameAr: z.string(),
  serviceNameEn: z.string(),
  status: z.enum(requestStatuses),
  expectedDecisionAt: z.string().nullable(),
  stageEnteredAt: z.string(),
  createdAt: z.string(),
  /** Past the promised decision date while the clock runs, or too long in its stage (as the queues say). */
  overdue: z.boolean(),
});
export type HomeRequest = z.infer<typeof homeRequestSchema>;

export const homeReferralSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  requestNumber: z.string(),
  beneficiaryName: z.string(),
  reason: z.string(),
  createdByName: z.string().nullable(),
  dueAt: z.string(),
  overdue: z.boolean(),
});
export type HomeReferral = z.infer<typeof homeReferralSchema>;

export const homeTaskSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid(),
  requestNumber: z.string(),
  mechanism: z.enum(verificationMechanisms),
  status: z.enum(['open', 'scheduled', 'done']),
  beneficiaryName: z.string(),
  phone: z.string(),
  city: z.string(),
  district: z.string().nullable(),
  scheduledAt: z.string().nullable(),
  /** The day it should be done by (association's local date), when staff set one on adding it. */
  dueOn: z.string().nullable(),
  /** The request's promised decision date: the task must be done before it. */
  decisionDueAt: z.string().nullable(),
  /** Past its day, or past the request's promised decision date. */
  overdue: z.boolean(),
});
export type HomeTask = z.infer<typeof homeTaskSchema>;

export const homeVoteSchema = z.object({
  sessionId: z.uuid(),
  sessionTitle: z.string(),
  scheduledFor: z.string(),
  requestId: z.uuid(),
  requestNumber: z.string(),
  beneficiaryName: z.string(),
  serviceNameAr: z.string(),
  serviceNameEn: z.string(),
});
export type HomeVote = z.infer<typeof homeVoteSchema>;

const role = z.enum(staffRoles);

export const workspaceSectionSchema = z.discriminatedUnion('kind', [
  // The relations officer's counter: what the association registered today.
  z.object({
    kind: z.literal('counter'),
    role,
    urgent: z.number().int(),
    requestsToday: listOf(homeRequestSchema),
    beneficiariesToday: z.number().int(),
  }),
  // Requests the relations officer registered or holds, waiting at the review stage.
  z.object({
    kind: z.literal('my_requests'),
    role,
    urgent: z.number().int(),
    ...listOf(homeRequestSchema).shape,
  }),
  z.object({
    kind: z.literal('referrals'),
    role,
    urgent: z.number().int(),
    ...listOf(homeReferralSchema).shape,
  }),
  z.object({
    kind: z.literal('overdue_requests'),
    role,
    urgent: z.number().int(),
    ...listOf(homeRequestSchema).shape,
  }),
  z.object({
    kind: z.literal('verification_tasks'),
    role,
    urgent: z.number().int(),
    ...listOf(homeTaskSchema).shape,
    /** Tasks of requests in verification that nobody has taken yet. */
    unassigned: z.number().int(),
  }),
  z.object({
    kind: z.literal('committee'),
    role,
    urgent: z.number().int(),
    nextSession: z
      .object({
        id: z.uuid(),
        title: z.string(),
        scheduledFor: z.string(),
        agendaCount: z.number().int(),
        isMember: z.boolean(),
      })
      .nullable(),
    votes: listOf(homeVoteSchema),
  }),
  z.object({
    kind: z.literal('delivery'),
    role,
    urgent: z.number().int(),
    ...listOf(homeRequestSchema).shape,
  }),
  z.object({
    kind: z.literal('numbers'),
    role,
    urgent: z.number().int(),
    openByStage: z.object({
      review: z.number().int(),
      verification: z.number().int(),
      committee: z.number().int(),
      delivery: z.number().int(),
    }),
    open: z.number().int(),
    overdue: z.number().int(),
    decidedThisMonth: z.number().int(),
    decidedOnTimeThisMonth: z.number().int(),
    newBeneficiariesThisMonth: z.number().int(),
    /** Complaints and suggestions past their answer date, escalated to the manager, still unanswered. */
    escalatedComplaints: z.number().int(),
  }),
  z.object({
    kind: z.literal('setup'),
    role,
    urgent: z.number().int(),
    staff: z.number().int(),
    services: z.number().int(),
    servicesWithRules: z.number().int(),
  }),
  // Roles whose work has no list yet (quality officer, auditor): what they can do, and where.
  z.object({ kind: z.literal('guide'), role, urgent: z.number().int() }),
]);
export type WorkspaceSection = z.infer<typeof workspaceSectionSchema>;
export type WorkspaceSectionKind = WorkspaceSection['kind'];

export const workspaceHomeSchema = z.object({
  /** The caller's local date in the association's time zone (YYYY-MM-DD), for "today" and "this month". */
  today: z.string(),
  sections: z.array(workspaceSectionSchema),
});
export type WorkspaceHome = z.infer<typeof workspaceHomeSchema>;

/** How many items a home list shows before its "see all". */
export const homeListSize = 5;
