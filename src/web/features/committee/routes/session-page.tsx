import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconSignature } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { PageLoader } from '../../../components/page-loader';
import { ReferenceLinks } from '../../../components/reference-links';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { Num } from '../../../lib/numbers';
import { useCan, useMe } from '../../../lib/session';
import { closeSession, committeeKeys, minutesPdfUrl, type Session, sessionQuery } from '../api';
import { AddAgendaForm } from '../components/add-agenda-form';
import { AgendaItemCard } from '../components/agenda-item-card';
import { SessionStatusBadge } from '../components/session-status-badge';

export function SessionPage() {
  return (
    <RequirePermission action="committee.read">
      <SessionView />
    </RequirePermission>
  );
}

function SessionView() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useMe();
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const query = useQuery(sessionQuery(sessionId));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  const session = query.data;
  const chair = session.members.find((m) => m.id === session.chairId);
  const isChair = session.chairId === me?.user.id;
  const isOpen = session.status === 'open';

  return (
    <>
      <Anchor component={Link} to="/committee" size="sm">
        {t('committee.backToList')}
      </Anchor>
      <PageHeader
        title={session.title}
        actions={
          <Group gap="xs">
            <SessionStatusBadge status={session.status} />
            {isOpen && isChair && <CloseSessionButton session={session} />}
          </Group>
        }
      />
      <ReferenceLinks context="committee" />
      <Stack gap="md">
        <Card withBorder padding="md" radius="md">
          <Group gap="xl" align="flex-start">
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('committee.fields.scheduledFor')}
              </Text>
              <DualDate value={session.scheduledFor} withTime />
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('committee.fields.chair')}
              </Text>
              <Text size="sm" fw={600}>
                {chair?.fullName ?? t('common.none')}
              </Text>
            </Stack>
            <Stack gap={2} style={{ flex: '1 1 16rem' }}>
              <Text size="xs" c="dimmed">
                {t('committee.fields.members')}
              </Text>
              <Text size="sm">
                {session.members.map((m) => m.fullName ?? t('common.none')).join(t('common.listSeparator'))}
              </Text>
            </Stack>
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                {t('committee.fields.quorum')}
              </Text>
              <Text size="sm" fw={600}>
                <Num value={session.quorum} />
              </Text>
            </Stack>
          </Group>
        </Card>

        <Card withBorder padding="md" radius="md" component="section" aria-labelledby="agenda-title">
          <Title order={2} size="h4" id="agenda-title" mb="sm">
            {t('committee.agenda.title')}
          </Title>
          {isOpen && can('committee.manage') && <AddAgendaForm session={session} />}
          {session.items.length === 0 ? (
            <EmptyBlock title={t('committee.agenda.empty')} />
          ) : (
            <Stack gap="md" component="ol" p={0} mt="md" mb={0} style={{ listStyle: 'none' }}>
              {session.items.map((item) => (
                <AgendaItemCard key={item.requestId} session={session} item={item} />
              ))}
            </Stack>
          )}
        </Card>

        {session.minutesAr && (
          <Card withBorder padding="md" radius="md" component="section" aria-labelledby="minutes-title">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="minutes-title">
                {t('committee.minutes.title')}
              </Title>
              <Button
                component="a"
                href={minutesPdfUrl(session.id)}
                target="_blank"
                rel="noreferrer"
                variant="light"
                leftSection={<IconFileTypePdf size={18} aria-hidden />}
              >
                {t('committee.minutes.pdf')}
              </Button>
            </Group>
            {session.closedAt && (
              <Group gap={6} mb="xs">
                <Text size="xs" c="dimmed">
                  {t('committee.minutes.closedAt')}
                </Text>
                <DualDate value={session.closedAt} withTime size="xs" />
              </Group>
            )}
            <Text className="pre-wrap" lang="ar" dir="rtl">
              {session.minutesAr}
            </Text>
          </Card>
        )}
      </Stack>
    </>
  );
}

/** The chair closes the session: the minutes are written and signed in the chair's name. */
function CloseSessionButton({ session }: { session: Session }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const undecided = session.items.filter((i) => i.outcome === null).length;
  const mutation = useMutation({
    mutationFn: () => closeSession(session.id),
    onSuccess: async (next) => {
      queryClient.setQueryData(committeeKeys.detail(session.id), next);
      await queryClient.invalidateQueries({ queryKey: committeeKeys.list });
      notifications.show({ color: 'teal', message: t('committee.close.done') });
      close();
    },
  });
  return (
    <>
      <Button color="dark" leftSection={<IconSignature size={18} aria-hidden />} onClick={open}>
        {t('committee.close.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('committee.close.title')}>
        <Stack gap="sm">
          <Text size="sm">{t('committee.close.explain')}</Text>
          {undecided > 0 && (
            <Alert color="yellow" variant="light">
              {t('committee.close.undecided', { count: undecided })}
            </Alert>
          )}
          {mutation.error && <ErrorAlert error={mutation.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="dark" loading={mutation.isPending} onClick={() => mutation.mutate()}>
              {t('committee.close.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
