import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  libraryListSchema,
  libraryQuerySchema,
  policiesQuerySchema,
  policyAcknowledgementSchema,
  policyAcknowledgementsSchema,
  policyApprovalSchema,
  policyDetailSchema,
  policyDiffQuerySchema,
  policyDiffSchema,
  policyInputSchema,
  policyListSchema,
  policyUpdateSchema,
  policyVersionInputSchema,
  policyVersionParamsSchema,
  policyVersionUpdateSchema,
} from '../../../shared/contracts/policies';
import { actorContextOf } from '../../platform/http/context';
import { readMultipart } from '../../platform/http/multipart';
import { sendStoredFile } from '../../platform/http/security-headers';
import type { PolicyService } from './policies.service';
import { maxMinutesBytes } from './policy-minutes';

const tags = ['policies'];
const detail = { 200: policyDetailSchema };

export const policyRoutes =
  (policies: PolicyService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/policies',
      {
        config: { access: 'policies.read' },
        schema: { tags, querystring: policiesQuerySchema, response: { 200: policyListSchema } },
      },
      (request) => policies.list(actorContextOf(request), request.query),
    );
    app.get(
      '/api/v1/library',
      {
        config: { access: 'policies.read' },
        schema: { tags, querystring: libraryQuerySchema, response: { 200: libraryListSchema } },
      },
      (request) => policies.library(actorContextOf(request), request.query),
    );
    app.post(
      '/api/v1/policies',
      {
        config: { access: 'policies.manage' },
        schema: { tags, body: policyInputSchema, response: { 201: policyDetailSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await policies.create(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/policies/:id',
      { config: { access: 'policies.read' }, schema: { tags, params: idParamsSchema, response: detail } },
      (request) => policies.get(actorContextOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/policies/:id',
      {
        config: { access: 'policies.manage' },
        schema: { tags, params: idParamsSchema, body: policyUpdateSchema, response: detail },
      },
      (request) => policies.update(actorContextOf(request), request.params.id, request.body),
    );
    app.post(
      '/api/v1/policies/:id/versions',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          params: idParamsSchema,
          body: policyVersionInputSchema,
          response: { 201: policyDetailSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await policies.newVersion(actorContextOf(request), request.params.id, request.body)),
    );
    app.patch(
      '/api/v1/policies/:id/versions/:vid',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          params: policyVersionParamsSchema,
          body: policyVersionUpdateSchema,
          response: detail,
        },
      },
      (request) =>
        policies.editDraft(actorContextOf(request), request.params.id, request.params.vid, request.body),
    );
    app.post(
      '/api/v1/policies/:id/versions/:vid/submit',
      {
        config: { access: 'policies.manage' },
        schema: { tags, params: policyVersionParamsSchema, response: detail },
      },
      (request) => policies.submit(actorContextOf(request), request.params.id, request.params.vid),
    );
    app.post(
      '/api/v1/policies/:id/versions/:vid/approve',
      {
        config: { access: 'policies.approve' },
        schema: { tags, params: policyVersionParamsSchema, body: policyApprovalSchema, response: detail },
      },
      (request) =>
        policies.approve(actorContextOf(request), request.params.id, request.params.vid, request.body),
    );
    // multipart/form-data: one `file` part (the minutes: PDF or image, checked by content), allowed
    // once the version is approved; approval itself stays JSON.
    app.post(
      '/api/v1/policies/:id/versions/:vid/minutes',
      {
        config: { access: 'policies.approve' },
        schema: {
          tags,
          params: policyVersionParamsSchema,
          consumes: ['multipart/form-data'],
          response: detail,
        },
      },
      async (request) => {
        const { file } = await readMultipart(request, { maxFileBytes: maxMinutesBytes, maxFields: 2 });
        const ctx = actorContextOf(request);
        await policies.uploadMinutes(ctx, request.params.id, request.params.vid, file);
        return policies.get(ctx, request.params.id);
      },
    );
    app.get(
      '/api/v1/policies/:id/versions/:vid/minutes',
      { config: { access: 'policies.read' }, schema: { tags, params: policyVersionParamsSchema } },
      async (request, reply) =>
        sendStoredFile(
          reply,
          await policies.readMinutes(actorContextOf(request), request.params.id, request.params.vid),
        ),
    );
    app.post(
      '/api/v1/policies/:id/versions/:vid/publish',
      {
        config: { access: 'policies.manage' },
        schema: { tags, params: policyVersionParamsSchema, response: detail },
      },
      (request) => policies.publish(actorContextOf(request), request.params.id, request.params.vid),
    );
    app.get(
      '/api/v1/policies/:id/diff',
      {
        config: { access: 'policies.read' },
        schema: {
          tags,
          params: idParamsSchema,
          querystring: policyDiffQuerySchema,
          response: { 200: policyDiffSchema },
        },
      },
      (request) =>
        policies.diff(actorContextOf(request), request.params.id, request.query.from, request.query.to),
    );
    app.post(
      '/api/v1/policies/:id/acknowledge',
      {
        config: { access: 'policies.read' },
        schema: { tags, params: idParamsSchema, response: { 201: policyAcknowledgementSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await policies.acknowledge(actorContextOf(request), request.params.id)),
    );
    app.get(
      '/api/v1/policies/:id/acknowledgements',
      {
        config: { access: 'policies.manage' },
        schema: { tags, params: idParamsSchema, response: { 200: policyAcknowledgementsSchema } },
      },
      (request) => policies.acknowledgements(actorContextOf(request), request.params.id),
    );
  };
