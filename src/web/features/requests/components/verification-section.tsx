import { Badge, Button, Card, Group, Radio, Skeleton, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecklist } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import { completeTaskSchema } from '../../../../shared/contracts/verification';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useCan } from '../../../lib/session';
import { completeVerification, requestKeys, type VerificationTask, verificationsQuery } from '../api';
import { AddTaskButton } from './add-task-form';

type Recommendation = NonNullable<VerificationTask['recommendation']>;
const recommendations: readonly Recommendation[] = ['eligible', 'not_eligible', 'needs_more'];
const recommendationColors: Record<Recommendation, string> = {
  eligible: 'teal',
  not_eligible: 'red',
  needs_more: 'orange',
};
const taskStatusColors: Record<VerificationTask['status'], string> = {
  open: 'blue',
  scheduled: 'violet',
  done: 'teal',
};

/** The service's verification steps (documents check, interview, field visit) and their findings. */
export function VerificationSection({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const query = useQuery(verificationsQuery(request.id));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="request-verification-title">
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} size="h5" id="request-verification-title">
          {t('requests.verification.title')}
        </Title>
        <AddTaskButton request={request} />
      </Group>
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.verification.none')}
        </Text>
      ) : (
        <Stack gap="sm">
          {query.data.map((task) => (
            <TaskCard key={task.id} task={task} request={request} />
          ))}
        </Stack>
      )}
    </Card>
  );
}

function TaskCard({ task, request }: { task: VerificationTask; request: ServiceRequest }) {
  const { t } = useTranslation();
  const can = useCan();
  const [completing, setCompleting] = useState(false);
  const mechanism = t(`requests.mechanisms.${task.mechanism}`);
  const mayComplete =
    can('verification.work') && task.status !== 'done' && request.status === 'in_verification';
  return (
    <Card withBorder padding="sm" radius="sm" data-testid={`verification-${task.mechanism}`}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs">
          <IconChecklist size={18} aria-hidden />
          <Text fw={600}>{mechanism}</Text>
        </Group>
        <Group gap={4}>
          <Badge color={taskStatusColors[task.status]} variant="light">
            {t(`requests.verification.status.${task.status}`)}
          </Badge>
          {task.recommendation && (
            <Badge color={recommendationColors[task.recommendation]} variant="filled">
              {t(`requests.verification.recommendations.${task.recommendation}`)}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="xs" c="gray.7" mt={6}>
        {task.assigneeName
          ? t('requests.verification.assignedTo', { name: task.assigneeName })
          : t('requests.verification.unassigned')}
      </Text>
      {task.dueOn && task.status !== 'done' && (
        <Group gap={6} mt={4}>
          <Text size="xs" c="gray.7">
            {t('requests.verification.dueOn')}
          </Text>
          <DualDate value={`${task.dueOn}T12:00:00Z`} size="xs" />
        </Group>
      )}
      {task.scheduledAt && (
        <Group gap={6} mt={6}>
          <Text size="xs" c="dimmed">
            {t('requests.verification.scheduledAt')}
          </Text>
          <DualDate value={task.scheduledAt} withTime size="xs" />
        </Group>
      )}
      {task.location && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('requests.verification.location')}: {task.location}
        </Text>
      )}
      {task.findings && (
        <Text size="sm" mt="xs" className="wasl-timeline-note">
          {task.findings}
        </Text>
      )}
      {task.completedAt && (
        <Group gap={6} mt={4}>
          <Text size="xs" c="dimmed">
            {t('requests.verification.completedAt')}
          </Text>
          <DualDate value={task.completedAt} withTime size="xs" />
        </Group>
      )}
      {mayComplete &&
        (completing ? (
          <CompleteTaskForm task={task} requestId={request.id} onDone={() => setCompleting(false)} />
        ) : (
          <Button mt="sm" size="sm" variant="light" onClick={() => setCompleting(true)}>
            {t('requests.verification.complete', { mechanism })}
          </Button>
        ))}
    </Card>
  );
}

interface CompleteForm {
  findings: string;
  recommendation: Recommendation | '';
}

function CompleteTaskForm({
  task,
  requestId,
  onDone,
}: {
  task: VerificationTask;
  requestId: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm<CompleteForm>({
    resolver: formResolver<CompleteForm>(completeTaskSchema),
    defaultValues: { findings: '', recommendation: '' },
  });
  const mutation = useMutation({
    mutationFn: (values: CompleteForm) =>
      completeVerification(task.id, {
        findings: values.findings,
        recommendation: values.recommendation as Recommendation,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: requestKeys.detail(requestId) });
      notifications.show({ color: 'teal', message: t('requests.verification.completed') });
      onDone();
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, ['findings', 'recommendation']),
  });
  return (
    <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="sm" mt="sm">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Textarea
          label={t('requests.verification.findings')}
          description={t('requests.verification.findingsHint')}
          required
          autosize
          minRows={3}
          {...form.register('findings')}
          error={form.formState.errors.findings?.message}
        />
        <Controller
          control={form.control}
          name="recommendation"
          render={({ field, fieldState }) => (
            <Radio.Group
              label={t('requests.verification.recommendation')}
              required
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error ? t('validation.choose') : undefined}
            >
              <Group gap="lg" mt="xs">
                {recommendations.map((r) => (
                  <Radio key={r} value={r} label={t(`requests.verification.recommendations.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('requests.verification.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
