import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '../../shared/contracts/auth';
import type { Action } from '../../shared/permissions';
import { ApiError, api } from './api';

// The signed-in user is shared by every feature (layout, nav, permission hiding), so it lives in lib.
export const meQueryKey = ['auth', 'me'] as const;

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await api<Me>('/auth/me', { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export function useMe(): Me | null {
  const { data } = useQuery(meQueryOptions);
  return data ?? null;
}

/** The actions the signed-in user may take, from `GET /auth/me` (never re-derived in the browser). */
export function useCan(): (action: Action) => boolean {
  const me = useMe();
  return (action) => me?.permissions.includes(action) ?? false;
}

export const setupStatusQueryKey = ['setup', 'status'] as const;

export const setupStatusQueryOptions = queryOptions({
  queryKey: setupStatusQueryKey,
  queryFn: ({ signal }) => api<{ needed: boolean }>('/setup', { signal }),
  staleTime: Number.POSITIVE_INFINITY,
  retry: 1,
});
