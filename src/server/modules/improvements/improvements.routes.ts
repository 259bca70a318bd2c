import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import { improvementListQuerySchema } from '../../../shared/contracts/improvements';
import {
  createImprovementSchema,
  improvementPageSchema,
  improvementSchema,
  updateImprovementSchema,
  youSaidWeDidSchema,
} from '../../../shared/contracts/surveys';
import { actorContextOf } from '../../platform/http/context';
import type { ImprovementService } from './improvements.service';

const tags = ['improvements'];
const read = { access: 'improvements.read' as const };
const manage = { access: 'improvements.manage' as const };

export const improvementRoutes =
  (improvements: ImprovementService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/improvement-actions',
      {
        config: read,
        schema: { tags, querystring: improvementListQuerySchema, response: { 200: improvementPageSchema } },
      },
      (request) => improvements.list(actorContextOf(request), request.query),
    );
    app.get(
      '/api/v1/improvement-actions/:id',
      { config: read, schema: { tags, params: idParamsSchema, response: { 200: improvementSchema } } },
      (request) => improvements.get(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/improvement-actions',
      {
        config: manage,
        schema: { tags, body: createImprovementSchema, response: { 201: improvementSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await improvements.create(actorContextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/improvement-actions/:id',
      {
        config: manage,
        schema: {
          tags,
          params: idParamsSchema,
          body: updateImprovementSchema,
          response: { 200: improvementSchema },
        },
      },
      (request) => improvements.update(actorContextOf(request), request.params.id, request.body),
    );
    // «قلتم، فعلنا» on the association's public page: no sign-in, published wording only.
    app.get(
      '/api/v1/public/:slug/you-said-we-did',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: z.object({ slug: z.string().min(1).max(60) }),
          response: { 200: youSaidWeDidSchema },
        },
      },
      (request) => improvements.youSaidWeDid(request.params.slug),
    );
  };
