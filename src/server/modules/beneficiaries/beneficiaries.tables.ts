import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';

const orgId = organizationId;
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// المستفيدون. name_tokens is computed by the IMMUTABLE SQL function wasl_name_tokens (migration 0003),
// the twin of src/shared/arabic/names.ts, so bulk loads and API writes index names the same way.
export const beneficiaries = pgTable(
  'beneficiaries',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    fileNumber: text('file_number').notNull(),
    nationalId: text('national_id').notNull(),
    fullNameAr: text('full_name_ar').notNull(),
    fullNameEn: text('full_name_en'),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    birthDate: date('birth_date').notNull(),
    nationality: text('nationality').notNull(),
    maritalStatus: text('marital_status'),
    phone: text('phone').notNull(),
    altPhone: text('alt_phone'),
    // For messages by e-mail (preferred channel `email`).
    email: text('email'),
    region: text('region'),
    city: text('city').notNull(),
    district: text('district'),
    address: text('address'),
    preferredChannel: text('preferred_channel'),
    preferredLanguage: text('preferred_language').notNull().default('ar'),
    categories: text('categories').array().notNull().default(sql`'{}'`),
    incomeSources: jsonb('income_sources')
      .$type<{ source: string; monthlyAmount: number }[]>()
      .notNull()
      .default([]),
    housing: jsonb('housing').$type<Record<string, unknown> | null>(),
    healthConditions: text('health_conditions').array().notNull().default(sql`'{}'`),
    notes: text('notes'),
    // pending_verification: pre-registered by the person in the portal, not yet accepted by staff.
    status: text('status', { enum: ['active', 'inactive', 'deceased', 'blocked', 'pending_verification'] })
      .notNull()
      .default('active'),
    statusReason: text('status_reason'),
    legalHold: boolean('legal_hold').notNull().default(false),
    // Bumped on every material change (identity, contact, income, household): the declaration must be re-signed.
    dataVersion: integer('data_version').notNull().default(1),
    mergedInto: uuid('merged_into'),
    destroyedAt: timestamp('destroyed_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.createdBy, users),
    uniqueIndex('beneficiaries_org_file_key').on(t.organizationId, t.fileNumber),
    // One live record per national ID in an organization (merged and destroyed records step aside).
    uniqueIndex('beneficiaries_org_national_id_key')
      .on(t.organizationId, t.nationalId)
      .where(sql`merged_into is null and destroyed_at is null`),
    index('beneficiaries_org_phone_idx').on(t.organizationId, t.phone),
    index('beneficiaries_org_birth_idx').on(t.organizationId, t.birthDate),
  ],
);

export const householdMembers = pgTable(
  'household_members',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    relation: text('relation').notNull(),
    fullName: text('full_name').notNull(),
    nationalId: text('national_id'),
    birthDate: date('birth_date'),
    gender: text('gender', { enum: ['male', 'female'] }).notNull(),
    monthlyIncome: numeric('monthly_income', { precision: 12, scale: 2, mode: 'number' })
      .notNull()
      .default(0),
    health: text('health'),
    schooling: text('schooling'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    index('household_beneficiary_idx').on(t.beneficiaryId),
    index('household_org_national_id_idx').on(t.organizationId, t.nationalId),
  ],
);

export const beneficiaryDocuments = pgTable(
  'beneficiary_documents',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    type: text('type').notNull(),
    number: text('number'),
    issueDate: date('issue_date'),
    expiryDate: date('expiry_date'),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.uploadedBy, users),
    index('documents_beneficiary_idx').on(t.beneficiaryId),
    index('documents_org_number_idx').on(t.organizationId, t.type, t.number),
  ],
);

// نص الإقرار بصحة البيانات — versioned per organization; a new version requires re-signing.
export const declarationTexts = pgTable(
  'declaration_texts',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    version: integer('version').notNull(),
    bodyAr: text('body_ar').notNull(),
    bodyEn: text('body_en').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.createdBy, users),
    uniqueIndex('declaration_texts_org_version_key').on(t.organizationId, t.version),
  ],
);

export const declarations = pgTable(
  'declarations',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    textVersion: integer('text_version').notNull(),
    dataVersion: integer('data_version').notNull(),
    method: text('method', { enum: ['drawn', 'typed'] }).notNull(),
    typedName: text('typed_name'),
    signatureKey: text('signature_key'),
    channel: text('channel').notNull(),
    witnessedBy: uuid('witnessed_by'),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.witnessedBy, users),
    index('declarations_beneficiary_idx').on(t.beneficiaryId, t.signedAt),
  ],
);

// الموافقات (PDPL) — one row per decision; the latest per purpose is in force.
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    purpose: text('purpose').notNull(),
    granted: boolean('granted').notNull(),
    channel: text('channel').notNull(),
    /** The consent text's version (its purpose's) the consent was given under; null: before texts were managed. */
    textVersion: integer('text_version'),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.recordedBy, users),
    index('consents_beneficiary_idx').on(t.beneficiaryId, t.recordedAt),
  ],
);

// نص الموافقة — per purpose, versioned (written when a consent policy document is published, 0027).
export const consentTexts = pgTable(
  'consent_texts',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    purpose: text('purpose').notNull(),
    version: integer('version').notNull(),
    bodyAr: text('body_ar').notNull(),
    bodyEn: text('body_en').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.createdBy, users),
    uniqueIndex('consent_texts_org_purpose_version_key').on(t.organizationId, t.purpose, t.version),
  ],
);

// التواصل — every contact with the beneficiary, on a configured channel.
export const interactions = pgTable(
  'interactions',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    // How the contact ended and how long it took (migration 0018).
    outcome: text('outcome'),
    durationMinutes: integer('duration_minutes'),
    staffId: uuid('staff_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.staffId, users),
    index('interactions_beneficiary_idx').on(t.beneficiaryId, t.occurredAt),
  ],
);

// Possible duplicates that staff acknowledged at registration, for the duplicates review page.
export const duplicateSuspicions = pgTable(
  'duplicate_suspicions',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    otherId: uuid('other_id').notNull(),
    reasons: text('reasons').array().notNull(),
    status: text('status', { enum: ['open', 'dismissed', 'merged'] })
      .notNull()
      .default('open'),
    acknowledgedBy: uuid('acknowledged_by'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.otherId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.acknowledgedBy, users),
    tenantReference(t, t.resolvedBy, users),
    index('duplicates_org_status_idx').on(t.organizationId, t.status),
  ],
);

// Per-organization counters (file numbers), incremented under a row lock. No id: its key,
// (organization_id, name), already starts with the association.
export const organizationCounters = pgTable(
  'organization_counters',
  {
    organizationId: orgId(),
    name: text('name').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [uniqueIndex('organization_counters_key').on(t.organizationId, t.name)],
);

// طلبات تصحيح البيانات (PDPL right of correction), answered within 30 days.
export const correctionRequests = pgTable(
  'correction_requests',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    field: text('field').notNull(),
    requestedValue: text('requested_value').notNull(),
    reason: text('reason').notNull(),
    channel: text('channel').notNull(),
    status: text('status', { enum: ['open', 'applied', 'rejected'] })
      .notNull()
      .default('open'),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by'),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolutionNote: text('resolution_note'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.recordedBy, users),
    tenantReference(t, t.resolvedBy, users),
    index('corrections_org_status_idx').on(t.organizationId, t.status, t.dueAt),
  ],
);
