import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { isStaffRole } from '../../../shared/roles';
import type { Clock } from '../clock';
import type { Db, Tx } from '../db/database';
import { inTenant } from '../db/tenant';
import type { Actor } from '../http/context';
import { sessions } from './auth.tables';

export const sessionCookieName = 'wasl_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionStore = ReturnType<typeof createSessionStore>;

/** Server-side sessions in PostgreSQL, so any app node can serve any request. */
export function createSessionStore({ db, ttlHours, clock }: { db: Db; ttlHours: number; clock: Clock }) {
  const ttlMs = ttlHours * 3_600_000;
  return {
    ttlSeconds: ttlHours * 3600,

    async create(
      tx: Tx,
      input: { userId: string; organizationId: string; ip: string | null; userAgent: string | null },
    ): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      await tx.insert(sessions).values({
        id: hashToken(token),
        userId: input.userId,
        organizationId: input.organizationId,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(clock.now().getTime() + ttlMs),
      });
      return token;
    },

    /**
     * The actor of a session token, or null when it is unknown, expired or its user is inactive. The
     * lookup crosses associations (the token is all there is), so it goes through the one named
     * database function for it; the sliding expiry is then written inside the actor's association.
     */
    async authenticate(token: string): Promise<Actor | null> {
      const id = hashToken(token);
      const now = clock.now();
      const { rows } = await db.execute<{
        session_id: string;
        last_seen_at: string | Date;
        user_id: string;
        organization_id: string;
        full_name: string;
        email: string;
        roles: string[];
        platform_operator: boolean;
      }>(sql`select * from app_session_actor(${id}, ${now.toISOString()}::timestamptz)`);
      const row = rows[0];
      if (!row) return null;
      // Sliding expiry, written at most once a minute to keep reads cheap.
      if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
        await inTenant(db, { organizationId: row.organization_id, userId: row.user_id }, () =>
          db
            .update(sessions)
            .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
            .where(and(eq(sessions.organizationId, row.organization_id), eq(sessions.id, id))),
        );
      }
      return {
        sessionId: row.session_id,
        userId: row.user_id,
        organizationId: row.organization_id,
        fullName: row.full_name,
        email: row.email,
        roles: row.roles.filter(isStaffRole),
        platformOperator: row.platform_operator === true,
      };
    },

    async revoke(tx: Tx, sessionId: string): Promise<void> {
      await tx.delete(sessions).where(eq(sessions.id, sessionId));
    },

    async revokeAllForUser(tx: Tx, userId: string): Promise<number> {
      const deleted = await tx
        .delete(sessions)
        .where(eq(sessions.userId, userId))
        .returning({ id: sessions.id });
      return deleted.length;
    },

    /** Housekeeping across associations, through its named database function. */
    async deleteExpired(): Promise<void> {
      await db.execute(sql`select app_delete_expired_sessions()`);
    },
  };
}
