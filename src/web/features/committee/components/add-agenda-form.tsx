import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { addToAgenda, committeeKeys, committeeQueueQuery, type Session } from '../api';

/** Puts a request that waits for the committee on this session's agenda. */
export function AddAgendaForm({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const queue = useQuery(committeeQueueQuery);
  const [requestId, setRequestId] = useState<string | null>(null);
  const onAgenda = new Set(session.items.map((i) => i.requestId));
  const options = (queue.data ?? [])
    .filter((r) => r.status === 'in_committee' && !onAgenda.has(r.id))
    .map((r) => ({ value: r.id, label: `${r.number} — ${r.beneficiaryName} (${r.serviceNameAr})` }));
  const mutation = useMutation({
    mutationFn: (id: string) => addToAgenda(session.id, id),
    onSuccess: (next) => {
      queryClient.setQueryData(committeeKeys.detail(session.id), next);
      notifications.show({ color: 'teal', message: t('committee.agenda.added') });
      setRequestId(null);
    },
  });
  if (queue.isSuccess && options.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('committee.agenda.queueEmpty')}
      </Text>
    );
  }
  return (
    <>
      {(mutation.error || queue.error) && <ErrorAlert error={mutation.error ?? queue.error} />}
      <Group align="flex-end" gap="sm">
        <Select
          label={t('committee.agenda.pick')}
          placeholder={queue.isPending ? t('common.loading') : undefined}
          data={options}
          value={requestId}
          onChange={setRequestId}
          searchable
          nothingFoundMessage={t('committee.agenda.queueEmpty')}
          style={{ flex: '1 1 18rem' }}
        />
        <Button
          leftSection={<IconPlus size={18} aria-hidden />}
          disabled={!requestId}
          loading={mutation.isPending}
          onClick={() => requestId && mutation.mutate(requestId)}
        >
          {t('committee.agenda.add')}
        </Button>
      </Group>
    </>
  );
}
