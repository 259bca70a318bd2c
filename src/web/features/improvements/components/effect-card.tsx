import { Card, Group, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { effectBaselineDays, type Improvement } from '../../../../shared/contracts/surveys';
import { StatCard, useAnswersText, useFigureText } from '../../../components/satisfaction-figure';
import { useNumberFormat } from '../../../lib/numbers';

/** The effect: the service's satisfaction before the action and after it (the same measure on the same service). */
export function EffectCard({ action }: { action: Improvement }) {
  const { t, i18n } = useTranslation();
  const format = useNumberFormat();
  const text = useFigureText();
  const answers = useAnswersText();
  const Arrow = i18n.dir() === 'rtl' ? IconArrowLeft : IconArrowRight;
  return (
    <Card withBorder component="section" aria-labelledby="effect-title">
      <Title order={2} size="h4" mb={4} id="effect-title">
        {t('improvements.effect.title')}
      </Title>
      {!action.serviceId || !action.effect ? (
        <Text size="sm" c="dimmed">
          {t('improvements.effect.noService')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('improvements.effect.hint', { days: format.number(effectBaselineDays) })}
          </Text>
          <Group gap="sm" align="stretch" wrap="nowrap">
            <div style={{ flex: 1 }}>
              <StatCard
                label={t('improvements.effect.before')}
                value={text(action.effect.before, 'csat')}
                muted={action.effect.before.hidden}
                hint={t('improvements.effect.answers', { n: answers(action.effect.before) })}
              />
            </div>
            <Arrow size={24} aria-hidden style={{ alignSelf: 'center', flexShrink: 0 }} />
            <div style={{ flex: 1 }}>
              <StatCard
                label={t('improvements.effect.after')}
                value={text(action.effect.after, 'csat')}
                muted={action.effect.after.hidden}
                hint={t('improvements.effect.answers', { n: answers(action.effect.after) })}
              />
            </div>
          </Group>
        </>
      )}
    </Card>
  );
}
