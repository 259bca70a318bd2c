import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageLoader } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useCan } from '../../../lib/session';
import { myTasksQuery, requestQuery, requestTasksQuery, serviceQuery } from '../api';
import { ScheduleForm } from '../components/schedule-form';
import { TaskForm } from '../components/task-form';
import { TaskSummary } from '../components/task-summary';
import { taskStatusColor } from '../labels';
import type { TaskSearch } from './search-params';
import '../verification.css';

export function TaskPage() {
  return (
    <RequirePermission action="verification.read">
      <TaskView />
    </RequirePermission>
  );
}

function TaskView() {
  const { t } = useTranslation();
  const can = useCan();
  const { taskId } = useParams({ strict: false }) as { taskId: string };
  const { requestId } = useSearch({ strict: false }) as TaskSearch;
  // A task is found through its request when the address says which one, else among my tasks.
  const byRequest = useQuery({ ...requestTasksQuery(requestId ?? ''), enabled: Boolean(requestId) });
  const mine = useQuery({ ...myTasksQuery, enabled: !requestId && can('verification.work') });
  const source = requestId ? byRequest : mine;
  const task = source.data?.find((item) => item.id === taskId);
  const request = useQuery({ ...requestQuery(task?.requestId ?? ''), enabled: Boolean(task) });
  const service = useQuery({
    ...serviceQuery(request.data?.serviceId ?? ''),
    enabled: Boolean(request.data) && task?.mechanism === 'documents',
  });

  if (source.isPending && source.fetchStatus !== 'idle') return <PageLoader />;
  if (source.isError) return <ErrorAlert error={source.error} onRetry={() => void source.refetch()} />;
  if (!task) return <EmptyBlock title={t('verification.task.notFound')} />;

  return (
    <div className="wasl-task-page">
      <Anchor component={Link} to="/verifications" size="sm">
        {t('verification.task.backToTasks')}
      </Anchor>
      <Stack gap="md" mt="xs">
        <Card withBorder padding="md" radius="md">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            <Title order={1} size="h3">
              {t(`verification.mechanisms.${task.mechanism}`)}
            </Title>
            <Badge color={taskStatusColor[task.status]} variant="light">
              {t(`verification.taskStatus.${task.status}`)}
            </Badge>
          </Group>
          {request.data && (
            <Stack gap={2} mt="xs">
              <Text fw={600}>{request.data.beneficiaryName}</Text>
              <Text size="sm" c="dimmed">
                {request.data.serviceNameAr} ·{' '}
                <Anchor component={Link} to={`/requests/${task.requestId}/assessment`} size="sm">
                  <bdi>{request.data.number}</bdi>
                </Anchor>
              </Text>
            </Stack>
          )}
          {(task.scheduledAt || task.location) && (
            <Group gap="lg" mt="xs" align="flex-start">
              {task.scheduledAt && (
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('verification.task.scheduledAt')}
                  </Text>
                  <DualDate value={task.scheduledAt} withTime size="xs" />
                </Stack>
              )}
              {task.location && (
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {t('verification.task.location')}
                  </Text>
                  <Text size="sm">{task.location}</Text>
                </Stack>
              )}
            </Group>
          )}
          {task.status !== 'done' && can('verification.schedule') && <ScheduleForm task={task} />}
        </Card>
        {task.status === 'done' ? (
          <TaskSummary task={task} />
        ) : can('verification.work') ? (
          <TaskForm key={task.id} task={task} requiredDocuments={service.data?.requiredDocuments ?? []} />
        ) : (
          <Text c="dimmed">{t('verification.task.readOnly')}</Text>
        )}
      </Stack>
    </div>
  );
}
