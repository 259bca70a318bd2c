import { Card, Group, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { historyQuery } from '../api';
import { statusColors, useRequestLabels } from '../labels';
import { RequestStatusBadge } from './request-status-badge';

/** Every stage change, newest first: from → to, the action, who took it, why and when. */
export function HistoryTimeline({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation();
  const labels = useRequestLabels();
  const query = useQuery(historyQuery(requestId));
  const Arrow = i18n.dir(i18n.language) === 'rtl' ? IconArrowLeft : IconArrowRight;
  const items = [...(query.data ?? [])].reverse();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="request-history-title">
      <Title order={2} size="h5" id="request-history-title" mb="md">
        {t('requests.page.history')}
      </Title>
      {query.isPending ? (
        <Skeleton height={120} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {items.map((item) => (
            <Timeline.Item
              key={item.id}
              color={statusColors[item.to]}
              title={
                <Group gap={6} wrap="wrap">
                  <Text fw={600} size="sm">
                    {labels.action(item.action)}
                  </Text>
                  {item.from && (
                    <>
                      <RequestStatusBadge status={item.from} size="sm" />
                      <Arrow size={14} aria-label={t('requests.page.to')} />
                    </>
                  )}
                  <RequestStatusBadge status={item.to} size="sm" />
                </Group>
              }
            >
              <Stack gap={2} mt={4}>
                <Text size="xs" c="dimmed">
                  {item.actorName
                    ? t('requests.page.by', { name: item.actorName })
                    : t('requests.page.bySystem')}
                </Text>
                {item.note && (
                  <Text size="sm" className="wasl-timeline-note">
                    {item.note}
                  </Text>
                )}
                <DualDate value={item.at} withTime size="xs" />
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}
