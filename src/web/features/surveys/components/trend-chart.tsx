import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Card, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SurveyResults } from '../../../../shared/contracts/surveys';
import { useAnswersText, useFigureText } from '../../../components/satisfaction-figure';
import { useNumberFormat } from '../../../lib/numbers';
import { usePeriodLabel } from '../../../lib/period-label';

type Calendar = 'gregory' | 'hijri';

/**
 * Satisfaction (CSAT %) month by month. A month with fewer than five answers is a gap in the line, with
 * the note under it; the table after the chart says the same for screen readers (the drawing is hidden
 * from them). Right to left, the months run from the right.
 */
export function TrendChart({ trend, calendar }: { trend: SurveyResults['trend']; calendar: Calendar }) {
  const { t, i18n } = useTranslation();
  const format = useNumberFormat();
  const label = usePeriodLabel(calendar);
  const text = useFigureText();
  const answers = useAnswersText();
  const rtl = i18n.dir() === 'rtl';
  const data = trend.map((m) => ({ period: label(m.period), csat: m.hidden ? null : m.csat }));
  const gaps = trend.filter((m) => m.hidden).length;
  return (
    <Card withBorder component="section" aria-labelledby="trend-title">
      <Title order={2} size="h4" mb="sm" id="trend-title">
        {t('surveys.results.trend')}
      </Title>
      {trend.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('surveys.results.noAnswers')}
        </Text>
      ) : (
        <>
          <div aria-hidden="true" dir="ltr">
            <LineChart
              h={260}
              data={data}
              dataKey="period"
              series={[{ name: 'csat', label: t('surveys.results.csat'), color: 'teal.6' }]}
              connectNulls={false}
              curveType="linear"
              accessibilityLayer={false}
              withLegend={false}
              valueFormatter={(v) => format.percent(v / 100, { maximumFractionDigits: 0 })}
              xAxisProps={{ reversed: rtl, interval: 'preserveStartEnd', tick: { fontSize: 11 } }}
              yAxisProps={{ domain: [0, 100], orientation: rtl ? 'right' : 'left', width: 44 }}
            />
          </div>
          {gaps > 0 && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('surveys.results.gapNote', { count: gaps, n: format.number(gaps) })}
            </Text>
          )}
          <VisuallyHidden>
            <Table>
              <caption>{t('surveys.results.trendCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('surveys.results.month')}</Table.Th>
                  <Table.Th scope="col">{t('surveys.results.csat')}</Table.Th>
                  <Table.Th scope="col">{t('surveys.results.average')}</Table.Th>
                  <Table.Th scope="col">{t('surveys.results.answers')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {trend.map((m) => (
                  <Table.Tr key={m.period}>
                    <Table.Th scope="row">{label(m.period)}</Table.Th>
                    <Table.Td>{text(m, 'csat')}</Table.Td>
                    <Table.Td>{text(m, 'average')}</Table.Td>
                    <Table.Td>{answers(m)}</Table.Td>
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
