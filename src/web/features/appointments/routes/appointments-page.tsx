import { Anchor, Badge, Button, Card, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../../shared/contracts/appointments';
import { normalizeDigits } from '../../../../shared/digits';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { KioskInviteButton } from '../../../components/kiosk-buttons';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { api, withQuery } from '../../../lib/api';
import { useCan } from '../../../lib/session';

const statusColors: Record<Appointment['status'], string> = {
  booked: 'blue',
  attended: 'teal',
  no_show: 'orange',
  cancelled: 'gray',
};

/** «مواعيد الاستقبال»: the counter's diary for a day; visits are booked from the beneficiary's file. */
export function AppointmentsPage() {
  return (
    <RequirePermission action="appointments.read">
      <Diary />
    </RequirePermission>
  );
}

function Diary() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [date, setDate] = useState(new Date().toLocaleDateString('en-CA'));
  const day = normalizeDigits(date);
  const query = useQuery({
    queryKey: ['appointments', 'day', day],
    queryFn: ({ signal }) =>
      api<{ items: Appointment[] }>(withQuery('/appointments', { date: day }), { signal }).then(
        (r) => r.items,
      ),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(day),
  });
  const mark = useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'attended' | 'no_show' | 'cancelled' }) =>
      api<Appointment>(`/appointments/${encodeURIComponent(id)}/status`, {
        method: 'POST',
        body: { status },
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['appointments'] }),
  });
  const time = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'ar-SA-u-nu-latn', {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Riyadh',
  });
  return (
    <>
      <PageHeader title={t('appointments.title')} description={t('appointments.description')} />
      <TextInput
        label={t('appointments.day')}
        type="date"
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
        maw={240}
        mb="md"
      />
      {mark.error && <ErrorAlert error={mark.error} />}
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <EmptyBlock title={t('appointments.empty')} description={t('appointments.emptyHint')} />
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('appointments.list')}
        >
          {query.data.map((a) => (
            <Card key={a.id} withBorder padding="sm" component="li">
              <Group justify="space-between" align="flex-start" gap="xs">
                <Stack gap={2}>
                  <Text fw={700}>
                    <bdi>{time.format(new Date(a.startsAt))}</bdi> — {a.beneficiaryName}
                  </Text>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/beneficiaries/${a.beneficiaryId}` as never} size="sm">
                      {t('appointments.file', { file: a.fileNumber })}
                    </Anchor>
                    {a.serviceName && <Text size="sm">{a.serviceName}</Text>}
                    {a.purpose && (
                      <Text size="sm" c="dimmed">
                        {a.purpose}
                      </Text>
                    )}
                  </Group>
                </Stack>
                <Badge color={statusColors[a.status]}>{t(`appointments.statuses.${a.status}`)}</Badge>
              </Group>
              {/* A visit served at the counter: the kiosk screen asks for a rating next (issue 13). */}
              {a.status === 'attended' && (
                <Group gap="xs" mt="xs">
                  <KioskInviteButton beneficiaryId={a.beneficiaryId} serviceId={a.serviceId} size="xs" />
                </Group>
              )}
              {a.status === 'booked' && can('appointments.manage') && (
                <Group gap="xs" mt="xs">
                  {(['attended', 'no_show', 'cancelled'] as const).map((status) => (
                    <Button
                      key={status}
                      size="xs"
                      variant={status === 'attended' ? 'light' : 'default'}
                      loading={
                        mark.isPending && mark.variables?.id === a.id && mark.variables.status === status
                      }
                      onClick={() => mark.mutate({ id: a.id, status })}
                    >
                      {t(`appointments.mark.${status}`)}
                    </Button>
                  ))}
                </Group>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </>
  );
}
