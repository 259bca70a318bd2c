import { Card, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Figure, SurveyResults } from '../../../../shared/contracts/surveys';
import { useAnswersText, useFigureText } from '../../../components/satisfaction-figure';

interface Row {
  key: string;
  name: string;
  figure: Figure;
}

/** Satisfaction by service and by channel: rows with fewer than five answers say "not enough answers". */
export function Breakdowns({ results }: { results: SurveyResults }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const services: Row[] = results.byService.map((s) => ({
    key: s.serviceId ?? 'none',
    name: (en ? s.nameEn : s.nameAr) ?? s.nameAr ?? t('surveys.results.noService'),
    figure: s,
  }));
  const channels: Row[] = results.byChannel.map((c) => ({
    key: c.channel,
    name: t(`surveys.channels.${c.channel}`),
    figure: c,
  }));
  return (
    <>
      <BreakdownTable
        id="by-service"
        title={t('surveys.results.byService')}
        first={t('surveys.results.service')}
        rows={services}
      />
      <BreakdownTable
        id="by-channel"
        title={t('surveys.results.byChannel')}
        first={t('surveys.results.channel')}
        rows={channels}
      />
    </>
  );
}

function BreakdownTable({
  id,
  title,
  first,
  rows,
}: {
  id: string;
  title: string;
  first: string;
  rows: Row[];
}) {
  const { t } = useTranslation();
  const text = useFigureText();
  const answers = useAnswersText();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('surveys.results.noAnswers')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{first}</Table.Th>
                <Table.Th scope="col">{t('surveys.results.csat')}</Table.Th>
                <Table.Th scope="col">{t('surveys.results.average')}</Table.Th>
                <Table.Th scope="col">{t('surveys.results.nps')}</Table.Th>
                <Table.Th scope="col">{t('surveys.results.answers')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) =>
                row.figure.hidden ? (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row">{row.name}</Table.Th>
                    <Table.Td colSpan={3}>
                      <Text size="sm" c="dimmed">
                        {t('surveys.results.notEnough')}
                      </Text>
                    </Table.Td>
                    <Table.Td>{answers(row.figure)}</Table.Td>
                  </Table.Tr>
                ) : (
                  <Table.Tr key={row.key}>
                    <Table.Th scope="row">{row.name}</Table.Th>
                    <Table.Td>{text(row.figure, 'csat')}</Table.Td>
                    <Table.Td>{text(row.figure, 'average')}</Table.Td>
                    <Table.Td>{text(row.figure, 'nps')}</Table.Td>
                    <Table.Td>{answers(row.figure)}</Table.Td>
                  </Table.Tr>
                ),
              )}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
