import { Card, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contracts/dashboards';
import { useNumberFormat } from '../../../lib/numbers';
import { useOrgLists } from '../../../lib/org-lists';

type StageTimes = NonNullable<Dashboard['requests']>['stageTimes'];

/** How long a request stays in each stage, in working days: the middle case and the slow tenth. */
export function StageTimesCard({ stageTimes }: { stageTimes: StageTimes }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const { decisionBodyName } = useOrgLists();
  const body = decisionBodyName || t('requests.decisionBodyFallback');
  const titleId = useId();
  const days = (v: number | null) =>
    v === null ? t('common.none') : format.number(v, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  const rows = stageTimes.filter((s) => s.count > 0);
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" id={titleId}>
        {t('dashboards.stages.title')}
      </Title>
      <Text size="sm" c="gray.7" mb="sm">
        {t('dashboards.stages.description')}
      </Text>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboards.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300}>
          <Table verticalSpacing={4} fz="sm" aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('dashboards.stages.stage')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboards.stages.count')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboards.stages.median')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboards.stages.p90')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.stage}>
                  <Table.Th scope="row" fw={400}>
                    {t(`requests.status.${s.stage}`, { body })}
                  </Table.Th>
                  <Table.Td ta="end">{format.number(s.count)}</Table.Td>
                  <Table.Td ta="end">{days(s.medianDays)}</Table.Td>
                  <Table.Td ta="end">{days(s.p90Days)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
