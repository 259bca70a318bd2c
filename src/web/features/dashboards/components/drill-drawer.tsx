import { Anchor, Badge, Card, Drawer, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DrillItem } from '../../../../shared/contracts/dashboards';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { ListSkeleton } from '../../../components/page-loader';
import { shownDualDate } from '../../../lib/dates';
import { useOrgLists } from '../../../lib/org-lists';
import { type DashboardFilters, type Drill, drillQuery } from '../api';

/** The part of a metric a drill names (a channel, a service, a stage…), as the dashboard labelled it. */
function useKeyLabel(dashboard: Dashboard | undefined) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  return (drill: Drill): string | null => {
    if (!drill.key) return null;
    if (drill.metric === 'decided')
      return t(`dashboards.kpi.${drill.key === 'approved' ? 'approved' : 'rejected'}`);
    const r = dashboard?.requests;
    const lists = {
      submitted: [...(r?.byChannel ?? []), ...(r?.byService ?? [])],
      open_by_stage: r?.byStage ?? [],
      backlog: r?.backlog ?? [],
    } as Record<string, { key: string; labelAr: string; labelEn: string }[]>;
    const found = lists[drill.metric]?.find((item) => item.key === drill.key);
    return found ? (en ? found.labelEn : found.labelAr) : drill.key;
  };
}

const statusKey: Record<DrillItem['type'], string> = {
  request: 'requests.status',
  referral: 'requests.referrals.status',
  verification: 'requests.verification.status',
  inquiry: 'inquiries.status',
  complaint: 'complaints.status',
};

function DrillRow({ item }: { item: DrillItem }) {
  const { t, i18n } = useTranslation();
  const { decisionBodyName } = useOrgLists();
  const en = i18n.language === 'en';
  const service = en ? (item.serviceNameEn ?? item.serviceNameAr) : item.serviceNameAr;
  const date = (v: string) => {
    const dual = shownDualDate(v, i18n.language);
    return `${dual.hijri} (${dual.gregorian})`;
  };
  return (
    <Card withBorder padding="xs" radius="sm" component="li">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={item.href as never} fw={600} dir="ltr">
          {item.number}
        </Anchor>
        <Group gap={4}>
          <Badge variant="light" color="gray" size="sm">
            {t(`dashboards.drill.types.${item.type}`)}
          </Badge>
          <Badge variant="light" size="sm">
            {t(`${statusKey[item.type]}.${item.status}`, {
              body: decisionBodyName || t('requests.decisionBodyFallback'),
              defaultValue: item.status,
            })}
          </Badge>
        </Group>
      </Group>
      {service && (
        <Text size="sm" mt={4}>
          {service}
        </Text>
      )}
      <Text size="xs" c="gray.7" mt={2}>
        {t('dashboards.drill.at', { date: date(item.at) })}
      </Text>
      {item.dueAt && (
        <Text size="xs" c="gray.7">
          {t('dashboards.drill.due', { date: date(item.dueAt) })}
        </Text>
      )}
    </Card>
  );
}

interface DrillDrawerProps {
  filters: DashboardFilters;
  drill: Drill | null;
  dashboard: Dashboard | undefined;
  onClose: () => void;
}

/** The rows behind one number of the dashboard, each leading to its record; twenty at a time. */
export function DrillDrawer({ filters, drill, dashboard, onClose }: DrillDrawerProps) {
  const { t, i18n } = useTranslation();
  const keyLabel = useKeyLabel(dashboard);
  const query = useInfiniteQuery({
    ...drillQuery(filters, drill ?? { metric: 'submitted', key: '' }),
    enabled: drill !== null,
  });
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const part = drill ? keyLabel(drill) : null;
  const title = drill ? t(`dashboards.drill.metrics.${drill.metric}`) : '';
  return (
    <Drawer
      opened={drill !== null}
      onClose={onClose}
      position={i18n.dir() === 'rtl' ? 'left' : 'right'}
      size="min(100%, 30rem)"
      title={part ? `${title} — ${part}` : title}
      closeButtonProps={{ 'aria-label': t('common.closeDialog') }}
    >
      {query.isPending ? (
        <ListSkeleton rows={4} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock title={t('dashboards.drill.empty')} />
      ) : (
        <>
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
            {items.map((item) => (
              <DrillRow key={`${item.type}-${item.id}`} item={item} />
            ))}
          </Stack>
          <LoadMore
            shown={items.length}
            total={total}
            hasMore={query.hasNextPage}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </Drawer>
  );
}
