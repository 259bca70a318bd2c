import { infiniteQueryOptions } from '@tanstack/react-query';
import type { ListOutboxQuery, OutboxMessage } from '../../../shared/contracts/outbox';
import { api, withQuery } from '../../lib/api';

export interface OutboxPage {
  items: OutboxMessage[];
  total: number;
  nextCursor: string | null;
}

export type OutboxFilter = Pick<ListOutboxQuery, 'channel' | 'status'>;

export const outboxListQuery = (filter: OutboxFilter) =>
  infiniteQueryOptions({
    queryKey: ['outbox', 'list', filter] as const,
    queryFn: ({ pageParam, signal }) =>
      api<OutboxPage>(withQuery('/outbox', { ...filter, limit: 50, cursor: pageParam }), { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
