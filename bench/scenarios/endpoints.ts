/**
 * The core endpoints, each paired with the bare route that runs only its primary SQL statement.
 * Mutating scenarios consume their inputs (a request moves out of `submitted` once), so ours runs
 * first and the bare route after it on the same ids (its UPDATE does not depend on the state). The
 * reads of the queues run before the writes, so they see the generated queues, not the bench's own.
 */
import { type Fixtures, rotate } from './fixtures';

export interface EndpointScenario {
  name: string;
  label: string;
  method: 'GET' | 'POST';
  ours: () => { path: string; body?: unknown };
  bare: () => { path: string; body?: unknown };
}

export function endpointScenarios(f: Fixtures, submitted: () => string[]): EndpointScenario[] {
  const profileId = rotate(f.profileIds);
  const bareProfileId = rotate(f.profileIds);
  const eligible = rotate(f.eligibleIds);
  const bareEligible = rotate(f.eligibleIds);
  let transitionIds: (() => string) | null = null;
  let bareTransitionIds: (() => string) | null = null;
  return [
    {
      name: 'profile',
      label: 'Beneficiary profile read — GET /api/v1/beneficiaries/:id',
      method: 'GET',
      ours: () => ({ path: `/api/v1/beneficiaries/${profileId()}` }),
      bare: () => ({ path: `/bare/beneficiaries/${bareProfileId()}` }),
    },
    {
      name: 'work_queue',
      label: 'Work queue list — GET /api/v1/requests?queue=review',
      method: 'GET',
      ours: () => ({ path: '/api/v1/requests?queue=review' }),
      bare: () => ({ path: '/bare/requests/queue' }),
    },
    {
      name: 'dashboard',
      label: 'Dashboard counts — GET /api/v1/requests/queues',
      method: 'GET',
      ours: () => ({ path: '/api/v1/requests/queues' }),
      bare: () => ({ path: '/bare/requests/queues' }),
    },
    {
      name: 'dashboard_overview',
      label: 'Dashboard overview, last 90 days — GET /api/v1/dashboards/overview',
      method: 'GET',
      ours: () => ({ path: '/api/v1/dashboards/overview' }),
      bare: () => ({ path: '/bare/dashboards/overview' }),
    },
    {
      name: 'create_request',
      label: 'Request creation — POST /api/v1/requests',
      method: 'POST',
      ours: () => ({
        path: '/api/v1/requests',
        body: { beneficiaryId: eligible(), serviceId: f.serviceId, channel: 'in_person' },
      }),
      bare: () => ({ path: '/bare/requests', body: { beneficiaryId: bareEligible() } }),
    },
    {
      name: 'transition',
      label: 'Request transition (start_review) — POST /api/v1/requests/:id/transitions',
      method: 'POST',
      ours: () => {
        transitionIds ??= rotate(submitted());
        return { path: `/api/v1/requests/${transitionIds()}/transitions`, body: { action: 'start_review' } };
      },
      bare: () => {
        bareTransitionIds ??= rotate(submitted());
        return { path: `/bare/requests/${bareTransitionIds()}/transitions`, body: {} };
      },
    },
  ];
}
