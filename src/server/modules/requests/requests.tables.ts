import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';

const orgId = organizationId;
const ts = timestampTz;

// طلبات الخدمة. Only the transition service changes `status` (DESIGN.md).
export const requests = pgTable(
  'requests',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    number: text('number').notNull(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    channel: text('channel').notNull(),
    status: text('status').notNull(),
    /** The state a request in needs_info returns to. */
    returnTo: text('return_to'),
    infoRequested: text('info_requested').array().notNull().default(sql`'{}'`),
    submittedAt: ts('submitted_at'),
    expectedDecisionAt: ts('expected_decision_at'),
    pausedAt: ts('paused_at'),
    assignedTo: uuid('assigned_to'),
    decidedBy: uuid('decided_by'),
    decisionReason: text('decision_reason'),
    decidedAt: ts('decided_at'),
    /** approved / rejected: set with `decided_at` by a trigger (migration 0033), kept when the request closes. */
    decision: text('decision').$type<'approved' | 'rejected'>(),
    /** The eligibility rule version the decision was informed by. */
    ruleVersion: integer('rule_version'),
    registrationChecklist: jsonb('registration_checklist').$type<string[]>().notNull().default([]),
    notes: text('notes'),
    stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries),
    tenantReference(t, t.serviceId, services),
    tenantReference(t, t.assignedTo, users),
    tenantReference(t, t.decidedBy, users),
    tenantReference(t, t.createdBy, users),
    uniqueIndex('requests_org_number_key').on(t.organizationId, t.number),
    index('requests_org_status_idx').on(t.organizationId, t.status, t.stageEnteredAt),
    index('requests_beneficiary_idx').on(t.beneficiaryId),
    index('requests_org_expected_idx').on(t.organizationId, t.expectedDecisionAt),
  ],
);

export const requestHistory = pgTable(
  'request_history',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    requestId: uuid('request_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    action: text('action').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    note: text('note'),
    at: ts('at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.requestId, requests).onDelete('cascade'),
    tenantReference(t, t.actorId, users),
    index('request_history_request_idx').on(t.requestId, t.at),
  ],
);

// إحالة — an unclear case or question referred to the supervisor / social research officer.
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    requestId: uuid('request_id').notNull(),
    reason: text('reason').notNull(),
    assigneeId: uuid('assignee_id').notNull(),
    createdBy: uuid('created_by'),
    dueAt: ts('due_at').notNull(),
    answer: text('answer'),
    answeredAt: ts('answered_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.requestId, requests).onDelete('cascade'),
    tenantReference(t, t.assigneeId, users),
    tenantReference(t, t.createdBy, users),
    index('referrals_assignee_idx').on(t.organizationId, t.assigneeId, t.answeredAt),
  ],
);

export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    requestId: uuid('request_id').notNull(),
    deliveredOn: date('delivered_on').notNull(),
    description: text('description').notNull(),
    quantity: numeric('quantity', { precision: 14, scale: 2, mode: 'number' }),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    deliveredBy: uuid('delivered_by'),
    proofDocumentId: uuid('proof_document_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.requestId, requests).onDelete('cascade'),
    tenantReference(t, t.deliveredBy, users),
    index('deliveries_request_idx').on(t.requestId),
  ],
);

// خطاب القرار — the approval or rejection letter as sent, kept on the request.
export const decisionLetters = pgTable(
  'decision_letters',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    requestId: uuid('request_id').notNull(),
    decision: text('decision', { enum: ['approved', 'rejected'] }).notNull(),
    bodyAr: text('body_ar').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [tenantPrimaryKey(t), tenantReference(t, t.requestId, requests).onDelete('cascade')],
);
