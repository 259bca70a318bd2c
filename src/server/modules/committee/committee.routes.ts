import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createSessionSchema,
  sessionListSchema,
  sessionSchema,
  voteSchema,
} from '../../../shared/contracts/committee';
import { idParamsSchema } from '../../../shared/contracts/common';
import { actorContextOf } from '../../platform/http/context';
import type { CommitteeService } from './committee.service';

const tags = ['committee'];
const itemParams = z.object({ id: z.uuid(), requestId: z.uuid() });

export const committeeRoutes =
  (committee: CommitteeService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/committee-sessions',
      { config: { access: 'committee.read' }, schema: { tags, response: { 200: sessionListSchema } } },
      (request) => committee.listSessions(actorContextOf(request)),
    );
    app.post(
      '/api/v1/committee-sessions',
      {
        config: { access: 'committee.manage' },
        schema: { tags, body: createSessionSchema, response: { 201: sessionSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await committee.createSession(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/committee-sessions/:id',
      {
        config: { access: 'committee.read' },
        schema: { tags, params: idParamsSchema, response: { 200: sessionSchema } },
      },
      (request) => committee.getSession(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/committee-sessions/:id/agenda',
      {
        config: { access: 'committee.manage' },
        schema: {
          tags,
          params: idParamsSchema,
          body: z.object({ requestId: z.uuid() }),
          response: { 200: sessionSchema },
        },
      },
      (request) => committee.addToAgenda(actorContextOf(request), request.params.id, request.body.requestId),
    );
    app.post(
      '/api/v1/committee-sessions/:id/items/:requestId/votes',
      {
        config: { access: 'committee.vote' },
        schema: { tags, params: itemParams, body: voteSchema, response: { 200: sessionSchema } },
      },
      (request) =>
        committee.vote(actorContextOf(request), request.params.id, request.params.requestId, request.body),
    );
    app.post(
      '/api/v1/committee-sessions/:id/items/:requestId/decide',
      {
        config: { access: 'committee.vote' },
        schema: { tags, params: itemParams, response: { 200: sessionSchema } },
      },
      (request) => committee.decide(actorContextOf(request), request.params.id, request.params.requestId),
    );
    app.post(
      '/api/v1/committee-sessions/:id/close',
      {
        config: { access: 'committee.vote' },
        schema: { tags, params: idParamsSchema, response: { 200: sessionSchema } },
      },
      (request) => committee.close(actorContextOf(request), request.params.id),
    );
    app.get(
      '/api/v1/committee-sessions/:id/minutes.pdf',
      { config: { access: 'committee.read' }, schema: { tags, params: idParamsSchema } },
      async (request, reply) =>
        reply
          .type('application/pdf')
          .send(await committee.minutesPdf(actorContextOf(request), request.params.id)),
    );
  };
