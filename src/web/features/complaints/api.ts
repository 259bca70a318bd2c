import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { BeneficiarySummary } from '../../../shared/contracts/beneficiaries';
import type {
  Complaint,
  ComplaintKind,
  ComplaintStatus,
  CreateComplaint,
  ImprovementAction,
} from '../../../shared/contracts/complaints';
import { api, withQuery } from '../../lib/api';

export interface ComplaintFilters {
  kind?: ComplaintKind;
  status?: ComplaintStatus;
  overdue?: boolean;
  escalated?: boolean;
}

interface ComplaintPage {
  items: Complaint[];
  total: number;
  nextCursor: string | null;
}

export const complaintKeys = {
  all: ['complaints'] as const,
  list: (filters: ComplaintFilters) => ['complaints', 'list', filters] as const,
  one: (id: string) => ['complaints', 'one', id] as const,
};

const flag = (value: boolean | undefined) => (value === undefined ? undefined : String(value));

export const complaintListQuery = (filters: ComplaintFilters) =>
  infiniteQueryOptions({
    queryKey: complaintKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<ComplaintPage>(
        withQuery('/complaints', {
          kind: filters.kind,
          status: filters.status,
          overdue: flag(filters.overdue),
          escalated: flag(filters.escalated),
          limit: 25,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const complaintQuery = (id: string) =>
  queryOptions({
    queryKey: complaintKeys.one(id),
    queryFn: ({ signal }) => api<Complaint>(`/complaints/${encodeURIComponent(id)}`, { signal }),
  });

/** Staff who may handle complaints (the server refuses anyone else, and the person complained about). */
export const handlersQuery = queryOptions({
  queryKey: ['users', 'directory', 'complaint-handlers'],
  queryFn: ({ signal }) =>
    api<{ items: { id: string; fullName: string; roles: string[] }[] }>('/users/directory', { signal }),
  select: (data) =>
    data.items.filter((u) => u.roles.includes('quality_officer') || u.roles.includes('manager')),
});

export const staffDirectoryQuery = queryOptions({
  queryKey: ['users', 'directory', 'all'],
  queryFn: ({ signal }) =>
    api<{ items: { id: string; fullName: string; roles: string[] }[] }>('/users/directory', { signal }),
});

const path = (id: string, action: string) => `/complaints/${encodeURIComponent(id)}/${action}`;

export const createComplaint = (body: Partial<CreateComplaint>) =>
  api<Complaint>('/complaints', { method: 'POST', body });
export const assignComplaint = (id: string, assigneeId: string) =>
  api<Complaint>(path(id, 'assign'), { method: 'POST', body: { assigneeId } });
export const replyToComplaint = (id: string, reply: string) =>
  api<Complaint>(path(id, 'reply'), { method: 'POST', body: { reply } });
export const closeComplaint = (id: string, satisfied: boolean | null) =>
  api<Complaint>(path(id, 'close'), { method: 'POST', body: { satisfied } });
export const createImprovementAction = (
  id: string,
  body: { title: string; dueDate?: string; serviceId?: string; description?: string },
) => api<ImprovementAction>(path(id, 'improvement-action'), { method: 'POST', body });

/** Whom the complaint is from, when they have a file: by name, ID, file number or phone. */
export const personSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['complaints', 'person-search', q],
    queryFn: ({ signal }) =>
      api<{ items: BeneficiarySummary[] }>(withQuery('/beneficiaries', { q, limit: 5 }), { signal }).then(
        (r) => r.items,
      ),
    enabled: q.length >= 2,
  });
