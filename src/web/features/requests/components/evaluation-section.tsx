import { Badge, Card, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { shownDigits } from '../../../lib/numbers';
import { type Evaluation, evaluationQuery } from '../api';
import { formatNumber } from '../labels';

const outcomeColors = { pass: 'teal', fail: 'red', unknown: 'gray' } as const;
const recommendationColors: Record<Evaluation['recommendation'], string> = {
  eligible: 'teal',
  not_eligible: 'red',
  needs_review: 'orange',
};

/** The service's eligibility rules applied to this beneficiary: each criterion, and what they add up to. */
export function EvaluationSection({ requestId }: { requestId: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(evaluationQuery(requestId));
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="request-evaluation-title">
      <Title order={2} size="h5" id="request-evaluation-title" mb="sm">
        {t('requests.evaluation.title')}
      </Title>
      {query.isPending ? (
        <Skeleton height={80} />
      ) : query.isError ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.results.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('requests.evaluation.noRules')}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Badge color={recommendationColors[query.data.recommendation]} variant="filled" size="lg">
              {t(`requests.evaluation.recommendations.${query.data.recommendation}`)}
            </Badge>
            {query.data.maxPoints > 0 && (
              <Text size="sm">
                {t('requests.evaluation.points', {
                  points: n(query.data.points),
                  max: n(query.data.maxPoints),
                  threshold: n(query.data.threshold),
                })}
              </Text>
            )}
          </Group>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" aria-labelledby="request-evaluation-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('requests.evaluation.criterion')}</Table.Th>
                  <Table.Th>{t('requests.evaluation.outcome')}</Table.Th>
                  <Table.Th>{t('requests.evaluation.observed')}</Table.Th>
                  <Table.Th>{t('requests.evaluation.expected')}</Table.Th>
                  <Table.Th>{t('requests.evaluation.pointsColumn')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.results.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Text size="sm">
                        {t(`requests.evaluation.kinds.${r.kind}`, { defaultValue: r.kind })}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t(`requests.evaluation.modes.${r.mode}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={outcomeColors[r.outcome]} variant="light">
                        {t(`requests.evaluation.outcomes.${r.outcome}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {typeof r.observed === 'number' ? n(r.observed) : (r.observed ?? t('common.none'))}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{shownDigits(r.expected, i18n.language)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {r.mode === 'points' ? `${n(r.points)} / ${n(r.weight)}` : t('common.none')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Card>
  );
}
