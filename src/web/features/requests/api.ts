import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { BeneficiarySummary } from '../../../shared/contracts/beneficiaries';
import type { RequestPageData } from '../../../shared/contracts/request-page';
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

const pageKey = (id: string) => ['requests', 'detail', id, 'page'] as const;

export const requestKeys = {
  all: ['requests'] as const,
  queues: ['requests', 'queues'] as const,
  list: (filter: RequestsFilter) => ['requests', 'list', filter] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  /** Everything the request page shows, read in one call (decision 013). */
  page: pageKey,
  /**
   * A part of the request page (history, verifications, referrals…). Every part is read with the
   * page, so its key is the page's: invalidating a part reads the whole page again, in one call.
   */
  part: (id: string, _part: string) => pageKey(id),
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

/**
 * The request page's data, all but the evaluation, in one call. The service is also put where the action forms look for it
 * (its registration checklist), so opening "complete registration" reads nothing more.
 * Fresh for a few seconds, so the page opened right after its data was fetched does not fetch it
 * again; any change made from the page invalidates it at once.
 */
export const requestPageQuery = (id: string) =>
  queryOptions({
    queryKey: requestKeys.page(id),
    queryFn: async ({ signal, client }) => {
      const page = await api<RequestPageData>(path(id, '/page'), { signal });
      client.setQueryData(requestKeys.service(page.service.id), page.service);
      return page;
    },
    staleTime: 5_000,
  });

/** One part of the request page, selected from the page's one query (no call of its own). */
const pagePart = <T>(id: string, pick: (page: RequestPageData) => T) =>
  queryOptions({ ...requestPageQuery(id), select: pick });

/** Verification tasks exist only for staff who may read verification; the page shows them only then. */
function readable<T>(value: T | null, part: string): T {
  if (value === null) throw new Error(`the request page holds no ${part} for this reader`);
  return value;
}

export const historyQuery = (id: string) => pagePart(id, (p): HistoryItem[] => p.history);
export const verificationsQuery = (id: string) =>
  pagePart(id, (p): VerificationTask[] => readable(p.verifications, 'verifications'));
export const deliveriesQuery = (id: string) => pagePart(id, (p): Delivery[] => p.deliveries);
export const referralsQuery = (id: string) => pagePart(id, (p): Referral[] => p.referrals);

/**
 * The explained evaluation: the page's second call, started with the first (router loader), since it is
 * the slowest part to compute and only one section shows it.
 */
export const evaluationQuery = (id: string) =>
  queryOptions({
    queryKey: [...requestKeys.detail(id), 'evaluation'] as const,
    queryFn: ({ signal }) => api<Evaluation>(path(id, '/evaluation'), { signal }),
    staleTime: 5_000,
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
