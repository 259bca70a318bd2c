import { Alert, Anchor, Grid, Group, Stack, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import { deliveryStatuses } from '../../../../shared/requests/request-machine';
import { ErrorAlert } from '../../../components/error-alert';
import { RequirePermission } from '../../../components/require-permission';
import { shownDualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { requestPageQuery } from '../api';
import { ActionsPanel } from '../components/actions-panel';
import { DecisionDateCard } from '../components/decision-date-card';
import { DeliveriesSection } from '../components/deliveries-section';
import { EvaluationSection } from '../components/evaluation-section';
import { HistoryTimeline } from '../components/history-timeline';
import { ReferralsSection } from '../components/referrals-section';
import { DecisionCard, InfoRequested, RequestFacts } from '../components/request-header';
import { RequestPageSkeleton } from '../components/request-page-skeleton';
import { OverdueBadge, RequestStatusBadge } from '../components/request-status-badge';
import { VerificationSection } from '../components/verification-section';
import '../requests.css';
import type { RequestSearch } from './search-params';

export function RequestPage() {
  return (
    <RequirePermission action="requests.read">
      <RequestDetails />
    </RequirePermission>
  );
}

/**
 * The page comes from one call (`GET /requests/:id/page`, decision 013) and the evaluation section from
 * a second, both started by the route's loader as soon as the address is known, while this code is
 * still loading. Each section reads its part of the page's answer (api.ts `pagePart`); until it
 * arrives, a skeleton in the page's shape stands in.
 */
function RequestDetails() {
  const { t } = useTranslation();
  const { requestId } = useParams({ strict: false }) as { requestId: string };
  const query = useQuery(requestPageQuery(requestId));
  return (
    <>
      <Anchor component={Link} to="/requests" size="sm">
        {t('requests.backToList')}
      </Anchor>
      {query.isPending ? (
        <RequestPageSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <RequestView request={query.data.request} />
      )}
    </>
  );
}

function RequestView({ request: r }: { request: ServiceRequest }) {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const search = useSearch({ strict: false }) as RequestSearch;
  const promised = r.expectedDecisionAt ? shownDualDate(r.expectedDecisionAt, i18n.language) : null;
  return (
    <Stack gap="md" mt="xs">
      <Group gap="sm" wrap="wrap" align="center">
        <Title order={1} size="h2">
          {t('requests.page.title', { number: r.number })}
        </Title>
        <Group gap={6} data-testid="request-status">
          <RequestStatusBadge status={r.status} size="lg" />
          {r.overdue && <OverdueBadge size="lg" />}
        </Group>
      </Group>
      {search.created && promised && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCircleCheck aria-hidden />}
          title={t('requests.page.createdTitle')}
        >
          {t('requests.page.createdMessage', { hijri: promised.hijri, gregorian: promised.gregorian })}
        </Alert>
      )}
      <RequestFacts request={r} />
      <InfoRequested request={r} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <Stack gap="md">
            <DecisionDateCard request={r} />
            <ActionsPanel request={r} />
            <DecisionCard request={r} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Stack gap="md">
            {/* Verification: the tasks (documents, interview, field visit) and the explained evaluation. */}
            {can('verification.read') && <VerificationSection request={r} />}
            {can('verification.read') && <EvaluationSection requestId={r.id} />}
            {deliveryStatuses.includes(r.status) && <DeliveriesSection requestId={r.id} />}
            <HistoryTimeline requestId={r.id} />
            <ReferralsSection request={r} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
