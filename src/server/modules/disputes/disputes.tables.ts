import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { disputeSteps as disputeStepKeys } from '../../../shared/contracts/disputes';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { policyDocuments } from '../policies/policies.tables';
import { requests } from '../requests/requests.tables';

// الميثاق والخلافات (issue 14 item 3, migration 0027).

/** A beneficiary accepted the charter's version `versionNumber` (at intake, or in the portal). */
export const charterAcceptances = pgTable(
  'charter_acceptances',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    documentId: uuid('document_id').notNull(),
    versionNumber: integer('version_number').notNull(),
    channel: text('channel').notNull(),
    acceptedAt: timestampTz('accepted_at').notNull().defaultNow(),
    recordedBy: uuid('recorded_by'),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.documentId, policyDocuments),
    tenantReference(t, t.recordedBy, users),
    index('charter_acceptances_beneficiary_idx').on(t.organizationId, t.beneficiaryId, t.acceptedAt),
  ],
);

/** A dispute with a beneficiary, settled along the charter's steps. */
export const disputes = pgTable(
  'disputes',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    requestId: uuid('request_id'),
    subject: text('subject').notNull(),
    description: text('description').notNull(),
    /** The charter's published version when the dispute was opened (null: no charter published). */
    charterVersion: integer('charter_version'),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    outcome: text('outcome'),
    openedBy: uuid('opened_by'),
    openedAt: timestampTz('opened_at').notNull().defaultNow(),
    closedBy: uuid('closed_by'),
    closedAt: timestampTz('closed_at'),
    updatedAt: timestampTz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.requestId, requests),
    tenantReference(t, t.openedBy, users),
    tenantReference(t, t.closedBy, users),
    index('disputes_org_status_idx').on(t.organizationId, t.status, t.openedAt),
    index('disputes_beneficiary_idx').on(t.organizationId, t.beneficiaryId),
  ],
);

export const disputeSteps = pgTable(
  'dispute_steps',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    disputeId: uuid('dispute_id').notNull(),
    step: text('step', { enum: disputeStepKeys }).notNull(),
    /** The step's place in the charter's order (0: amicable settlement …). */
    position: integer('position').notNull(),
    note: text('note').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestampTz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.disputeId, disputes).onDelete('cascade'),
    tenantReference(t, t.recordedBy, users),
    uniqueIndex('dispute_steps_dispute_position_key').on(t.organizationId, t.disputeId, t.position),
  ],
);
