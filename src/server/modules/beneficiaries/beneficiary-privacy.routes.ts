import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  beneficiarySchema,
  beneficiarySummarySchema,
  correctionRequestInputSchema,
  correctionRequestSchema,
  resolveCorrectionSchema,
} from '../../../shared/contracts/beneficiaries';
import { idParamsSchema, textSchema } from '../../../shared/contracts/common';
import { actorContextOf } from '../../platform/http/context';
import type { BeneficiaryPrivacyService } from './beneficiary-privacy.service';

const tags = ['beneficiaries'];
const reasonSchema = z.object({ reason: textSchema(3, 500) });
const duplicatePairSchema = z.object({
  id: z.uuid(),
  reasons: z.array(z.string()),
  createdAt: z.string(),
  a: beneficiarySummarySchema,
  b: beneficiarySummarySchema,
});

export const beneficiaryPrivacyRoutes =
  (privacy: BeneficiaryPrivacyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/beneficiaries/duplicates',
      {
        config: { access: 'beneficiaries.review_duplicates' },
        schema: { tags, response: { 200: z.object({ items: z.array(duplicatePairSchema) }) } },
      },
      (request) => privacy.listDuplicates(actorContextOf(request)),
    );

    app.post(
      '/api/v1/beneficiaries/duplicates/:id/dismiss',
      {
        config: { access: 'beneficiaries.review_duplicates' },
        schema: { tags, params: idParamsSchema, body: reasonSchema, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await privacy.dismissDuplicate(actorContextOf(request), request.params.id, request.body.reason);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/v1/beneficiaries/duplicates/:id/merge',
      {
        config: { access: 'beneficiaries.review_duplicates' },
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({ keepId: z.uuid() }),
          response: { 200: beneficiarySchema },
        },
      },
      (request) => privacy.mergeDuplicate(actorContextOf(request), request.params.id, request.body.keepId),
    );

    app.get(
      '/api/v1/beneficiaries/:id/export',
      { config: { access: 'beneficiaries.export' }, schema: { tags, params: idParamsSchema } },
      async (request, reply) => {
        const data = await privacy.exportBeneficiary(actorContextOf(request), request.params.id);
        return reply
          .header('content-disposition', `attachment; filename="beneficiary-${data.profile.fileNumber}.json"`)
          .send(data);
      },
    );

    app.get(
      '/api/v1/beneficiaries/:id/export.html',
      { config: { access: 'beneficiaries.export' }, schema: { tags, params: idParamsSchema } },
      async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(await privacy.exportBeneficiaryHtml(actorContextOf(request), request.params.id)),
    );

    app.post(
      '/api/v1/beneficiaries/:id/legal-hold',
      {
        config: { access: 'beneficiaries.destroy' },
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({ hold: z.boolean(), reason: textSchema(3, 500) }),
          response: { 200: beneficiarySchema },
        },
      },
      (request) =>
        privacy.setLegalHold(
          actorContextOf(request),
          request.params.id,
          request.body.hold,
          request.body.reason,
        ),
    );

    app.post(
      '/api/v1/beneficiaries/:id/destroy',
      {
        config: { access: 'beneficiaries.destroy' },
        schema: { tags, params: idParamsSchema, body: reasonSchema, response: { 200: beneficiarySchema } },
      },
      (request) =>
        privacy.destroyBeneficiary(actorContextOf(request), request.params.id, request.body.reason),
    );

    app.get(
      '/api/v1/beneficiaries/:id/correction-requests',
      {
        config: { access: 'beneficiaries.read' },
        schema: {
          tags,
          params: idParamsSchema,
          response: { 200: z.object({ items: z.array(correctionRequestSchema) }) },
        },
      },
      (request) => privacy.listCorrections(actorContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/beneficiaries/:id/correction-requests',
      {
        config: { access: 'beneficiaries.update' },
        schema: {
          tags,
          params: idParamsSchema,
          body: correctionRequestInputSchema,
          response: { 201: correctionRequestSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await privacy.requestCorrection(actorContextOf(request), request.params.id, request.body)),
    );

    app.post(
      '/api/v1/beneficiaries/:id/correction-requests/:requestId/resolve',
      {
        config: { access: 'beneficiaries.change_status' },
        schema: {
          tags,
          params: z.object({ id: z.uuid(), requestId: z.uuid() }),
          body: resolveCorrectionSchema,
          response: { 200: correctionRequestSchema },
        },
      },
      (request) =>
        privacy.resolveCorrection(
          actorContextOf(request),
          request.params.id,
          request.params.requestId,
          request.body,
        ),
    );
  };
