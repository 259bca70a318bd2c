import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dashboardQuerySchema } from '../../../shared/contracts/dashboards';
import { governancePackQuerySchema } from '../../../shared/contracts/reports';
import { actorContextOf } from '../../platform/http/context';
import { languageOf } from '../../platform/http/errors';
import type { ReportService } from './reports.service';

const tags = ['reports'];
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const reportRoutes =
  (reports: ReportService): FastifyPluginAsyncZod =>
  async (app) => {
    // The dashboard's figures (counts, no one's data), as the reader sees them on screen.
    app.get(
      '/api/v1/dashboards/overview/export.xlsx',
      {
        config: { access: 'dashboards.read', personalData: false },
        schema: { tags, querystring: dashboardQuerySchema },
      },
      async (request, reply) => {
        const file = await reports.overviewWorkbook(
          actorContextOf(request),
          request.query,
          languageOf(request),
        );
        return reply
          .header('content-type', xlsx)
          .header('content-disposition', 'attachment; filename="dashboard.xlsx"')
          .send(file);
      },
    );
    app.get(
      '/api/v1/dashboards/overview/export.pdf',
      {
        config: { access: 'dashboards.read', personalData: false },
        schema: { tags, querystring: dashboardQuerySchema },
      },
      async (request, reply) => {
        const file = await reports.overviewPdf(actorContextOf(request), request.query, languageOf(request));
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="dashboard.pdf"')
          .send(file);
      },
    );
    // Names the staff members who have not acknowledged the policy: audited by the service.
    app.get(
      '/api/v1/reports/governance-pack.pdf',
      {
        config: { access: 'reports.governance', personalData: 'staff' },
        schema: { tags, querystring: governancePackQuerySchema },
      },
      async (request, reply) => {
        const file = await reports.governancePack(
          actorContextOf(request),
          request.query,
          languageOf(request),
        );
        return reply
          .header('content-type', 'application/pdf')
          .header('content-disposition', 'attachment; filename="governance-pack.pdf"')
          .send(file);
      },
    );
  };
