import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  charterAcceptanceInputSchema,
  charterStateSchema,
  disputeCloseSchema,
  disputeDetailSchema,
  disputeInputSchema,
  disputeListSchema,
  disputeStepInputSchema,
  disputesQuerySchema,
} from '../../../shared/contracts/disputes';
import { publishedTextSchema } from '../../../shared/contracts/policies';
import { actorContextOf, portalContextOf } from '../../platform/http/context';
import type { DisputeService } from './disputes.service';

const tags = ['disputes'];
const detail = { 200: disputeDetailSchema };

export const disputeRoutes =
  (disputes: DisputeService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/disputes',
      {
        config: { access: 'disputes.read' },
        schema: { tags, querystring: disputesQuerySchema, response: { 200: disputeListSchema } },
      },
      (request) => disputes.list(actorContextOf(request), request.query),
    );
    app.post(
      '/api/v1/disputes',
      {
        config: { access: 'disputes.manage' },
        schema: { tags, body: disputeInputSchema, response: { 201: disputeDetailSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await disputes.open(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/disputes/:id',
      { config: { access: 'disputes.read' }, schema: { tags, params: idParamsSchema, response: detail } },
      (request) => disputes.get(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/disputes/:id/steps',
      {
        config: { access: 'disputes.manage' },
        schema: { tags, params: idParamsSchema, body: disputeStepInputSchema, response: detail },
      },
      (request) => disputes.recordStep(actorContextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/disputes/:id/close',
      {
        config: { access: 'disputes.manage' },
        schema: { tags, params: idParamsSchema, body: disputeCloseSchema, response: detail },
      },
      (request) => disputes.close(actorContextOf(request), request.params.id, request.body),
    );

    // The charter: its text for staff (intake), a beneficiary's acceptance, and the portal's side.
    app.get(
      '/api/v1/charter',
      {
        config: { access: 'beneficiaries.read', personalData: false },
        schema: { tags, response: { 200: z.object({ text: publishedTextSchema.nullable() }) } },
      },
      async (request) => ({ text: await disputes.charterText(actorContextOf(request).actor.organizationId) }),
    );
    app.get(
      '/api/v1/beneficiaries/:id/charter',
      {
        config: { access: 'beneficiaries.read' },
        schema: { tags, params: idParamsSchema, response: { 200: charterStateSchema } },
      },
      (request) => disputes.charterOf(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/beneficiaries/:id/charter',
      {
        config: { access: 'beneficiaries.record_declaration' },
        schema: {
          tags,
          params: idParamsSchema,
          body: charterAcceptanceInputSchema,
          response: { 201: charterStateSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await disputes.acceptAtCounter(actorContextOf(request), request.params.id, request.body)),
    );
    app.get(
      '/api/v1/portal/charter',
      {
        config: { access: 'portal' },
        schema: {
          tags,
          response: { 200: z.object({ text: publishedTextSchema.nullable(), state: charterStateSchema }) },
        },
      },
      (request) => disputes.portalCharter(portalContextOf(request)),
    );
    app.post(
      '/api/v1/portal/charter/accept',
      {
        config: { access: 'portal' },
        schema: {
          tags,
          body: z.object({ versionNumber: z.number().int().min(1) }),
          response: { 201: charterStateSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await disputes.portalAccept(portalContextOf(request), request.body)),
    );
  };
