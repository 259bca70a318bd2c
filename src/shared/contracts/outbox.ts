import { z } from 'zod';
import { listQuerySchema, pageSchema } from './common';

export const notificationChannels = ['sms', 'email', 'whatsapp'] as const;
export type NotificationChannel = (typeof notificationChannels)[number];
/** `recorded`: kept in the outbox by a driver that delivers nothing; `sent`: handed to a gateway. */
/** `delivered`: the gateway reported the message reached the person (a delivery receipt). */
export const outboxStatuses = ['queued', 'recorded', 'sent', 'delivered', 'failed'] as const;

export const outboxMessageSchema = z.object({
  id: z.uuid(),
  channel: z.enum(notificationChannels),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.enum(outboxStatuses),
  driver: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  relatedType: z.string().nullable(),
  relatedId: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  /** Held until then by the association's quiet hours; null: at once. */
  notBefore: z.string().nullable(),
  /** When the gateway reported the message delivered. */
  deliveredAt: z.string().nullable(),
  /** The gateway's id of the message (WhatsApp), matched by its status reports. */
  providerMessageId: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const listOutboxQuerySchema = listQuerySchema.extend({
  channel: z.enum(notificationChannels).optional(),
  status: z.enum(outboxStatuses).optional(),
});
export type ListOutboxQuery = z.infer<typeof listOutboxQuerySchema>;

export const outboxPageSchema = pageSchema(outboxMessageSchema);
