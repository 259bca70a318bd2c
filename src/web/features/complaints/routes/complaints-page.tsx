import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Complaint,
  type ComplaintKind,
  type ComplaintStatus,
  complaintKinds,
  complaintStatuses,
} from '../../../../shared/contracts/complaints';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { ReferenceLinks } from '../../../components/reference-links';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { type ComplaintFilters, complaintListQuery } from '../api';
import { ComplaintBadges, useCategoryLabel } from '../components/complaint-badges';

/**
 * «الشكاوى والمقترحات»: everything the association has been told, newest first, with filters for what
 * needs attention (overdue, escalated to the manager). A complaint about the viewer is never listed.
 */
export function ComplaintsPage() {
  return (
    <RequirePermission action="complaints.read">
      <Complaints />
    </RequirePermission>
  );
}

function Complaints() {
  const { t } = useTranslation();
  const can = useCan();
  const [kind, setKind] = useState<ComplaintKind | 'all'>('all');
  const [status, setStatus] = useState<ComplaintStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [escalated, setEscalated] = useState(false);
  const filters: ComplaintFilters = {
    kind: kind === 'all' ? undefined : kind,
    status: status ?? undefined,
    overdue: overdue || undefined,
    escalated: escalated || undefined,
  };
  const query = useInfiniteQuery(complaintListQuery(filters));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = kind !== 'all' || status !== null || overdue || escalated;

  return (
    <>
      <PageHeader
        title={t('complaints.title')}
        description={t('complaints.description')}
        actions={
          can('complaints.create') && (
            <Button component={Link} to="/complaints/new" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('complaints.new')}
            </Button>
          )
        }
      />
      <ReferenceLinks context="complaints" />
      <Stack gap="sm" mb="md">
        <SegmentedControl
          fullWidth
          value={kind}
          onChange={(v) => setKind(v as ComplaintKind | 'all')}
          aria-label={t('complaints.filters.kind')}
          data={[
            { value: 'all', label: t('complaints.filters.allKinds') },
            ...complaintKinds.map((value) => ({ value, label: t(`complaints.kinds.${value}`) })),
          ]}
        />
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('complaints.filters.status')}
            placeholder={t('complaints.filters.anyStatus')}
            clearable
            value={status}
            onChange={(v) => setStatus(v as ComplaintStatus | null)}
            data={complaintStatuses.map((value) => ({ value, label: t(`complaints.status.${value}`) }))}
            w={{ base: '100%', xs: 220 }}
          />
          <Checkbox
            label={t('complaints.filters.overdue')}
            checked={overdue}
            onChange={(e) => setOverdue(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('complaints.filters.escalated')}
            checked={escalated}
            onChange={(e) => setEscalated(e.currentTarget.checked)}
          />
        </Group>
      </Stack>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          title={t(filtered ? 'complaints.emptyFiltered' : 'complaints.empty')}
          description={filtered ? undefined : t('complaints.emptyHint')}
        />
      ) : (
        <>
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('complaints.title')}
          >
            {items.map((item) => (
              <ComplaintCard key={item.id} complaint={item} />
            ))}
          </Stack>
          <LoadMore
            shown={items.length}
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

function ComplaintCard({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const titleId = useId();
  const categoryLabel = useCategoryLabel();
  const who = complaint.beneficiaryName ?? complaint.name ?? t('complaints.anonymous');
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h5" id={titleId}>
          <Anchor component={Link} to={`/complaints/${complaint.id}`}>
            <bdi className="ltr-value">{complaint.trackingNumber}</bdi>
          </Anchor>
          {' · '}
          {who}
        </Title>
        <ComplaintBadges complaint={complaint} />
      </Group>
      <Text size="sm" mt="xs" lineClamp={2}>
        {complaint.text}
      </Text>
      <Group gap="lg" mt="xs">
        {complaint.category && (
          <Text size="xs" c="dimmed">
            {categoryLabel(complaint.category)}
          </Text>
        )}
        <Text size="xs" c="dimmed" component="div">
          {t('complaints.fields.createdAt')}: <DualDate value={complaint.createdAt} size="xs" />
        </Text>
        <Text size="xs" c="dimmed" component="div">
          {t('complaints.fields.dueAt')}: <DualDate value={complaint.dueAt} size="xs" />
        </Text>
      </Group>
    </Card>
  );
}
