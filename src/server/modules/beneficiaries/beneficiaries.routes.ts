import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  beneficiaryPageSchema,
  beneficiarySchema,
  changeStatusSchema,
  createBeneficiarySchema,
  householdMemberInputSchema,
  householdMemberSchema,
  searchBeneficiariesQuerySchema,
  updateBeneficiarySchema,
} from '../../../shared/contracts/beneficiaries';
import { idParamsSchema } from '../../../shared/contracts/common';
import { actorContextOf } from '../../platform/http/context';
import type { BeneficiaryService } from './beneficiaries.service';
import type { BeneficiarySearchService } from './beneficiary-search.service';

const tags = ['beneficiaries'];
const memberParams = z.object({ id: z.uuid(), memberId: z.uuid() });

export const beneficiaryRoutes =
  (beneficiaries: BeneficiaryService, search: BeneficiarySearchService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/beneficiaries',
      {
        config: { access: 'beneficiaries.read' },
        schema: {
          tags,
          querystring: searchBeneficiariesQuerySchema,
          response: { 200: beneficiaryPageSchema },
        },
      },
      (request) => search.searchBeneficiaries(actorContextOf(request), request.query),
    );

    app.post(
      '/api/v1/beneficiaries',
      {
        config: { access: 'beneficiaries.create' },
        schema: { tags, body: createBeneficiarySchema, response: { 201: beneficiarySchema } },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await beneficiaries.registerBeneficiary(actorContextOf(request), request.body)),
    );

    app.get(
      '/api/v1/beneficiaries/:id',
      {
        config: { access: 'beneficiaries.read' },
        schema: { tags, params: idParamsSchema, response: { 200: beneficiarySchema } },
      },
      (request) => beneficiaries.getBeneficiary(actorContextOf(request), request.params.id),
    );

    app.patch(
      '/api/v1/beneficiaries/:id',
      {
        config: { access: 'beneficiaries.update' },
        schema: {
          tags,
          params: idParamsSchema,
          body: updateBeneficiarySchema,
          response: { 200: beneficiarySchema },
        },
      },
      (request) => beneficiaries.updateBeneficiary(actorContextOf(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/beneficiaries/:id/status',
      {
        config: { access: 'beneficiaries.change_status' },
        schema: {
          tags,
          params: idParamsSchema,
          body: changeStatusSchema,
          response: { 200: beneficiarySchema },
        },
      },
      (request) => beneficiaries.changeStatus(actorContextOf(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/beneficiaries/:id/household',
      {
        config: { access: 'beneficiaries.read' },
        schema: {
          tags,
          params: idParamsSchema,
          response: { 200: z.object({ items: z.array(householdMemberSchema) }) },
        },
      },
      (request) => beneficiaries.listHousehold(actorContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/beneficiaries/:id/household',
      {
        config: { access: 'beneficiaries.update' },
        schema: {
          tags,
          params: idParamsSchema,
          body: householdMemberInputSchema,
          response: { 201: householdMemberSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await beneficiaries.addHouseholdMember(actorContextOf(request), request.params.id, request.body),
          ),
    );

    app.delete(
      '/api/v1/beneficiaries/:id/household/:memberId',
      {
        config: { access: 'beneficiaries.update' },
        schema: { tags, params: memberParams, response: { 204: z.null() } },
      },
      async (request, reply) => {
        await beneficiaries.removeHouseholdMember(
          actorContextOf(request),
          request.params.id,
          request.params.memberId,
        );
        return reply.status(204).send(null);
      },
    );
  };
