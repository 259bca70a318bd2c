// Owns the platform operator's work across associations (issue 14, item 8): creating an association
// with its first administrator, suspending and resuming it, and granting the operator right. Each
// change runs inside the scope of the association it changes; the operator's own scope is never used.
import { randomUUID } from 'node:crypto';
import type {
  CreatedPlatformOrganization,
  CreatePlatformOrganization,
  OrganizationStatus,
  PlatformOperatorGrant,
  PlatformOrganization,
  PlatformOrganizationList,
  PlatformOrganizationListQuery,
} from '../../../shared/contracts/platform';
import { recordAudit } from '../../platform/audit/audit';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { ActorContext, RequestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import type { UserService } from '../users/users.service';
import { listPlatformOrganizations } from './platform.repository';

export type PlatformService = ReturnType<typeof createPlatformService>;

/** Who did it, on an audit row written in another association than the operator's own. */
function operatorEntry(ctx: ActorContext) {
  return {
    actorId: ctx.actor.userId,
    actorName: ctx.actor.fullName,
    actorRoles: ['platform_operator'],
  };
}

const operatorDetails = (ctx: ActorContext) => ({
  operatorOrganizationId: ctx.actor.organizationId,
  operatorEmail: ctx.actor.email,
});

export function createPlatformService(deps: {
  db: Db;
  organizations: OrganizationService;
  users: UserService;
}) {
  const { db, organizations, users } = deps;

  async function changeStatus(
    ctx: ActorContext,
    organizationId: string,
    status: OrganizationStatus,
  ): Promise<PlatformOrganization> {
    if (status === 'suspended' && organizationId === ctx.actor.organizationId) {
      throw new AppError(409, 'CANNOT_SUSPEND_OWN_ORGANIZATION');
    }
    return inTenant(db, { organizationId, userId: null }, async () => {
      const before = await organizations.organizationStatus(organizationId, db); // 404 when unknown
      const row = await organizations.setOrganizationStatus(db, organizationId, status);
      if (before !== status) {
        await recordAudit(db, ctx, {
          ...operatorEntry(ctx),
          organizationId,
          action: status === 'suspended' ? 'platform.organization_suspend' : 'platform.organization_resume',
          entityType: 'organization',
          entityId: organizationId,
          details: operatorDetails(ctx),
        });
      }
      return { id: row.id, nameAr: row.nameAr, nameEn: row.nameEn, slug: row.slug, status: row.status };
    });
  }

  return {
    async listOrganizations(query: PlatformOrganizationListQuery): Promise<PlatformOrganizationList> {
      // A forged cursor (negative, fractional, endless) is a 400 from decodeOffset, never a database error.
      const offset = decodeOffset(query.cursor);
      const rows = await listPlatformOrganizations(db, { limit: query.limit, offset });
      const total = rows[0]?.total ?? 0;
      const next = offset + rows.length;
      return {
        items: rows.map((row) => ({
          id: row.id,
          nameAr: row.name_ar,
          nameEn: row.name_en,
          slug: row.slug,
          status: row.status,
          createdAt: new Date(row.created_at).toISOString(),
          users: row.users,
          beneficiaries: row.beneficiaries,
        })),
        total,
        nextCursor: rows.length > 0 && next < total ? encodeCursor([next]) : null,
      };
    },

    /** A new association and its first administrator (same password policy as first-run setup). */
    async createOrganization(
      ctx: ActorContext,
      input: CreatePlatformOrganization,
    ): Promise<CreatedPlatformOrganization> {
      const { slug } = input.organization;
      // Both are unique across the install: checked here because the new association's scope sees
      // neither another association's slug nor another's staff.
      if (await organizations.slugTaken(slug)) {
        throw new AppError(409, 'SLUG_TAKEN', { fields: { 'organization.slug': 'SLUG_TAKEN' } });
      }
      if (await users.findSignInOrganization(input.admin.email)) {
        throw new AppError(409, 'EMAIL_TAKEN', { fields: { 'admin.email': 'EMAIL_TAKEN' } });
      }
      const organizationId = randomUUID();
      // The rows of the new association are its own: written with no actor of another association.
      const systemCtx: RequestContext = { ...ctx, actor: null };
      return inTenant(db, { organizationId, userId: null }, async () => {
        const organization = await organizations.createOrganization(db, systemCtx, {
          id: organizationId,
          nameAr: input.organization.nameAr,
          nameEn: input.organization.nameEn,
          slug,
        });
        // Taken in the meantime: createOrganization would have made it unique; the operator chose it.
        if (organization.slug !== slug) {
          throw new AppError(409, 'SLUG_TAKEN', { fields: { 'organization.slug': 'SLUG_TAKEN' } });
        }
        const admin = await users.createAccount(
          db,
          systemCtx,
          organizationId,
          { ...input.admin, roles: ['admin'] },
          'admin.password',
        );
        await recordAudit(db, ctx, {
          ...operatorEntry(ctx),
          organizationId,
          action: 'platform.organization_create',
          entityType: 'organization',
          entityId: organizationId,
          details: { ...operatorDetails(ctx), slug, adminId: admin.id },
        });
        return {
          organization: {
            id: organization.id,
            nameAr: organization.nameAr,
            nameEn: organization.nameEn,
            slug: organization.slug,
            status: 'active' as const,
          },
          admin: { id: admin.id, email: admin.email },
        };
      });
    },

    suspendOrganization: (ctx: ActorContext, id: string) => changeStatus(ctx, id, 'suspended'),
    resumeOrganization: (ctx: ActorContext, id: string) => changeStatus(ctx, id, 'active'),

    /** Grants the operator right to, or revokes it from, a staff member of any association. */
    async setOperator(ctx: ActorContext, input: PlatformOperatorGrant) {
      const organizationId = await users.findSignInOrganization(input.email);
      if (!organizationId) throw new AppError(404, 'NOT_FOUND', { fields: { email: 'NOT_FOUND' } });
      return inTenant(db, { organizationId, userId: null }, async () => {
        const row = await users.findForSignIn(input.email);
        if (!row) throw new AppError(404, 'NOT_FOUND', { fields: { email: 'NOT_FOUND' } });
        // Someone must keep the right: an operator hands it on before giving it up.
        if (!input.grant && row.id === ctx.actor.userId)
          throw new AppError(409, 'CANNOT_REVOKE_OWN_OPERATOR');
        const updated = await users.setPlatformOperator(db, organizationId, row.id, input.grant);
        if (row.platformOperator !== input.grant) {
          await recordAudit(db, ctx, {
            ...operatorEntry(ctx),
            organizationId,
            action: input.grant ? 'platform.operator_grant' : 'platform.operator_revoke',
            entityType: 'user',
            entityId: row.id,
            details: operatorDetails(ctx),
          });
        }
        return { user: { id: updated.id, email: updated.email, platformOperator: updated.platformOperator } };
      });
    },
  };
}
