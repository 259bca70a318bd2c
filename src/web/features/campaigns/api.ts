import { queryOptions } from '@tanstack/react-query';
import type { Campaign, CampaignInput, CampaignPreview } from '../../../shared/contracts/campaigns';
import type { Service } from '../../../shared/contracts/services';
import { api } from '../../lib/api';

export const campaignKeys = {
  all: ['campaigns'] as const,
  preview: (id: string) => ['campaigns', 'preview', id] as const,
};

export const campaignsQuery = queryOptions({
  queryKey: [...campaignKeys.all, 'list'] as const,
  queryFn: ({ signal }) => api<{ items: Campaign[] }>('/campaigns', { signal }).then((r) => r.items),
});

export const campaignPreviewQuery = (id: string) =>
  queryOptions({
    queryKey: campaignKeys.preview(id),
    queryFn: ({ signal }) => api<CampaignPreview>(`/campaigns/${encodeURIComponent(id)}/preview`, { signal }),
  });

export const activeServicesQuery = queryOptions({
  queryKey: ['services', 'list', { active: 'true' }, 'campaigns'] as const,
  queryFn: ({ signal }) =>
    api<{ items: Service[] }>('/services?active=true&limit=100', { signal }).then((r) => r.items),
});

export const createCampaign = (input: CampaignInput) =>
  api<Campaign>('/campaigns', { method: 'POST', body: input });
export const approveCampaign = (id: string) =>
  api<Campaign>(`/campaigns/${encodeURIComponent(id)}/approve`, { method: 'POST', body: {} });
export const cancelCampaign = (id: string) =>
  api<Campaign>(`/campaigns/${encodeURIComponent(id)}/cancel`, { method: 'POST', body: {} });
