import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { correctionRequestSchema } from '../../../shared/contracts/beneficiaries';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  portalConsentInputSchema,
  portalConsentsSchema,
  portalCorrectionInputSchema,
  portalCreateRequestSchema,
  portalInfoReplySchema,
  portalMessageSchema,
  portalMyDataSchema,
  portalRequestSchema,
  portalRequestSummarySchema,
  portalServiceSchema,
  portalWithdrawSchema,
} from '../../../shared/contracts/portal-requests';
import { portalContextOf } from '../../platform/http/context';
import type { PortalMyDataService } from './portal-my-data.service';
import type { PortalRequestService } from './portal-requests.service';

const tags = ['portal'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
const access = { access: 'portal' as const };

/** The signed-in beneficiary's services, requests, messages and data (PORTAL-API.md, helper B). */
export const portalRequestRoutes =
  (portal: PortalRequestService, myData: PortalMyDataService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/portal/services',
      { config: access, schema: { tags, response: { 200: items(portalServiceSchema) } } },
      (request) => portal.listServices(portalContextOf(request)),
    );

    app.get(
      '/api/v1/portal/requests',
      { config: access, schema: { tags, response: { 200: items(portalRequestSummarySchema) } } },
      (request) => portal.listRequests(portalContextOf(request)),
    );

    app.post(
      '/api/v1/portal/requests',
      {
        config: access,
        schema: { tags, body: portalCreateRequestSchema, response: { 201: portalRequestSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await portal.createRequest(portalContextOf(request), request.body.serviceId)),
    );

    app.get(
      '/api/v1/portal/requests/:id',
      { config: access, schema: { tags, params: idParamsSchema, response: { 200: portalRequestSchema } } },
      (request) => portal.getRequest(portalContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/portal/requests/:id/submit',
      { config: access, schema: { tags, params: idParamsSchema, response: { 200: portalRequestSchema } } },
      (request) => portal.submit(portalContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/portal/requests/:id/info',
      {
        config: access,
        schema: {
          tags,
          params: idParamsSchema,
          body: portalInfoReplySchema,
          response: { 200: portalRequestSchema },
        },
      },
      (request) => portal.provideInfo(portalContextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/portal/requests/:id/withdraw',
      {
        config: access,
        schema: {
          tags,
          params: idParamsSchema,
          // The reason is optional, and so is the body.
          body: z.preprocess((v) => v ?? {}, portalWithdrawSchema),
          response: { 200: portalRequestSchema },
        },
      },
      (request) => portal.withdraw(portalContextOf(request), request.params.id, request.body.reason),
    );

    app.get(
      '/api/v1/portal/requests/:id/letter.pdf',
      { config: access, schema: { tags, params: idParamsSchema } },
      async (request, reply) => {
        const pdf = await portal.letterPdf(portalContextOf(request), request.params.id);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${pdf.fileName}"`)
          .send(pdf.data);
      },
    );

    app.get(
      '/api/v1/portal/messages',
      { config: access, schema: { tags, response: { 200: items(portalMessageSchema) } } },
      (request) => myData.messages(portalContextOf(request)),
    );

    app.get(
      '/api/v1/portal/my-data',
      { config: access, schema: { tags, response: { 200: portalMyDataSchema } } },
      (request) => myData.myData(portalContextOf(request)),
    );

    app.get(
      '/api/v1/portal/my-data/export',
      {
        config: access,
        schema: { tags, querystring: z.object({ format: z.enum(['json', 'html']).default('json') }) },
      },
      async (request, reply) => {
        const file = await myData.exportMyData(portalContextOf(request), request.query.format);
        return reply
          .type(file.type)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );

    app.post(
      '/api/v1/portal/corrections',
      {
        config: access,
        schema: { tags, body: portalCorrectionInputSchema, response: { 201: correctionRequestSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await myData.requestCorrection(portalContextOf(request), request.body)),
    );

    app.get(
      '/api/v1/portal/consents',
      { config: access, schema: { tags, response: { 200: portalConsentsSchema } } },
      (request) => myData.consents(portalContextOf(request)),
    );

    app.put(
      '/api/v1/portal/consents',
      {
        config: access,
        schema: { tags, body: portalConsentInputSchema, response: { 200: portalConsentsSchema } },
      },
      (request) => myData.setConsent(portalContextOf(request), request.body),
    );
  };
