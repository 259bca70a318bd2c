import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { messageTemplateListSchema, updateMessageTemplateSchema } from '../../../shared/contracts/messaging';
import type { Db } from '../../platform/db/database';
import { actorContextOf } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import { recordDeliveryReceipt } from '../../platform/notifications/delivery-receipts';
import type { MessageTemplateService } from './message-templates.service';
import { receiptsOf, validSignature, whatsappWebhookSchema } from './whatsapp-webhook';

const tags = ['notifications'];

export const messageTemplateRoutes =
  (templates: MessageTemplateService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/message-templates',
      {
        // Read as the association's settings are (no one's data); changed by whoever configures it.
        config: { access: 'organization.read' },
        schema: { tags, response: { 200: messageTemplateListSchema } },
      },
      (request) => templates.list(actorContextOf(request)),
    );

    app.put(
      '/api/v1/message-templates',
      {
        config: { access: 'organization.update' },
        schema: { tags, body: updateMessageTemplateSchema, response: { 200: messageTemplateListSchema } },
      },
      (request) => templates.update(actorContextOf(request), request.body),
    );
  };

/**
 * POST /api/v1/webhooks/whatsapp: status reports from the WhatsApp Cloud API. Public (the gateway has
 * no session) but signed: the body is read as bytes, its X-Hub-Signature-256 checked against
 * WHATSAPP_APP_SECRET before anything in it is believed (401 otherwise; 400 for a body that is not a
 * status report). Reports about messages not ours are ignored, as the API expects a 200 for them too.
 */
export const whatsappWebhookRoutes =
  (deps: { db: Db; appSecret: () => string | undefined }): FastifyPluginAsyncZod =>
  async (app) => {
    // In this plugin only: the raw bytes, which the signature covers, kept aside until it is checked.
    const rawBodies = new WeakMap<object, Buffer>();
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
      rawBodies.set(request, body as Buffer);
      done(null, {});
    });

    app.post(
      '/api/v1/webhooks/whatsapp',
      {
        config: { access: 'public' },
        bodyLimit: 1_048_576,
        // Documented, not validated by a schema: the signature covers the raw bytes, read above.
        schema: {
          tags: ['notifications'],
          summary: 'Status reports of the WhatsApp Cloud API, signed with X-Hub-Signature-256',
        },
      },
      async (request) => {
        const raw = rawBodies.get(request) ?? Buffer.alloc(0);
        if (!validSignature(deps.appSecret(), raw, request.headers['x-hub-signature-256'])) {
          // As every refused caller: not who it says it is.
          throw new AppError(401, 'UNAUTHENTICATED');
        }
        let json: unknown;
        try {
          json = JSON.parse(raw.toString('utf8'));
        } catch {
          throw new AppError(400, 'VALIDATION_FAILED');
        }
        const parsed = whatsappWebhookSchema.safeParse(json);
        if (!parsed.success) throw new AppError(400, 'VALIDATION_FAILED');
        let matched = 0;
        for (const report of receiptsOf(parsed.data)) {
          if (await recordDeliveryReceipt(deps.db, report)) matched += 1;
        }
        return { received: true, matched };
      },
    );
  };
