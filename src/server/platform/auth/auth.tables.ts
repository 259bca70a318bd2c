import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantPrimaryKey, tenantReference } from '../db/columns';
import { organizations } from '../identity/organizations.tables';
import { users } from '../identity/users.tables';

// Server-side sessions: the cookie holds a random token, the table holds only its SHA-256.
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').notNull(),
    userId: uuid('user_id').notNull(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [
    tenantPrimaryKey(t),
    // The exception to association keys: a request is matched to its session by the token's hash
    // alone, before its association is known (app_session_actor), so the hash stays unique by itself.
    uniqueIndex('sessions_id_key').on(t.id),
    tenantReference(t, t.userId, users).onDelete('cascade'),
    index('sessions_user_idx').on(t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

// Failed sign-ins per client address in a sliding window (stateless app nodes share it). Belongs to
// no association, so it has no organization_id.
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
});
