import { queryOptions } from '@tanstack/react-query';
import type {
  PolicyAcknowledgements,
  PolicyApproval,
  PolicyDetail,
  PolicyDiff,
  PolicyInput,
  PolicyKind,
  PolicySummary,
} from '../../../shared/contracts/policies';
import { api, withQuery } from '../../lib/api';

interface PolicyList {
  items: PolicySummary[];
  total: number;
  nextCursor: string | null;
}

export const policyKeys = {
  all: ['policies'] as const,
  list: (kind: PolicyKind | null) => ['policies', 'list', kind] as const,
  one: (id: string) => ['policies', 'one', id] as const,
  diff: (id: string, from: string, to: string) => ['policies', 'diff', id, from, to] as const,
  acknowledgements: (id: string) => ['policies', 'acknowledgements', id] as const,
};

const path = (id: string) => `/policies/${encodeURIComponent(id)}`;
const versionPath = (id: string, vid: string) => `${path(id)}/versions/${encodeURIComponent(vid)}`;

export const policyListQuery = (kind: PolicyKind | null) =>
  queryOptions({
    queryKey: policyKeys.list(kind),
    queryFn: ({ signal }) => api<PolicyList>(withQuery('/policies', { kind: kind ?? undefined }), { signal }),
  });

export const policyQuery = (id: string) =>
  queryOptions({
    queryKey: policyKeys.one(id),
    queryFn: ({ signal }) => api<PolicyDetail>(path(id), { signal }),
  });

export const policyDiffQuery = (id: string, from: string, to: string) =>
  queryOptions({
    queryKey: policyKeys.diff(id, from, to),
    queryFn: ({ signal }) => api<PolicyDiff>(withQuery(`${path(id)}/diff`, { from, to }), { signal }),
  });

export const policyAcknowledgementsQuery = (id: string) =>
  queryOptions({
    queryKey: policyKeys.acknowledgements(id),
    queryFn: ({ signal }) => api<PolicyAcknowledgements>(`${path(id)}/acknowledgements`, { signal }),
  });

export const createPolicy = (body: PolicyInput) => api<PolicyDetail>('/policies', { method: 'POST', body });
export const newPolicyVersion = (id: string, changeNote?: string) =>
  api<PolicyDetail>(`${path(id)}/versions`, { method: 'POST', body: { changeNote } });
export const editPolicyDraft = (id: string, vid: string, body: string) =>
  api<PolicyDetail>(versionPath(id, vid), { method: 'PATCH', body: { body } });
export const submitPolicyVersion = (id: string, vid: string) =>
  api<PolicyDetail>(`${versionPath(id, vid)}/submit`, { method: 'POST' });
export const approvePolicyVersion = (id: string, vid: string, body: PolicyApproval) =>
  api<PolicyDetail>(`${versionPath(id, vid)}/approve`, { method: 'POST', body });
export const publishPolicyVersion = (id: string, vid: string) =>
  api<PolicyDetail>(`${versionPath(id, vid)}/publish`, { method: 'POST' });
export const acknowledgePolicy = (id: string) =>
  api<{ versionId: string; acknowledgedAt: string }>(`${path(id)}/acknowledge`, { method: 'POST' });
