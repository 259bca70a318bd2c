// The dashboard's address parameters, kept apart from the page so the router validates an address
// without loading the page's code (decision 013). The period, the calendar, the service and the open
// drill-down all live in the address: a link shows a colleague the same figures and the same rows.
import type { DrillMetric } from '../../../../shared/contracts/dashboards';
import { dashboardCalendars, drillMetrics } from '../../../../shared/contracts/search-values';

export interface DashboardSearch {
  from?: string;
  to?: string;
  calendar?: 'hijri';
  serviceId?: string;
  metric?: DrillMetric;
  key?: string;
}

const day = (v: unknown) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);
const uuid = (v: unknown) =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
    ? v
    : undefined;

export function validateDashboardSearch(search: Record<string, unknown>): DashboardSearch {
  const metric = drillMetrics.includes(search.metric as DrillMetric)
    ? (search.metric as DrillMetric)
    : undefined;
  return {
    from: day(search.from),
    to: day(search.to),
    // Gregorian is the API's default, so only Hijri is written in the address.
    calendar: search.calendar === dashboardCalendars[1] ? 'hijri' : undefined,
    serviceId: uuid(search.serviceId),
    metric,
    key: metric && typeof search.key === 'string' && search.key.length <= 100 ? search.key : undefined,
  };
}
