import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference, timestampTz } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { requests } from '../requests/requests.tables';

const orgId = organizationId;
const ts = timestampTz;

// جلسات لجنة البحث — sessions with an agenda of requests, members' votes, and signed minutes.
export const committeeSessions = pgTable(
  'committee_sessions',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    title: text('title').notNull(),
    scheduledFor: ts('scheduled_for').notNull(),
    chairId: uuid('chair_id').notNull(),
    memberIds: uuid('member_ids').array().notNull(),
    quorum: integer('quorum').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    minutesAr: text('minutes_ar'),
    closedAt: ts('closed_at'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.chairId, users),
    tenantReference(t, t.createdBy, users),
    index('committee_sessions_org_idx').on(t.organizationId, t.scheduledFor),
  ],
);

export const committeeAgenda = pgTable(
  'committee_agenda',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    sessionId: uuid('session_id').notNull(),
    requestId: uuid('request_id').notNull(),
    outcome: text('outcome', { enum: ['approved', 'rejected', 'deferred'] }),
    summary: text('summary'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.sessionId, committeeSessions).onDelete('cascade'),
    tenantReference(t, t.requestId, requests),
    uniqueIndex('committee_agenda_item_key').on(t.sessionId, t.requestId),
  ],
);

export const committeeVotes = pgTable(
  'committee_votes',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: orgId(),
    sessionId: uuid('session_id').notNull(),
    requestId: uuid('request_id').notNull(),
    memberId: uuid('member_id').notNull(),
    vote: text('vote', { enum: ['approve', 'reject', 'defer', 'conflict'] }).notNull(),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.sessionId, committeeSessions).onDelete('cascade'),
    tenantReference(t, t.requestId, requests),
    tenantReference(t, t.memberId, users),
    uniqueIndex('committee_votes_member_key').on(t.sessionId, t.requestId, t.memberId),
  ],
);
