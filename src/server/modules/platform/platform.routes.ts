import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createdPlatformOrganizationSchema,
  createPlatformOrganizationSchema,
  platformOperatorGrantSchema,
  platformOperatorResultSchema,
  platformOrganizationListQuerySchema,
  platformOrganizationListSchema,
  platformOrganizationSchema,
} from '../../../shared/contracts/platform';
import { actorContextOf } from '../../platform/http/context';
import type { PlatformService } from './platform.service';
import type { PlatformExportService } from './platform-export.service';

const idParams = z.object({ id: z.uuid() });
const tags = ['platform'];

/** The platform operator's routes: `platform` access, each working in the association it changes. */
export const platformRoutes =
  (platform: PlatformService, exports: PlatformExportService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/platform/organizations',
      {
        config: { access: 'platform' },
        schema: {
          tags,
          querystring: platformOrganizationListQuerySchema,
          response: { 200: platformOrganizationListSchema },
        },
      },
      (request) => platform.listOrganizations(request.query),
    );

    app.post(
      '/api/v1/platform/organizations',
      {
        config: { access: 'platform' },
        schema: {
          tags,
          body: createPlatformOrganizationSchema,
          response: { 201: createdPlatformOrganizationSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await platform.createOrganization(actorContextOf(request), request.body)),
    );

    app.post(
      '/api/v1/platform/organizations/:id/suspend',
      {
        config: { access: 'platform' },
        schema: { tags, params: idParams, response: { 200: platformOrganizationSchema } },
      },
      (request) => platform.suspendOrganization(actorContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/platform/organizations/:id/resume',
      {
        config: { access: 'platform' },
        schema: { tags, params: idParams, response: { 200: platformOrganizationSchema } },
      },
      (request) => platform.resumeOrganization(actorContextOf(request), request.params.id),
    );

    app.get(
      '/api/v1/platform/organizations/:id/export',
      {
        // Everything of the association, people included: the service audits it in that association.
        config: { access: 'platform', personalData: 'beneficiary' },
        schema: { tags, params: idParams },
      },
      async (request, reply) => {
        const archive = await exports.exportOrganization(actorContextOf(request), request.params.id);
        return reply
          .header('content-type', 'application/gzip')
          .header('content-disposition', `attachment; filename="${archive.filename}"`)
          .header('cache-control', 'no-store')
          .send(archive.stream);
      },
    );

    app.post(
      '/api/v1/platform/operators',
      {
        config: { access: 'platform' },
        schema: { tags, body: platformOperatorGrantSchema, response: { 200: platformOperatorResultSchema } },
      },
      (request) => platform.setOperator(actorContextOf(request), request.body),
    );
  };
