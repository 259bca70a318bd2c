// Owns first-run setup: the first organization and its administrator, once.
import { sql } from 'drizzle-orm';
import type { Setup } from '../../../shared/contracts/auth';
import type { Db } from '../../platform/db/database';
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
      return (await users.countAllUsers()) === 0;
    },

    async runSetup(ctx: RequestContext, input: Setup) {
      return db.transaction(async (tx) => {
        // Two browsers submitting at once: the second waits here, then sees the first's admin.
        await tx.execute(sql`select pg_advisory_xact_lock(${setupLockKey})`);
        if ((await users.countAllUsers(tx)) > 0) throw new AppError(409, 'ALREADY_SET_UP');
        const organization = await organizations.createOrganization(tx, ctx, input.organization);
        const user = await users.createAccount(tx, ctx, organization.id, {
          ...input.admin,
          roles: ['admin'],
        });
        return {
          organization: { id: organization.id, nameAr: organization.nameAr, nameEn: organization.nameEn },
          user: { id: user.id, fullName: user.fullName, email: user.email, roles: user.roles },
        };
      });
    },
  };
}
