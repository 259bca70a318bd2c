import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOutboxQuerySchema, outboxPageSchema } from '../../../shared/contracts/outbox';
import { actorContextOf } from '../../platform/http/context';
import type { OutboxService } from './outbox.service';

export const outboxRoutes =
  (outbox: OutboxService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/outbox',
      {
        config: { access: 'outbox.list' },
        schema: {
          tags: ['notifications'],
          querystring: listOutboxQuerySchema,
          response: { 200: outboxPageSchema },
        },
      },
      (request) => outbox.listOutbox(actorContextOf(request), request.query),
    );
  };
