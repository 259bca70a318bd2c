import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  CreateImprovement,
  Improvement,
  ImprovementSource,
  ImprovementStatus,
  UpdateImprovement,
} from '../../../shared/contracts/surveys';
import { api, withQuery } from '../../lib/api';

export interface ImprovementFilters {
  status?: ImprovementStatus;
  source?: ImprovementSource;
}

interface ImprovementPage {
  items: Improvement[];
  total: number;
  nextCursor: string | null;
}

export const improvementKeys = {
  all: ['improvements'] as const,
  list: (filters: ImprovementFilters) => ['improvements', 'list', filters] as const,
  one: (id: string) => ['improvements', 'one', id] as const,
};

export const improvementListQuery = (filters: ImprovementFilters) =>
  infiniteQueryOptions({
    queryKey: improvementKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api<ImprovementPage>(withQuery('/improvement-actions', { ...filters, limit: 25, cursor: pageParam }), {
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const improvementQuery = (id: string) =>
  queryOptions({
    queryKey: improvementKeys.one(id),
    queryFn: ({ signal }) => api<Improvement>(`/improvement-actions/${encodeURIComponent(id)}`, { signal }),
  });

export const createImprovement = (body: CreateImprovement) =>
  api<Improvement>('/improvement-actions', { method: 'POST', body });
export const updateImprovement = (id: string, body: UpdateImprovement) =>
  api<Improvement>(`/improvement-actions/${encodeURIComponent(id)}`, { method: 'PATCH', body });

/** Open or under way past its due date (a local date, compared as text). */
export function isOverdue(action: Pick<Improvement, 'status' | 'dueDate'>, today: string): boolean {
  return (
    (action.status === 'open' || action.status === 'in_progress') &&
    action.dueDate !== null &&
    action.dueDate.slice(0, 10) < today
  );
}
