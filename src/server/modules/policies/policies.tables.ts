import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { policyKinds } from '../../../shared/contracts/policies';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';

// السياسة سجلاً حياً — the association's policies and their versions (migration 0026).
export const policyDocuments = pgTable(
  'policy_documents',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    kind: text('kind', { enum: policyKinds }).notNull(),
    titleAr: text('title_ar').notNull(),
    titleEn: text('title_en').notNull(),
    reviewDate: date('review_date'),
    /** The review date last reminded of (a new review date is reminded of again). */
    reviewRemindedFor: date('review_reminded_for'),
    /** A consent document's purpose (migration 0027). */
    purpose: text('purpose'),
    /** The screens the document applies to (the reference library's links). */
    contexts: text('contexts').array().notNull().default(sql`'{}'::text[]`),
    /** The titles and the published body, normalised (wasl_normalize_name) for Arabic search. */
    searchText: text('search_text'),
    createdBy: uuid('created_by'),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
    updatedAt: timestampTz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.createdBy, users),
    index('policy_documents_org_kind_idx').on(t.organizationId, t.kind, t.titleAr),
    index('policy_documents_search_trgm_idx').using('gin', sql`${t.searchText} gin_trgm_ops`),
  ],
);

export const policyVersions = pgTable(
  'policy_versions',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    documentId: uuid('document_id').notNull(),
    number: integer('number').notNull(),
    body: text('body').notNull(),
    /** The English body (the texts people sign carry both languages; migration 0027). */
    bodyEn: text('body_en'),
    status: text('status', { enum: ['draft', 'review', 'approved', 'published', 'superseded'] })
      .notNull()
      .default('draft'),
    changeNote: text('change_note'),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    minutesReference: text('minutes_reference'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestampTz('approved_at'),
    submittedAt: timestampTz('submitted_at'),
    publishedAt: timestampTz('published_at'),
    supersededAt: timestampTz('superseded_at'),
    createdBy: uuid('created_by'),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
    updatedAt: timestampTz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.documentId, policyDocuments).onDelete('cascade'),
    tenantReference(t, t.approvedBy, users),
    tenantReference(t, t.createdBy, users),
    uniqueIndex('policy_versions_document_number_key').on(t.organizationId, t.documentId, t.number),
    uniqueIndex('policy_versions_one_published_key')
      .on(t.organizationId, t.documentId)
      .where(sql`"status" = 'published'`),
  ],
);

export const policyAcknowledgements = pgTable(
  'policy_acknowledgements',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    documentId: uuid('document_id').notNull(),
    versionId: uuid('version_id').notNull(),
    userId: uuid('user_id').notNull(),
    acknowledgedAt: timestampTz('acknowledged_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.documentId, policyDocuments).onDelete('cascade'),
    tenantReference(t, t.versionId, policyVersions).onDelete('cascade'),
    tenantReference(t, t.userId, users),
    uniqueIndex('policy_acknowledgements_version_user_key').on(t.organizationId, t.versionId, t.userId),
  ],
);

/** One reminder per staff member, version and day at most (the daily job). */
export const policyReminders = pgTable(
  'policy_reminders',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    versionId: uuid('version_id').notNull(),
    userId: uuid('user_id').notNull(),
    day: date('day').notNull(),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.versionId, policyVersions).onDelete('cascade'),
    tenantReference(t, t.userId, users),
    uniqueIndex('policy_reminders_version_user_day_key').on(t.organizationId, t.versionId, t.userId, t.day),
  ],
);

/** The board's minutes approving a version, as an uploaded file (migration 0031); one per version. */
export const policyMinutes = pgTable(
  'policy_minutes',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    versionId: uuid('version_id').notNull(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by'),
    uploadedAt: timestampTz('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.versionId, policyVersions).onDelete('cascade'),
    tenantReference(t, t.uploadedBy, users),
    uniqueIndex('policy_minutes_version_key').on(t.organizationId, t.versionId),
  ],
);
