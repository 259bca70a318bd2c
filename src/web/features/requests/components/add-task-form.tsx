import { Button, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { localDate } from '../../../../shared/calendar';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import { addableMechanisms, taskAddableStatuses } from '../../../../shared/contracts/verification';
import { normalizeDigits } from '../../../../shared/digits';
import { can as rolesMay } from '../../../../shared/permissions';
import { ErrorAlert } from '../../../components/error-alert';
import { api, withQuery } from '../../../lib/api';
import { applyApiFieldErrors, formResolver } from '../../../lib/forms';
import { useCan, useMe } from '../../../lib/session';
import { requestKeys, type VerificationTask } from '../api';

type Mechanism = (typeof addableMechanisms)[number];

interface AddTaskValues {
  mechanism: Mechanism;
  assigneeId: string;
  dueOn: string;
}

/** Colleagues who may do verification work: active researchers and supervisors of the association. */
const verifiersQuery = {
  queryKey: [...requestKeys.all, 'verifiers'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api<{ items: { id: string; fullName: string; roles: string[] }[] }>(withQuery('/users/directory', {}), {
      signal,
    }).then((r) => r.items.filter((u) => rolesMay(u.roles, 'verification.work'))),
  staleTime: 5 * 60_000,
};

/**
 * «إضافة مقابلة أو زيارة»: staff who schedule verification add an interview or a field visit to the
 * request, whatever its service planned, for a colleague, by a day. A button that opens a dialog; the
 * server checks the colleague and the day again.
 */
export function AddTaskButton({ request }: { request: ServiceRequest }) {
  const { t } = useTranslation();
  const can = useCan();
  const [opened, { open, close }] = useDisclosure(false);
  const addable = (taskAddableStatuses as readonly string[]).includes(request.status);
  if (!can('verification.schedule') || !addable) return null;
  return (
    <>
      <Button
        variant="light"
        size="compact-sm"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={open}
        aria-haspopup="dialog"
      >
        {t('requests.addTask.button')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('requests.addTask.title', { number: request.number })}
        size="md"
      >
        {opened && <AddTaskForm request={request} onDone={close} />}
      </Modal>
    </>
  );
}

function AddTaskForm({ request, onDone }: { request: ServiceRequest; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const today = localDate(new Date(), me?.organization.settings.timeZone ?? 'Asia/Riyadh');
  const verifiers = useQuery(verifiersQuery);
  const schema = z.object({
    mechanism: z.enum(addableMechanisms),
    assigneeId: z.uuid(),
    dueOn: z.preprocess(
      (v) => (typeof v === 'string' ? normalizeDigits(v).trim() : v),
      z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/)
        .refine((v) => v >= today, { message: t('errors.DATE_IN_PAST') }),
    ),
  });
  const form = useForm<AddTaskValues>({
    resolver: formResolver<AddTaskValues>(schema),
    defaultValues: { mechanism: 'field_visit', assigneeId: '', dueOn: '' },
  });
  const mutation = useMutation({
    mutationFn: (values: AddTaskValues) =>
      api<VerificationTask>(`/requests/${encodeURIComponent(request.id)}/verifications`, {
        method: 'POST',
        body: values,
      }),
    onSuccess: async (task) => {
      notifications.show({
        color: 'teal',
        message: t('requests.addTask.added', {
          task: t(`requests.mechanisms.${task.mechanism}`),
          name: task.assigneeName ?? '',
        }),
      });
      onDone();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: requestKeys.detail(request.id) }),
        queryClient.invalidateQueries({ queryKey: ['verification'] }),
      ]);
    },
    onError: (error) => applyApiFieldErrors(error, form.setError, ['mechanism', 'assigneeId', 'dueOn']),
  });
  const options = (verifiers.data ?? []).map((u) => ({ value: u.id, label: u.fullName }));

  return (
    <form onSubmit={form.handleSubmit((values) => mutation.mutate(values))} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('requests.addTask.intro')}</Text>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        {verifiers.isError && <ErrorAlert error={verifiers.error} onRetry={() => void verifiers.refetch()} />}
        <Controller
          control={form.control}
          name="mechanism"
          render={({ field, fieldState }) => (
            <Radio.Group
              label={t('requests.addTask.mechanism')}
              required
              value={field.value}
              onChange={(v) => field.onChange(v as Mechanism)}
              error={fieldState.error?.message}
            >
              <Group gap="lg" mt="xs">
                {addableMechanisms.map((m) => (
                  <Radio key={m} value={m} label={t(`requests.mechanisms.${m}`)} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Controller
          control={form.control}
          name="assigneeId"
          render={({ field, fieldState }) => (
            <Select
              label={t('requests.addTask.assignee')}
              description={t('requests.addTask.assigneeHint')}
              placeholder={
                verifiers.isPending ? t('common.loading') : t('requests.addTask.assigneePlaceholder')
              }
              required
              searchable
              data={options}
              value={field.value || null}
              onChange={(v) => field.onChange(v ?? '')}
              onBlur={field.onBlur}
              ref={field.ref}
              error={
                fieldState.error
                  ? fieldState.error.type === 'server'
                    ? fieldState.error.message
                    : t('validation.choose')
                  : undefined
              }
              nothingFoundMessage={t('requests.addTask.noAssignees')}
            />
          )}
        />
        {verifiers.isSuccess && options.length === 0 && (
          <Text size="sm" c="orange.9">
            {t('requests.addTask.noAssignees')}
          </Text>
        )}
        <TextInput
          type="date"
          label={t('requests.addTask.dueOn')}
          description={t('requests.addTask.dueOnHint')}
          required
          min={today}
          {...form.register('dueOn')}
          error={form.formState.errors.dueOn?.message}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {t('requests.addTask.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
