import { Badge, Box, Card, Group, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconBrandWhatsapp, IconMail, IconMessage } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type NotificationChannel,
  notificationChannels,
  type OutboxMessage,
  outboxStatuses,
} from '../../../../shared/contracts/outbox';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { ExpandableText } from '../../../components/expandable-text';
import { LoadMore } from '../../../components/load-more';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { RequirePermission } from '../../../components/require-permission';
import { DualDate } from '../../../lib/dates';
import { Num } from '../../../lib/numbers';
import { outboxListQuery } from '../api';

type Status = (typeof outboxStatuses)[number];

// Recorded is grey, not green: no gateway took the message, so nobody has received it.
const statusColors: Record<Status, string> = {
  queued: 'blue',
  recorded: 'gray',
  sent: 'teal',
  delivered: 'green',
  failed: 'red',
};
const channelIcons = {
  sms: <IconMessage size={16} aria-hidden />,
  email: <IconMail size={16} aria-hidden />,
  whatsapp: <IconBrandWhatsapp size={16} aria-hidden />,
} satisfies Record<NotificationChannel, React.ReactNode>;

export function OutboxPage() {
  return (
    <RequirePermission action="outbox.list">
      <Outbox />
    </RequirePermission>
  );
}

function Outbox() {
  const { t } = useTranslation();
  const [channel, setChannel] = useState<NotificationChannel | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const query = useInfiniteQuery(
    outboxListQuery({ channel: channel ?? undefined, status: status ?? undefined }),
  );
  const messages = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(channel || status);

  return (
    <>
      <PageHeader title={t('outbox.title')} description={t('outbox.description')} />
      <Group gap="sm" mb="md" align="flex-end" role="search">
        <Select
          label={t('outbox.channel')}
          placeholder={t('common.all')}
          data={notificationChannels.map((c) => ({ value: c, label: t(`outbox.channels.${c}`) }))}
          value={channel}
          onChange={(v) => setChannel(v as NotificationChannel | null)}
          clearable
          style={{ flex: '1 1 10rem' }}
        />
        <Select
          label={t('outbox.status')}
          placeholder={t('common.all')}
          data={outboxStatuses.map((s) => ({ value: s, label: t(`outbox.statuses.${s}`) }))}
          value={status}
          onChange={(v) => setStatus(v as Status | null)}
          clearable
          style={{ flex: '1 1 10rem' }}
        />
      </Group>
      {query.isPending ? (
        <ListSkeleton />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : messages.length === 0 ? (
        <EmptyBlock
          title={filtered ? t('outbox.emptyFiltered') : t('outbox.empty')}
          description={filtered ? t('common.tryOtherFilters') : t('outbox.emptyHint')}
        />
      ) : (
        <>
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('outbox.title')}
          >
            {messages.map((message) => (
              <MessageCard key={message.id} message={message} />
            ))}
          </Stack>
          <LoadMore
            shown={messages.length}
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

function MessageCard({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder padding="md">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap="xs">
          <Badge variant="light" color="gray" leftSection={channelIcons[message.channel]}>
            {t(`outbox.channels.${message.channel}`)}
          </Badge>
          <Text fw={600} size="sm">
            <bdi dir="ltr">{message.recipient}</bdi>
          </Text>
        </Group>
        <Badge color={statusColors[message.status]}>{t(`outbox.statuses.${message.status}`)}</Badge>
      </Group>
      {message.subject && (
        <Text fw={600} mt="sm">
          {message.subject}
        </Text>
      )}
      <Box mt="xs">
        <ExpandableText>{message.body}</ExpandableText>
      </Box>
      {message.lastError && (
        <Text size="xs" c="red" mt="xs">
          {t('outbox.lastError')}: {message.lastError}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, sm: 4 }} spacing="sm" mt="sm">
        <Meta label={t('outbox.createdAt')}>
          <DualDate value={message.createdAt} withTime size="xs" />
        </Meta>
        <Meta label={t('outbox.sentAt')}>
          {message.sentAt ? <DualDate value={message.sentAt} withTime size="xs" /> : t('common.none')}
        </Meta>
        <Meta label={t('outbox.driver')}>{message.driver ?? t('common.none')}</Meta>
        <Meta label={t('outbox.attempts')}>
          <Num value={message.attempts} />
        </Meta>
        {message.notBefore && message.status === 'queued' && (
          <Meta label={t('messaging.outbox.notBefore')}>
            <DualDate value={message.notBefore} withTime size="xs" />
          </Meta>
        )}
        {message.deliveredAt && (
          <Meta label={t('messaging.outbox.deliveredAt')}>
            <DualDate value={message.deliveredAt} withTime size="xs" />
          </Meta>
        )}
      </SimpleGrid>
      {message.relatedType && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('outbox.related')}:{' '}
          {t(`audit.entityTypes.${message.relatedType}`, { defaultValue: message.relatedType })}{' '}
          <bdi dir="ltr">{message.relatedId}</bdi>
        </Text>
      )}
    </Card>
  );
}

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xs" component="div">
        {children}
      </Text>
    </Stack>
  );
}
