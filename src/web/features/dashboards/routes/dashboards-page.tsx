import { Button, Group, Select, SimpleGrid, Stack } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardSection } from '../../../../shared/contracts/dashboards';
import { EmptyBlock } from '../../../components/empty-block';
import { ErrorAlert } from '../../../components/error-alert';
import { PageHeader } from '../../../components/page-header';
import { ListSkeleton } from '../../../components/page-loader';
import { isDay, PeriodFields, type PeriodValue } from '../../../components/period-fields';
import { RequirePermission } from '../../../components/require-permission';
import { useOrgLists } from '../../../lib/org-lists';
import { serviceOptionsQuery } from '../../../lib/pick-lists';
import { useCan } from '../../../lib/session';
import { type DashboardFilters, type Drill, dashboardQuery, exportHref } from '../api';
import { CountsCard } from '../components/counts-card';
import { DrillContext } from '../components/drill';
import { DrillDrawer } from '../components/drill-drawer';
import { InTimeCard, OverdueCard, SatisfactionCard } from '../components/follow-up';
import { KpiCards } from '../components/kpi-cards';
import { StageTimesCard } from '../components/stage-times';
import { TrendCard } from '../components/trend-card';
import '../dashboards.css';
import type { DashboardSearch } from './search-params';

/**
 * «لوحة المؤشرات»: whether the promise is kept, where requests wait and for how long, and how the
 * follow-up goes — for the period and the calendar chosen (both in the address, so a link shares them).
 * Each role sees the sections the server sends, in the server's order; every number opens its rows.
 */
export function DashboardsPage() {
  return (
    <RequirePermission action="dashboards.read">
      <Dashboards />
    </RequirePermission>
  );
}

