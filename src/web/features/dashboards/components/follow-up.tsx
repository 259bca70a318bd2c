import { Button, Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DrillMetric } from '../../../../shared/contracts/dashboards';
import { FigureCards, useAnswersText } from '../../../components/satisfaction-figure';
import { useNumberFormat } from '../../../lib/numbers';
import { DrillContext } from './drill';
import { Kpi } from './kpi-cards';

function SectionCard({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Card>
  );
}

const listProps = { component: 'ul', p: 0, m: 0, style: { listStyle: 'none' } } as const;

/** Field visits and checks, or referrals: how many are open, how many past their due date. */
export function OverdueCard({
  title,
  figures,
  metric,
}: {
  title: string;
  figures: { open: number; overdue: number };
  metric: DrillMetric;
}) {
  const { t } = useTranslation();
  return (
    <SectionCard title={title}>
      <SimpleGrid cols={2} spacing="sm" {...listProps}>
        <Kpi label={t('dashboards.followUp.open')} value={figures.open} />
        <Kpi
          label={t('dashboards.followUp.overdue')}
          value={figures.overdue}
          drill={{ metric, key: '' }}
          alert
        />
      </SimpleGrid>
    </SectionCard>
  );
}

interface InTimeFigures {
  received: number;
  done: number;
  inTime: number;
  share: number | null;
}

/** Inquiries answered, or complaints closed, within their due time; the late ones a click away. */
export function InTimeCard({
  title,
  doneLabel,
  figures,
  lateMetric,
}: {
  title: string;
  doneLabel: string;
  figures: InTimeFigures;
  lateMetric: DrillMetric;
}) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const open = useContext(DrillContext);
  return (
    <SectionCard title={title}>
      <Text fw={800} fz={32} lh={1.1} c="teal.9">
        {figures.share === null
          ? t('common.none')
          : format.percent(figures.share, { maximumFractionDigits: 0 })}
      </Text>
      <Text size="sm" c="gray.7" mb="sm">
        {figures.done === 0
          ? t('dashboards.followUp.noneDone')
          : t('dashboards.followUp.inTime', {
              inTime: format.number(figures.inTime),
              done: format.number(figures.done),
            })}
      </Text>
      <SimpleGrid cols={2} spacing="sm" {...listProps}>
        <Kpi label={t('dashboards.followUp.received')} value={figures.received} />
        <Kpi label={doneLabel} value={figures.done} />
      </SimpleGrid>
      <Button
        variant="subtle"
        size="compact-sm"
        mt="sm"
        onClick={() => open({ metric: lateMetric, key: '' })}
      >
        {t('dashboards.followUp.showLate')}
      </Button>
    </SectionCard>
  );
}

export function SatisfactionCard({ figure }: { figure: NonNullable<Dashboard['satisfaction']> }) {
  const { t } = useTranslation();
  const answers = useAnswersText();
  return (
    <SectionCard title={t('dashboards.satisfaction.title')}>
      {figure.hidden && (
        <Text size="sm" c="dimmed" mb="xs">
          {t('dashboards.satisfaction.notEnough')}
        </Text>
      )}
      <FigureCards figure={figure} />
      <Text size="xs" c="gray.7" mt="xs">
        {t('dashboards.satisfaction.answers', { n: answers(figure) })}
      </Text>
    </SectionCard>
  );
}
