// The WhatsApp Business Cloud API's status webhook: a POST signed with the app secret
// (X-Hub-Signature-256: sha256=<HMAC-SHA256 of the raw body>), carrying statuses of the messages sent.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { DeliveryReceiptReport } from '../../platform/notifications/delivery-receipts';

/** True when the signature header is the HMAC of exactly these bytes with the secret. */
export function validSignature(secret: string | undefined, rawBody: Buffer, header: unknown): boolean {
  if (!secret || typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function signatureOf(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

const statusSchema = z.object({
  id: z.string().min(1).max(200),
  status: z.string().max(40),
  biz_opaque_callback_data: z.string().max(512).optional(),
  errors: z
    .array(z.object({ code: z.unknown().optional(), title: z.string().optional() }).loose())
    .optional(),
});

export const whatsappWebhookSchema = z.object({
  object: z.string().optional(),
  entry: z
    .array(
      z.object({
        changes: z
          .array(
            z.object({
              field: z.string().optional(),
              value: z.object({ statuses: z.array(statusSchema).max(1000).optional() }).loose(),
            }),
          )
          .max(100),
      }),
    )
    .max(100),
});

const uuid = z.uuid();

/**
 * The delivery receipts in a webhook body: `delivered` and `read` (a read message was delivered) and
 * `failed`; `sent` (the gateway's own hand-over) changes nothing here. Statuses not naming one of our
 * messages are left out.
 */
export function receiptsOf(body: z.infer<typeof whatsappWebhookSchema>): DeliveryReceiptReport[] {
  const reports: DeliveryReceiptReport[] = [];
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      for (const status of change.value.statuses ?? []) {
        const ours = uuid.safeParse(status.biz_opaque_callback_data);
        if (!ours.success) continue;
        const outcome =
          status.status === 'delivered' || status.status === 'read'
            ? 'delivered'
            : status.status === 'failed'
              ? 'failed'
              : null;
        if (!outcome) continue;
        const error = status.errors?.[0];
        reports.push({
          messageId: ours.data,
          providerMessageId: status.id,
          outcome,
          error: error ? `WhatsApp ${String(error.code ?? '')} ${error.title ?? ''}`.trim() : null,
        });
      }
    }
  }
  return reports;
}
