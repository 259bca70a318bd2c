import { SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { ApiError } from '../../../lib/api';
import { useCan, useMe } from '../../../lib/session';
import { availableTasksQuery, myTasksQuery, takeTask, verificationKeys, type WorkTask } from '../api';
import { TaskRow } from '../components/task-row';
import '../verification.css';

type Filter = 'all' | 'open' | 'scheduled';

/**
 * «مهام التحقق»: the tasks assigned to me, each naming the person, their place and phone; below, the
 * tasks nobody has taken yet, to take one. A taken task is in its taker's list and in no other.
 */
export function MyTasksPage() {
  const { t } = useTranslation();
  return (
    <div className="wasl-task-page">
      <PageHeader title={t('verification.tasks.title')} description={t('verification.tasks.description')} />
      <RequirePermission action="verification.work">
        <MyTasks />
        <AvailableTasks />
      </RequirePermission>
    </div>
  );
}

function TaskList({
  tasks,
  label,
  children,
}: {
  tasks: WorkTask[];
  label: string;
  children: (task: WorkTask) => React.ReactNode;
}) {
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {tasks.map(children)}
    </Stack>
  );
}

function MyTasks() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>('all');
  const mine = useQuery(myTasksQuery);
  const tasks = (mine.data ?? []).filter((task) => filter === 'all' || task.status === filter);
  return (
    <section aria-labelledby="my-tasks-title">
      <Title order={2} size="h4" id="my-tasks-title" mb="xs">
        {t('verification.tasks.mineTitle')}
      </Title>
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
        <TaskList tasks={tasks} label={t('verification.tasks.mineTitle')}>
          {(task) => <TaskRow key={task.id} task={task} />}
        </TaskList>
      )}
    </section>
  );
}

/** Open tasks nobody has taken, on requests still being worked on; taking one moves it to my list. */
function AvailableTasks() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const queryClient = useQueryClient();
  const available = useQuery(availableTasksQuery);
  const take = useMutation({
    mutationFn: (task: WorkTask) => takeTask(task.id, me?.user.id ?? ''),
    onSuccess: () => notifications.show({ color: 'teal', message: t('verification.tasks.taken') }),
    onError: (error) =>
      notifications.show({
        color: 'red',
        message:
          error instanceof ApiError && error.code === 'CONFLICT'
            ? t('verification.tasks.takenByOther')
            : (error as Error).message,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: verificationKeys.all }),
  });
  return (
    <section aria-labelledby="available-tasks-title">
      <Title order={2} size="h4" id="available-tasks-title" mt="xl" mb="xs">
        {t('verification.tasks.queueTitle')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('verification.tasks.queueHint')}
      </Text>
      {available.isPending ? (
        <ListSkeleton rows={2} />
      ) : available.isError ? (
        <ErrorAlert error={available.error} onRetry={() => void available.refetch()} />
      ) : available.data.length === 0 ? (
        <EmptyBlock title={t('verification.tasks.queueEmpty')} />
      ) : (
        <TaskList tasks={available.data} label={t('verification.tasks.queueTitle')}>
          {(task) => (
            <TaskRow
              key={task.id}
              task={task}
              onTake={can('verification.schedule') ? () => take.mutate(task) : undefined}
              taking={take.isPending && take.variables?.id === task.id}
            />
          )}
        </TaskList>
      )}
    </section>
  );
}
