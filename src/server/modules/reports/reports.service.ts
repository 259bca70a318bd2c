// التقارير — the dashboard as Excel and PDF (the same `overview` object the screen shows, so the figures
// cannot differ), and the governance evidence pack. The dashboard files hold counts only, like the overview;
// the pack names staff members who have not acknowledged the policy (staff, never beneficiaries): audited.
import type { DashboardQuery } from '../../../shared/contracts/dashboards';
import type { GovernancePackQuery } from '../../../shared/contracts/reports';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import type { Language } from '../../platform/http/errors';
import type { DashboardsService } from '../dashboards/dashboards.service';
import type { ImprovementService } from '../improvements/improvements.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { PolicyService } from '../policies/policies.service';
import { dashboardPdf } from './dashboard-pdf';
import { dashboardWorkbook } from './dashboard-workbook';
import { governancePackPdf, type PackPolicy } from './governance-pack';

export type ReportService = ReturnType<typeof createReportService>;

/** At most this many improvement actions are read for the pack (newest first). */
const maxImprovements = 600;

export function createReportService(deps: {
  db: Db;
  organizations: OrganizationService;
  dashboards: Pick<DashboardsService, 'overview'>;
  policies: Pick<PolicyService, 'list' | 'get' | 'acknowledgements'>;
  improvements: Pick<ImprovementService, 'list'>;
}) {
  const { db, organizations, dashboards, policies, improvements } = deps;

  /** The overview the reader sees, as a file: figures only (no one's data), so not audited, as the overview. */
  async function exported(
    ctx: ActorContext,
    query: DashboardQuery,
    format: 'xlsx' | 'pdf',
    language: Language,
  ) {
    const dashboard = await dashboards.overview(ctx, query);
    const org = await organizations.getOrganization(ctx.actor.organizationId, db);
    return format === 'xlsx'
      ? dashboardWorkbook(dashboard, org, language)
      : dashboardPdf(dashboard, org, language);
  }

  /** The policies (kind `policy`) with the versions published or in force in the period. */
  async function packPolicies(ctx: ActorContext, from: string, to: string): Promise<PackPolicy[]> {
    const { items } = await policies.list(ctx, { kind: 'policy' });
    const out: PackPolicy[] = [];
    for (const summary of items) {
      const detail = await policies.get(ctx, summary.id);
      const versions = detail.versions.filter(
        (v) =>
          v.status === 'published' ||
          (v.publishedAt !== null && v.publishedAt.slice(0, 10) <= to && (v.supersededAt ?? '9999') >= from),
      );
      const acks = await policies.acknowledgements(ctx, summary.id);
      out.push({
        titleAr: detail.titleAr,
        titleEn: detail.titleEn,
        versions: versions.map((v) => ({
          number: v.number,
          decisionNumber: v.decisionNumber,
          decisionDate: v.decisionDate,
          publishedAt: v.publishedAt,
        })),
        acknowledgements: acks.version
          ? {
              version: acks.version.number,
              acknowledged: acks.acknowledged.length,
              pending: acks.pending.map((p) => p.fullName),
            }
          : null,
      });
    }
    return out;
  }

  /** Improvement actions open at some time in the period: created by its end, not finished before it. */
  async function packImprovements(ctx: ActorContext, from: string, to: string) {
    const all = [];
    let cursor: string | undefined;
    do {
      const page = await improvements.list(ctx, { limit: 200, ...(cursor ? { cursor } : {}) });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && all.length < maxImprovements);
    return all.filter(
      (i) => i.createdAt.slice(0, 10) <= to && (i.completedAt === null || i.completedAt.slice(0, 10) >= from),
    );
  }

  return {
    overviewWorkbook: (ctx: ActorContext, query: DashboardQuery, language: Language) =>
      exported(ctx, query, 'xlsx', language),
    overviewPdf: (ctx: ActorContext, query: DashboardQuery, language: Language) =>
      exported(ctx, query, 'pdf', language),

    /** One PDF for the regulator's governance assessment (audited: it names staff members). */
    async governancePack(ctx: ActorContext, query: GovernancePackQuery, language: Language): Promise<Buffer> {
      const dashboard = await dashboards.overview(ctx, { ...query, calendar: 'gregory' });
      const { from, to } = dashboard.period;
      const org = await organizations.getOrganization(ctx.actor.organizationId, db);
      const pack = {
        dashboard,
        policies: await packPolicies(ctx, from, to),
        improvements: await packImprovements(ctx, from, to),
      };
      const pdf = await governancePackPdf(pack, org, language);
      await recordAudit(db, ctx, {
        action: 'reports.governance_pack',
        entityType: 'governance_pack',
        details: { from, to, policies: pack.policies.length, improvements: pack.improvements.length },
      });
      return pdf;
    },
  };
}
