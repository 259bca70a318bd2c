import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outboxStatuses } from '../../../shared/contracts/outbox';
import { tenantPrimaryKey } from '../db/columns';
import { organizations } from '../identity/organizations.tables';

// Every SMS / e-mail / WhatsApp message is first written here, in the transaction of the change
// that caused it; a job delivers it through the configured driver.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    channel: text('channel', { enum: ['sms', 'email', 'whatsapp'] }).notNull(),
    recipient: text('recipient').notNull(),
    // The SMS sender name of the association when the message was written (gateways show it).
    sender: text('sender'),
    subject: text('subject'),
    body: text('body').notNull(),
    // Plain text (no database enum), so adding a status needs no migration; the list is outboxStatuses.
    status: text('status', { enum: outboxStatuses }).notNull().default('queued'),
    driver: text('driver'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    relatedType: text('related_type'),
    relatedId: text('related_id'),
    // The beneficiary the message was written to, when there is one (timeline, portal inbox); the
    // foreign key (migration 0020) clears it when the record is destroyed.
    beneficiaryId: uuid('beneficiary_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    // Not handed to a gateway before this time (the association's quiet hours); null: at once.
    notBefore: timestamp('not_before', { withTimezone: true }),
    // The gateway's id of the message (WhatsApp), matched by its status webhook.
    providerMessageId: text('provider_message_id'),
    // When a delivery receipt came back (status `delivered`).
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    tenantPrimaryKey(t),
    // The worker is handed only a message id and looks its association up (app_outbox_organization).
    index('outbox_id_idx').on(t.id),
    index('outbox_org_created_idx').on(t.organizationId, t.createdAt),
    index('outbox_status_idx').on(t.status, t.createdAt),
    index('outbox_provider_message_idx').on(t.providerMessageId),
  ],
);
