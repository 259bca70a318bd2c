import { Card, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type Figure, minAnswersShown } from '../../shared/contracts/surveys';
import { useNumberFormat } from '../lib/numbers';

export type Measure = 'csat' | 'average' | 'nps';

/**
 * One measure of a figure as the reader sees it: a hidden figure (fewer than five answers) never shows a
 * number, only «لا توجد إجابات كافية», so no one who answered can be told apart.
 */
export function useFigureText() {
  const { t } = useTranslation();
  const format = useNumberFormat();
  return (figure: Figure | null | undefined, measure: Measure): string => {
    if (!figure || figure.hidden) return t('surveys.results.notEnough');
    const value = figure[measure];
    if (value === null) return t('common.none');
    if (measure === 'csat') return format.percent(value / 100, { maximumFractionDigits: 0 });
    if (measure === 'average')
      return format.number(value, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
    return format.number(Math.round(value), { signDisplay: 'exceptZero' });
  };
}

/** How many answered: below five, only "fewer than five" (the count would point at the people). */
export function useAnswersText() {
  const { t } = useTranslation();
  const format = useNumberFormat();
  return (figure: Figure) =>
    figure.hidden
      ? t('surveys.results.fewerThan', { n: format.number(minAnswersShown) })
      : format.number(figure.answers);
}

interface StatProps {
  label: string;
  value: string;
  hint?: string;
  muted?: boolean;
}

export function StatCard({ label, value, hint, muted }: StatProps) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size={muted ? 'sm' : 'xl'} c={muted ? 'dimmed' : undefined} mt={4}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2}>
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** CSAT, average and NPS of one figure, as cards (the hidden ones say "not enough answers"). */
export function FigureCards({ figure }: { figure: Figure }) {
  const { t } = useTranslation();
  const text = useFigureText();
  return (
    <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
      {(['csat', 'average', 'nps'] as const).map((m) => (
        <StatCard key={m} label={t(`surveys.results.${m}`)} value={text(figure, m)} muted={figure.hidden} />
      ))}
    </SimpleGrid>
  );
}
