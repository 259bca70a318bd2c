import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  LibraryItem,
  LibraryQuery,
  PolicyAcknowledgements,
  PolicyApproval,
  PolicyDetail,
  PolicyDiff,
  PolicyInput,
  PolicyKind,
  PolicySummary,
  PolicyUpdate,
} from '../../../shared/contracts/policies';
import { api, apiBase, withQuery } from '../../lib/api';

interface LibraryList {
  items: LibraryItem[];
  total: number;
  nextCursor: string | null;
}

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

/** Pages of 50 (the server's default); «load more» asks for the next. */
export const policyListQuery = (kind: PolicyKind | null) =>
  infiniteQueryOptions({
    queryKey: policyKeys.list(kind),
    queryFn: ({ pageParam, signal }) =>
      api<PolicyList>(withQuery('/policies', { kind: kind ?? undefined, limit: 50, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
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
export const updatePolicy = (id: string, body: PolicyUpdate) =>
  api<PolicyDetail>(path(id), { method: 'PATCH', body });
export const newPolicyVersion = (id: string, changeNote?: string) =>
  api<PolicyDetail>(`${path(id)}/versions`, { method: 'POST', body: { changeNote } });
export const editPolicyDraft = (id: string, vid: string, body: string, bodyEn?: string | null) =>
  api<PolicyDetail>(versionPath(id, vid), { method: 'PATCH', body: { body, bodyEn } });
export const submitPolicyVersion = (id: string, vid: string) =>
  api<PolicyDetail>(`${versionPath(id, vid)}/submit`, { method: 'POST' });
export const approvePolicyVersion = (id: string, vid: string, body: PolicyApproval) =>
  api<PolicyDetail>(`${versionPath(id, vid)}/approve`, { method: 'POST', body });
export const publishPolicyVersion = (id: string, vid: string) =>
  api<PolicyDetail>(`${versionPath(id, vid)}/publish`, { method: 'POST' });
export const acknowledgePolicy = (id: string) =>
  api<{ versionId: string; acknowledgedAt: string }>(`${path(id)}/acknowledge`, { method: 'POST' });

export const libraryQuery = (query: { q?: string; kind?: LibraryQuery['kind'] }) =>
  queryOptions({
    queryKey: ['policies', 'library', query.q ?? '', query.kind ?? null] as const,
    queryFn: ({ signal }) => api<LibraryList>(withQuery('/library', query), { signal }),
  });

/** The board's minutes of a version: downloaded by the browser itself (the session cookie goes along). */
export const minutesUrl = (id: string, vid: string) => `${apiBase}${versionPath(id, vid)}/minutes`;

/** `POST …/versions/:vid/minutes` as multipart/form-data (PDF or image; a new upload replaces the file). */
export function uploadPolicyMinutes(id: string, vid: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api<PolicyDetail>(`${versionPath(id, vid)}/minutes`, { method: 'POST', body: form });
}
