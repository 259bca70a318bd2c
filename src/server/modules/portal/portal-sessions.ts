import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { PortalSessionLookup } from '../../platform/auth/access';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { PortalActor } from '../../platform/http/context';
import { findLiveBeneficiary } from './portal.repository';
import { portalSessions } from './portal.tables';

export const portalCookieName = 'wasl_portal';
/** Idle time before a portal session ends, and the most it can last: shorter than a staff session. */
export const portalIdleMinutes = 30;
export const portalMaxHours = 8;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type PortalSessionStore = ReturnType<typeof createPortalSessionStore>;

/** Portal sessions in PostgreSQL, apart from staff sessions: a portal cookie never opens a staff route. */
export function createPortalSessionStore({ db, clock }: { db: Db; clock: Clock }) {
  const idleMs = portalIdleMinutes * 60_000;
  const store = {
    cookieName: portalCookieName,
    maxAgeSeconds: portalMaxHours * 3600,

    async create(
      tx: Tx,
      input: { organizationId: string; beneficiaryId: string; ip: string | null; userAgent: string | null },
    ): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now().getTime();
      await tx.insert(portalSessions).values({
        id: hashToken(token),
        organizationId: input.organizationId,
        beneficiaryId: input.beneficiaryId,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(now + idleMs),
        absoluteExpiresAt: new Date(now + portalMaxHours * 3_600_000),
      });
      return token;
    },

    /**
     * The beneficiary of a portal token, or null when it is unknown, expired, or their record is no longer
     * open to the portal (merged, destroyed, blocked, deceased, inactive).
     */
    async authenticate(token: string): Promise<PortalActor | null> {
      const id = hashToken(token);
      const now = clock.now();
      const { rows } = await db.execute<{
        session_id: string;
        last_seen_at: string | Date;
        organization_id: string;
        beneficiary_id: string;
      }>(sql`select * from app_portal_session(${id}, ${now.toISOString()}::timestamptz)`);
      const row = rows[0];
      if (!row) return null;
      return inTenant(db, { organizationId: row.organization_id, userId: null }, async () => {
        const person = await findLiveBeneficiary(db, row.organization_id, row.beneficiary_id);
        if (!person || !portalOpenTo(person.status)) return null;
        if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
          await db
            .update(portalSessions)
            .set({ lastSeenAt: now, expiresAt: new Date(now.getTime() + idleMs) })
            .where(and(eq(portalSessions.organizationId, row.organization_id), eq(portalSessions.id, id)));
        }
        return {
          sessionId: row.session_id,
          organizationId: row.organization_id,
          beneficiaryId: row.beneficiary_id,
          fullName: person.fullNameAr,
        };
      });
    },

    async revoke(tx: Tx, organizationId: string, sessionId: string): Promise<void> {
      await tx
        .delete(portalSessions)
        .where(and(eq(portalSessions.organizationId, organizationId), eq(portalSessions.id, sessionId)));
    },

    async deleteExpired(): Promise<void> {
      await db.execute(sql`select app_delete_expired_portal_sessions()`);
    },
  } satisfies PortalSessionLookup & Record<string, unknown>;
  return store;
}

/** Which records may use the portal: accepted files, and pre-registrations still being completed. */
export function portalOpenTo(status: string): boolean {
  return status === 'active' || status === 'pending_verification';
}
