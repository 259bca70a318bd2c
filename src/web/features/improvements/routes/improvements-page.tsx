import { Anchor, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Improvement,
  type ImprovementSource,
  type ImprovementStatus,
  improvementSources,
  improvementStatuses,
} from '../../../../shared/contracts/surveys';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { improvementListQuery } from '../api';
import { CreateImprovementButton } from '../components/create-improvement';
import { ImprovementBadges } from '../components/improvement-badges';

/** «الإجراءات التحسينية»: evaluation is followed by improvement (policy 002), each with an owner and a date. */
export function ImprovementsPage() {
  return (
    <RequirePermission action="improvements.read">
      <Improvements />
    </RequirePermission>
  );
}

function Improvements() {
  const { t } = useTranslation();
  const preset = useSearch({ from: '/app/improvement-actions' });
  const [status, setStatus] = useState<ImprovementStatus | null>(null);
  const [source, setSource] = useState<ImprovementSource | null>(null);
  const query = useInfiniteQuery(
    improvementListQuery({ status: status ?? undefined, source: source ?? undefined }),
  );
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = status !== null || source !== null;
  return (
    <>
      <PageHeader
        title={t('improvements.title')}
        description={t('improvements.description')}
        actions={
          <CreateImprovementButton
            key={preset.fromResponse ?? 'new'}
            fromResponse={preset.fromResponse}
            serviceId={preset.serviceId}
          />
        }
      />
      <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
        <Select
          label={t('improvements.fields.status')}
          placeholder={t('improvements.anyStatus')}
          data={improvementStatuses.map((s) => ({ value: s, label: t(`improvements.status.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as ImprovementStatus | null)}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        <Select
          label={t('improvements.fields.source')}
          placeholder={t('improvements.anySource')}
          data={improvementSources.map((s) => ({ value: s, label: t(`improvements.source.${s}`) }))}
          value={source}
          onChange={(v) => setSource(v as ImprovementSource | null)}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
      </Group>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock
          title={t(filtered ? 'improvements.emptyFiltered' : 'improvements.empty')}
          description={filtered ? t('common.tryOtherFilters') : t('improvements.emptyHint')}
        />
      ) : (
        <>
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('improvements.title')}
          >
            {items.map((a) => (
              <ActionCard key={a.id} action={a} />
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

function ActionCard({ action }: { action: Improvement }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h5" id={titleId}>
          <Anchor component={Link} to={`/improvement-actions/${action.id}` as never}>
            {action.title}
          </Anchor>
        </Title>
        <ImprovementBadges action={action} />
      </Group>
      <Group gap="lg" mt="xs" align="flex-start">
        <Text size="xs" c="dimmed">
          {t('improvements.fields.owner')}: {action.ownerName ?? t('improvements.noOwner')}
        </Text>
        <Text size="xs" c="dimmed" component="div">
          {t('improvements.fields.dueDate')}: <DualDate value={action.dueDate} size="xs" />
        </Text>
      </Group>
    </Card>
  );
}
