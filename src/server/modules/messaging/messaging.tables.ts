import { pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

// An association's own wording of a message (key of messageTemplateKeys); absent: the catalogue's.
export const messageTemplates = pgTable(
  'message_templates',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    key: text('key').notNull(),
    ar: text('ar').notNull(),
    en: text('en').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.updatedBy, users),
    uniqueIndex('message_templates_org_key').on(t.organizationId, t.key),
  ],
);

// Outreach already sent (e.g. kind `document_expiring`, subject = the document): never twice.
export const outreachSends = pgTable(
  'outreach_sends',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    kind: text('kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    messageId: uuid('message_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.messageId, outboxMessages),
    uniqueIndex('outreach_sends_subject_key').on(t.organizationId, t.kind, t.subjectId),
  ],
);
