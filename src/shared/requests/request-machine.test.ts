import { describe, expect, it } from 'vitest';
import { staffRoles } from '../roles';
import {
  availableActions,
  nextStatus,
  type RequestAction,
  type RequestActor,
  type RequestStatus,
  requestActions,
  requestStatuses,
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
