import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organizationSchema, updateOrganizationSchema } from '../../../shared/contracts/organization';
import { actorContextOf } from '../../platform/http/context';
import type { OrganizationService } from './organizations.service';

export const organizationRoutes =
  (organizations: OrganizationService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/organizations/current',
      {
        config: { access: 'organization.read' },
        schema: { tags: ['organizations'], response: { 200: organizationSchema } },
      },
      (request) => organizations.getOrganization(actorContextOf(request).actor.organizationId),
    );

    app.patch(
      '/api/v1/organizations/current',
      {
        config: { access: 'organization.update' },
        bodyLimit: 1_000_000,
        schema: {
          tags: ['organizations'],
          body: updateOrganizationSchema,
          response: { 200: organizationSchema },
        },
      },
      (request) => organizations.updateCurrentOrganization(actorContextOf(request), request.body),
    );
  };
