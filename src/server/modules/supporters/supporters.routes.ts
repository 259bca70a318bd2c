import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  supporterContactInputSchema,
  supporterDetailSchema,
  supporterInputSchema,
  supporterSchema,
  supportersQuerySchema,
  supporterUpdateSchema,
} from '../../../shared/contracts/supporters';
import { actorContextOf } from '../../platform/http/context';
import type { SupporterService } from './supporters.service';

const tags = ['supporters'];

export const supporterRoutes =
  (supporters: SupporterService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/supporters',
      {
        config: { access: 'supporters.read' },
        schema: {
          tags,
          querystring: supportersQuerySchema,
          response: { 200: z.object({ items: z.array(supporterSchema) }) },
        },
      },
      (request) => supporters.list(actorContextOf(request), request.query),
    );
    app.post(
      '/api/v1/supporters',
      {
        config: { access: 'supporters.manage' },
        schema: { tags, body: supporterInputSchema, response: { 201: supporterDetailSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await supporters.create(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/supporters/:id',
      {
        config: { access: 'supporters.read' },
        schema: { tags, params: idParamsSchema, response: { 200: supporterDetailSchema } },
      },
      (request) => supporters.get(actorContextOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/supporters/:id',
      {
        config: { access: 'supporters.manage' },
        schema: {
          tags,
          params: idParamsSchema,
          body: supporterUpdateSchema,
          response: { 200: supporterDetailSchema },
        },
      },
      (request) => supporters.update(actorContextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/supporters/:id/contacts',
      {
        config: { access: 'supporters.manage' },
        schema: {
          tags,
          params: idParamsSchema,
          body: supporterContactInputSchema,
          response: { 200: supporterDetailSchema },
        },
      },
      (request) => supporters.addContact(actorContextOf(request), request.params.id, request.body),
    );
  };
