import { Anchor, Badge, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisputeSummary } from '../../../../shared/contracts/disputes';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { ReferenceLinks } from '../../../components/reference-links';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { type DisputeFilter, disputeListQuery } from '../api';
import { OpenDisputeButton } from '../components/open-dispute';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** «الخلافات»: disputes with beneficiaries, each following the charter's steps. */
export function DisputesPage() {
  return (
    <RequirePermission action="disputes.read">
      <Disputes />
    </RequirePermission>
  );
}

function Disputes() {
  const { t } = useTranslation();
  const search = useSearch({ strict: false }) as { beneficiaryId?: unknown };
  const beneficiaryId =
    typeof search.beneficiaryId === 'string' && uuid.test(search.beneficiaryId)
      ? search.beneficiaryId
      : undefined;
  const [status, setStatus] = useState<'open' | 'closed' | 'all'>(beneficiaryId ? 'all' : 'open');
  const filter: DisputeFilter = { beneficiaryId, status: status === 'all' ? undefined : status };
  const query = useQuery(disputeListQuery(filter));
  const items = query.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('disputes.title')}
        description={t('disputes.description')}
        actions={beneficiaryId && <OpenDisputeButton beneficiaryId={beneficiaryId} />}
      />
      <ReferenceLinks context="complaints" />
      <Stack gap="xs" mb="md">
        {beneficiaryId && (
          <Group gap="xs">
            <Text size="sm">{t('disputes.ofBeneficiary')}</Text>
            <Anchor component={Link} to={`/beneficiaries/${beneficiaryId}` as never} size="sm">
              {t('disputes.backToProfile')}
            </Anchor>
            <Anchor component={Link} to={'/disputes' as never} size="sm">
              {t('disputes.allDisputes')}
            </Anchor>
          </Group>
        )}
        <SegmentedControl
          aria-label={t('disputes.fields.status')}
          value={status}
          onChange={(v) => setStatus(v as typeof status)}
          data={(['open', 'closed', 'all'] as const).map((s) => ({
            value: s,
            label: t(`disputes.filter.${s}`),
          }))}
          w={{ base: '100%', xs: 'auto' }}
        />
      </Stack>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : items.length === 0 ? (
        <EmptyBlock title={t('disputes.empty')} description={t('disputes.emptyHint')} />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('disputes.title')}
        >
          {items.map((d) => (
            <DisputeCard key={d.id} dispute={d} />
          ))}
        </Stack>
      )}
    </>
  );
}

function DisputeCard({ dispute }: { dispute: DisputeSummary }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder padding="md" component="li" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Title order={2} size="h5" id={titleId}>
          <Anchor component={Link} to={`/disputes/${dispute.id}` as never}>
            {dispute.subject}
          </Anchor>
        </Title>
        <Badge color={dispute.status === 'open' ? 'orange' : 'gray'} variant="light">
          {t(`disputes.status.${dispute.status}`)}
        </Badge>
      </Group>
      <Group gap="lg" mt="xs" align="flex-start">
        <Text size="xs" c="dimmed">
          {dispute.beneficiaryName} — <bdi>{dispute.fileNumber}</bdi>
        </Text>
        <Text size="xs" c="dimmed">
          {t('disputes.fields.currentStep')}:{' '}
          {dispute.currentStep ? t(`disputes.steps.${dispute.currentStep}`) : t('disputes.noStepYet')}
        </Text>
        <Text size="xs" c="dimmed" component="div">
          {t('disputes.fields.openedAt')}: <DualDate value={dispute.openedAt} size="xs" />
        </Text>
      </Group>
    </Card>
  );
}
