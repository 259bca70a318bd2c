import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference } from '../../platform/db/columns';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

// One-time codes sent by SMS to sign in to the portal or to verify a new person's phone. Only the
// code's hash is kept (HMAC of the code with the row's own salt), and a code is used once.
export const portalCodes = pgTable(
  'portal_codes',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    nationalId: text('national_id').notNull(),
    purpose: text('purpose', { enum: ['sign_in', 'register'] }).notNull(),
    // The number the code went to (E.164): for `register`, the phone the person typed.
    phone: text('phone').notNull(),
    codeHash: text('code_hash').notNull(),
    salt: text('salt').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
    ip: text('ip'),
  },
  (t) => [
    tenantPrimaryKey(t),
    index('portal_codes_lookup_idx').on(t.organizationId, t.nationalId, t.purpose, t.createdAt),
  ],
);

// Wrong codes per national ID: five within the window lock the ID for fifteen minutes.
export const portalLocks = pgTable(
  'portal_locks',
  {
    organizationId: organizationId(),
    nationalId: text('national_id').notNull(),
    failures: integer('failures').notNull().default(0),
    windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [primaryKey({ name: 'portal_locks_pkey', columns: [t.organizationId, t.nationalId] })],
);

// Portal sessions: separate from staff sessions, shorter-lived; the cookie holds a random token and the
// table its SHA-256.
export const portalSessions = pgTable(
  'portal_sessions',
  {
    id: text('id').notNull(),
    organizationId: organizationId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    // A sliding expiry never passes this: at most a few hours from sign-in.
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    tenantPrimaryKey(t),
    // Found by the token's hash before its association is known (app_portal_session_actor).
    uniqueIndex('portal_sessions_id_key').on(t.id),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    index('portal_sessions_expires_idx').on(t.expiresAt),
  ],
);

// A person's pre-registration from home: the beneficiary record exists with status
// `pending_verification` until staff accept it (→ active) or return it with a reason the person sees.
export const portalRegistrations = pgTable(
  'portal_registrations',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    beneficiaryId: uuid('beneficiary_id').notNull(),
    state: text('state', { enum: ['in_progress', 'submitted', 'returned', 'accepted'] })
      .notNull()
      .default('in_progress'),
    // The duplicate checks run at submission: matching records, for the staff queue.
    duplicateMatches: jsonb('duplicate_matches')
      .$type<{ id: string; fileNumber: string; fullNameAr: string; reasons: string[] }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantPrimaryKey(t),
    uniqueIndex('portal_registrations_beneficiary_key').on(t.organizationId, t.beneficiaryId),
    tenantReference(t, t.beneficiaryId, beneficiaries).onDelete('cascade'),
    tenantReference(t, t.decidedBy, users),
    index('portal_registrations_queue_idx').on(t.organizationId, t.state, t.submittedAt),
  ],
);
