import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { monthlyReportRuns } from './reports.tables';

/** The active associations (a suspended one gets no monthly report). */
export async function organizationsForMonthlyReports(db: Db): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`select app_organizations_for_monthly_reports() as id`);
  return result.rows.map((r) => r.id);
}

/** Notes this month's run; false when it was already made (the job ran before). */
export async function claimMonthlyRun(tx: Tx, organizationId: string, month: string): Promise<string | null> {
  const rows = await tx
    .insert(monthlyReportRuns)
    .values({ organizationId, month })
    .onConflictDoNothing()
    .returning({ id: monthlyReportRuns.id });
  return rows[0]?.id ?? null;
}

export async function setRunRecipients(tx: Tx, organizationId: string, id: string, recipients: number) {
  await tx
    .update(monthlyReportRuns)
    .set({ recipients })
    .where(and(eq(monthlyReportRuns.organizationId, organizationId), eq(monthlyReportRuns.id, id)));
}

/** The association's active managers, who receive the monthly report. */
export function activeManagers(tx: Tx, organizationId: string) {
  return tx
    .select({
      id: users.id,
      fullName: users.fullName,
      email: users.email,
      roles: users.roles,
    })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.status, 'active'),
        arrayContains(users.roles, ['manager']),
      ),
    )
    .orderBy(asc(users.createdAt), asc(users.id));
}
