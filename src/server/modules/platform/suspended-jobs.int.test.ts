/**
 * A suspended association's scheduled work stops (issue 14, item 8): every function a background job uses
 * to list the associations it visits leaves a suspended association out, and lists it again once resumed.
 * Called as the application role, as the jobs call them.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestApp } from '../../../../tests/support/test-app';

const { services, testDb } = await createTestApp();
const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(() => owner.end());

const active = await createOrganization(services, [
  { fullName: 'مدير', email: 'manager', roles: ['manager'] },
]);
const suspended = await createOrganization(services, [
  { fullName: 'مدير', email: 'manager', roles: ['manager'] },
]);

const jobLists = {
  policyReminders: sql`select app_organizations_for_policy_reminders() as id`,
  monthlyReports: sql`select app_organizations_for_monthly_reports() as id`,
  periodicSurveys: sql`select app_organizations_for_periodic_surveys() as id`,
  complaintEscalation: sql`select app_complaint_escalation_organizations() as id`,
  expiringDocuments: sql`select id from app_organizations_with_expiring_documents('2026-01-01'::date, '2026-12-31'::date) as id`,
  dueAppointments: sql`select id from app_organizations_with_due_appointments('2026-01-01'::timestamptz, '2026-12-31'::timestamptz) as id`,
};

async function listed(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [name, query] of Object.entries(jobLists)) {
    const result = await services.db.execute<{ id: string }>(query);
    out[name] = result.rows.map((r) => r.id);
  }
  return out;
}

describe('background jobs and suspended associations', () => {
  it('leave a suspended association out of every job, and take it back when resumed', async () => {
    const before = await listed();
    for (const ids of Object.values(before)) {
      expect(ids).toContain(active.organization.id);
      expect(ids).toContain(suspended.organization.id);
    }
    await owner.query(`update organizations set status = 'suspended' where id = $1`, [
      suspended.organization.id,
    ]);
    for (const [name, ids] of Object.entries(await listed())) {
      expect(ids, name).toContain(active.organization.id);
      expect(ids, name).not.toContain(suspended.organization.id);
    }
    await owner.query(`update organizations set status = 'active' where id = $1`, [
      suspended.organization.id,
    ]);
    for (const ids of Object.values(await listed())) expect(ids).toContain(suspended.organization.id);
  });
});
