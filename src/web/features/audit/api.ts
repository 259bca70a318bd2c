import { infiniteQueryOptions } from '@tanstack/react-query';
import type { AuditEvent, ListAuditQuery } from '../../../shared/contracts/audit';
import { api, withQuery } from '../../lib/api';

export interface AuditPage {
  items: AuditEvent[];
  total: number;
  nextCursor: string | null;
}

export type AuditFilter = Pick<ListAuditQuery, 'q' | 'action' | 'entityType' | 'outcome' | 'from' | 'to'>;

export const auditListQuery = (filter: AuditFilter) =>
  infiniteQueryOptions({
    queryKey: ['audit', 'list', filter] as const,
    queryFn: ({ pageParam, signal }) =>
      api<AuditPage>(withQuery('/audit-events', { ...filter, limit: 50, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** A calendar day typed in a date input, as the first/last instant of that day in Riyadh. */
export function dayStart(date: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00+03:00` : undefined;
}

export function dayEnd(date: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T23:59:59.999+03:00` : undefined;
}
