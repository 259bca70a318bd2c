import { Card, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlarm, IconCalendarDue, IconPlayerPause } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ServiceRequest } from '../../../../shared/contracts/requests';
import { clockRunningStatuses } from '../../../../shared/requests/request-machine';
import { DualDate } from '../../../lib/dates';
import { formatNumber, useRequestLabels } from '../labels';

/** The promised decision date (policy step 5): Hijri and Gregorian, and how long is left. */
export function DecisionDateCard({ request }: { request: ServiceRequest }) {
  const { t, i18n } = useTranslation();
  const labels = useRequestLabels();
  const running = clockRunningStatuses.includes(request.status);
  const paused = request.status === 'needs_info';
  const decided = Boolean(request.decidedAt);
  const days = request.daysRemaining;
  const late = running && days !== null && days < 0;
  const n = (value: number) => formatNumber(value, i18n.language);

  return (
    <Card
      withBorder
      padding="md"
      className="wasl-decision-date"
      data-overdue={late || undefined}
      component="section"
      aria-labelledby="decision-date-title"
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <ThemeIcon variant="light" color={late ? 'red' : paused ? 'orange' : 'teal'} size="lg" aria-hidden>
          {late ? (
            <IconAlarm size={20} />
          ) : paused ? (
            <IconPlayerPause size={20} />
          ) : (
            <IconCalendarDue size={20} />
          )}
        </ThemeIcon>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="sm" fw={700} id="decision-date-title">
            {decided ? t('requests.page.decidedOn') : t('requests.page.expectedDecision')}
          </Text>
          {decided ? (
            <DualDate value={request.decidedAt} size="md" />
          ) : request.expectedDecisionAt ? (
            <>
              <DualDate value={request.expectedDecisionAt} size="md" />
              {running && days !== null && (
                <Text size="sm" fw={600} c={late ? 'red.8' : 'teal.8'} data-testid="days-remaining">
                  {late
                    ? t('requests.page.overdueBy', { count: -days, formatted: n(-days) })
                    : days === 0
                      ? t('requests.page.dueToday')
                      : t('requests.page.daysRemaining', { count: days, formatted: n(days) })}
                </Text>
              )}
              {paused && (
                <Text size="sm" c="orange.8">
                  {t('requests.page.clockPaused')}
                </Text>
              )}
              {running && (
                <Text size="xs" c="dimmed">
                  {t('requests.page.promiseNote', { body: labels.body })}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm">{t('common.none')}</Text>
          )}
        </Stack>
      </Group>
    </Card>
  );
}
