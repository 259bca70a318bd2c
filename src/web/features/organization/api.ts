import { queryOptions } from '@tanstack/react-query';
import type { Organization, UpdateOrganization } from '../../../shared/contracts/organization';
import { api } from '../../lib/api';

export const organizationQueryKey = ['organization', 'current'] as const;

export const organizationQuery = queryOptions({
  queryKey: organizationQueryKey,
  queryFn: ({ signal }) => api<Organization>('/organizations/current', { signal }),
});

export function updateOrganization(body: UpdateOrganization): Promise<Organization> {
  return api<Organization>('/organizations/current', { method: 'PATCH', body });
}
