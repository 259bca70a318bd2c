import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type DisputeDetail, disputeSteps } from '../../../../shared/contracts/disputes';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { closeDispute, disputeKeys, disputeQuery, recordDisputeStep } from '../api';

/** One dispute: the charter's steps in their order (taken and still ahead), the next one, the outcome. */
export function DisputePage() {
  return (
    <RequirePermission action="disputes.read">
      <Detail />
    </RequirePermission>
  );
}

function Detail() {
  const { t } = useTranslation();
  const { disputeId } = useParams({ strict: false }) as { disputeId: string };
  const query = useQuery(disputeQuery(disputeId));
  if (query.isPending) return <ListSkeleton />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const d = query.data;
  return (
    <>
      <Anchor component={Link} to={'/disputes' as never} size="sm">
        {t('disputes.backToList')}
      </Anchor>
      <PageHeader
        title={d.subject}
        description={t('disputes.charterVersion', {
          version: d.charterVersion ?? t('disputes.noCharter'),
        })}
        actions={
          <Badge color={d.status === 'open' ? 'orange' : 'gray'} variant="light">
            {t(`disputes.status.${d.status}`)}
          </Badge>
        }
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <Steps dispute={d} />
            <NextStep dispute={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Facts dispute={d} />
            <Outcome dispute={d} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Facts({ dispute: d }: { dispute: DisputeDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('disputes.facts')}
      </Title>
      <Stack gap="xs">
        <Text size="sm">
          {t('disputes.fields.beneficiary')}:{' '}
          <Anchor component={Link} to={`/beneficiaries/${d.beneficiaryId}` as never}>
            {d.beneficiaryName}
          </Anchor>{' '}
          (<bdi>{d.fileNumber}</bdi>)
        </Text>
        {d.requestId && (
          <Anchor component={Link} to={`/requests/${d.requestId}` as never} size="sm">
            {t('disputes.fields.request')}
          </Anchor>
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
          {d.description}
        </Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed">
            {t('disputes.openedBy', { name: d.openedByName ?? '—' })}
          </Text>
          <DualDate value={d.openedAt} withTime size="xs" />
        </Group>
      </Stack>
    </Card>
  );
}

function Steps({ dispute: d }: { dispute: DisputeDetail }) {
  const { t } = useTranslation();
  const titleId = useId();
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('disputes.stepsTitle')}
      </Title>
      <Timeline active={d.steps.length - 1} bulletSize={20} lineWidth={2}>
        {disputeSteps.map((key) => {
          const taken = d.steps.find((s) => s.step === key);
          return (
            <Timeline.Item key={key} title={t(`disputes.steps.${key}`)}>
              {taken ? (
                <Stack gap={2}>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
                    {taken.note}
                  </Text>
                  <Group gap="xs">
                    <Text size="xs" c="dimmed">
                      {taken.recordedByName ?? '—'}
                    </Text>
                    <DualDate value={taken.recordedAt} withTime size="xs" />
                  </Group>
                </Stack>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('disputes.notTaken')}
                </Text>
              )}
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
}

function useSaved(id: string, done: () => void) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (saved: DisputeDetail) => {
    queryClient.setQueryData(disputeKeys.one(id), saved);
    void queryClient.invalidateQueries({ queryKey: disputeKeys.all });
    notifications.show({ color: 'teal', message: t('disputes.saved') });
    done();
  };
}

function NextStep({ dispute: d }: { dispute: DisputeDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const [note, setNote] = useState('');
  const onSuccess = useSaved(d.id, () => setNote(''));
  const mutation = useMutation({
    mutationFn: () => recordDisputeStep(d.id, { step: d.nextStep!, note: note.trim() }),
    onSuccess,
  });
  if (!d.nextStep || !can('disputes.manage')) return null;
  return (
    <Card withBorder component="section" aria-label={t('disputes.recordStep')}>
      <Stack gap="sm">
        <Textarea
          label={t('disputes.stepNote', { step: t(`disputes.steps.${d.nextStep}`) })}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={3}
          maxLength={5000}
        />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group>
          <Button
            loading={mutation.isPending}
            disabled={note.trim().length < 2}
            onClick={() => mutation.mutate()}
          >
            {t('disputes.recordStep')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Outcome({ dispute: d }: { dispute: DisputeDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const titleId = useId();
  const [outcome, setOutcome] = useState('');
  const onSuccess = useSaved(d.id, () => setOutcome(''));
  const mutation = useMutation({ mutationFn: () => closeDispute(d.id, outcome.trim()), onSuccess });
  if (d.status === 'open' && !can('disputes.manage')) return null;
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('disputes.fields.outcome')}
      </Title>
      {d.status === 'closed' ? (
        <Stack gap="xs">
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} dir="auto">
            {d.outcome}
          </Text>
          <Group gap="xs">
            <Text size="xs" c="dimmed">
              {t('disputes.closedBy', { name: d.closedByName ?? '—' })}
            </Text>
            <DualDate value={d.closedAt} withTime size="xs" />
          </Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <Textarea
            label={t('disputes.outcomeLabel')}
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value)}
            autosize
            minRows={3}
            maxLength={5000}
          />
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group>
            <Button
              variant="light"
              loading={mutation.isPending}
              disabled={outcome.trim().length < 2}
              onClick={() => mutation.mutate()}
            >
              {t('disputes.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Card>
  );
}
