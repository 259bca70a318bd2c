import { infiniteQueryOptions, keepPreviousData, queryOptions } from '@tanstack/react-query';
import type {
  Dashboard,
  DashboardCalendar,
  DrillItem,
  DrillMetric,
} from '../../../shared/contracts/dashboards';
import { api, apiBase, withQuery } from '../../lib/api';

interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** The dashboard's filters as the API's query string has them (`dashboardQuerySchema`). */
export interface DashboardFilters {
  from?: string;
  to?: string;
  calendar: DashboardCalendar;
  serviceId?: string;
}

/** One number's rows: which metric, which part of it (a channel, a stage, …). */
export interface Drill {
  metric: DrillMetric;
  key: string;
}

export const dashboardKeys = {
  overview: (filters: DashboardFilters) => ['dashboards', 'overview', filters] as const,
  drill: (filters: DashboardFilters, drill: Drill) =>
    ['dashboards', 'drill', filters.from, filters.to, filters.serviceId, drill.metric, drill.key] as const,
};

const params = (f: DashboardFilters) => ({
  from: f.from,
  to: f.to,
  calendar: f.calendar,
  serviceId: f.serviceId,
});

export const dashboardQuery = (filters: DashboardFilters) =>
  queryOptions({
    queryKey: dashboardKeys.overview(filters),
    queryFn: ({ signal }) => api<Dashboard>(withQuery('/dashboards/overview', params(filters)), { signal }),
    // A new period keeps the old figures on screen (dimmed) until the new ones arrive.
    placeholderData: keepPreviousData,
  });

export const drillQuery = (filters: DashboardFilters, drill: Drill) =>
  infiniteQueryOptions({
    queryKey: dashboardKeys.drill(filters, drill),
    queryFn: ({ pageParam, signal }) =>
      api<Page<DrillItem>>(
        withQuery('/dashboards/drill', {
          from: filters.from,
          to: filters.to,
          serviceId: filters.serviceId,
          metric: drill.metric,
          key: drill.key,
          limit: 20,
          cursor: pageParam,
        }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The same figures as a file: plain links, so the browser downloads them. */
export const exportHref = (filters: DashboardFilters, format: 'xlsx' | 'pdf') =>
  `${apiBase}${withQuery(`/dashboards/overview/export.${format}`, params(filters))}`;
