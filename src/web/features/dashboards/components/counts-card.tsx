import { BarChart } from '@mantine/charts';
import { Card, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DrillMetric, LabelledCount } from '../../../../shared/contracts/dashboards';
import { useNumberFormat } from '../../../lib/numbers';
import { DrillNumber } from './drill';

interface CountsCardProps {
  title: string;
  /** What the first column names (a channel, a service, a stage…). */
  column: string;
  items: LabelledCount[];
  /** The drill-down of each row (`key` = the row's key); none for counts without rows behind them. */
  metric?: DrillMetric;
  color?: string;
  /** The web app's own name of a row (e.g. a stage, named as the request pages name it). */
  labelOf?: (item: LabelledCount) => string;
}

/**
 * Counts by a category: bars for the eye, and the same counts as a visible table whose numbers open the
 * rows behind them (the drawing itself is hidden from screen readers; the table is its equivalent).
 */
export function CountsCard({ title, column, items, metric, color = 'teal.6', ...props }: CountsCardProps) {
  const { t, i18n } = useTranslation();
  const format = useNumberFormat();
  const titleId = useId();
  const en = i18n.language === 'en';
  const rtl = i18n.dir() === 'rtl';
  const labelOf = props.labelOf ?? ((item: LabelledCount) => (en ? item.labelEn : item.labelAr));
  const total = items.reduce((sum, item) => sum + item.count, 0);
  const data = items.map((item) => ({ label: labelOf(item), count: item.count }));
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {title}
      </Title>
      {total === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboards.none')}
        </Text>
      ) : (
        <>
          <div aria-hidden="true" dir="ltr">
            <BarChart
              h={Math.max(120, items.length * 36 + 30)}
              data={data}
              dataKey="label"
              orientation="vertical"
              maxBarWidth={24}
              series={[{ name: 'count', label: column, color }]}
              accessibilityLayer={false}
              valueFormatter={(v) => format.number(v)}
              gridAxis="none"
              withTooltip={false}
              xAxisProps={{ allowDecimals: false, reversed: rtl, tick: { fontSize: 11 } }}
              yAxisProps={{ width: 110, orientation: rtl ? 'right' : 'left', tick: { fontSize: 11 } }}
            />
          </div>
          <Table mt="xs" verticalSpacing={4} fz="sm" aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{column}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('dashboards.count')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => {
                const shown = format.number(item.count);
                return (
                  <Table.Tr key={item.key}>
                    <Table.Th scope="row" fw={400}>
                      {labelOf(item)}
                    </Table.Th>
                    <Table.Td ta="end">
                      {metric && item.count > 0 ? (
                        <DrillNumber
                          drill={{ metric, key: item.key }}
                          label={t('dashboards.drill.open', { value: shown, what: labelOf(item) })}
                          className="dash-inline"
                        >
                          {shown}
                        </DrillNumber>
                      ) : (
                        shown
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
