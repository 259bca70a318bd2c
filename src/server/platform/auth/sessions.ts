import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, sql } from 'drizzle-orm';
import { isStaffRole } from '../../../shared/roles';
import { users } from '../../modules/users/users.tables';
import type { Clock } from '../clock';
import type { Db, Tx } from '../db/database';
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

    /** The actor of a session token, or null when it is unknown, expired or its user is inactive. */
    async authenticate(token: string): Promise<Actor | null> {
      const id = hashToken(token);
      const now = clock.now();
      const [row] = await db
        .select({
          sessionId: sessions.id,
          lastSeenAt: sessions.lastSeenAt,
          userId: users.id,
          organizationId: users.organizationId,
          fullName: users.fullName,
          email: users.email,
          roles: users.roles,
        })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), eq(users.status, 'active')))
        .limit(1);
      if (!row) return null;
      // Sliding expiry, written at most once a minute to keep reads cheap.
      if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
        await db
          .update(sessions)
          .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + ttlMs) })
          .where(eq(sessions.id, id));
      }
      return {
        sessionId: row.sessionId,
        userId: row.userId,
        organizationId: row.organizationId,
        fullName: row.fullName,
        email: row.email,
        roles: row.roles.filter(isStaffRole),
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

    async deleteExpired(): Promise<void> {
      await db.delete(sessions).where(sql`${sessions.expiresAt} < now()`);
    },
  };
}
