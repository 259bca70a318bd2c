import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  createSurveySchema,
  internalInvitationsSchema,
  internalInvitationsSentSchema,
  kioskInvitationInputSchema,
  kioskInvitationSchema,
  kioskNextQuerySchema,
  kioskNextSchema,
  portalSurveyListSchema,
  submitAnswersSchema,
  surveyFormSchema,
  surveyListQuerySchema,
  surveyPageSchema,
  surveyReceiptSchema,
  surveySchema,
  surveyVersionSchema,
  updateSurveySchema,
} from '../../../shared/contracts/surveys';
import { actorContextOf, contextOf, portalContextOf } from '../../platform/http/context';
import type { SurveyInvitationService } from './invitations.service';
import type { SurveyResponseService } from './responses.service';
import type { SurveyService } from './surveys.service';

const tags = ['surveys'];
// The designer's surveys name no one: their reads are not personal data.
const read = { access: 'surveys.read' as const, personalData: false as const };
const manage = { access: 'surveys.manage' as const };
const kiosk = { access: 'surveys.kiosk' as const, personalData: false as const };
const tokenParams = z.object({ token: z.string().max(200) });

export const surveyRoutes =
  (
    surveys: SurveyService,
    invitations: SurveyInvitationService,
    responses: SurveyResponseService,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    // The designer.
    app.get(
      '/api/v1/surveys',
      {
        config: read,
        schema: { tags, querystring: surveyListQuerySchema, response: { 200: surveyPageSchema } },
      },
      (request) => surveys.list(actorContextOf(request), request.query),
    );
    app.post(
      '/api/v1/surveys',
      { config: manage, schema: { tags, body: createSurveySchema, response: { 201: surveySchema } } },
      async (request, reply) =>
        reply.status(201).send(await surveys.create(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/surveys/:id',
      { config: read, schema: { tags, params: idParamsSchema, response: { 200: surveySchema } } },
      (request) => surveys.get(actorContextOf(request), request.params.id),
    );
    app.patch(
      '/api/v1/surveys/:id',
      {
        config: manage,
        schema: { tags, params: idParamsSchema, body: updateSurveySchema, response: { 200: surveySchema } },
      },
      (request) => surveys.update(actorContextOf(request), request.params.id, request.body),
    );
    app.get(
      '/api/v1/surveys/:id/versions',
      {
        config: read,
        schema: {
          tags,
          params: idParamsSchema,
          response: { 200: z.object({ items: z.array(surveyVersionSchema) }) },
        },
      },
      (request) => surveys.versions(actorContextOf(request), request.params.id),
    );
    // Internal surveys: staff asked by e-mail to rate another department.
    app.post(
      '/api/v1/surveys/:id/invitations',
      {
        config: { access: 'surveys.invite' },
        schema: {
          tags,
          params: idParamsSchema,
          body: internalInvitationsSchema,
          response: { 201: internalInvitationsSentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await invitations.inviteStaff(actorContextOf(request), request.params.id, request.body.userIds),
          ),
    );

    // Answering by the link, without sign-in: the token is the only key; nothing personal is shown.
    app.get(
      '/api/v1/survey-responses/:token',
      {
        config: { access: 'public' },
        schema: { tags, params: tokenParams, response: { 200: surveyFormSchema } },
      },
      (request) => responses.formByToken(contextOf(request), request.params.token),
    );
    app.post(
      '/api/v1/survey-responses/:token',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: tokenParams,
          body: submitAnswersSchema,
          response: { 201: surveyReceiptSchema },
        },
      },
      async (request, reply) => {
        const receipt = await responses.answerByToken(contextOf(request), request.params.token, request.body);
        return reply.status(201).send(receipt);
      },
    );

    // The portal: the signed-in beneficiary's open invitations.
    app.get(
      '/api/v1/portal/surveys',
      { config: { access: 'portal' }, schema: { tags, response: { 200: portalSurveyListSchema } } },
      (request) => responses.portalList(portalContextOf(request)),
    );
    app.get(
      '/api/v1/portal/surveys/:id',
      {
        config: { access: 'portal' },
        schema: { tags, params: idParamsSchema, response: { 200: surveyFormSchema } },
      },
      (request) => responses.portalForm(portalContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/portal/surveys/:id',
      {
        config: { access: 'portal' },
        schema: {
          tags,
          params: idParamsSchema,
          body: submitAnswersSchema,
          response: { 201: surveyReceiptSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await responses.portalAnswer(portalContextOf(request), request.params.id, request.body)),
    );

    // The counter's tablet.
    app.post(
      '/api/v1/kiosk/invitations',
      {
        config: { access: 'surveys.kiosk' },
        schema: { tags, body: kioskInvitationInputSchema, response: { 201: kioskInvitationSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await invitations.createKiosk(actorContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/kiosk/next',
      {
        config: kiosk,
        schema: { tags, querystring: kioskNextQuerySchema, response: { 200: kioskNextSchema } },
      },
      (request) => responses.kioskNext(actorContextOf(request), request.query.desk ?? null),
    );
  };
