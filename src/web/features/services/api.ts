import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { Service, ServiceInput, ServiceUpdate } from '../../../shared/contracts/services';
import { api, withQuery } from '../../lib/api';

export interface ServicesPage {
  items: Service[];
  total: number;
  nextCursor: string | null;
}

export interface ServicesFilter {
  q?: string;
  active?: 'true' | 'false';
}

export const servicesKeys = {
  all: ['services'] as const,
  list: (filter: ServicesFilter) => ['services', 'list', filter] as const,
  detail: (id: string) => ['services', 'detail', id] as const,
};

export const servicesListQuery = (filter: ServicesFilter) =>
  infiniteQueryOptions({
    queryKey: servicesKeys.list(filter),
    queryFn: ({ pageParam, signal }) =>
      api<ServicesPage>(withQuery('/services', { ...filter, limit: 50, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const serviceQuery = (id: string) =>
  queryOptions({
    queryKey: servicesKeys.detail(id),
    queryFn: ({ signal }) => api<Service>(`/services/${encodeURIComponent(id)}`, { signal }),
  });

export const createService = (body: ServiceInput) => api<Service>('/services', { method: 'POST', body });

export const updateService = (id: string, body: ServiceUpdate) =>
  api<Service>(`/services/${encodeURIComponent(id)}`, { method: 'PATCH', body });
