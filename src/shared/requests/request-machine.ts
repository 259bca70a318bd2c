import type { StaffRole } from '../roles';

/**
 * The request state machine of DESIGN.md ("Request states"), defined once and used by the server
 * (to refuse illegal transitions) and by the web app (to show only the actions a user may take).
 */
export const requestStatuses = [
  'draft',
  'submitted',
  'under_review',
  'needs_info',
  'in_verification',
  'in_committee',
  'approved',
  'rejected',
  'registered',
  'delivered',
  'closed',
  'withdrawn',
] as const;
export type RequestStatus = (typeof requestStatuses)[number];

export const requestActions = [
  'submit',
  'start_review',
  'request_info',
  'provide_info',
  'start_verification',
  'send_to_committee',
  'return_to_verification',
  'approve',
  'reject',
  'complete_registration',
  'deliver',
  'close',
  'withdraw',
] as const;
export type RequestAction = (typeof requestActions)[number];

/** Who may take an action ('beneficiary' acts through the portal). */
export type RequestActor = StaffRole | 'beneficiary';

interface Rule {
  from: readonly RequestStatus[];
  /** Fixed target; `null` means "computed" (provide_info returns, deliver depends on recurrence). */
  to: RequestStatus | null;
  roles: readonly RequestActor[];
}

const beforeApproved: RequestStatus[] = [
  'draft',
  'submitted',
  'under_review',
  'needs_info',
  'in_verification',
  'in_committee',
];

export const requestTransitions: Record<RequestAction, Rule> = {
  submit: { from: ['draft'], to: 'submitted', roles: ['beneficiary', 'relations_officer'] },
  start_review: { from: ['submitted'], to: 'under_review', roles: ['relations_officer', 'supervisor'] },
  request_info: {
    from: ['under_review', 'in_verification'],
    to: 'needs_info',
    roles: ['relations_officer', 'supervisor', 'researcher'],
  },
  provide_info: { from: ['needs_info'], to: null, roles: ['beneficiary', 'relations_officer'] },
  start_verification: {
    from: ['under_review'],
    to: 'in_verification',
    roles: ['relations_officer', 'supervisor'],
  },
  send_to_committee: { from: ['in_verification'], to: 'in_committee', roles: ['researcher', 'supervisor'] },
  return_to_verification: { from: ['in_committee'], to: 'in_verification', roles: ['committee_member'] },
  approve: { from: ['in_committee'], to: 'approved', roles: ['committee_member'] },
  reject: { from: ['in_committee'], to: 'rejected', roles: ['committee_member'] },
  complete_registration: { from: ['approved'], to: 'registered', roles: ['service_officer'] },
  deliver: { from: ['registered'], to: null, roles: ['service_officer'] },
  close: {
    from: ['delivered', 'registered', 'rejected'],
    to: 'closed',
    roles: ['service_officer', 'manager'],
  },
  withdraw: { from: beforeApproved, to: 'withdrawn', roles: ['beneficiary', 'relations_officer'] },
};

/** Actions that need a written reason (decisions and requests for information). */
export const actionsRequiringNote: readonly RequestAction[] = [
  'approve',
  'reject',
  'request_info',
  'return_to_verification',
];

// Every list of statuses the server, its SQL and the web app use is written here once; a test checks
// each against the transition table above.

/** Nothing more can happen to the request (no action leads out). */
export const terminalStatuses: readonly RequestStatus[] = ['closed', 'withdrawn'];

/** The request's business is over: decided against, served once, closed or withdrawn. */
export const settledStatuses: readonly RequestStatus[] = ['rejected', 'delivered', 'closed', 'withdrawn'];

/**
 * Submitted and not settled: staff are working on it, so a stage can be late and it shows in queues.
 * (A portal draft is not yet the organization's work.)
 */
export const inProgressStatuses: readonly RequestStatus[] = [
  'submitted',
  'under_review',
  'needs_info',
  'in_verification',
  'in_committee',
  'approved',
  'registered',
];

/**
 * Counts as an open request of the service for eligibility ("no other active request"): every state
 * but the settled ones, drafts included, since a draft is an application already started.
 */
export const activeStatuses: readonly RequestStatus[] = ['draft', ...inProgressStatuses];

/** States in which the decision clock runs (from submission to decision, paused in needs_info). */
export const clockRunningStatuses: readonly RequestStatus[] = [
  'submitted',
  'under_review',
  'in_verification',
  'in_committee',
];

const dayMs = 86_400_000;

/**
 * Late: past the promised decision date while the clock runs, or longer than `stageAlertDays` in one
 * stage while in progress. The one rule behind the queues' overdue filter and the home pages.
 */
export function isRequestLate(
  r: { status: string; expectedDecisionAt: Date | null; stageEnteredAt: Date },
  now: Date,
  stageAlertDays: number,
): boolean {
  const status = r.status as RequestStatus;
  const pastDecision =
    clockRunningStatuses.includes(status) && r.expectedDecisionAt !== null && r.expectedDecisionAt < now;
  const stageLate =
    inProgressStatuses.includes(status) &&
    now.getTime() - r.stageEnteredAt.getTime() > stageAlertDays * dayMs;
  return pastDecision || stageLate;
}

/** A decision was taken, so a decision letter exists. */
export const decidedStatuses: readonly RequestStatus[] = [
  'approved',
  'rejected',
  'registered',
  'delivered',
  'closed',
];

/** Registration was completed at some point, so the request may carry deliveries. */
export const deliveryStatuses: readonly RequestStatus[] = ['registered', 'delivered', 'closed'];

/** The work queues by stage (the other queues, `mine` and `all`, are not defined by status). */
export const queueStatuses = {
  review: ['submitted', 'under_review', 'needs_info'],
  verification: ['in_verification'],
  committee: ['in_committee'],
  delivery: ['approved', 'registered'],
} as const satisfies Record<string, readonly RequestStatus[]>;
export type StageQueue = keyof typeof queueStatuses;

export function mayTake(roles: readonly RequestActor[], action: RequestAction): boolean {
  return roles.some((r) => requestTransitions[action].roles.includes(r));
}

export type TransitionOutcome =
  | { ok: true; to: RequestStatus }
  | { ok: false; reason: 'forbidden' | 'not_allowed_from_state' };

/**
 * Where `action` leads from `from`, for an actor with `roles`. `returnTo` is the state a request in
 * needs_info came from; `recurring` services stay registered on each delivery.
 */
export function nextStatus(
  from: RequestStatus,
  action: RequestAction,
  roles: readonly RequestActor[],
  context: { returnTo?: RequestStatus | null; recurring?: boolean } = {},
): TransitionOutcome {
  const rule = requestTransitions[action];
  if (!mayTake(roles, action)) return { ok: false, reason: 'forbidden' };
  if (!rule.from.includes(from)) return { ok: false, reason: 'not_allowed_from_state' };
  if (action === 'provide_info') {
    const back = context.returnTo;
    if (back !== 'under_review' && back !== 'in_verification')
      return { ok: false, reason: 'not_allowed_from_state' };
    return { ok: true, to: back };
  }
  if (action === 'deliver') return { ok: true, to: context.recurring ? 'registered' : 'delivered' };
  return { ok: true, to: rule.to! };
}

/** The actions a user may take on a request in `status` (the request page shows these). */
export function availableActions(status: RequestStatus, roles: readonly RequestActor[]): RequestAction[] {
  return requestActions.filter((a) => requestTransitions[a].from.includes(status) && mayTake(roles, a));
}