function Dashboards() {
  const { t, i18n } = useTranslation();
  const can = useCan();
  const search = useSearch({ strict: false }) as DashboardSearch;
  const navigate = useNavigate();
  const filters: DashboardFilters = useMemo(
    () => ({
      from: search.from,
      to: search.to,
      calendar: search.calendar ?? 'gregory',
      serviceId: search.serviceId,
    }),
    [search.from, search.to, search.calendar, search.serviceId],
  );
  const query = useQuery(dashboardQuery(filters));
  const services = useQuery({ ...serviceOptionsQuery, enabled: can('services.read') });
  const setSearch = (next: Partial<DashboardSearch>, replace = true) =>
    void navigate({ to: '/dashboards', search: { ...search, ...next } as never, replace });
  const drill: Drill | null = search.metric ? { metric: search.metric, key: search.key ?? '' } : null;
  const openDrill = (d: Drill) => setSearch({ metric: d.metric, key: d.key || undefined }, false);

  // Until the period is chosen, the inputs show the one the server answered for (the last 90 days).
  const period: PeriodValue = {
    from: search.from ?? query.data?.period.from ?? '',
    to: search.to ?? query.data?.period.to ?? '',
    calendar: filters.calendar,
  };
  const onPeriod = (next: Partial<PeriodValue>) => {
    const from = next.from ?? period.from;
    const to = next.to ?? period.to;
    const calendar = next.calendar ?? period.calendar;
    setSearch({
      from: isDay(from) ? from : undefined,
      to: isDay(to) ? to : undefined,
      calendar: calendar === 'hijri' ? 'hijri' : undefined,
    });
  };

  return (
    <DrillContext.Provider value={openDrill}>
      <PageHeader
        title={t('dashboards.title')}
        description={t('dashboards.description')}
        // The same figures as files (the reports module renders this very overview).
        actions={
          <>
            <Button
              component="a"
              href={exportHref(filters, 'xlsx')}
              download
              variant="default"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            >
              {t('dashboards.export.xlsx')}
            </Button>
            <Button
              component="a"
              href={exportHref(filters, 'pdf')}
              download
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
            >
              {t('dashboards.export.pdf')}
            </Button>
          </>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap" component="section" aria-label={t('dashboards.filters')}>
          <PeriodFields value={period} onChange={onPeriod} withPresets />
          {can('services.read') && (
            <Select
              label={t('dashboards.service')}
              placeholder={t('dashboards.allServices')}
              data={(services.data ?? []).map((s) => ({
                value: s.id,
                label: i18n.language === 'en' && s.nameEn ? s.nameEn : s.nameAr,
              }))}
              value={search.serviceId ?? null}
              onChange={(v) => setSearch({ serviceId: v ?? undefined })}
              clearable
              searchable
              w={{ base: '100%', xs: 220 }}
            />
          )}
        </Group>
        {query.isPending ? (
          <ListSkeleton rows={6} />
        ) : query.isError ? (
          <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          <div aria-busy={query.isFetching} className={query.isPlaceholderData ? 'dash-stale' : undefined}>
            <Sections dashboard={query.data} />
          </div>
        )}
      </Stack>
      <DrillDrawer
        filters={filters}
        drill={drill}
        dashboard={query.data}
        onClose={() => setSearch({ metric: undefined, key: undefined })}
      />
    </DrillContext.Provider>
  );
}

const followUp: DashboardSection[] = ['verification', 'referrals', 'inquiries', 'complaints', 'satisfaction'];

/** The sections in the server's order; consecutive follow-up ones side by side. */
function Sections({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const segments: (DashboardSection | ReactNode[])[] = [];
  for (const section of dashboard.sections) {
    if (section === 'requests') {
      segments.push(section);
      continue;
    }
    const card = followUpCard(section, dashboard, t);
    const last = segments.at(-1);
    if (!card) continue;
    if (Array.isArray(last)) last.push(card);
    else segments.push([card]);
  }
  return (
    <Stack gap="md">
      {segments.map((segment, i) =>
        Array.isArray(segment) ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the segments follow the fixed section order
          <SimpleGrid key={i} cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {segment}
          </SimpleGrid>
        ) : (
          <RequestsBlock key="requests" dashboard={dashboard} />
        ),
      )}
    </Stack>
  );
}

function followUpCard(section: DashboardSection, d: Dashboard, t: (key: string) => string): ReactNode | null {
  if (!followUp.includes(section)) return null;
  switch (section) {
    case 'verification':
      return d.verification ? (
        <OverdueCard
          key={section}
          title={t('dashboards.followUp.verification')}
          figures={d.verification}
          metric="overdue_verification"
        />
      ) : null;
    case 'referrals':
      return d.referrals ? (
        <OverdueCard
          key={section}
          title={t('dashboards.followUp.referrals')}
          figures={d.referrals}
          metric="overdue_referrals"
        />
      ) : null;
    case 'inquiries':
      return d.inquiries ? (
        <InTimeCard
          key={section}
          title={t('dashboards.followUp.inquiries')}
          doneLabel={t('dashboards.followUp.answered')}
          figures={{ ...d.inquiries, done: d.inquiries.answered, inTime: d.inquiries.answeredInTime }}
          lateMetric="inquiries_late"
        />
      ) : null;
    case 'complaints':
      return d.complaints ? (
        <InTimeCard
          key={section}
          title={t('dashboards.followUp.complaints')}
          doneLabel={t('dashboards.followUp.closed')}
          figures={{ ...d.complaints, done: d.complaints.closed, inTime: d.complaints.closedInTime }}
          lateMetric="complaints_late"
        />
      ) : null;
    case 'satisfaction':
      return d.satisfaction ? <SatisfactionCard key={section} figure={d.satisfaction} /> : null;
    default:
      return null;
  }
}

function RequestsBlock({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const { decisionBodyName } = useOrgLists();
  const body = decisionBodyName || t('requests.decisionBodyFallback');
  const r = dashboard.requests;
  if (!r) return null;
  const openNow = r.byStage.reduce((sum, s) => sum + s.count, 0);
  if (r.submitted === 0 && r.promise.decided === 0 && openNow === 0) {
    return <EmptyBlock title={t('dashboards.empty.title')} description={t('dashboards.empty.description')} />;
  }
  return (
    <Stack gap="md">
      <KpiCards requests={r} />
      <TrendCard trend={r.trend} calendar={dashboard.period.calendar} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CountsCard
          title={t('dashboards.byChannel')}
          column={t('dashboards.channel')}
          items={r.byChannel}
          metric="submitted"
        />
        <CountsCard
          title={t('dashboards.byService')}
          column={t('dashboards.serviceColumn')}
          items={r.byService}
          metric="submitted"
          color="indigo.6"
        />
        <CountsCard
          title={t('dashboards.byStage')}
          column={t('dashboards.stages.stage')}
          items={r.byStage}
          metric="open_by_stage"
          labelOf={(item) => t(`requests.status.${item.key}`, { body, defaultValue: item.labelAr })}
          color="cyan.7"
        />
        <CountsCard
          title={t('dashboards.backlog')}
          column={t('dashboards.age')}
          items={r.backlog}
          metric="backlog"
          color="orange.7"
        />
      </SimpleGrid>
      <StageTimesCard stageTimes={r.stageTimes} />
      <CountsCard
        title={t('dashboards.rejectionReasons')}
        column={t('dashboards.reason')}
        items={r.decisions.rejectionReasons}
        color="red.7"
      />
    </Stack>
  );
}
