// Owns first-run setup: the first organization and its administrator, once.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Setup } from '../../../shared/contracts/auth';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { RequestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import type { UserService } from '../users/users.service';

const setupLockKey = 727_002;

export type SetupService = ReturnType<typeof createSetupService>;

export function createSetupService(deps: { db: Db; organizations: OrganizationService; users: UserService }) {
  const { db, organizations, users } = deps;
  return {
    async isSetupNeeded(): Promise<boolean> {
      return !(await users.anyUserExists());
    },

    async runSetup(ctx: RequestContext, input: Setup) {
      // The new association's id is chosen first: its rows are written inside its own scope.
      const organizationId = randomUUID();
      return inTenant(db, { organizationId, userId: null }, async () => {
        const tx = db;
        // Two browsers submitting at once: the second waits here, then sees the first's admin.
        await tx.execute(sql`select pg_advisory_xact_lock(${setupLockKey})`);
        if (await users.anyUserExists(tx)) throw new AppError(409, 'ALREADY_SET_UP');
        const organization = await organizations.createOrganization(tx, ctx, {
          ...input.organization,
          id: organizationId,
        });
        const user = await users.createAccount(
          tx,
          ctx,
          organization.id,
          { ...input.admin, roles: ['admin'] },
          'admin.password',
        );
        // The install's first administrator is its platform operator (creates further associations).
        await users.setPlatformOperator(tx, organization.id, user.id, true);
        return {
          organization: { id: organization.id, nameAr: organization.nameAr, nameEn: organization.nameEn },
          user: { id: user.id, fullName: user.fullName, email: user.email, roles: user.roles },
        };
      });
    },
  };
}
