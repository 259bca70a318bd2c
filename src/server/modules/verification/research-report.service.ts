// تقرير البحث الاجتماعي — the researcher's report: the findings of every verification task gathered,
// a written assessment and a recommendation, submitted once and then read-only (printable as PDF).
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import { renderLetterPdf } from '../../platform/pdf/pdf';
import { logoBytes, type OrganizationService } from '../organizations/organizations.service';
import type { RequestService } from '../requests/requests.service';
import { findReport, listTasks, lockReport, upsertReport } from './verification.repository';

type Recommendation = 'eligible' | 'not_eligible' | 'needs_more';

export type ResearchReportService = ReturnType<typeof createResearchReportService>;

export function createResearchReportService(deps: {
  db: Db;
  clock: Clock;
  requests: RequestService;
  organizations: OrganizationService;
}) {
  const { db, clock, requests, organizations } = deps;

  async function find(organizationId: string, requestId: string) {
    const row = await findReport(db, organizationId, requestId);
    if (!row) return null;
    const r = row.report;
    return {
      id: r.id,
      requestId: r.requestId,
      bodyAr: r.bodyAr,
      recommendation: r.recommendation,
      status: r.status,
      authorName: row.authorName,
      updatedAt: r.updatedAt.toISOString(),
      submittedAt: r.submittedAt?.toISOString() ?? null,
    };
  }

  return {
    async getReport(ctx: ActorContext, requestId: string) {
      await requests.view(db, ctx, requestId);
      return { report: await find(ctx.actor.organizationId, requestId) };
    },

    async saveReport(
      ctx: ActorContext,
      requestId: string,
      input: { bodyAr: string; recommendation: Recommendation; submit: boolean },
    ) {
      await requests.view(db, ctx, requestId);
      await db.transaction(async (tx) => {
        const current = await lockReport(tx, ctx.actor.organizationId, requestId);
        if (current?.status === 'submitted')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: 'submitted' });
        const values = {
          bodyAr: input.bodyAr,
          recommendation: input.recommendation,
          status: input.submit ? ('submitted' as const) : ('draft' as const),
          authorId: ctx.actor.userId,
          updatedAt: clock.now(),
          submittedAt: input.submit ? clock.now() : null,
        };
        await upsertReport(tx, current?.id ?? null, {
          ...values,
          organizationId: ctx.actor.organizationId,
          requestId,
        });
        await recordAudit(tx, ctx, {
          action: input.submit ? 'verification.report.submit' : 'verification.report.save',
          entityType: 'request',
          entityId: requestId,
          details: { recommendation: input.recommendation },
        });
      });
      return { report: await find(ctx.actor.organizationId, requestId) };
    },

    async reportPdf(ctx: ActorContext, requestId: string) {
      const view = await requests.view(db, ctx, requestId);
      const report = await find(ctx.actor.organizationId, requestId);
      if (report?.status !== 'submitted') throw new AppError(404, 'NOT_FOUND');
      const tasks = await listTasks(db, ctx.actor.organizationId, requestId);
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      return renderLetterPdf({
        organizationNameAr: org.nameAr,
        organizationNameEn: org.nameEn,
        logo: logoBytes(org),
        digits: org.settings.digitStyle,
        // The report is an Arabic document (its body is written in Arabic); labels from the catalogue.
        title: message('ar', 'report.title', { number: view.request.number }),
        lines: [
          message('ar', 'report.subject', {
            name: view.beneficiaryName,
            fileNumber: view.beneficiaryFileNumber,
            service: view.serviceNameAr,
          }),
          ...report.bodyAr.split('\n'),
          message('ar', 'report.recommendation', {
            recommendation: message('ar', `recommendation.${report.recommendation}`),
          }),
          message('ar', 'report.author', { name: report.authorName ?? '' }),
        ],
        table: {
          headers: [
            message('ar', 'report.header.mechanism'),
            message('ar', 'report.header.findings'),
            message('ar', 'report.header.recommendation'),
          ],
          rows: tasks.map((t) => [
            message('ar', `mechanism.${t.mechanism}`),
            t.findings ?? '—',
            t.recommendation ? message('ar', `recommendation.${t.recommendation}`) : '—',
          ]),
        },
      });
    },
  };
}
