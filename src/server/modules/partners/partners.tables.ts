import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  organizationId as orgId,
  tenantPrimaryKey,
  tenantReference,
  timestampTz as ts,
} from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries, consents } from '../beneficiaries/beneficiaries.tables';
import { requests } from '../requests/requests.tables';

// الشركاء — bodies the association refers beneficiaries to (migration 0020).
export const partners = pgTable(
  'partners',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en'),
    kind: text('kind').notNull(),
    services: text('services'),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [tenantPrimaryKey(t), uniqueIndex('partners_org_name_key').on(t.organizationId, t.nameAr)],
);

// A person referred to a partner, on their partner_sharing consent, with exactly what was shared.
export const partnerReferrals = pgTable(
  'partner_referrals',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    partnerId: uuid('partner_id').notNull(),
    requestId: uuid('request_id'),
    reason: text('reason').notNull(),
    sharedFields: text('shared_fields').array().notNull(),
    sharedData: jsonb('shared_data').$type<Record<string, unknown>>().notNull(),
    consentId: uuid('consent_id').notNull(),
    status: text('status').notNull().default('sent'),
    outcome: text('outcome'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.partnerId, partners),
    tenantReference(t, t.requestId, requests).onDelete('cascade'),
    tenantReference(t, t.consentId, consents),
    tenantReference(t, t.createdBy, users),
    index('partner_referrals_beneficiary_idx').on(t.organizationId, t.beneficiaryId, t.createdAt),
  ],
);
