import { Anchor, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { api, withQuery } from '../../../lib/api';
import { useCan, useMe } from '../../../lib/session';
import { myTasksQuery, requestTasksQuery, type VerificationTask, verificationKeys } from '../api';
import { TaskRow } from '../components/task-row';
import '../verification.css';

type Filter = 'all' | 'open' | 'scheduled';

export function MyTasksPage() {
  return (
    <RequirePermission action="verification.work">
      <MyTasks />
    </RequirePermission>
  );
}

function MyTasks() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const mine = useQuery(myTasksQuery);
  const tasks = (mine.data ?? []).filter((task) => filter === 'all' || task.status === filter);

  return (
    <div className="wasl-task-page">
      <PageHeader title={t('verification.tasks.title')} description={t('verification.tasks.description')} />
      <SegmentedControl
        fullWidth
        mb="md"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        aria-label={t('verification.tasks.filter')}
        data={(['all', 'open', 'scheduled'] as const).map((value) => ({
          value,
          label: value === 'all' ? t('common.all') : t(`verification.taskStatus.${value}`),
        }))}
      />
      {mine.isPending ? (
        <ListSkeleton rows={3} />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />
      ) : tasks.length === 0 ? (
        <EmptyBlock title={t('verification.tasks.empty')} description={t('verification.tasks.emptyHint')} />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('verification.tasks.title')}
        >
          {tasks.map((task) => (
            <TaskRow key={task.id} task={task} />
          ))}
        </Stack>
      )}
      <Title order={2} size="h4" mt="xl" mb="xs">
        {t('verification.tasks.queueTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('verification.tasks.queueHint')}
      </Text>
      <VerificationQueue />
    </div>
  );
}

interface Page<T> {
  items: T[];
  total: number;
}

/** Requests waiting in verification, with their tasks that nobody has taken yet. */
function VerificationQueue() {
  const { t } = useTranslation();
  const queue = useQuery({
    queryKey: [...verificationKeys.all, 'queue'],
    queryFn: ({ signal }) =>
      api<Page<ServiceRequest>>(withQuery('/requests', { queue: 'verification', limit: 25 }), { signal }),
  });
  if (queue.isPending) return <ListSkeleton rows={2} />;
  if (queue.isError) return <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />;
  const requests = queue.data.items.filter((r) => r.status === 'in_verification');
  if (requests.length === 0) return <EmptyBlock title={t('verification.tasks.queueEmpty')} />;
  return (
    <Stack gap="sm">
      {requests.map((request) => (
        <QueueRequest key={request.id} request={request} />
      ))}
    </Stack>
  );
}

function QueueRequest({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const queryClient = useQueryClient();
  const tasks = useQuery(requestTasksQuery(request.id));
  const take = useMutation({
    mutationFn: (task: VerificationTask) =>
      api<VerificationTask>(`/verifications/${encodeURIComponent(task.id)}`, {
        method: 'PATCH',
        body: { assigneeId: me?.user.id },
      }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('verification.tasks.taken') });
      await queryClient.invalidateQueries({ queryKey: verificationKeys.all });
    },
    onError: (error) => notifications.show({ color: 'red', message: (error as Error).message }),
  });
  const open = (tasks.data ?? []).filter((task) => task.status !== 'done' && task.assigneeId !== me?.user.id);
  return (
    <Card withBorder padding="sm" radius="md" component="section" aria-label={request.number}>
      <Group justify="space-between" gap="xs" mb="xs">
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Text fw={600}>{request.beneficiaryName}</Text>
          <Text size="sm" c="dimmed">
            {request.serviceNameAr} ·{' '}
            <Anchor component={Link} to={`/requests/${request.id}/assessment`} size="sm">
              <bdi>{request.number}</bdi>
            </Anchor>
          </Text>
        </Stack>
      </Group>
      {tasks.isError ? (
        <ErrorAlert error={tasks.error} />
      ) : open.length === 0 ? (
        <Text size="sm" c="dimmed">
          {tasks.isPending ? t('common.loading') : t('verification.tasks.nothingToTake')}
        </Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {open.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              onTake={can('verification.schedule') && !task.assigneeId ? () => take.mutate(task) : undefined}
              taking={take.isPending && take.variables?.id === task.id}
            />
          ))}
        </Stack>
      )}
    </Card>
  );
}
