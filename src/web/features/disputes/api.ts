import { queryOptions } from '@tanstack/react-query';
import type {
  DisputeDetail,
  DisputeInput,
  DisputeStepInput,
  DisputeSummary,
} from '../../../shared/contracts/disputes';
import { api, withQuery } from '../../lib/api';

interface DisputeList {
  items: DisputeSummary[];
  total: number;
  nextCursor: string | null;
}

export interface DisputeFilter {
  status?: 'open' | 'closed';
  beneficiaryId?: string;
}

export const disputeKeys = {
  all: ['disputes'] as const,
  list: (filter: DisputeFilter) => ['disputes', 'list', filter] as const,
  one: (id: string) => ['disputes', 'one', id] as const,
};

const path = (id: string) => `/disputes/${encodeURIComponent(id)}`;

export const disputeListQuery = (filter: DisputeFilter) =>
  queryOptions({
    queryKey: disputeKeys.list(filter),
    queryFn: ({ signal }) => api<DisputeList>(withQuery('/disputes', { ...filter, limit: 100 }), { signal }),
  });

export const disputeQuery = (id: string) =>
  queryOptions({
    queryKey: disputeKeys.one(id),
    queryFn: ({ signal }) => api<DisputeDetail>(path(id), { signal }),
  });

export const openDispute = (body: DisputeInput) => api<DisputeDetail>('/disputes', { method: 'POST', body });
export const recordDisputeStep = (id: string, body: DisputeStepInput) =>
  api<DisputeDetail>(`${path(id)}/steps`, { method: 'POST', body });
export const closeDispute = (id: string, outcome: string) =>
  api<DisputeDetail>(`${path(id)}/close`, { method: 'POST', body: { outcome } });
