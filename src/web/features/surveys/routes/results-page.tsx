import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type SurveyResults, surveyChannels } from '../../../../shared/contracts/surveys';
import { ErrorAlert } from '../../../components/error-alert';
import { OpenKioskLink } from '../../../components/kiosk-buttons';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { isDay, PeriodFields } from '../../../components/period-fields';
import { RequirePermission } from '../../../components/require-permission';
import { StatCard, useAnswersText, useFigureText } from '../../../components/satisfaction-figure';
import { useNumberFormat } from '../../../lib/numbers';
import { serviceOptionsQuery } from '../../../lib/pick-lists';
import { useCan } from '../../../lib/session';
import { exportHref, type ResultsFilters, surveyListQuery, surveyResultsQuery } from '../api';
import { Breakdowns } from '../components/breakdowns';
import { CommentsList } from '../components/comments-list';
import { TrendChart } from '../components/trend-chart';

/**
 * «نتائج الرضا»: the figures for development, not for blame (policy 002). The quality officer, the
 * manager and the auditor see every service; anyone else sees the service they gave («نتائج خدمتك»).
 * No page ranks staff.
 */
export function ResultsPage() {
  return (
    <RequirePermission action="surveys.results">
      <Results />
    </RequirePermission>
  );
}

function Results() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const all = can('surveys.results_all');
  const [surveyId, setSurveyId] = useState<string | null>(null);
  const [serviceId, setServiceId] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [calendar, setCalendar] = useState<'gregory' | 'hijri'>('hijri');
  const filters: ResultsFilters = {
    surveyId: (all && surveyId) || undefined,
    serviceId: serviceId ?? undefined,
    channel: channel ?? undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
    calendar,
  };
  const query = useQuery(surveyResultsQuery(filters));
  const surveys = useInfiniteQuery({ ...surveyListQuery, enabled: all && can('surveys.read') });
  const services = useQuery({ ...serviceOptionsQuery, enabled: can('services.read') });
  const own = query.data ? query.data.scope === 'own' : !all;
  const surveyData = (surveys.data?.pages.flatMap((p) => p.items) ?? []).map((s) => ({
    value: s.id,
    label: i18n.language === 'en' ? s.nameEn : s.nameAr,
  }));

  return (
    <>
      <PageHeader
        title={t(own ? 'surveys.results.ownTitle' : 'surveys.results.title')}
        description={t(own ? 'surveys.results.ownDescription' : 'surveys.results.description')}
        actions={
          <>
            <OpenKioskLink />
            {can('surveys.export') && (
              <Button
                component="a"
                href={exportHref(filters)}
                download
                variant="default"
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              >
                {t('surveys.results.export')}
              </Button>
            )}
          </>
        }
      />
      <Stack gap="md">
        <Group
          gap="sm"
          align="flex-end"
          wrap="wrap"
          component="section"
          aria-label={t('surveys.results.filters')}
        >
          {all && can('surveys.read') && (
            <Select
              label={t('surveys.results.survey')}
              placeholder={t('surveys.results.allSurveys')}
              data={surveyData}
              value={surveyId}
              onChange={setSurveyId}
              clearable
              searchable
              w={{ base: '100%', xs: 240 }}
            />
          )}
          {can('services.read') && (
            <Select
              label={t('surveys.results.service')}
              placeholder={t('surveys.designer.allServices')}
              data={(services.data ?? []).map((s) => ({
                value: s.id,
                label: i18n.language === 'en' && s.nameEn ? s.nameEn : s.nameAr,
              }))}
              value={serviceId}
              onChange={setServiceId}
              clearable
              searchable
              w={{ base: '100%', xs: 220 }}
            />
          )}
          <Select
            label={t('surveys.results.channel')}
            placeholder={t('surveys.results.allChannels')}
            data={surveyChannels.map((c) => ({ value: c, label: t(`surveys.channels.${c}`) }))}
            value={channel}
            onChange={setChannel}
            clearable
            w={{ base: '100%', xs: 180 }}
          />
          <PeriodFields
            value={{ from, to, calendar }}
            onChange={(next) => {
              if (next.from !== undefined) setFrom(next.from);
              if (next.to !== undefined) setTo(next.to);
              if (next.calendar) setCalendar(next.calendar);
            }}
          />
        </Group>
        {query.isPending ? (
          <ListSkeleton />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <>
            <Summary results={query.data} />
            <TrendChart trend={query.data.trend} calendar={calendar} />
            <Breakdowns results={query.data} />
          </>
        )}
        <CommentsList filters={filters} />
      </Stack>
    </>
  );
}

function Summary({ results }: { results: SurveyResults }) {
  const { t } = useTranslation();
  const format = useNumberFormat();
  const text = useFigureText();
  const answers = useAnswersText();
  const s = results.summary;
  return (
    <SimpleGrid
      cols={{ base: 2, sm: 3, lg: 5 }}
      spacing="sm"
      component="section"
      aria-label={t('surveys.results.summary')}
    >
      <StatCard
        label={t('surveys.results.csat')}
        value={text(s, 'csat')}
        muted={s.hidden}
        hint={t('surveys.results.csatHint')}
      />
      <StatCard
        label={t('surveys.results.average')}
        value={text(s, 'average')}
        muted={s.hidden}
        hint={t('surveys.results.averageHint')}
      />
      <StatCard
        label={t('surveys.results.nps')}
        value={text(s, 'nps')}
        muted={s.hidden}
        hint={t('surveys.results.npsHint')}
      />
      <StatCard
        label={t('surveys.results.responseRate')}
        value={
          s.hidden || s.responseRate === null
            ? t('surveys.results.notEnough')
            : format.percent(s.responseRate / 100, { maximumFractionDigits: 0 })
        }
        muted={s.hidden || s.responseRate === null}
        hint={t('surveys.results.invited', { n: format.number(s.invited) })}
      />
      <StatCard label={t('surveys.results.answers')} value={answers(s)} muted={s.hidden} />
    </SimpleGrid>
  );
}
