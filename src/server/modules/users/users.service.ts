// Owns staff accounts: creation, roles, activation, and the account side of signing in (lockout).
import type { CreateUser, ListUsersQuery, UpdateUser, User } from '../../../shared/contracts/users';
import { isStaffRole } from '../../../shared/roles';
import { recordAudit } from '../../platform/audit/audit';
import { hashPassword } from '../../platform/auth/password';
import { assertAcceptablePassword } from '../../platform/auth/password-policy';
import type { SessionStore } from '../../platform/auth/sessions';
import type { Clock } from '../../platform/clock';
import { decodeTextIdCursor, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext, RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { Jobs } from '../../platform/jobs/jobs';
import { dispatchQueued, queueNotification } from '../../platform/notifications/notifications';
import {
  anyUserExists,
  countActiveAdmins,
  findSignInOrganization,
  findUser,
  findUserByEmail,
  findUserForUpdate,
  insertUser,
  listUsers,
  type UserRow,
  updateUserRow,
} from './users.repository';

export const maxFailedSignIns = 5;
export const lockoutMs = 15 * 60_000;

export function presentUser(row: UserRow): User {
  return {
    id: row.id,
    fullName: row.fullName,
    email: row.email,
    roles: row.roles.filter(isStaffRole),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

export type UserService = ReturnType<typeof createUserService>;

export function createUserService(deps: { db: Db; sessions: SessionStore; jobs: Jobs | null; clock: Clock }) {
  const { db, sessions, jobs, clock } = deps;

  // Every way an account is made (setup, staff creation, demo data) passes the password policy here.
  async function insertAccount(
    tx: Tx,
    ctx: RequestContext,
    organizationId: string,
    input: CreateUser,
    passwordField = 'password',
  ) {
    await assertAcceptablePassword(input.password, input.email, passwordField);
    if (await findUserByEmail(tx, input.email))
      throw new AppError(409, 'EMAIL_TAKEN', { fields: { email: 'EMAIL_TAKEN' } });
    const row = await insertUser(tx, {
      organizationId,
      email: input.email,
      fullName: input.fullName,
      passwordHash: await hashPassword(input.password),
      roles: input.roles,
    });
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'users.create',
      entityType: 'user',
      entityId: row.id,
      details: { roles: input.roles },
    });
    return row;
  }

  return {
    anyUserExists: (tx: Tx = db) => anyUserExists(tx),

    /**
     * Creates an account inside the caller's transaction (first-run setup, demo data); a refused
     * password is reported on `passwordField`, the form's path to it.
     */
    createAccount: async (
      tx: Tx,
      ctx: RequestContext,
      organizationId: string,
      input: CreateUser,
      passwordField?: string,
    ) => presentUser(await insertAccount(tx, ctx, organizationId, input, passwordField)),

    async createUser(ctx: ActorContext, input: CreateUser, organizationName: string): Promise<User> {
      const { user, messageId } = await db.transaction(async (tx) => {
        const row = await insertAccount(tx, ctx, ctx.actor.organizationId, input);
        // Invitation through the outbox: it says where to sign in; the password is given in person.
        const messageId = await queueNotification(tx, {
          organizationId: ctx.actor.organizationId,
          channel: 'email',
          recipient: row.email,
          subject: message(ctx.language, 'invitation.subject', { organization: organizationName }),
          body: message(ctx.language, 'invitation.body', {
            name: row.fullName,
            inviter: ctx.actor.fullName,
            organization: organizationName,
            email: row.email,
          }),
          relatedType: 'user',
          relatedId: row.id,
        });
        return { user: presentUser(row), messageId };
      });
      await dispatchQueued(jobs, [messageId]);
      return user;
    },

    /** Active colleagues, optionally of one role: names and roles only. */
    async directory(ctx: ActorContext, role?: string) {
      const { rows } = await listUsers(
        db,
        ctx.actor.organizationId,
        { limit: 200, status: 'active', role: role as never },
        null,
      );
      return {
        items: rows.map((r) => ({ id: r.id, fullName: r.fullName, roles: r.roles.filter(isStaffRole) })),
      };
    },

    async getUser(ctx: ActorContext, id: string): Promise<User> {
      const row = await findUser(db, ctx.actor.organizationId, id);
      if (!row) throw notFound();
      return presentUser(row);
    },

    /** The user of the actor's organization, or null when there is none; database errors propagate. */
    async findUser(ctx: ActorContext, id: string): Promise<User | null> {
      const row = await findUser(db, ctx.actor.organizationId, id);
      return row ? presentUser(row) : null;
    },

    async listUsers(ctx: ActorContext, query: ListUsersQuery) {
      const after = decodeTextIdCursor(query.cursor);
      const { rows, total } = await listUsers(db, ctx.actor.organizationId, query, after);
      const last = rows.at(-1);
      return {
        items: rows.map(presentUser),
        total,
        nextCursor: rows.length === query.limit && last ? encodeCursor([last.fullName, last.id]) : null,
      };
    },

    async updateUser(ctx: ActorContext, id: string, input: UpdateUser): Promise<User> {
      return db.transaction(async (tx) => {
        const before = await findUserForUpdate(tx, ctx.actor.organizationId, id);
        if (!before) throw notFound();
        if (input.status === 'inactive' && id === ctx.actor.userId)
          throw new AppError(409, 'CANNOT_DEACTIVATE_SELF');
        const losesAdmin =
          before.roles.includes('admin') &&
          before.status === 'active' &&
          (input.status === 'inactive' || (input.roles && !input.roles.includes('admin')));
        if (losesAdmin && (await countActiveAdmins(tx, ctx.actor.organizationId)) <= 1) {
          throw new AppError(409, 'LAST_ADMIN');
        }
        const row = await updateUserRow(tx, ctx.actor.organizationId, id, input);
        // Deactivation ends every session at once; so does any change of roles (fresh permissions).
        const endsSessions = (input.status === 'inactive' && before.status === 'active') || input.roles;
        const sessionsEnded = endsSessions ? await sessions.revokeAllForUser(tx, id) : 0;
        await recordAudit(tx, ctx, {
          action: 'users.update',
          entityType: 'user',
          entityId: id,
          details: {
            ...(input.roles ? { rolesFrom: before.roles, rolesTo: row.roles } : {}),
            ...(input.status ? { statusFrom: before.status, statusTo: row.status } : {}),
            ...(input.fullName ? { fullNameChanged: true } : {}),
            sessionsEnded,
          },
        });
        return presentUser(row);
      });
    },

    // ---- the account side of signing in (used by the auth module) ----

    findForSignIn: (email: string) => findUserByEmail(db, email),

    findSignInOrganization: (email: string) => findSignInOrganization(db, email),

    isLocked(row: UserRow): number | null {
      const until = row.lockedUntil?.getTime() ?? 0;
      const left = until - clock.now().getTime();
      return left > 0 ? Math.ceil(left / 1000) : null;
    },

    /** Counts a failed password; the fifth in a row locks the account for a while. */
    async recordFailedSignIn(tx: Tx, row: UserRow): Promise<boolean> {
      const failures = row.failedLoginCount + 1;
      const locks = failures >= maxFailedSignIns;
      await updateUserRow(tx, row.organizationId, row.id, {
        failedLoginCount: locks ? 0 : failures,
        lockedUntil: locks ? new Date(clock.now().getTime() + lockoutMs) : row.lockedUntil,
      });
      return locks;
    },

    /** Grants or revokes the platform operator right (platform module; setup's administrator). */
    async setPlatformOperator(tx: Tx, organizationId: string, id: string, value: boolean): Promise<UserRow> {
      return updateUserRow(tx, organizationId, id, { platformOperator: value });
    },

    async recordSuccessfulSignIn(tx: Tx, row: UserRow): Promise<void> {
      await updateUserRow(tx, row.organizationId, row.id, {
        failedLoginCount: 0,
        lockedUntil: null,
        lastLoginAt: clock.now(),
      });
    },
  };
}
