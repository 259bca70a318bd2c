import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, timestampTz } from '../../platform/db/columns';
import { requests } from '../requests/requests.tables';
import { users } from '../users/users.tables';

const orgId = organizationId;
const ts = timestampTz;

// جلسات لجنة البحث — sessions with an agenda of requests, members' votes, and signed minutes.
export const committeeSessions = pgTable(
  'committee_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    title: text('title').notNull(),
    scheduledFor: ts('scheduled_for').notNull(),
    chairId: uuid('chair_id')
      .notNull()
      .references(() => users.id),
    memberIds: uuid('member_ids').array().notNull(),
    quorum: integer('quorum').notNull(),
    status: text('status', { enum: ['open', 'closed'] })
      .notNull()
      .default('open'),
    minutesAr: text('minutes_ar'),
    closedAt: ts('closed_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('committee_sessions_org_idx').on(t.organizationId, t.scheduledFor)],
);

export const committeeAgenda = pgTable(
  'committee_agenda',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => committeeSessions.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    outcome: text('outcome', { enum: ['approved', 'rejected', 'deferred'] }),
    summary: text('summary'),
    decidedAt: ts('decided_at'),
  },
  (t) => [uniqueIndex('committee_agenda_item_key').on(t.sessionId, t.requestId)],
);

export const committeeVotes = pgTable(
  'committee_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => committeeSessions.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => requests.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    vote: text('vote', { enum: ['approve', 'reject', 'defer', 'conflict'] }).notNull(),
    reason: text('reason').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('committee_votes_member_key').on(t.sessionId, t.requestId, t.memberId)],
);
