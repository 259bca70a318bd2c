import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type {
  CreateSurvey,
  Survey,
  SurveyComment,
  SurveyResults,
  SurveyVersion,
  UpdateSurvey,
} from '../../../shared/contracts/surveys';
import { api, apiBase, withQuery } from '../../lib/api';

interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** The results' filters, as the API's query string has them (`resultsQuerySchema`). */
export interface ResultsFilters {
  surveyId?: string;
  serviceId?: string;
  channel?: string;
  from?: string;
  to?: string;
  calendar: 'gregory' | 'hijri';
}

export const surveyKeys = {
  all: ['surveys'] as const,
  list: ['surveys', 'list'] as const,
  one: (id: string) => ['surveys', 'one', id] as const,
  versions: (id: string) => ['surveys', 'versions', id] as const,
  results: (filters: ResultsFilters) => ['surveys', 'results', filters] as const,
  comments: (filters: ResultsFilters, q: string) => ['surveys', 'comments', filters, q] as const,
};

export const surveyListQuery = infiniteQueryOptions({
  queryKey: surveyKeys.list,
  queryFn: ({ pageParam, signal }) =>
    api<Page<Survey>>(withQuery('/surveys', { limit: 50, cursor: pageParam }), { signal }),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
});

export const surveyQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.one(id),
    queryFn: ({ signal }) => api<Survey>(`/surveys/${encodeURIComponent(id)}`, { signal }),
  });

export const surveyVersionsQuery = (id: string) =>
  queryOptions({
    queryKey: surveyKeys.versions(id),
    queryFn: ({ signal }) =>
      api<{ items: SurveyVersion[] }>(`/surveys/${encodeURIComponent(id)}/versions`, { signal }).then(
        (r) => r.items,
      ),
  });

export const createSurvey = (body: CreateSurvey) => api<Survey>('/surveys', { method: 'POST', body });
export const updateSurvey = (id: string, body: UpdateSurvey) =>
  api<Survey>(`/surveys/${encodeURIComponent(id)}`, { method: 'PATCH', body });
export const inviteStaff = (id: string, userIds: string[]) =>
  api<{ sent: number }>(`/surveys/${encodeURIComponent(id)}/invitations`, {
    method: 'POST',
    body: { userIds },
  });

const resultsParams = (filters: ResultsFilters) => ({
  surveyId: filters.surveyId,
  serviceId: filters.serviceId,
  channel: filters.channel,
  from: filters.from,
  to: filters.to,
});

export const surveyResultsQuery = (filters: ResultsFilters) =>
  queryOptions({
    queryKey: surveyKeys.results(filters),
    queryFn: ({ signal }) =>
      api<SurveyResults>(
        withQuery('/survey-results', { ...resultsParams(filters), calendar: filters.calendar }),
        { signal },
      ),
  });

export const surveyCommentsQuery = (filters: ResultsFilters, q: string) =>
  infiniteQueryOptions({
    queryKey: surveyKeys.comments(filters, q),
    queryFn: ({ pageParam, signal }) =>
      api<Page<SurveyComment>>(
        withQuery('/survey-comments', { ...resultsParams(filters), q, limit: 20, cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The spreadsheet of the filtered results: a plain link, so the browser downloads it. */
export const exportHref = (filters: ResultsFilters) =>
  `${apiBase}${withQuery('/survey-results/export.xlsx', { ...resultsParams(filters), calendar: filters.calendar })}`;
