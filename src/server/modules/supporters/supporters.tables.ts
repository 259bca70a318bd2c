import { boolean, index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';

// الداعمون والمتطوعون — volunteers and donors (migration 0023).
export const supporters = pgTable(
  'supporters',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    kind: text('kind', { enum: ['volunteer', 'donor'] }).notNull(),
    fullName: text('full_name').notNull(),
    phone: text('phone'),
    email: text('email'),
    organizationName: text('organization_name'),
    interests: text('interests'),
    status: text('status', { enum: ['prospect', 'active', 'inactive'] })
      .notNull()
      .default('active'),
    contactConsent: boolean('contact_consent').notNull().default(false),
    consentRecordedAt: timestampTz('consent_recorded_at'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.createdBy, users),
    index('supporters_org_kind_idx').on(t.organizationId, t.kind, t.fullName),
  ],
);

export const supporterContacts = pgTable(
  'supporter_contacts',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    supporterId: uuid('supporter_id').notNull(),
    channel: text('channel').notNull(),
    summary: text('summary').notNull(),
    staffId: uuid('staff_id'),
    occurredAt: timestampTz('occurred_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.supporterId, supporters).onDelete('cascade'),
    tenantReference(t, t.staffId, users),
    index('supporter_contacts_supporter_idx').on(t.organizationId, t.supporterId, t.occurredAt),
  ],
);
