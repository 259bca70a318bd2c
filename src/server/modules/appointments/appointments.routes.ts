import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appointmentInputSchema,
  appointmentSchema,
  appointmentStatusInputSchema,
  appointmentsQuerySchema,
  slotsQuerySchema,
  slotsSchema,
} from '../../../shared/contracts/appointments';
import { idParamsSchema } from '../../../shared/contracts/common';
import { actorContextOf } from '../../platform/http/context';
import type { AppointmentService } from './appointments.service';

const tags = ['appointments'];

export const appointmentRoutes =
  (appointments: AppointmentService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/appointments/slots',
      {
        // Times and free desks only.
        config: { access: 'appointments.read', personalData: false },
        schema: { tags, querystring: slotsQuerySchema, response: { 200: slotsSchema } },
      },
      (request) => appointments.slots(actorContextOf(request), request.query.date, request.query.serviceId),
    );
    app.get(
      '/api/v1/appointments',
      {
        config: { access: 'appointments.read', personalData: 'beneficiary' },
        schema: {
          tags,
          querystring: appointmentsQuerySchema,
          response: { 200: z.object({ items: z.array(appointmentSchema) }) },
        },
      },
      (request) => appointments.list(actorContextOf(request), request.query),
    );
    app.post(
      '/api/v1/appointments',
      {
        config: { access: 'appointments.manage' },
        schema: { tags, body: appointmentInputSchema, response: { 201: appointmentSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await appointments.book(actorContextOf(request), request.body)),
    );
    app.post(
      '/api/v1/appointments/:id/status',
      {
        config: { access: 'appointments.manage' },
        schema: {
          tags,
          params: idParamsSchema,
          body: appointmentStatusInputSchema,
          response: { 200: appointmentSchema },
        },
      },
      (request) => appointments.setStatus(actorContextOf(request), request.params.id, request.body.status),
    );
  };
