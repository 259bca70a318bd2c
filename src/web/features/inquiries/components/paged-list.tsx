import { Stack } from '@mantine/core';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { ListSkeleton } from '../../../components/page-loader';

interface Page<T> {
  items: T[];
  total: number;
}

interface PagedListProps<T> {
  query: UseInfiniteQueryResult<{ pages: Page<T>[] }>;
  label: string;
  empty: { title: string; description?: string };
  render: (item: T) => ReactNode;
}

/** A list read page by page: its skeleton, error, empty state, items and "show more". */
export function PagedList<T>({ query, label, empty, render }: PagedListProps<T>) {
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (items.length === 0) return <EmptyBlock title={empty.title} description={empty.description} />;
  return (
    <>
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {items.map(render)}
      </Stack>
      <LoadMore
        shown={items.length}
        total={total}
        hasMore={Boolean(query.hasNextPage)}
        loading={query.isFetchingNextPage}
        onLoadMore={() => void query.fetchNextPage()}
      />
    </>
  );
}
