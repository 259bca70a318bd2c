import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  dashboardCalendars,
  dashboardQuerySchema,
  dashboardSchema,
  drillPageSchema,
  drillQuerySchema,
} from '../../../shared/contracts/dashboards';
import { actorContextOf } from '../../platform/http/context';
import type { DashboardsService } from './dashboards.service';

const tags = ['dashboards'];

// The contract's period dates parse typed input (Arabic-Indic digits); an answer only writes them.
const dashboardResponseSchema = dashboardSchema.extend({
  period: z.object({ from: z.string(), to: z.string(), calendar: z.enum(dashboardCalendars) }),
});

export const dashboardRoutes =
  (dashboards: DashboardsService): FastifyPluginAsyncZod =>
  async (app) => {
    // Counts only, no one's data.
    app.get(
      '/api/v1/dashboards/overview',
      {
        config: { access: 'dashboards.read', personalData: false },
        schema: { tags, querystring: dashboardQuerySchema, response: { 200: dashboardResponseSchema } },
      },
      (request) => dashboards.overview(actorContextOf(request), request.query),
    );
    // The cases behind a number (numbers and services, no names): a read of case data, audited.
    app.get(
      '/api/v1/dashboards/drill',
      {
        config: { access: 'dashboards.read', personalData: 'request' },
        schema: { tags, querystring: drillQuerySchema, response: { 200: drillPageSchema } },
      },
      (request) => dashboards.drill(actorContextOf(request), request.query),
    );
  };
