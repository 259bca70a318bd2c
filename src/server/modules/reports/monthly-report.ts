// The monthly report: on the first day of each month, for each active association, last month's
// dashboard (as a manager sees it) is e-mailed to every active manager — the key figures in the body and
// a link to the PDF in the app. Once per association and month (monthly_report_runs), whatever the
// number of runs; a suspended association gets none.
import { z } from 'zod';
import type { Dashboard } from '../../../shared/contracts/dashboards';
import type { Organization } from '../../../shared/contracts/organization';
import { isStaffRole } from '../../../shared/roles';
import type { Clock } from '../../platform/clock';
import { localToday } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { ActorContext } from '../../platform/http/context';
import type { Language } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { DashboardsService } from '../dashboards/dashboards.service';
import type { MessagingService } from '../messaging/messaging.service';
import type { OrganizationService } from '../organizations/organizations.service';
import { formatCount, formatShare } from './report-format';
import {
  activeManagers,
  claimMonthlyRun,
  organizationsForMonthlyReports,
  setRunRecipients,
} from './reports.repository';

export const monthlyReportJobName = 'reports.monthly';

export type MonthlyReports = ReturnType<typeof createMonthlyReports>;

/** The month before the one `today` (YYYY-MM-DD) falls in: its key and first and last days. */
export function previousMonth(today: string): { month: string; from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m - 1, 0));
  const to = last.toISOString().slice(0, 10);
  return { month: to.slice(0, 7), from: `${to.slice(0, 7)}-01`, to };
}

/** The e-mail's figures, in each language (numbers in the association's digits in Arabic). */
function figures(d: Dashboard, org: Organization, from: string) {
  const both = (f: (language: Language) => string) => ({ ar: f('ar'), en: f('en') });
  const count = (n: number | undefined) =>
    both((l) => (n === undefined ? message(l, 'report.none') : formatCount(n, l, org)));
  const share = (s: number | null | undefined) =>
    both((l) => (s === undefined ? message(l, 'report.none') : formatShare(s, l, org)));
  const month = both((l) =>
    new Intl.DateTimeFormat(l === 'ar' ? `ar-SA-u-ca-gregory-nu-${org.settings.digitStyle}` : 'en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${from}T12:00:00Z`)),
  );
  return {
    month,
    submitted: count(d.requests?.submitted),
    decided: count(d.requests?.promise.decided),
    share: share(d.requests?.promise.share),
    complaints: count(d.complaints?.closedInTime),
  };
}

export function createMonthlyReports(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  dashboards: Pick<DashboardsService, 'overview'>;
  messaging: Pick<MessagingService, 'notifyAddress'>;
  /** PUBLIC_URL, for the link to the PDF. */
  publicUrl?: string;
}) {
  const { db, clock, organizations, dashboards, messaging } = deps;
  const base = (deps.publicUrl ?? '').replace(/\/+$/, '');

  /** One association, in its own scope; returns how many managers were e-mailed (0 when already done). */
  function reportOrganization(organizationId: string): Promise<number> {
    return inTenant(db, { organizationId, userId: null }, async () => {
      const org = await organizations.getOrganization(organizationId, db);
      const period = previousMonth(localToday(clock, org.settings.timeZone));
      const runId = await claimMonthlyRun(db, organizationId, period.month);
      if (!runId) return 0;
      const managers = await activeManagers(db, organizationId);
      const first = managers[0];
      if (!first) return 0;
      // The dashboard as a manager reads it (the report goes to managers).
      const ctx: ActorContext = {
        actor: {
          userId: first.id,
          organizationId,
          fullName: first.fullName,
          email: first.email,
          roles: first.roles.filter(isStaffRole),
          sessionId: monthlyReportJobName,
        },
        ip: null,
        requestId: null,
        language: 'ar',
      };
      const dashboard = await dashboards.overview(ctx, {
        from: period.from,
        to: period.to,
        calendar: 'gregory',
      });
      const link = `${base}/api/v1/dashboards/overview/export.pdf?from=${period.from}&to=${period.to}`;
      const variables = { ...figures(dashboard, org, period.from), link };
      for (const manager of managers) {
        await messaging.notifyAddress(db, {
          organizationId,
          channel: 'email',
          recipient: manager.email,
          language: 'ar',
          template: 'monthly_report',
          variables,
          relatedType: 'monthly_report',
          relatedId: runId,
        });
      }
      await setRunRecipients(db, organizationId, runId, managers.length);
      return managers.length;
    });
  }

  return {
    reportOrganization,
    /** Every active association; returns how many managers were e-mailed. */
    async run(): Promise<number> {
      let total = 0;
      for (const id of await organizationsForMonthlyReports(db)) total += await reportOrganization(id);
      return total;
    },
  };
}

/** The first day of each month, 06:00 UTC (09:00 in Riyadh). */
export function monthlyReportJobs(reports: MonthlyReports): JobDefinition[] {
  return [
    {
      name: monthlyReportJobName,
      payloadSchema: z.object({}).loose(),
      cron: '0 6 1 * *',
      async handler() {
        await reports.run();
      },
    },
  ];
}
