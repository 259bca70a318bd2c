import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { complaintKinds, complaintSources, complaintStatuses } from '../../../shared/contracts/complaints';
import { improvementSources, improvementStatuses } from '../../../shared/contracts/surveys';
import { organizationId, tenantPrimaryKey, tenantReference } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';

const at = (name: string) => timestamp(name, { withTimezone: true });

// الشكاوى والمقترحات — a complaint or a suggestion, from staff, the portal or the public form. The
// tracking number is random (not a sequence), so knowing one tells nothing about the others.
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    trackingNumber: text('tracking_number').notNull(),
    kind: text('kind', { enum: complaintKinds }).notNull(),
    source: text('source', { enum: complaintSources }).notNull(),
    beneficiaryId: uuid('beneficiary_id'),
    anonymous: boolean('anonymous').notNull().default(false),
    name: text('name'),
    phone: text('phone'),
    category: text('category'),
    text: text('text').notNull(),
    // The staff member the complaint is about: never shown to them (every query filters it).
    aboutStaffId: uuid('about_staff_id'),
    assigneeId: uuid('assignee_id'),
    status: text('status', { enum: complaintStatuses }).notNull().default('new'),
    dueAt: at('due_at').notNull(),
    escalatedAt: at('escalated_at'),
    reply: text('reply'),
    repliedAt: at('replied_at'),
    repliedBy: uuid('replied_by'),
    replyDelivery: text('reply_delivery', { enum: ['sent', 'none', 'skipped'] }),
    satisfied: boolean('satisfied'),
    closedAt: at('closed_at'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('complaints_tracking_key').on(t.organizationId, t.trackingNumber),
    index('complaints_queue_idx').on(t.organizationId, t.status, t.dueAt),
    index('complaints_beneficiary_idx').on(t.organizationId, t.beneficiaryId),
    tenantReference(t, t.beneficiaryId, beneficiaries),
    tenantReference(t, t.aboutStaffId, users),
    tenantReference(t, t.assigneeId, users),
    tenantReference(t, t.repliedBy, users),
    tenantReference(t, t.createdBy, users),
  ],
);

// إجراءات التحسين — minimal for now: issue 13 gives them their own workflow.
export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    title: text('title').notNull(),
    sourceComplaintId: uuid('source_complaint_id'),
    ownerId: uuid('owner_id'),
    status: text('status', { enum: improvementStatuses }).notNull().default('open'),
    dueDate: date('due_date'),
    createdBy: uuid('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    // Issue 13 (migration 0024): where it came from, the service whose satisfaction shows its effect,
    // what was done, and the public «قلتم، فعلنا».
    source: text('source', { enum: improvementSources }).notNull().default('manual'),
    sourceResponseId: uuid('source_response_id'),
    serviceId: uuid('service_id'),
    description: text('description'),
    outcome: text('outcome'),
    saidAr: text('said_ar'),
    didAr: text('did_ar'),
    saidEn: text('said_en'),
    didEn: text('did_en'),
    publishedAt: at('published_at'),
    completedAt: at('completed_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('improvement_actions_source_idx').on(t.organizationId, t.sourceComplaintId),
    tenantReference(t, t.sourceComplaintId, complaints),
    tenantReference(t, t.ownerId, users),
    tenantReference(t, t.createdBy, users),
    tenantReference(t, t.serviceId, services),
  ],
);
