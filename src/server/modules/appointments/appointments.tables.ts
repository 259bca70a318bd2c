import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';

// مواعيد الاستقبال — counter visits (migration 0022).
export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    serviceId: uuid('service_id'),
    startsAt: timestampTz('starts_at').notNull(),
    endsAt: timestampTz('ends_at').notNull(),
    purpose: text('purpose'),
    status: text('status', { enum: ['booked', 'attended', 'no_show', 'cancelled'] })
      .notNull()
      .default('booked'),
    remindedAt: timestampTz('reminded_at'),
    createdBy: uuid('created_by'),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.serviceId, services),
    tenantReference(t, t.createdBy, users),
    index('appointments_org_starts_idx').on(t.organizationId, t.startsAt),
    index('appointments_beneficiary_idx').on(t.organizationId, t.beneficiaryId, t.startsAt),
  ],
);
