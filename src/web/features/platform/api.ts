import { infiniteQueryOptions } from '@tanstack/react-query';
import type {
  CreatedPlatformOrganization,
  CreatePlatformOrganization,
  PlatformOrganization,
  PlatformOrganizationList,
} from '../../../shared/contracts/platform';
import { api, withQuery } from '../../lib/api';

export const platformKeys = { organizations: ['platform', 'organizations'] as const };

export const platformOrganizationsQuery = infiniteQueryOptions({
  queryKey: platformKeys.organizations,
  queryFn: ({ pageParam, signal }) =>
    api<PlatformOrganizationList>(withQuery('/platform/organizations', { limit: 50, cursor: pageParam }), {
      signal,
    }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export const createPlatformOrganization = (input: CreatePlatformOrganization) =>
  api<CreatedPlatformOrganization>('/platform/organizations', { method: 'POST', body: input });

export const changeOrganizationStatus = (id: string, to: 'suspend' | 'resume') =>
  api<PlatformOrganization>(`/platform/organizations/${encodeURIComponent(id)}/${to}`, { method: 'POST' });
