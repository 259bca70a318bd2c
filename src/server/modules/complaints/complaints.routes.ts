import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParamsSchema } from '../../../shared/contracts/common';
import {
  assignComplaintSchema,
  closeComplaintSchema,
  complaintListQuerySchema,
  complaintPageSchema,
  complaintReceiptSchema,
  complaintSchema,
  createComplaintSchema,
  createImprovementActionSchema,
  improvementActionSchema,
  portalComplaintItemSchema,
  portalComplaintListSchema,
  portalComplaintSchema,
  publicComplaintSchema,
  publicComplaintStatusSchema,
  replyComplaintSchema,
  trackingNumberSchema,
} from '../../../shared/contracts/complaints';
import { actorContextOf, contextOf, portalContextOf } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { ComplaintService } from './complaints.service';
import type { PublicComplaintService } from './complaints-public.service';

const tags = ['complaints'];
// A complaint carries a person's name, phone and words: its reads are audited as personal data.
const read = { access: 'complaints.read' as const, personalData: 'beneficiary' as const };
const handle = { access: 'complaints.handle' as const };
const slugParam = z.string().trim().toLowerCase().min(1).max(60);

/** A refused-for-rate answer says when to come back (Retry-After), as well as in its details. */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError && err.statusCode === 429) {
      reply.header('retry-after', String(err.details?.retryAfterSeconds ?? 60));
    }
    throw err;
  }
}

export const complaintRoutes =
  (complaints: ComplaintService, publicForm: PublicComplaintService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/complaints',
      {
        config: read,
        schema: { tags, querystring: complaintListQuerySchema, response: { 200: complaintPageSchema } },
      },
      (request) => complaints.list(actorContextOf(request), request.query),
    );
    app.get(
      '/api/v1/complaints/:id',
      { config: read, schema: { tags, params: idParamsSchema, response: { 200: complaintSchema } } },
      (request) => complaints.get(actorContextOf(request), request.params.id),
    );
    app.post(
      '/api/v1/complaints',
      {
        config: { access: 'complaints.create' },
        schema: { tags, body: createComplaintSchema, response: { 201: complaintSchema } },
      },
      async (request, reply) =>
        reply.status(201).send(await complaints.create(actorContextOf(request), request.body)),
    );
    app.post(
      '/api/v1/complaints/:id/assign',
      {
        config: handle,
        schema: {
          tags,
          params: idParamsSchema,
          body: assignComplaintSchema,
          response: { 200: complaintSchema },
        },
      },
      (request) => complaints.assign(actorContextOf(request), request.params.id, request.body.assigneeId),
    );
    app.post(
      '/api/v1/complaints/:id/reply',
      {
        config: handle,
        schema: {
          tags,
          params: idParamsSchema,
          body: replyComplaintSchema,
          response: { 200: complaintSchema },
        },
      },
      (request) => complaints.reply(actorContextOf(request), request.params.id, request.body.reply),
    );
    app.post(
      '/api/v1/complaints/:id/close',
      {
        config: handle,
        schema: {
          tags,
          params: idParamsSchema,
          body: closeComplaintSchema,
          response: { 200: complaintSchema },
        },
      },
      (request) => complaints.close(actorContextOf(request), request.params.id, request.body.satisfied),
    );
    app.post(
      '/api/v1/complaints/:id/improvement-action',
      {
        config: handle,
        schema: {
          tags,
          params: idParamsSchema,
          body: createImprovementActionSchema,
          response: { 201: improvementActionSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await complaints.createImprovementAction(
              actorContextOf(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    // The public form and tracking page: no sign-in, rate-limited, nothing personal in the answers.
    app.post(
      '/api/v1/public/:slug/complaints',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: z.object({ slug: slugParam }),
          body: publicComplaintSchema,
          response: { 201: complaintReceiptSchema },
        },
      },
      async (request, reply) => {
        const receipt = await withRetryAfter(reply, () =>
          publicForm.submit(contextOf(request), request.params.slug, request.body),
        );
        return reply.status(201).send(receipt);
      },
    );
    app.get(
      '/api/v1/public/:slug/complaints/:trackingNumber',
      {
        config: { access: 'public' },
        schema: {
          tags,
          params: z.object({ slug: slugParam, trackingNumber: z.string().max(40) }),
          response: { 200: publicComplaintStatusSchema },
        },
      },
      (request, reply) =>
        withRetryAfter(reply, () => {
          const tracking = trackingNumberSchema.safeParse(request.params.trackingNumber);
          if (!tracking.success) throw notFound();
          return publicForm.track(contextOf(request), request.params.slug, tracking.data);
        }),
    );

    // The beneficiary's own, in the portal.
    app.post(
      '/api/v1/portal/complaints',
      {
        config: { access: 'portal' },
        schema: {
          tags: ['portal'],
          body: portalComplaintSchema,
          response: { 201: portalComplaintItemSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await complaints.createOwn(portalContextOf(request), request.body)),
    );
    app.get(
      '/api/v1/portal/complaints',
      {
        config: { access: 'portal' },
        schema: { tags: ['portal'], response: { 200: portalComplaintListSchema } },
      },
      (request) => complaints.listOwn(portalContextOf(request)),
    );
  };
