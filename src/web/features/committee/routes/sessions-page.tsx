import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { ReferenceLinks } from '../../../components/reference-links';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { Num } from '../../../lib/numbers';
import { useOrgLists } from '../../../lib/org-lists';
import { useCan } from '../../../lib/session';
import { type SessionSummary, sessionsQuery } from '../api';
import { NewSessionModal } from '../components/new-session-modal';
import { SessionStatusBadge } from '../components/session-status-badge';

export function SessionsPage() {
  return (
    <RequirePermission action="committee.read">
      <Sessions />
    </RequirePermission>
  );
}

function Sessions() {
  const { t } = useTranslation();
  const can = useCan();
  const { decisionBodyName } = useOrgLists();
  const [opened, { open, close }] = useDisclosure(false);
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const sessions = useQuery(sessionsQuery);

  return (
    <>
      <PageHeader
        title={t('committee.title')}
        description={t('committee.description', { body: decisionBodyName || t('committee.defaultBody') })}
        actions={
          can('committee.manage') && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={open}>
              {t('committee.new.button')}
            </Button>
          )
        }
      />
      <ReferenceLinks context="committee" />
      {sessions.isPending ? (
        <ListSkeleton />
      ) : sessions.isError ? (
        <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <EmptyBlock title={t('committee.empty')} />
      ) : isPhone ? (
        <SessionCards sessions={sessions.data} />
      ) : (
        <SessionTable sessions={sessions.data} />
      )}
      {opened && <NewSessionModal opened={opened} onClose={close} />}
    </>
  );
}

function SessionTable({ sessions }: { sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('committee.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('committee.fields.title')}</Table.Th>
            <Table.Th>{t('committee.fields.scheduledFor')}</Table.Th>
            <Table.Th>{t('committee.fields.quorum')}</Table.Th>
            <Table.Th>{t('committee.fields.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/committee/${s.id}`} fw={600}>
                  {s.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <DualDate value={s.scheduledFor} withTime />
              </Table.Td>
              <Table.Td>
                <Num value={s.quorum} />
              </Table.Td>
              <Table.Td>
                <SessionStatusBadge status={s.status} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function SessionCards({ sessions }: { sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('committee.title')}
    >
      {sessions.map((s) => (
        <Card key={s.id} withBorder padding="sm" component="li">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Anchor component={Link} to={`/committee/${s.id}`} fw={600}>
              {s.title}
            </Anchor>
            <SessionStatusBadge status={s.status} />
          </Group>
          <DualDate value={s.scheduledFor} withTime size="xs" />
          <Text size="xs" c="dimmed">
            {t('committee.quorumOf', { quorum: s.quorum })}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
