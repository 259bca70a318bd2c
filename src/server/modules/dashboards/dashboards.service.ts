// لوحات المتابعة — the dashboards (issue 14, item 6): the figures of a period that managers, supervisors
// and the quality officer read, one section per kind of record the reader may read, and the rows behind
// every number. Owns no records: it counts the requests', referrals', verification's, inquiries' and
// complaints' rows (its repositories read their tables) and asks the surveys module for satisfaction.
// The reports module renders the same `overview` in Excel and PDF, so the figures cannot differ.
import { endOfLocalDay, localDate, localInstant } from '../../../shared/calendar';
import {
  backlogBuckets,
  type Dashboard,
  type DashboardQuery,
  type DashboardSection,
  type DrillMetric,
  type DrillQuery,
  dashboardSections,
  type LabelledCount,
} from '../../../shared/contracts/dashboards';
import { type Action, can } from '../../../shared/permissions';
import { requestStatuses } from '../../../shared/requests/request-machine';
import type { Clock } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { ActorContext } from '../../platform/http/context';
import { AppError, forbidden } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';
import type { OrganizationService } from '../organizations/organizations.service';
import type { ResultsService } from '../surveys/results.service';
import { monthOf, monthsBetween, quantile, shareOf } from './dashboards.figures';
import {
  complaintCounts,
  decisionCounts,
  type FigureWindow,
  inquiryCounts,
  openCounts,
  referralCounts,
  rejectionReasons,
  stayCounts,
  submittedCounts,
  verificationCounts,
} from './dashboards.repository';
import { drillRows, serviceNames } from './drill.repository';

export type DashboardsService = ReturnType<typeof createDashboardsService>;

/** What a reader must be allowed to read to see a section (contract: src/shared/contracts/dashboards.ts). */
const sectionPermission: Record<DashboardSection, Action> = {
  requests: 'requests.read',
  verification: 'verification.read',
  referrals: 'requests.read',
  inquiries: 'inquiries.read',
  complaints: 'complaints.read',
  satisfaction: 'surveys.results_all',
};

const metricSection: Record<DrillMetric, DashboardSection> = {
  submitted: 'requests',
  open_by_stage: 'requests',
  decided: 'requests',
  within_promise: 'requests',
  late_decision: 'requests',
  backlog: 'requests',
  overdue_requests: 'requests',
  overdue_referrals: 'referrals',
  overdue_verification: 'verification',
  inquiries_late: 'inquiries',
  complaints_late: 'complaints',
};

/** The default period: the last 90 days up to today; a longer one than ~3 years is refused. */
const defaultDays = 90;
const maxDays = 1100;
const dayMs = 86_400_000;
const daysBefore = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) - n * dayMs).toISOString().slice(0, 10);

const invalid = (field: string, code: string) =>
  new AppError(400, 'VALIDATION_FAILED', { fields: { [field]: code } });

/** The reasons shown, then the rejections whose reason too few shared, together as "other". */
function withOtherReasons(
  shown: LabelledCount[],
  rejected: number,
  label: (language: 'ar' | 'en') => string,
): LabelledCount[] {
  const other = rejected - shown.reduce((sum, r) => sum + r.count, 0);
  return other > 0 ? [...shown, labelled('other', other, label)] : shown;
}

function labelled(key: string, count: number, label: (language: 'ar' | 'en') => string): LabelledCount {
  return { key, labelAr: label('ar'), labelEn: label('en'), count };
}

function sumInto<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function sectionsFor(roles: readonly string[]): DashboardSection[] {
  return dashboardSections.filter((section) => can(roles, sectionPermission[section]));
}

