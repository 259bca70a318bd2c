import { Alert, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { ListSkeleton } from '../../../components/page-loader';
import { useNumberFormat } from '../../../lib/numbers';
import { evaluationQuery } from '../api';
import { outcomeColor, recommendationColor, useDescribeResult } from '../labels';

/** The rules' evaluation of a request, criterion by criterion, with what the system saw. */
export function EvaluationCard({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const { number: n } = useNumberFormat();
  const describe = useDescribeResult();
  const isPhone = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const query = useQuery(evaluationQuery(requestId));

  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby="evaluation-title">
      <Title order={2} size="h4" id="evaluation-title" mb="sm">
        {t('verification.evaluation.title')}
      </Title>
      {query.isPending ? (
        <ListSkeleton rows={3} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.results.length === 0 ? (
        <Text c="dimmed">{t('verification.evaluation.noRules')}</Text>
      ) : (
        <Stack gap="sm">
          <Group gap="sm" align="center">
            <Badge size="lg" color={recommendationColor[query.data.recommendation]}>
              {t(`verification.evalRecommendations.${query.data.recommendation}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('verification.evaluation.ruleVersion', { version: query.data.ruleVersion })}
            </Text>
          </Group>
          <Text size="sm">
            {t(`verification.evaluation.required.${query.data.requiredOutcome}`)}
            {query.data.maxPoints > 0 &&
              ` ${t('verification.evaluation.points', {
                points: query.data.points,
                max: query.data.maxPoints,
                threshold: query.data.threshold,
              })}`}
          </Text>
          {isPhone ? (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {query.data.results.map((r) => {
                const d = describe(r);
                return (
                  <Card key={r.id} withBorder padding="sm" component="li">
                    <Group justify="space-between" wrap="nowrap">
                      <Text fw={600}>{t(`verification.kinds.${r.kind}`)}</Text>
                      <Badge color={outcomeColor[r.outcome]} variant="light">
                        {t(`verification.outcomes.${r.outcome}`)}
                      </Badge>
                    </Group>
                    <Text size="xs" c="dimmed">
                      {t(`verification.modes.${r.mode}`)}
                      {r.mode === 'points' && ` · ${n(r.points)}/${n(r.weight)}`}
                    </Text>
                    <Text size="sm">
                      {t('verification.evaluation.expected')}: {d.expected}
                    </Text>
                    <Text size="sm">
                      {t('verification.evaluation.observed')}: {d.observed}
                    </Text>
                  </Card>
                );
              })}
            </Stack>
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table striped verticalSpacing="sm" aria-labelledby="evaluation-title">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('verification.evaluation.criterion')}</Table.Th>
                    <Table.Th>{t('verification.evaluation.expected')}</Table.Th>
                    <Table.Th>{t('verification.evaluation.observed')}</Table.Th>
                    <Table.Th>{t('verification.evaluation.outcome')}</Table.Th>
                    <Table.Th>{t('verification.evaluation.pointsColumn')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.results.map((r) => {
                    const d = describe(r);
                    return (
                      <Table.Tr key={r.id}>
                        <Table.Td>
                          <Text fw={600} size="sm">
                            {t(`verification.kinds.${r.kind}`)}
                          </Text>
                          <Text size="xs" c="dimmed">
                            {t(`verification.modes.${r.mode}`)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{d.expected}</Table.Td>
                        <Table.Td>{d.observed}</Table.Td>
                        <Table.Td>
                          <Badge color={outcomeColor[r.outcome]} variant="light">
                            {t(`verification.outcomes.${r.outcome}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {r.mode === 'points' ? `${n(r.points)}/${n(r.weight)}` : t('common.none')}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Alert variant="light" color="gray">
            {t('verification.evaluation.advisory')}
          </Alert>
        </Stack>
      )}
    </Card>
  );
}
