import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardCalendar } from '../../../../shared/contracts/dashboards';
import { useNumberFormat } from '../../../lib/numbers';
import { usePeriodLabel } from '../../../lib/period-label';

type Trend = NonNullable<Dashboard['requests']>['trend'];

/**
 * Month by month, in the chosen calendar: what came in and what was decided, and the share decided by
 * the promised date. The drawings are hidden from screen readers; the table after them says the same.
 * Right to left, the months run from the right.
 */
export function TrendCard({ trend, calendar }: { trend: Trend; calendar: DashboardCalendar }) {
  const { t, i18n } = useTranslation();
  const format = useNumberFormat();
  const label = usePeriodLabel(calendar);
  const titleId = useId();
  const rtl = i18n.dir() === 'rtl';
  const percent = (share: number | null) =>
    share === null ? t('common.none') : format.percent(share, { maximumFractionDigits: 0 });
  const data = trend.map((m) => ({
    period: label(m.period),
    submitted: m.submitted,
    decided: m.decided,
    share: m.share === null ? null : Math.round(m.share * 100),
  }));
  const xAxisProps = { reversed: rtl, interval: 'preserveStartEnd' as const, tick: { fontSize: 11 } };
  const yAxis = { orientation: rtl ? ('right' as const) : ('left' as const), width: 44 };
  return (
    <Card withBorder component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {t('dashboards.trend.title')}
      </Title>
      {trend.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboards.empty.title')}
        </Text>
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-hidden="true" dir="ltr">
            <div data-testid="trend-counts">
              <LineChart
                h={240}
                data={data}
                dataKey="period"
                series={[
                  { name: 'submitted', label: t('dashboards.trend.submitted'), color: 'indigo.6' },
                  { name: 'decided', label: t('dashboards.trend.decided'), color: 'teal.7' },
                ]}
                curveType="linear"
                accessibilityLayer={false}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                valueFormatter={(v) => format.number(v)}
                xAxisProps={xAxisProps}
                yAxisProps={{ ...yAxis, allowDecimals: false }}
              />
            </div>
            <div>
              <LineChart
                h={240}
                data={data}
                dataKey="period"
                series={[{ name: 'share', label: t('dashboards.trend.share'), color: 'orange.7' }]}
                connectNulls={false}
                curveType="linear"
                accessibilityLayer={false}
                withLegend
                legendProps={{ verticalAlign: 'bottom' }}
                valueFormatter={(v) => format.percent(v / 100, { maximumFractionDigits: 0 })}
                xAxisProps={xAxisProps}
                yAxisProps={{ ...yAxis, domain: [0, 100] }}
              />
            </div>
          </SimpleGrid>
          <VisuallyHidden>
            <Table>
              <caption>{t('dashboards.trend.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('dashboards.trend.month')}</Table.Th>
                  <Table.Th scope="col">{t('dashboards.trend.submitted')}</Table.Th>
                  <Table.Th scope="col">{t('dashboards.trend.decided')}</Table.Th>
                  <Table.Th scope="col">{t('dashboards.trend.within')}</Table.Th>
                  <Table.Th scope="col">{t('dashboards.trend.share')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trend.map((m) => (
                  <Table.Tr key={m.period}>
                    <Table.Th scope="row">{label(m.period)}</Table.Th>
                    <Table.Td>{format.number(m.submitted)}</Table.Td>
                    <Table.Td>{format.number(m.decided)}</Table.Td>
                    <Table.Td>{format.number(m.withinPromise)}</Table.Td>
                    <Table.Td>{percent(m.share)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Card>
  );
}
