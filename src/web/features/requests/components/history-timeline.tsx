import { Card, Skeleton, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { historyQuery } from '../api';
import { statusColors, useHistoryWords } from '../labels';

/**
 * Everything that happened to the request, newest first, each as a sentence: what happened, the status
 * change when there was one, the note or reason, who did it and when.
 */
export function HistoryTimeline({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const words = useHistoryWords();
  const query = useQuery(historyQuery(requestId));
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
          {items.map((item) => {
            const said = words(item);
            return (
              <Timeline.Item
                key={item.id}
                color={statusColors[item.to]}
                data-testid="history-event"
                title={
                  <Text fw={600} size="sm">
                    {said.sentence}
                  </Text>
                }
              >
                <Stack gap={2} mt={4}>
                  {said.statusChange && <Text size="sm">{said.statusChange}</Text>}
                  {said.note && (
                    <Text size="sm" className="wasl-timeline-note">
                      {said.note}
                    </Text>
                  )}
                  <Text size="xs" c="gray.7">
                    {item.actorName
                      ? t('requests.page.by', { name: item.actorName })
                      : t('requests.page.bySystem')}
                  </Text>
                  <DualDate value={item.at} withTime size="xs" />
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Card>
  );
}
