import { Button, Code, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditEvent, auditOutcomes } from '../../../../shared/contracts/audit';
import { normalizeDigits } from '../../../../shared/digits';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { useRoleTitle } from '../../../lib/roles';
import { auditListQuery, dayEnd, dayStart } from '../api';
import { OutcomeBadge } from '../components/outcome-badge';

type Outcome = (typeof auditOutcomes)[number];

export function AuditPage() {
  return (
    <RequirePermission action="audit.list">
      <AuditLog />
    </RequirePermission>
  );
}

function AuditLog() {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 300);
  const [debouncedAction] = useDebouncedValue(action, 300);

  const query = useInfiniteQuery(
    auditListQuery({
      q: normalizeDigits(debouncedQ).trim() || undefined,
      action: debouncedAction.trim() || undefined,
      outcome: outcome ?? undefined,
      from: dayStart(from),
      to: dayEnd(to),
    }),
  );
  const events = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(debouncedQ || debouncedAction || outcome || from || to);
  const clear = () => {
    setQ('');
    setAction('');
    setOutcome(null);
    setFrom('');
    setTo('');
  };

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <Group gap="sm" mb="md" align="flex-end" role="search">
        <TextInput
          label={t('audit.search')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          style={{ flex: '2 1 14rem' }}
        />
        <TextInput
          label={t('audit.action')}
          placeholder={t('audit.actionPlaceholder')}
          dir="ltr"
          value={action}
          onChange={(e) => setAction(e.currentTarget.value)}
          style={{ flex: '1 1 10rem' }}
        />
        <Select
          label={t('audit.outcome')}
          placeholder={t('common.all')}
          data={auditOutcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))}
          value={outcome}
          onChange={(v) => setOutcome(v as Outcome | null)}
          clearable
          style={{ flex: '1 1 9rem' }}
        />
        <TextInput
          type="date"
          label={t('audit.from')}
          value={from}
          max={to || undefined}
          onChange={(e) => setFrom(e.currentTarget.value)}
          style={{ flex: '1 1 10rem' }}
        />
        <TextInput
          type="date"
          label={t('audit.to')}
          value={to}
          min={from || undefined}
          onChange={(e) => setTo(e.currentTarget.value)}
          style={{ flex: '1 1 10rem' }}
        />
        {filtered && (
          <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : events.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('audit.emptyFiltered') : t('audit.empty')}
          description={filtered ? t('common.tryOtherFilters') : undefined}
        />
      ) : (
        <>
          <AuditTable events={events} />
          <LoadMore
            shown={events.length}
            total={total}
            hasMore={Boolean(query.hasNextPage)}
            loading={query.isFetchingNextPage}
            onLoadMore={() => void query.fetchNextPage()}
          />
        </>
      )}
    </>
  );
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  const roleTitle = useRoleTitle();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped verticalSpacing="sm" aria-label={t('audit.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('audit.time')}</Table.Th>
            <Table.Th>{t('audit.actor')}</Table.Th>
            <Table.Th>{t('audit.action')}</Table.Th>
            <Table.Th>{t('audit.entity')}</Table.Th>
            <Table.Th>{t('audit.outcome')}</Table.Th>
            <Table.Th>{t('audit.ip')}</Table.Th>
            <Table.Th>{t('audit.requestId')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DualDate value={event.occurredAt} withTime />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {event.actorName ?? t('audit.system')}
                  </Text>
                  {event.actorRoles.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {event.actorRoles.map(roleTitle).join(t('common.listSeparator'))}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <Text size="sm">{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</Text>
                  <Code>{event.action}</Code>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm">
                    {t(`audit.entityTypes.${event.entityType}`, { defaultValue: event.entityType })}
                  </Text>
                  {event.entityId && (
                    <Code title={event.entityId} className="short-id">
                      {event.entityId}
                    </Code>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <OutcomeBadge outcome={event.outcome} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  <bdi dir="ltr">{event.ip ?? t('common.none')}</bdi>
                </Text>
              </Table.Td>
              <Table.Td>
                {event.requestId ? (
                  // Long ids are shortened on screen; the full id stays in the title and for copying.
                  <Code title={event.requestId} className="short-id">
                    {event.requestId}
                  </Code>
                ) : (
                  t('common.none')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
