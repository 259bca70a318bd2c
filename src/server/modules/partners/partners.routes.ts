import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  partnerInputSchema,
  partnerReferralInputSchema,
  partnerReferralSchema,
  partnerSchema,
} from '../../../shared/contracts/partners';
import { actorContextOf } from '../../platform/http/context';
import type { PartnerService } from './partners.service';

const tags = ['partners'];
const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

export const partnerRoutes =
  (partners: PartnerService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/partners',
      {
        // A partner's desk contact is not a beneficiary's personal data: the list is not audited per read.
        config: { access: 'partners.read', personalData: false },
        schema: {
          tags,
          querystring: z.object({ active: z.enum(['true', 'false']).optional() }),
          response: { 200: items(partnerSchema) },
        },
      },
      (request) => partners.list(actorContextOf(request), request.query.active === 'true'),
    );
    app.post(
      '/api/v1/partners',
      {
        config: { access: 'partners.manage' },
        schema: { tags, body: partnerInputSchema, response: { 201: partnerSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await partners.create(actorContextOf(request), request.body)),
    );
    app.patch(
      '/api/v1/partners/:id',
      {
        config: { access: 'partners.manage' },
        schema: {
          tags,
          params: idParamsSchema,
          body: partnerInputSchema.partial(),
          response: { 200: partnerSchema },
        },
      },
      (request) => partners.update(actorContextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/beneficiaries/:id/partner-referrals',
      {
        config: { access: 'beneficiaries.read' },
        schema: { tags, params: idParamsSchema, response: { 200: items(partnerReferralSchema) } },
      },
      (request) => partners.referralsOf(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/beneficiaries/:id/partner-referrals',
      {
        config: { access: 'partners.refer' },
        schema: {
          tags,
          params: idParamsSchema,
          body: partnerReferralInputSchema,
          response: { 201: partnerReferralSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await partners.refer(actorContextOf(request), request.params.id, request.body)),
    );
  };
