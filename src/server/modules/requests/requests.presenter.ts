import type { ServiceRequest } from '../../../shared/contracts/requests';
import { daysUntil } from '../../../shared/dates';
import {
  availableActions,
  isRequestLate,
  type RequestActor,
  type RequestStatus,
} from '../../../shared/requests/request-machine';
import type { listDeliveries, RequestView } from './requests.repository';
import type { referrals, requestHistory } from './requests.tables';

/** Late: past the promised decision date while the clock runs, or too long in one stage. */
export function isOverdue(view: RequestView, now: Date, stageAlertDays: number): boolean {
  return isRequestLate(view.request, now, stageAlertDays);
}

export function presentRequest(
  view: RequestView,
  ctx: {
    roles: readonly RequestActor[];
    now: Date;
    stageAlertDays: number;
    committeeDecides: boolean;
    /** The association's time zone: days left are counted in its calendar days. */
    timeZone: string;
  },
): ServiceRequest {
  const r = view.request;
  const status = r.status as RequestStatus;
  const expected = r.expectedDecisionAt;
  return {
    id: r.id,
    number: r.number,
    beneficiaryId: r.beneficiaryId,
    beneficiaryName: view.beneficiaryName,
    beneficiaryFileNumber: view.beneficiaryFileNumber,
    serviceId: r.serviceId,
    serviceNameAr: view.serviceNameAr,
    serviceNameEn: view.serviceNameEn,
    channel: r.channel,
    status,
    submittedAt: r.submittedAt?.toISOString() ?? null,
    expectedDecisionAt: expected?.toISOString() ?? null,
    daysRemaining: expected ? daysUntil(expected, ctx.now, ctx.timeZone) : null,
    overdue: isOverdue(view, ctx.now, ctx.stageAlertDays),
    infoRequested: r.infoRequested,
    assignedTo: r.assignedTo,
    assignedToName: view.assignedToName,
    decisionReason: r.decisionReason,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    stageEnteredAt: r.stageEnteredAt.toISOString(),
    // Where a committee decides, approve and reject are taken in a session, not from the request page.
    availableActions: availableActions(status, ctx.roles).filter(
      (a) => !(ctx.committeeDecides && (a === 'approve' || a === 'reject')),
    ),
    createdAt: r.createdAt.toISOString(),
  };
}

type HistoryRow = typeof requestHistory.$inferSelect;

export const presentHistoryItem = (
  h: Pick<HistoryRow, 'id' | 'fromStatus' | 'toStatus' | 'action' | 'actorName' | 'note' | 'at'>,
) => ({
  id: h.id,
  from: h.fromStatus as RequestStatus | null,
  to: h.toStatus as RequestStatus,
  action: h.action,
  actorName: h.actorName,
  note: h.note,
  at: h.at.toISOString(),
});

export const presentDelivery = (d: Awaited<ReturnType<typeof listDeliveries>>[number]) => ({
  id: d.id,
  deliveredOn: d.deliveredOn,
  description: d.description,
  quantity: d.quantity,
  amount: d.amount,
  deliveredBy: d.deliveredBy,
  deliveredByName: d.deliveredByName,
  proofDocumentId: d.proofDocumentId,
  createdAt: d.createdAt.toISOString(),
});

type ReferralRow = typeof referrals.$inferSelect;

/** A referral (إحالة) with who it went to and who made it; overdue once its due time passed unanswered. */
export const presentReferral = (
  v: {
    referral: Pick<
      ReferralRow,
      'id' | 'requestId' | 'reason' | 'assigneeId' | 'dueAt' | 'answer' | 'answeredAt' | 'createdAt'
    >;
    assigneeName: string | null;
    createdByName: string | null;
  },
  now: Date,
) => ({
  id: v.referral.id,
  requestId: v.referral.requestId,
  reason: v.referral.reason,
  assigneeId: v.referral.assigneeId,
  assigneeName: v.assigneeName,
  createdByName: v.createdByName,
  dueAt: v.referral.dueAt.toISOString(),
  answer: v.referral.answer,
  answeredAt: v.referral.answeredAt?.toISOString() ?? null,
  status: v.referral.answeredAt ? ('answered' as const) : ('open' as const),
  overdue: !v.referral.answeredAt && v.referral.dueAt < now,
  createdAt: v.referral.createdAt.toISOString(),
});
