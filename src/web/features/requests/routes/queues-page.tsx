import { Badge, Button, Group, Select, Switch, Tabs } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { requestQueues } from '../../../../shared/contracts/requests';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { useCan, useMe } from '../../../lib/session';
import {
  activeServicesQuery,
  type QueueCounts,
  queueCountsQuery,
  type RequestQueue,
  requestsListQuery,
} from '../api';
import { RequestCards, RequestTable } from '../components/request-list';
import { formatNumber, useRequestLabels } from '../labels';
import type { QueuesSearch } from './search-params';
import '../requests.css';

/** Each role starts on the queue of its own stage of the process. */
function defaultQueue(roles: readonly string[]): RequestQueue {
  if (roles.includes('relations_officer') || roles.includes('supervisor')) return 'review';
  if (roles.includes('researcher')) return 'verification';
  if (roles.includes('committee_member')) return 'committee';
  if (roles.includes('service_officer')) return 'delivery';
  return 'all';
}

export function QueuesPage() {
  return (
    <RequirePermission action="requests.read">
      <Queues />
    </RequirePermission>
  );
}

function Queues() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const me = useMe();
  const labels = useRequestLabels();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as QueuesSearch;
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const queue = search.queue ?? defaultQueue(me?.user.roles ?? []);
  const set = (next: Partial<QueuesSearch>) =>
    void navigate({ to: '/requests', search: { ...search, queue, ...next }, replace: true });

  const counts = useQuery(queueCountsQuery);
  // The service filter's choices are read when it is about to be used (or already holds a service), so
  // the list opens with two calls: the list and the counts.
  const [servicesWanted, setServicesWanted] = useState(false);
  const wantServices = () => setServicesWanted(true);
  const services = useQuery({ ...activeServicesQuery, enabled: servicesWanted || Boolean(search.serviceId) });
  const query = useInfiniteQuery(
    requestsListQuery({
      queue,
      serviceId: search.serviceId,
      overdue: search.overdue ? 'true' : undefined,
      sort: search.sort ?? 'oldest',
    }),
  );
  const requests = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(search.serviceId || search.overdue);

  return (
    <>
      <PageHeader
        title={t('requests.title')}
        description={t('requests.description')}
        actions={
          can('requests.create') && (
            <Button component={Link} to="/requests/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('requests.new')}
            </Button>
          )
        }
      />
      <Tabs value={queue} onChange={(v) => v && set({ queue: v as RequestQueue })} keepMounted={false}>
        <Tabs.List mb="md" className="wasl-queue-tabs">
          {requestQueues.map((q) => (
            <Tabs.Tab key={q} value={q} rightSection={<QueueCount counts={counts.data} queue={q} />}>
              {labels.queue(q)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {counts.isError && <ErrorAlert error={counts.error} onRetry={() => void counts.refetch()} />}
      <Group gap="sm" mb="md" align="flex-end" role="search">
        <Select
          label={t('requests.fields.service')}
          placeholder={t('common.all')}
          data={(services.data ?? []).map((s) => ({
            value: s.id,
            label: i18n.language === 'en' ? s.nameEn : s.nameAr,
          }))}
          value={search.serviceId ?? null}
          onChange={(v) => set({ serviceId: v ?? undefined })}
          onMouseEnter={wantServices}
          onFocus={wantServices}
          onDropdownOpen={wantServices}
          clearable
          searchable
          style={{ flex: '1 1 14rem' }}
        />
        <Select
          label={t('requests.list.sort')}
          data={[
            { value: 'oldest', label: t('requests.list.oldest') },
            { value: 'newest', label: t('requests.list.newest') },
          ]}
          value={search.sort ?? 'oldest'}
          onChange={(v) => set({ sort: v === 'newest' ? 'newest' : undefined })}
          allowDeselect={false}
          style={{ flex: '0 1 12rem' }}
        />
        <Switch
          label={t('requests.list.overdueOnly')}
          checked={Boolean(search.overdue)}
          onChange={(e) => set({ overdue: e.currentTarget.checked || undefined })}
          color="red"
          mb={8}
        />
      </Group>

      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : requests.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('requests.list.emptyFiltered') : t('requests.list.empty')}
          description={filtered ? t('common.tryOtherFilters') : undefined}
        />
      ) : (
        <>
          {isPhone ? (
            <RequestCards requests={requests} label={labels.queue(queue)} />
          ) : (
            <RequestTable requests={requests} label={labels.queue(queue)} />
          )}
          <LoadMore
            shown={requests.length}
            total={total}
            hasMore={Boolean(query.hasNextPage)}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function QueueCount({ counts, queue }: { counts: QueueCounts | undefined; queue: RequestQueue }) {
  const { t, i18n } = useTranslation();
  const c = counts?.[queue];
  if (!c) return null;
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="sm" variant="light" color="gray" aria-label={t('requests.list.total', { count: c.total })}>
        {formatNumber(c.total, i18n.language)}
      </Badge>
      {c.overdue > 0 && (
        <Badge
          size="sm"
          variant="filled"
          color="red"
          aria-label={t('requests.list.overdueCount', { count: c.overdue })}
        >
          {formatNumber(c.overdue, i18n.language)}
        </Badge>
      )}
    </Group>
  );
}
