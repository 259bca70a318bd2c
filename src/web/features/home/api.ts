import { queryOptions } from '@tanstack/react-query';
import type { BeneficiarySummary } from '../../../shared/contracts/beneficiaries';
import type { WorkspaceHome, WorkspaceSection } from '../../../shared/contracts/workspace';
import { api, withQuery } from '../../lib/api';

export type { HomeReferral, HomeRequest, HomeTask, HomeVote } from '../../../shared/contracts/workspace';
export type { WorkspaceHome };

/** One section of the home page, by kind. */
export type SectionOf<K extends WorkspaceSection['kind']> = Extract<WorkspaceSection, { kind: K }>;

export const homeKeys = {
  all: ['home'] as const,
  workspace: ['home', 'workspace'] as const,
  search: (q: string) => ['home', 'beneficiary-search', q] as const,
};

/** The caller's work, every section in one call (`GET /workspace/home`). */
export const workspaceHomeQuery = queryOptions({
  queryKey: homeKeys.workspace,
  queryFn: ({ signal }) => api<WorkspaceHome>('/workspace/home', { signal }),
  // Work arrives while the page is open: read it again when the clerk comes back to the tab.
  refetchOnWindowFocus: true,
  staleTime: 15_000,
});

/** The counter's search: the registry's search (national ID, phone or name), first few matches. */
export const counterSearchQuery = (q: string) =>
  queryOptions({
    queryKey: homeKeys.search(q),
    queryFn: ({ signal }) =>
      api<{ items: BeneficiarySummary[]; total: number }>(withQuery('/beneficiaries', { q, limit: 6 }), {
        signal,
      }),
    enabled: q.length >= 2,
    staleTime: 30_000,
  });