export function createDashboardsService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  results: ResultsService;
}) {
  const { db, clock, organizations, results } = deps;

  async function windowOf(ctx: ActorContext, query: { from?: string; to?: string; serviceId?: string }) {
    const organizationId = ctx.actor.organizationId;
    const { settings } = await organizations.getOrganization(organizationId, db);
    const now = clock.now();
    const today = localDate(now, settings.timeZone);
    const to = query.to ?? today;
    const from = query.from ?? daysBefore(to, defaultDays - 1);
    if (from > to) throw invalid('from', 'INVALID_DATE');
    if (Date.parse(to) - Date.parse(from) > maxDays * dayMs) throw invalid('from', 'PERIOD_TOO_LONG');
    const window: FigureWindow = {
      organizationId,
      since: localInstant(from, '00:00', settings.timeZone),
      until: endOfLocalDay(to, settings.timeZone),
      from,
      to,
      now,
      today,
      timeZone: settings.timeZone,
      serviceId: query.serviceId ?? null,
      actorId: ctx.actor.userId,
      dayStart: (offset) => localInstant(daysBefore(today, -offset), '00:00', settings.timeZone),
    };
    return { window, from, to, settings };
  }

  /** The requests' figures, one statement each, in the request's one transaction (so one after another). */
  async function requestsSection(
    window: FigureWindow,
    settings: Awaited<ReturnType<OrganizationService['getOrganization']>>['settings'],
    calendar: DashboardQuery['calendar'],
  ): Promise<NonNullable<Dashboard['requests']>> {
    const submitted = await submittedCounts(db, window);
    const decisions = await decisionCounts(db, window);
    const reasons = await rejectionReasons(db, window);
    const open = await openCounts(db, window);
    const stays = await stayCounts(db, window);
    const services = await serviceNames(db, window.organizationId);
    const serviceById = new Map(services.map((s) => [s.id, s]));
    const channelByCode = new Map(settings.channels.map((c) => [c.code, c]));

    const byChannel = new Map<string, number>();
    const byService = new Map<string, number>();
    const trend = new Map<string, { submitted: number; decided: number; withinPromise: number }>();
    // One conversion per day, not per row (a Hijri date goes through Intl).
    const monthOfDay = new Map<string, string>();
    const month = (day: string) => {
      const key = monthOfDay.get(day) ?? monthOf(day, calendar);
      monthOfDay.set(day, key);
      const entry = trend.get(key) ?? { submitted: 0, decided: 0, withinPromise: 0 };
      trend.set(key, entry);
      return entry;
    };
    for (const row of submitted) {
      sumInto(byChannel, row.channel, row.n);
      sumInto(byService, row.serviceId, row.n);
      month(row.day).submitted += row.n;
    }
    let decided = 0;
    let within = 0;
    let rejected = 0;
    for (const row of decisions) {
      decided += row.n;
      if (row.within) within += row.n;
      if (row.rejected) rejected += row.n;
      const entry = month(row.day);
      entry.decided += row.n;
      if (row.within) entry.withinPromise += row.n;
    }

    const label = (key: MessageKey) => (language: 'ar' | 'en') => message(language, key);
    const byStage = requestStatuses
      .map((status) => ({ status, row: open.find((r) => r.status === status) }))
      .filter(({ row }) => row)
      .map(({ status, row }) => labelled(status, row!.n, label(`dashboard.stage.${status}` as MessageKey)));
    const bucketCounts = backlogBuckets.map((_, i) =>
      open.reduce((sum, r) => sum + (r[`b${i}` as 'b0' | 'b1' | 'b2' | 'b3'] ?? 0), 0),
    );

    const stageTimes = requestStatuses
      .map((stage) => {
        const lengths = stays.filter((s) => s.stage === stage).map((s) => ({ value: s.workingDays, n: s.n }));
        const count = lengths.reduce((sum, l) => sum + l.n, 0);
        return { stage, count, medianDays: quantile(lengths, 0.5), p90Days: quantile(lengths, 0.9) };
      })
      .filter((s) => s.count > 0);

    return {
      submitted: submitted.reduce((sum, r) => sum + r.n, 0),
      byChannel: [...byChannel]
        .map(([code, n]) =>
          labelled(code, n, (language) => {
            const channel = channelByCode.get(code);
            return channel ? (language === 'ar' ? channel.labelAr : channel.labelEn) : code;
          }),
        )
        .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
      byService: [...byService]
        .map(([id, n]) => ({
          key: id,
          labelAr: serviceById.get(id)?.nameAr ?? id,
          labelEn: serviceById.get(id)?.nameEn ?? id,
          count: n,
        }))
        .sort((a, b) => b.count - a.count || a.labelAr.localeCompare(b.labelAr, 'ar')),
      byStage,
      stageTimes,
      promise: { decided, withinPromise: within, share: shareOf(within, decided) },
      decisions: {
        approved: decided - rejected,
        rejected,
        rejectionReasons: withOtherReasons(
          reasons.map((r) => ({ key: r.key, labelAr: r.label, labelEn: r.label, count: r.n })),
          rejected,
          label('dashboard.reasons.other' as MessageKey),
        ),
      },
      backlog: backlogBuckets.map((bucket, i) =>
        labelled(bucket, bucketCounts[i]!, label(`dashboard.backlog.${bucket}` as MessageKey)),
      ),
      overdue: open.reduce((sum, r) => sum + r.overdue, 0),
      trend: monthsBetween(window.from, window.to, calendar).map((period) => {
        const entry = trend.get(period) ?? { submitted: 0, decided: 0, withinPromise: 0 };
        return { period, ...entry, share: shareOf(entry.withinPromise, entry.decided) };
      }),
    };
  }

  /** The dashboard of a period: the sections the reader's roles allow, and only those. */
  async function overview(ctx: ActorContext, query: DashboardQuery): Promise<Dashboard> {
    const scope = { organizationId: ctx.actor.organizationId, userId: ctx.actor.userId };
    return inTenant(db, scope, async () => {
      const { window, from, to, settings } = await windowOf(ctx, query);
      const sections = sectionsFor(ctx.actor.roles);
      const has = (section: DashboardSection) => sections.includes(section);
      const dashboard: Dashboard = {
        period: { from, to, calendar: query.calendar },
        generatedAt: window.now.toISOString(),
        sections,
      };
      if (has('requests')) dashboard.requests = await requestsSection(window, settings, query.calendar);
      if (has('verification')) dashboard.verification = await verificationCounts(db, window);
      if (has('referrals')) dashboard.referrals = await referralCounts(db, window);
      if (has('inquiries')) {
        const c = await inquiryCounts(db, window);
        dashboard.inquiries = {
          received: c.received,
          answered: c.done,
          answeredInTime: c.inTime,
          share: shareOf(c.inTime, c.inTime + c.late),
        };
      }
      if (has('complaints')) {
        const c = await complaintCounts(db, window);
        dashboard.complaints = {
          received: c.received,
          closed: c.done,
          closedInTime: c.inTime,
          share: shareOf(c.inTime, c.inTime + c.late),
        };
      }
      if (has('satisfaction')) {
        const { summary } = await results.results(ctx, {
          from,
          to,
          calendar: query.calendar,
          serviceId: query.serviceId,
        });
        const { answers, hidden, csat, average, nps } = summary;
        dashboard.satisfaction = { answers, hidden, csat, average, nps };
      }
      return dashboard;
    });
  }

  /** The rows behind one number, newest first; a metric of a section the reader may not see is refused. */
  async function drill(ctx: ActorContext, query: DrillQuery) {
    if (!sectionsFor(ctx.actor.roles).includes(metricSection[query.metric])) throw forbidden();
    const scope = { organizationId: ctx.actor.organizationId, userId: ctx.actor.userId };
    return inTenant(db, scope, async () => {
      const { window } = await windowOf(ctx, query);
      const offset = decodeOffset(query.cursor);
      const rows = await drillRows(db, window, query.metric, query.key, query.limit, offset);
      const total = rows[0]?.total ?? 0;
      const next = offset + rows.length;
      return {
        items: rows.map(({ total: _, at, dueAt, ...row }) => ({
          ...row,
          at: new Date(at).toISOString(),
          dueAt: dueAt ? new Date(dueAt).toISOString() : null,
        })),
        total,
        nextCursor: next < total ? encodeCursor([next]) : null,
      };
    });
  }

  return { overview, drill, sectionsFor };
}
