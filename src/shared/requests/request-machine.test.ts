import { describe, expect, it } from 'vitest';
import { staffRoles } from '../roles';
import {
  activeStatuses,
  availableActions,
  clockRunningStatuses,
  decidedStatuses,
  deliveryStatuses,
  inProgressStatuses,
  nextStatus,
  queueStatuses,
  type RequestAction,
  type RequestActor,
  type RequestStatus,
  requestActions,
  requestStatuses,
  requestTransitions,
  settledStatuses,
  terminalStatuses,
} from './request-machine';

// The whole table of DESIGN.md, written out independently of the implementation: [from, action] → to.
const legal: Record<string, RequestStatus> = {
  'draft submit': 'submitted',
  'submitted start_review': 'under_review',
  'under_review request_info': 'needs_info',
  'in_verification request_info': 'needs_info',
  'under_review start_verification': 'in_verification',
  'in_verification send_to_committee': 'in_committee',
  'in_committee return_to_verification': 'in_verification',
  'in_committee approve': 'approved',
  'in_committee reject': 'rejected',
  'approved complete_registration': 'registered',
  'registered deliver': 'delivered',
  'delivered close': 'closed',
  'registered close': 'closed',
  'rejected close': 'closed',
  'draft withdraw': 'withdrawn',
  'submitted withdraw': 'withdrawn',
  'under_review withdraw': 'withdrawn',
  'needs_info withdraw': 'withdrawn',
  'in_verification withdraw': 'withdrawn',
  'in_committee withdraw': 'withdrawn',
  'needs_info provide_info': 'under_review',
};

const who: Record<RequestAction, RequestActor[]> = {
  submit: ['beneficiary', 'relations_officer'],
  start_review: ['relations_officer', 'supervisor'],
  request_info: ['relations_officer', 'supervisor', 'researcher'],
  provide_info: ['beneficiary', 'relations_officer'],
  start_verification: ['relations_officer', 'supervisor'],
  send_to_committee: ['researcher', 'supervisor'],
  return_to_verification: ['committee_member'],
  approve: ['committee_member'],
  reject: ['committee_member'],
  complete_registration: ['service_officer'],
  deliver: ['service_officer'],
  close: ['service_officer', 'manager'],
  withdraw: ['beneficiary', 'relations_officer'],
};

const allActors: RequestActor[] = [...staffRoles, 'beneficiary'];
const pairs = requestStatuses.flatMap((s) => requestActions.map((a) => [s, a] as const));

describe('request state machine', () => {
  it.each(pairs)('from %s, %s goes where the table says, for the roles it names', (from, action) => {
    const expected = legal[`${from} ${action}`];
    for (const actor of allActors) {
      const outcome = nextStatus(from, action, [actor], { returnTo: 'under_review' });
      if (!who[action].includes(actor)) expect(outcome).toEqual({ ok: false, reason: 'forbidden' });
      else if (expected) expect(outcome).toEqual({ ok: true, to: expected });
      else expect(outcome).toEqual({ ok: false, reason: 'not_allowed_from_state' });
    }
  });

  it('returns from needs_info to the state it came from, and nowhere else', () => {
    expect(
      nextStatus('needs_info', 'provide_info', ['beneficiary'], { returnTo: 'in_verification' }),
    ).toEqual({ ok: true, to: 'in_verification' });
    expect(nextStatus('needs_info', 'provide_info', ['beneficiary'], { returnTo: 'approved' }).ok).toBe(
      false,
    );
    expect(nextStatus('needs_info', 'provide_info', ['beneficiary'], {}).ok).toBe(false);
  });

  it('keeps a recurring service registered on each delivery', () => {
    expect(nextStatus('registered', 'deliver', ['service_officer'], { recurring: true })).toEqual({
      ok: true,
      to: 'registered',
    });
  });

  it('lets nobody act on a closed or withdrawn request', () => {
    for (const s of ['closed', 'withdrawn'] as const) expect(availableActions(s, allActors)).toEqual([]);
  });

  it('never lets admin or auditor move a request', () => {
    for (const s of requestStatuses)
      expect(availableActions(s, ['admin', 'auditor', 'quality_officer'])).toEqual([]);
  });
});

describe('status lists', () => {
  const leadsOut = (s: RequestStatus) => requestActions.some((a) => requestTransitions[a].from.includes(s));
  const reachableFrom = (from: readonly RequestStatus[]) => {
    const seen = new Set<RequestStatus>(from);
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of requestActions) {
        const rule = requestTransitions[a];
        if (!rule.from.some((s) => seen.has(s))) continue;
        // Computed targets: deliver ends delivered (or stays registered); provide_info goes back.
        const targets: RequestStatus[] = rule.to ? [rule.to] : a === 'deliver' ? ['delivered'] : [];
        for (const to of targets.filter((t) => !seen.has(t))) {
          seen.add(to);
          grew = true;
        }
      }
    }
    return seen;
  };

  it('calls terminal exactly the states no action leads out of', () => {
    expect(requestStatuses.filter((s) => !leadsOut(s))).toEqual([...terminalStatuses]);
  });

  it('splits every state into draft, in progress or settled, with no overlap', () => {
    expect([...activeStatuses, ...settledStatuses].sort()).toEqual([...requestStatuses].sort());
    expect(activeStatuses).toEqual(['draft', ...inProgressStatuses]);
  });

  it('keeps withdrawable states active and decided states after approve or reject', () => {
    for (const s of requestTransitions.withdraw.from) expect(activeStatuses).toContain(s);
    expect([...reachableFrom(['approved', 'rejected'])].sort()).toEqual([...decidedStatuses].sort());
    expect([...reachableFrom(['registered'])].sort()).toEqual([...deliveryStatuses].sort());
  });

  it('runs the clock only while in progress and before the decision', () => {
    for (const s of clockRunningStatuses) {
      expect(inProgressStatuses).toContain(s);
      expect(decidedStatuses).not.toContain(s);
    }
    expect(clockRunningStatuses).not.toContain('needs_info');
  });

  it('puts every in-progress state in exactly one stage queue', () => {
    const queued = Object.values(queueStatuses).flat();
    expect([...queued].sort()).toEqual([...inProgressStatuses].sort());
    expect(new Set(queued).size).toBe(queued.length);
  });
});
