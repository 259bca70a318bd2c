import { queryOptions } from '@tanstack/react-query';
import type { Partner, PartnerInput } from '../../../shared/contracts/partners';
import { api } from '../../lib/api';

export const partnerKeys = { all: ['partners'] as const };

export const allPartnersQuery = queryOptions({
  queryKey: [...partnerKeys.all, 'all'] as const,
  queryFn: ({ signal }) => api<{ items: Partner[] }>('/partners', { signal }).then((r) => r.items),
});

export const createPartner = (input: PartnerInput) =>
  api<Partner>('/partners', { method: 'POST', body: input });

export const updatePartner = (id: string, input: Partial<PartnerInput>) =>
  api<Partner>(`/partners/${encodeURIComponent(id)}`, { method: 'PATCH', body: input });
