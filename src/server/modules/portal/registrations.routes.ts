import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  listRegistrationsQuerySchema,
  registrationItemSchema,
  registrationPageSchema,
  returnRegistrationSchema,
} from '../../../shared/contracts/portal-registration';
import { actorContextOf } from '../../platform/http/context';
import type { RegistrationReviewService } from './registration-review.service';

const tags = ['registrations'];
const review = { access: 'registrations.review' } as const;

/** Staff: the queue of pre-registrations made from home, to accept or return. */
export const registrationRoutes =
  (registrations: RegistrationReviewService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/registrations',
      {
        config: { ...review, personalData: 'beneficiary' },
        schema: {
          tags,
          querystring: listRegistrationsQuerySchema,
          response: { 200: registrationPageSchema },
        },
      },
      (request) => registrations.list(actorContextOf(request), request.query),
    );

    app.post(
      '/api/v1/registrations/:id/accept',
      { config: review, schema: { tags, params: idParamsSchema, response: { 200: registrationItemSchema } } },
      (request) => registrations.accept(actorContextOf(request), request.params.id),
    );

    app.post(
      '/api/v1/registrations/:id/return',
      {
        config: review,
        schema: {
          tags,
          params: idParamsSchema,
          body: returnRegistrationSchema,
          response: { 200: registrationItemSchema },
        },
      },
      (request) =>
        registrations.returnToPerson(actorContextOf(request), request.params.id, request.body.reason),
    );
  };
