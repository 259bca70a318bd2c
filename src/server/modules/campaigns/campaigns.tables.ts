import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';

// حملات التواصل — outreach before anyone asks (migration 0021).
export const outreachCampaigns = pgTable(
  'outreach_campaigns',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    serviceId: uuid('service_id').notNull(),
    title: text('title').notNull(),
    messageAr: text('message_ar').notNull(),
    messageEn: text('message_en').notNull(),
    minDaysBetween: integer('min_days_between').notNull().default(30),
    status: text('status', { enum: ['draft', 'sent', 'cancelled'] })
      .notNull()
      .default('draft'),
    createdBy: uuid('created_by'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestampTz('approved_at'),
    sentCount: integer('sent_count').notNull().default(0),
    skippedCount: integer('skipped_count').notNull().default(0),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.serviceId, services),
    tenantReference(t, t.createdBy, users),
    tenantReference(t, t.approvedBy, users),
    index('outreach_campaigns_org_created_idx').on(t.organizationId, t.createdAt),
  ],
);

// One row per person a campaign reached or skipped: never twice (unique), and the frequency cap reads it.
export const campaignRecipients = pgTable(
  'campaign_recipients',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    campaignId: uuid('campaign_id').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    messageId: uuid('message_id'),
    skipped: text('skipped'),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.campaignId, outreachCampaigns).onDelete('cascade'),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.messageId, outboxMessages),
    uniqueIndex('campaign_recipients_once_key').on(t.organizationId, t.campaignId, t.beneficiaryId),
    index('campaign_recipients_beneficiary_idx').on(t.organizationId, t.beneficiaryId, t.createdAt),
  ],
);
