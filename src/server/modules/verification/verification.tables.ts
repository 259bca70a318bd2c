import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { RuleSet } from '../../../shared/eligibility/rules';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { requests } from '../requests/requests.tables';
import { services } from '../services/services.tables';

const orgId = organizationId;
const ts = timestampTz;

// Eligibility rules per service, versioned: a decision records the version it was evaluated with.
export const eligibilityRuleVersions = pgTable(
  'eligibility_rule_versions',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    serviceId: uuid('service_id').notNull(),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<RuleSet>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.serviceId, services),
    tenantReference(t, t.createdBy, users),
    uniqueIndex('rule_versions_service_version_key').on(t.serviceId, t.version),
  ],
);

// مهام التحقق — one per mechanism the service requires (document check, interview, field visit), and
// any interview or field visit staff add to a request themselves, with whom it is for and by when.
export const verificationTasks = pgTable(
  'verification_tasks',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    requestId: uuid('request_id').notNull(),
    mechanism: text('mechanism', { enum: ['documents', 'interview', 'field_visit'] }).notNull(),
    status: text('status', { enum: ['open', 'scheduled', 'done'] })
      .notNull()
      .default('open'),
    assigneeId: uuid('assignee_id'),
    scheduledAt: ts('scheduled_at'),
    // The day by which the task should be done (the association's local date), set when staff add it.
    dueOn: date('due_on'),
    location: text('location'),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    findings: text('findings'),
    recommendation: text('recommendation', { enum: ['eligible', 'not_eligible', 'needs_more'] }),
    completedBy: uuid('completed_by'),
    completedAt: ts('completed_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.requestId, requests).onDelete('cascade'),
    tenantReference(t, t.assigneeId, users),
    tenantReference(t, t.completedBy, users),
    index('verification_request_idx').on(t.requestId),
    index('verification_assignee_idx').on(t.organizationId, t.assigneeId, t.status),
  ],
);

// A fraud signal that staff looked at and dismissed, with the reason (kept for the audit trail).
export const fraudSignalDismissals = pgTable(
  'fraud_signal_dismissals',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    requestId: uuid('request_id').notNull(),
    signalKey: text('signal_key').notNull(),
    reason: text('reason').notNull(),
    dismissedBy: uuid('dismissed_by'),
    dismissedAt: ts('dismissed_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.requestId, requests).onDelete('cascade'),
    tenantReference(t, t.dismissedBy, users),
    uniqueIndex('fraud_dismissals_key').on(t.requestId, t.signalKey),
  ],
);

// Photos taken on a field visit (stored through FileStorage).
export const verificationPhotos = pgTable(
  'verification_photos',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    taskId: uuid('task_id').notNull(),
    storageKey: text('storage_key').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.taskId, verificationTasks).onDelete('cascade'),
    tenantReference(t, t.uploadedBy, users),
    index('verification_photos_task_idx').on(t.taskId),
  ],
);

// تقرير البحث الاجتماعي — the researcher's written report gathering the verification findings.
export const researchReports = pgTable(
  'research_reports',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    requestId: uuid('request_id').notNull(),
    bodyAr: text('body_ar').notNull(),
    recommendation: text('recommendation', { enum: ['eligible', 'not_eligible', 'needs_more'] }).notNull(),
    status: text('status', { enum: ['draft', 'submitted'] })
      .notNull()
      .default('draft'),
    authorId: uuid('author_id'),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.requestId, requests).onDelete('cascade'),
    tenantReference(t, t.authorId, users),
    uniqueIndex('research_reports_request_key').on(t.requestId),
  ],
);
