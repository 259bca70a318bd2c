import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Num } from '../../../lib/numbers';
import type { WhatIfResult } from '../api';
import { recommendationColor } from '../labels';

function RecommendationBadge({ value }: { value: string }) {
  const { t } = useTranslation();
  const color = recommendationColor[value as keyof typeof recommendationColor] ?? 'gray';
  return (
    <Badge variant="light" color={color}>
      {t(`verification.evalRecommendations.${value}`, { defaultValue: value })}
    </Badge>
  );
}

/** What the draft rules would change, shown before they are published. */
export function WhatIfResultCard({ result, stale }: { result: WhatIfResult; stale: boolean }) {
  const { t } = useTranslation();
  const stats = [
    { label: t('verification.rules.whatIf.evaluated'), value: result.evaluated },
    { label: t('verification.rules.whatIf.changed'), value: result.changed },
    { label: t('verification.rules.whatIf.changedWithOpenRequest'), value: result.changedWithOpenRequest },
  ];
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="what-if-title">
      <Title order={2} size="h4" id="what-if-title" mb="sm">
        {t('verification.rules.whatIf.title')}
      </Title>
      {stale && (
        <Alert color="yellow" variant="light" mb="sm" icon={<IconAlertTriangle aria-hidden />}>
          {t('verification.rules.whatIf.stale')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" mb="md">
        {stats.map((s) => (
          <Card key={s.label} withBorder padding="sm" radius="md" bg="gray.0">
            <Text size="xs" c="dimmed">
              {s.label}
            </Text>
            <Text fw={700} size="xl">
              <Num value={s.value} />
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {result.sample.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('verification.rules.whatIf.noChanges')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {t('verification.rules.whatIf.sample')}
          </Text>
          <Table.ScrollContainer minWidth={520}>
            <Table striped verticalSpacing="xs" aria-label={t('verification.rules.whatIf.sample')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('verification.rules.whatIf.fileNumber')}</Table.Th>
                  <Table.Th>{t('verification.rules.whatIf.name')}</Table.Th>
                  <Table.Th>{t('verification.rules.whatIf.before')}</Table.Th>
                  <Table.Th>{t('verification.rules.whatIf.after')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.sample.map((row) => (
                  <Table.Tr key={row.beneficiaryId}>
                    <Table.Td>
                      <bdi>{row.fileNumber}</bdi>
                    </Table.Td>
                    <Table.Td>{row.fullNameAr}</Table.Td>
                    <Table.Td>
                      <RecommendationBadge value={row.before} />
                    </Table.Td>
                    <Table.Td>
                      <RecommendationBadge value={row.after} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
      <Group justify="flex-end" mt="xs">
        <Text size="xs" c="dimmed">
          {t('verification.rules.whatIf.elapsed', { ms: Math.round(result.elapsedMs) })}
        </Text>
      </Group>
    </Card>
  );
}
