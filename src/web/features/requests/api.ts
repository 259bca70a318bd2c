import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BeneficiarySummary } from '../../../shared/contracts/beneficiaries';
import type {
  deliverySchema,
  historyItemSchema,
  ListRequestsQuery,
  queueCountsSchema,
  referralSchema,
  requestQueues,
  ServiceRequest,
  TransitionInput,
} from '../../../shared/contracts/requests';
import type { Service } from '../../../shared/contracts/services';
import type { User } from '../../../shared/contracts/users';
import type { evaluationSchema, verificationTaskSchema } from '../../../shared/contracts/verification';
import { api, apiBase, withQuery } from '../../lib/api';

export type RequestQueue = (typeof requestQueues)[number];
export type QueueCounts = z.infer<typeof queueCountsSchema>['queues'];
export type HistoryItem = z.infer<typeof historyItemSchema>;
export type Delivery = z.infer<typeof deliverySchema>;
export type Referral = z.infer<typeof referralSchema>;
export type VerificationTask = z.infer<typeof verificationTaskSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;

interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export type RequestsFilter = Pick<ListRequestsQuery, 'queue' | 'status' | 'serviceId' | 'overdue' | 'sort'>;

const path = (id: string, rest = '') => `/requests/${encodeURIComponent(id)}${rest}`;

export const requestKeys = {
  all: ['requests'] as const,
  queues: ['requests', 'queues'] as const,
  list: (filter: RequestsFilter) => ['requests', 'list', filter] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  part: (id: string, part: string) => ['requests', 'detail', id, part] as const,
  services: ['requests', 'services'] as const,
  service: (id: string) => ['requests', 'service', id] as const,
  beneficiarySearch: (q: string) => ['requests', 'beneficiary-search', q] as const,
  beneficiary: (id: string) => ['requests', 'beneficiary', id] as const,
  supervisors: ['requests', 'supervisors'] as const,
};

export const queueCountsQuery = queryOptions({
  queryKey: requestKeys.queues,
  queryFn: ({ signal }) => api<{ queues: QueueCounts }>('/requests/queues', { signal }).then((r) => r.queues),
  refetchInterval: 60_000,
});

export const requestsListQuery = (filter: RequestsFilter) =>
  infiniteQueryOptions({
    queryKey: requestKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<Page<ServiceRequest>>(withQuery('/requests', { ...filter, limit: 25, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const requestQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) => api<ServiceRequest>(path(id), { signal }),
  });

const itemsQuery = <T>(id: string, part: string) =>
  queryOptions({
    queryKey: requestKeys.part(id, part),
    queryFn: ({ signal }) => api<{ items: T[] }>(path(id, `/${part}`), { signal }).then((r) => r.items),
  });

export const historyQuery = (id: string) => itemsQuery<HistoryItem>(id, 'history');
export const verificationsQuery = (id: string) => itemsQuery<VerificationTask>(id, 'verifications');
export const deliveriesQuery = (id: string) => itemsQuery<Delivery>(id, 'deliveries');
export const referralsQuery = (id: string) => itemsQuery<Referral>(id, 'referrals');
export const evaluationQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.part(id, 'evaluation'),
    queryFn: ({ signal }) => api<Evaluation>(path(id, '/evaluation'), { signal }),
  });

/** Active services, for picking one on a new request and for the queue filter. */
export const activeServicesQuery = queryOptions({
  queryKey: requestKeys.services,
  queryFn: ({ signal }) =>
    api<Page<Service>>(withQuery('/services', { active: 'true', limit: 200 }), { signal }).then(
      (r) => r.items,
    ),
  staleTime: 60_000,
});

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.service(id),
    queryFn: ({ signal }) => api<Service>(`/services/${encodeURIComponent(id)}`, { signal }),
    staleTime: 60_000,
  });

export const beneficiarySearchQuery = (q: string) =>
  queryOptions({
    queryKey: requestKeys.beneficiarySearch(q),
    queryFn: ({ signal }) =>
      api<Page<BeneficiarySummary>>(withQuery('/beneficiaries', { q, limit: 8 }), { signal }).then(
        (r) => r.items,
      ),
    enabled: q.length >= 2,
  });

export const beneficiaryQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.beneficiary(id),
    queryFn: ({ signal }) => api<BeneficiarySummary>(`/beneficiaries/${encodeURIComponent(id)}`, { signal }),
  });

/** Supervisors to refer a case to, from the staff directory every colleague may read (names and roles). */
export const supervisorsQuery = queryOptions({
  queryKey: requestKeys.supervisors,
  queryFn: ({ signal }) =>
    api<{ items: Pick<User, 'id' | 'fullName' | 'roles'>[] }>(
      withQuery('/users/directory', { role: 'supervisor' }),
      {
        signal,
      },
    ).then((r) => r.items),
  staleTime: 5 * 60_000,
});

export const createRequest = (body: { beneficiaryId: string; serviceId: string; channel: string }) =>
  api<ServiceRequest>('/requests', { method: 'POST', body });

export const transitionRequest = (id: string, body: TransitionInput) =>
  api<ServiceRequest>(path(id, '/transitions'), { method: 'POST', body });

export const completeVerification = (
  taskId: string,
  body: { findings: string; recommendation: NonNullable<VerificationTask['recommendation']> },
) =>
  api<VerificationTask>(`/verifications/${encodeURIComponent(taskId)}/complete`, {
    method: 'POST',
    body: { ...body, answers: {} },
  });

export const createReferral = (id: string, body: { reason: string; assigneeId: string; dueInDays: number }) =>
  api<Referral>(path(id, '/referrals'), { method: 'POST', body });

/** Addresses the browser opens itself (new tab), carrying the session cookie. */
export const letterUrls = {
  html: (id: string) => `${apiBase}${path(id, '/letter')}`,
  pdf: (id: string) => `${apiBase}${path(id, '/letter.pdf')}`,
};
