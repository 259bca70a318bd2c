import type { ServiceRequest } from '../../../shared/contracts/requests';
import {
  availableActions,
  clockRunningStatuses,
  inProgressStatuses,
  type RequestActor,
  type RequestStatus,
} from '../../../shared/requests/request-machine';
import type { RequestView } from './requests.repository';

const dayMs = 86_400_000;

/** Late: past the promised decision date while the clock runs, or too long in one stage. */
export function isOverdue(view: RequestView, now: Date, stageAlertDays: number): boolean {
  const r = view.request;
  const status = r.status as RequestStatus;
  const pastDecision =
    clockRunningStatuses.includes(status) && r.expectedDecisionAt !== null && r.expectedDecisionAt < now;
  const inProgress = inProgressStatuses.includes(status);
  return pastDecision || (inProgress && now.getTime() - r.stageEnteredAt.getTime() > stageAlertDays * dayMs);
}

export function presentRequest(
  view: RequestView,
  ctx: { roles: readonly RequestActor[]; now: Date; stageAlertDays: number; committeeDecides: boolean },
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
    daysRemaining: expected ? Math.ceil((expected.getTime() - ctx.now.getTime()) / dayMs) : null,
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
