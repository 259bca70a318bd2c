import { Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/contracts/dashboards';
import { useNumberFormat } from '../../../lib/numbers';
import type { Drill } from '../api';
import { DrillNumber } from './drill';

type RequestFigures = NonNullable<Dashboard['requests']>;

interface KpiProps {
  label: string;
  value: number;
  drill?: Drill;
  hint?: ReactNode;
  alert?: boolean;
}

/** One count, the list behind it a click away. */
export function Kpi({ label, value, drill, hint, alert }: KpiProps) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const shown = format.number(value);
  const number = (
    <Text fw={700} fz={28} lh={1.2} c={alert && value > 0 ? 'red.9' : undefined} component="span">
      {shown}
    </Text>
  );
  return (
    <Card withBorder padding="sm" radius="md" component="li">
      <Stack gap={2}>
        <Text size="sm">{label}</Text>
        {drill && value > 0 ? (
          <DrillNumber drill={drill} label={t('dashboards.drill.open', { value: shown, what: label })}>
            {number}
          </DrillNumber>
        ) : (
          number
        )}
        {hint && (
          <Text size="xs" c="gray.7" component="div">
            {hint}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** A count inside a sentence, opening its rows (a zero stays plain text). */
export function InlineCount({ value, drill, what }: { value: number; drill: Drill; what: string }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const shown = format.number(value);
  if (value === 0) return <>{shown}</>;
  return (
    <DrillNumber
      drill={drill}
      label={t('dashboards.drill.open', { value: shown, what })}
      className="dash-inline"
    >
      {shown}
    </DrillNumber>
  );
}

/**
 * The promise first and big (policy: a decision within the promised working days), then what came in,
 * what is late now and how the decisions went.
 */
export function KpiCards({ requests }: { requests: RequestFigures }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const { promise, decisions } = requests;
  const late = promise.decided - promise.withinPromise;
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 6 }}
      spacing="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('dashboards.kpi.title')}
    >
      <Card withBorder padding="sm" radius="md" component="li" className="dash-promise">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('dashboards.kpi.promise')}
          </Text>
          <Group gap="xs" align="baseline" wrap="wrap">
            <Text fw={800} fz={40} lh={1.1} c="teal.9" data-testid="promise-share">
              {promise.share === null
                ? t('common.none')
                : format.percent(promise.share, { maximumFractionDigits: 0 })}
            </Text>
          </Group>
          <Text size="sm" c="gray.7" component="div">
            {promise.decided === 0 ? (
              t('dashboards.kpi.noDecisions')
            ) : (
              <>
                <InlineCount
                  value={promise.withinPromise}
                  drill={{ metric: 'within_promise', key: '' }}
                  what={t('dashboards.kpi.within')}
                />{' '}
                {t('dashboards.kpi.withinOf')}{' '}
                <InlineCount
                  value={promise.decided}
                  drill={{ metric: 'decided', key: '' }}
                  what={t('dashboards.kpi.decided')}
                />{' '}
                {t('dashboards.kpi.decidedWord')}
                {late > 0 && (
                  <>
                    {t('common.listSeparator')}
                    <InlineCount
                      value={late}
                      drill={{ metric: 'late_decision', key: '' }}
                      what={t('dashboards.kpi.late')}
                    />{' '}
                    {t('dashboards.kpi.lateWord')}
                  </>
                )}
              </>
            )}
          </Text>
        </Stack>
      </Card>
      <Kpi
        label={t('dashboards.kpi.submitted')}
        value={requests.submitted}
        drill={{ metric: 'submitted', key: '' }}
      />
      <Kpi
        label={t('dashboards.kpi.overdue')}
        value={requests.overdue}
        drill={{ metric: 'overdue_requests', key: '' }}
        hint={t('dashboards.kpi.overdueHint')}
        alert
      />
      <Kpi
        label={t('dashboards.kpi.approved')}
        value={decisions.approved}
        drill={{ metric: 'decided', key: 'approved' }}
      />
      <Kpi
        label={t('dashboards.kpi.rejected')}
        value={decisions.rejected}
        drill={{ metric: 'decided', key: 'rejected' }}
      />
    </SimpleGrid>
  );
}
