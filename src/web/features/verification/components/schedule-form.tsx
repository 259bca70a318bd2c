import { Button, Collapse, Group, Stack, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { api } from '../../../lib/api';
import { type VerificationTask, verificationKeys } from '../api';

/** `2025-03-01T10:30` in the browser's zone, as an ISO instant with offset. */
function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function isoToLocal(value: string | null): string {
  if (!value) return '';
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Sets when and where an interview or visit takes place. */
export function ScheduleForm({ task }: { task: VerificationTask }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { toggle }] = useDisclosure(false);
  const [when, setWhen] = useState(isoToLocal(task.scheduledAt));
  const [where, setWhere] = useState(task.location ?? '');
  const mutation = useMutation({
    mutationFn: () =>
      api<VerificationTask>(`/verifications/${encodeURIComponent(task.id)}`, {
        method: 'PATCH',
        body: { scheduledAt: localToIso(when), location: where },
      }),
    onSuccess: async () => {
      notifications.show({ color: 'teal', message: t('verification.task.scheduled') });
      await queryClient.invalidateQueries({ queryKey: verificationKeys.all });
    },
  });
  return (
    <Stack gap="xs">
      <Button
        variant="subtle"
        size="compact-sm"
        leftSection={<IconCalendarEvent size={16} aria-hidden />}
        onClick={toggle}
        aria-expanded={opened}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('verification.task.schedule')}
      </Button>
      <Collapse expanded={opened}>
        <Stack gap="xs">
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <TextInput
            type="datetime-local"
            label={t('verification.task.scheduledAt')}
            value={when}
            onChange={(e) => setWhen(e.currentTarget.value)}
          />
          <TextInput
            label={t('verification.task.location')}
            value={where}
            onChange={(e) => setWhere(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button onClick={() => mutation.mutate()} loading={mutation.isPending}>
              {t('verification.task.saveSchedule')}
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Stack>
  );
}
