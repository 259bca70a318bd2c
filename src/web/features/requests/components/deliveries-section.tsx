import { Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { DualDate } from '../../../lib/dates';
import { deliveriesQuery } from '../api';
import { formatMoney, formatNumber } from '../labels';

/** What was delivered, when, how much (policy step 7). */
export function DeliveriesSection({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(deliveriesQuery(requestId));
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="request-deliveries-title">
      <Title order={2} size="h5" id="request-deliveries-title" mb="sm">
        {t('requests.deliveries.title')}
      </Title>
      {query.isPending ? (
        <Skeleton height={60} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.deliveries.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {query.data.map((d) => (
            <Card key={d.id} withBorder padding="xs" radius="sm">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {d.description}
                  </Text>
                  <Group gap="md">
                    {d.quantity !== null && (
                      <Text size="xs">
                        {t('requests.deliveries.quantity')}: {formatNumber(d.quantity, i18n.language)}
                      </Text>
                    )}
                    {d.amount !== null && (
                      <Text size="xs">
                        {t('requests.deliveries.amount')}: {formatMoney(d.amount, i18n.language)}
                      </Text>
                    )}
                    {d.deliveredByName && (
                      <Text size="xs">
                        {t('requests.deliveries.by')}: {d.deliveredByName}
                      </Text>
                    )}
                  </Group>
                </Stack>
                <DualDate value={`${d.deliveredOn}T12:00:00Z`} size="xs" />
              </Group>
            </Card>
          ))}
        </Stack>
      )}
    </Card>
  );
}
