import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  answerInquirySchema,
  articlePageSchema,
  articleSchema,
  assignInquirySchema,
  createArticleSchema,
  createInquirySchema,
  inquiryPageSchema,
  inquirySchema,
  listArticlesQuerySchema,
  listInquiriesQuerySchema,
  publicKnowledgeParamsSchema,
  publishedArticleSchema,
  suggestionSchema,
  suggestQuerySchema,
  updateArticleSchema,
} from '../../../shared/contracts/inquiries';
import { actorContextOf, portalContextOf } from '../../platform/http/context';
import type { InquiryService } from './inquiries.service';
import type { KnowledgeService } from './knowledge.service';

const tags = ['inquiries'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const inquiryRoutes =
  (inquiries: InquiryService): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/v1/inquiries',
      {
        config: { access: 'inquiries.create' },
        schema: { tags, body: createInquirySchema, response: { 201: inquirySchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await inquiries.create(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/inquiries',
      {
        // Questions and callers' names: audited by the service (inquiries.list).
        config: { access: 'inquiries.read', personalData: 'beneficiary' },
        schema: { tags, querystring: listInquiriesQuerySchema, response: { 200: inquiryPageSchema } },
      },
      (request) => inquiries.list(actorContextOf(request), request.query),
    );
    app.get(
      '/api/v1/inquiries/:id',
      {
        config: { access: 'inquiries.read', personalData: 'beneficiary' },
        schema: { tags, params: idParamsSchema, response: { 200: inquirySchema } },
      },
      (request) => inquiries.get(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/inquiries/:id/assign',
      {
        config: { access: 'inquiries.assign' },
        schema: { tags, params: idParamsSchema, body: assignInquirySchema, response: { 200: inquirySchema } },
      },
      (request) => inquiries.assign(actorContextOf(request), request.params.id, request.body.assigneeId),
    );
    app.post(
      '/api/v1/inquiries/:id/answer',
      {
        config: { access: 'inquiries.answer' },
        schema: { tags, params: idParamsSchema, body: answerInquirySchema, response: { 200: inquirySchema } },
      },
      (request) => inquiries.answer(actorContextOf(request), request.params.id, request.body),
    );
  };

const knowledgeTags = ['knowledge'];

export const knowledgeRoutes =
  (knowledge: KnowledgeService): FastifyPluginAsyncZod =>
  async (app) => {
    // The knowledge base holds approved answers, no one's personal data.
    const read = { access: 'knowledge.read' as const, personalData: false as const };
    app.get(
      '/api/v1/knowledge',
      {
        config: read,
        schema: {
          tags: knowledgeTags,
          querystring: listArticlesQuerySchema,
          response: { 200: articlePageSchema },
        },
      },
      (request) => knowledge.list(actorContextOf(request), request.query),
    );
    app.get(
      '/api/v1/knowledge/suggest',
      {
        config: read,
        schema: {
          tags: knowledgeTags,
          querystring: suggestQuerySchema,
          response: { 200: items(suggestionSchema) },
        },
      },
      (request) => knowledge.suggest(actorContextOf(request), request.query.q, request.query.limit),
    );
    app.get(
      '/api/v1/knowledge/:id',
      {
        config: read,
        schema: { tags: knowledgeTags, params: idParamsSchema, response: { 200: articleSchema } },
      },
      (request) => knowledge.get(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/knowledge',
      {
        config: { access: 'knowledge.manage' },
        schema: { tags: knowledgeTags, body: createArticleSchema, response: { 201: articleSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await knowledge.create(actorContextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/knowledge/:id',
      {
        config: { access: 'knowledge.manage' },
        schema: {
          tags: knowledgeTags,
          params: idParamsSchema,
          body: updateArticleSchema,
          response: { 200: articleSchema },
        },
      },
      (request) => knowledge.update(actorContextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/knowledge/:id/approve',
      {
        config: { access: 'knowledge.approve' },
        schema: { tags: knowledgeTags, params: idParamsSchema, response: { 200: articleSchema } },
      },
      (request) => knowledge.approve(actorContextOf(request), request.params.id),
    );
    // Published: in the portal (a signed-in beneficiary) and on the association's public page.
    app.get(
      '/api/v1/portal/knowledge',
      {
        config: { access: 'portal', personalData: false },
        schema: { tags: knowledgeTags, response: { 200: items(publishedArticleSchema) } },
      },
      (request) => knowledge.published(portalContextOf(request)),
    );
    app.get(
      '/api/v1/public/:slug/knowledge',
      {
        config: { access: 'public' },
        schema: {
          tags: knowledgeTags,
          params: publicKnowledgeParamsSchema,
          response: { 200: items(publishedArticleSchema) },
        },
      },
      (request) => knowledge.publicArticles(request.params.slug),
    );
  };
