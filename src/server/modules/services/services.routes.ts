import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  listServicesQuerySchema,
  serviceInputSchema,
  servicePageSchema,
  serviceSchema,
  serviceUpdateSchema,
} from '../../../shared/contracts/services';
import { actorContextOf } from '../../platform/http/context';
import type { CatalogService } from './services.service';

const tags = ['services'];

export const serviceRoutes =
  (catalog: CatalogService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/services',
      {
        config: { access: 'services.read' },
        schema: { tags, querystring: listServicesQuerySchema, response: { 200: servicePageSchema } },
      },
      (request) => catalog.listServices(actorContextOf(request), request.query),
    );
    app.post(
      '/api/v1/services',
      {
        config: { access: 'services.manage' },
        schema: { tags, body: serviceInputSchema, response: { 201: serviceSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await catalog.createService(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/services/:id',
      {
        config: { access: 'services.read' },
        schema: { tags, params: idParamsSchema, response: { 200: serviceSchema } },
      },
      (request) => catalog.getService(actorContextOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/services/:id',
      {
        config: { access: 'services.manage' },
        schema: { tags, params: idParamsSchema, body: serviceUpdateSchema, response: { 200: serviceSchema } },
      },
      (request) => catalog.updateService(actorContextOf(request), request.params.id, request.body),
    );
  };
