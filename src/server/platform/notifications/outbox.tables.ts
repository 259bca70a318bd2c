import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../../modules/organizations/organizations.tables';

// Every SMS / e-mail / WhatsApp message is first written here, in the transaction of the change
// that caused it; a job delivers it through the configured driver.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    channel: text('channel', { enum: ['sms', 'email', 'whatsapp'] }).notNull(),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    driver: text('driver'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    relatedType: text('related_type'),
    relatedId: text('related_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_org_created_idx').on(t.organizationId, t.createdAt),
    index('outbox_status_idx').on(t.status, t.createdAt),
  ],
);
