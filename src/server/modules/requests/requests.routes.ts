import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema, textSchema } from '../../../shared/contracts/common';
import { requestPageDataSchema } from '../../../shared/contracts/request-page';
import {
  createRequestSchema,
  deliverySchema,
  historyItemSchema,
  listRequestsQuerySchema,
  queueCountsSchema,
  referralInboxQuerySchema,
  referralInboxSchema,
  referralInputSchema,
  referralSchema,
  requestPageSchema,
  requestSchema,
  transitionSchema,
} from '../../../shared/contracts/requests';
import { actorContextOf } from '../../platform/http/context';
import type { ReferralService } from './referrals.service';
import type { RequestPageService } from './request-page.service';
import type { TransitionService } from './request-transitions.service';
import type { RequestService } from './requests.service';

const tags = ['requests'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const requestRoutes =
  (
    requests: RequestService,
    transitions: TransitionService,
    referrals: ReferralService,
    page: RequestPageService,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/requests',
      {
        config: { access: 'requests.read' },
        schema: { tags, querystring: listRequestsQuerySchema, response: { 200: requestPageSchema } },
      },
      (request) => requests.listRequests(actorContextOf(request), request.query),
    );
    app.get(
      '/api/v1/requests/queues',
      {
        // Counts per queue: no one's data.
        config: { access: 'requests.read', personalData: false },
        schema: { tags, response: { 200: queueCountsSchema } },
      },
      (request) => requests.queueCounts(actorContextOf(request)),
    );
    app.post(
      '/api/v1/requests',
      {
        config: { access: 'requests.create' },
        schema: { tags, body: createRequestSchema, response: { 201: requestSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await requests.createRequest(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/requests/:id',
      {
        config: { access: 'requests.read' },
        schema: { tags, params: idParamsSchema, response: { 200: requestSchema } },
      },
      (request) => requests.getRequest(actorContextOf(request), request.params.id),
    );
    app.get(
      '/api/v1/requests/:id/page',
      {
        // Everything the request page shows, in one read (decision 013); audited once, as a request read.
        config: { access: 'requests.read' },
        schema: { tags, params: idParamsSchema, response: { 200: requestPageDataSchema } },
      },
      (request) => page.pageData(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/requests/:id/transitions',
      {
        config: { access: 'requests.transition' },
        schema: { tags, params: idParamsSchema, body: transitionSchema, response: { 200: requestSchema } },
      },
      (request) => transitions.transition(actorContextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/requests/:id/history',
      {
        config: { access: 'requests.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items(historyItemSchema) } },
      },
      (request) => requests.history(actorContextOf(request), request.params.id),
    );
    app.get(
      '/api/v1/requests/:id/deliveries',
      {
        config: { access: 'requests.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items(deliverySchema) } },
      },
      (request) => requests.deliveries(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/requests/:id/assign',
      {
        config: { access: 'requests.assign' },
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({ assigneeId: z.uuid() }),
          response: { 200: requestSchema },
        },
      },
      (request) => requests.assign(actorContextOf(request), request.params.id, request.body.assigneeId),
    );
    app.get(
      '/api/v1/requests/:id/letter',
      { config: { access: 'requests.read' }, schema: { tags, params: idParamsSchema } },
      async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(await requests.letter(actorContextOf(request), request.params.id)),
    );
    app.get(
      '/api/v1/requests/:id/letter.pdf',
      { config: { access: 'requests.read' }, schema: { tags, params: idParamsSchema } },
      async (request, reply) => {
        const pdf = await requests.letterPdf(actorContextOf(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="${pdf.fileName}"`)
          .send(pdf.data);
      },
    );
    app.get(
      '/api/v1/requests/:id/referrals',
      {
        config: { access: 'requests.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items(referralSchema) } },
      },
      (request) => referrals.listForRequest(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/requests/:id/referrals',
      {
        config: { access: 'requests.refer' },
        schema: {
          tags,
          params: idParamsSchema,
          body: referralInputSchema,
          response: { 201: referralSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await referrals.refer(actorContextOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/v1/referrals',
      {
        config: { access: 'requests.read', personalData: 'request' },
        schema: { tags, querystring: referralInboxQuerySchema, response: { 200: referralInboxSchema } },
      },
      (request) => referrals.inbox(actorContextOf(request), request.query),
    );
    app.get(
      '/api/v1/referrals/mine',
      {
        config: { access: 'authenticated', personalData: 'request' },
        schema: { tags, response: { 200: items(referralSchema) } },
      },
      (request) => referrals.listMine(actorContextOf(request)),
    );
    app.post(
      '/api/v1/referrals/:id/answer',
      {
        config: { access: 'referrals.answer' },
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({ answer: textSchema(2, 2000) }),
          response: { 200: referralSchema },
        },
      },
      (request) => referrals.answer(actorContextOf(request), request.params.id, request.body.answer),
    );
  };
