import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPageSchema, listAuditQuerySchema } from '../../../shared/contracts/audit';
import { actorContextOf } from '../../platform/http/context';
import type { AuditService } from './audit.service';

export const auditRoutes =
  (audit: AuditService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/audit-events',
      {
        config: { access: 'audit.list' },
        schema: { tags: ['audit'], querystring: listAuditQuerySchema, response: { 200: auditPageSchema } },
      },
      (request) => audit.listAuditEvents(actorContextOf(request), request.query),
    );
  };
