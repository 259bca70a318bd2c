// Owns signing in and out: throttling per address, lockout per account, sessions, and `me`.
import type { Login, Me } from '../../../shared/contracts/auth';
import { allowedActions } from '../../../shared/permissions';
import { recordAudit } from '../../platform/audit/audit';
import { assertNotThrottled, recordFailedAttempt } from '../../platform/auth/login-throttle';
import { verifyDummy, verifyPassword } from '../../platform/auth/password';
import type { SessionStore } from '../../platform/auth/sessions';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { Actor, RequestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import { presentUser, type UserService } from '../users/users.service';

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: {
  db: Db;
  users: UserService;
  organizations: OrganizationService;
  sessions: SessionStore;
  clock: Clock;
}) {
  const { db, users, organizations, sessions, clock } = deps;
  const throttleKey = (ctx: RequestContext) => `ip:${ctx.ip ?? 'unknown'}`;

  async function me(
    actor: Pick<Actor, 'userId' | 'organizationId' | 'fullName' | 'email' | 'roles' | 'platformOperator'>,
  ): Promise<Me> {
    return {
      user: {
        id: actor.userId,
        fullName: actor.fullName,
        email: actor.email,
        roles: actor.roles,
        platformOperator: actor.platformOperator === true,
      },
      organization: await organizations.getOrganization(actor.organizationId),
      permissions: allowedActions(actor.roles),
    };
  }

  return {
    me,

    async login(
      ctx: RequestContext,
      input: Login,
      userAgent: string | null,
    ): Promise<{ token: string; me: Me }> {
      await assertNotThrottled(db, throttleKey(ctx), clock);
      // The e-mail names the association; the rest of the sign-in runs inside it (row-level security).
      const organizationId = await users.findSignInOrganization(input.email);
      const attempt = () => attemptLogin(ctx, input, userAgent);
      const outcome = organizationId
        ? await inTenant(db, { organizationId, userId: null }, attempt)
        : await attempt();
      if ('error' in outcome) throw outcome.error;
      return outcome;
    },

    async logout(ctx: RequestContext & { actor: Actor }): Promise<void> {
      await db.transaction(async (tx) => {
        await sessions.revoke(tx, ctx.actor.sessionId);
        await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
      });
    },
  };

  /** A failed attempt is recorded (and committed) before its error is thrown. */
  async function attemptLogin(
    ctx: RequestContext,
    input: Login,
    userAgent: string | null,
  ): Promise<{ token: string; me: Me } | { error: AppError }> {
    const row = await users.findForSignIn(input.email);

    const fail = async (reason: string, error: AppError, locked = false) => {
      await db.transaction(async (tx) => {
        await recordFailedAttempt(tx, throttleKey(ctx), clock);
        const lockedNow =
          row && reason === 'wrong_password' ? await users.recordFailedSignIn(tx, row) : false;
        await recordAudit(tx, ctx, {
          organizationId: row?.organizationId ?? null,
          actorId: row?.id ?? null,
          actorName: row?.fullName ?? null,
          actorRoles: row?.roles ?? [],
          action: 'auth.login',
          entityType: 'user',
          entityId: row?.id ?? null,
          outcome: 'failure',
          details: { reason, ...(lockedNow || locked ? { locked: true } : {}) },
        });
      });
      return { error };
    };

    if (!row) {
      await verifyDummy(input.password);
      return fail('unknown_email', new AppError(401, 'INVALID_CREDENTIALS'));
    }
    const lockedFor = users.isLocked(row);
    if (lockedFor !== null) {
      return fail('locked', new AppError(429, 'ACCOUNT_LOCKED', { retryAfterSeconds: lockedFor }), true);
    }
    if (!(await verifyPassword(row.passwordHash, input.password))) {
      return fail('wrong_password', new AppError(401, 'INVALID_CREDENTIALS'));
    }
    if (row.status !== 'active') return fail('inactive', new AppError(403, 'ACCOUNT_INACTIVE'));
    if ((await organizations.organizationStatus(row.organizationId)) !== 'active') {
      return fail('organization_suspended', new AppError(403, 'ORGANIZATION_SUSPENDED'));
    }

    const token = await db.transaction(async (tx) => {
      await users.recordSuccessfulSignIn(tx, row);
      const token = await sessions.create(tx, {
        userId: row.id,
        organizationId: row.organizationId,
        ip: ctx.ip,
        userAgent,
      });
      await recordAudit(tx, ctx, {
        organizationId: row.organizationId,
        actorId: row.id,
        actorName: row.fullName,
        actorRoles: row.roles,
        action: 'auth.login',
        entityType: 'user',
        entityId: row.id,
      });
      return token;
    });
    const user = presentUser(row);
    return {
      token,
      me: await me({
        userId: user.id,
        organizationId: row.organizationId,
        ...user,
        platformOperator: row.platformOperator,
      }),
    };
  }
}
