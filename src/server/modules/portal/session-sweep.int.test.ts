import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
} from '../../../../tests/support/test-app';
import { sessions } from '../../platform/auth/auth.tables';
import { sweepExpiredSessions } from '../../platform/auth/session-jobs';
import { portalSessions } from './portal.tables';

const { app, services } = await createTestApp();
const { organization, emails } = await createOrganization(services, [
  { fullName: 'موظفة الاستقبال', email: 'clerk', roles: ['relations_officer'] },
]);
const orgId = organization.id;

describe('the session sweep', () => {
  it('deletes expired staff and portal sessions and keeps the live ones', async () => {
    const clerk = await signIn(app, emails.clerk!);
    await signIn(app, emails.clerk!); // a second session, to expire
    const person = await registerBeneficiary(app, clerk);
    const open = (beneficiaryId: string) =>
      inOrganization(services, orgId, () =>
        services.portalSessions.create(services.db, {
          organizationId: orgId,
          beneficiaryId,
          ip: null,
          userAgent: null,
        }),
      );
    await open(person.id);
    const live = await open(person.id);

    const past = new Date(Date.now() - 60_000);
    const [staffRows, portalRows] = await inOrganization(services, orgId, async () => [
      await services.db.select().from(sessions).where(eq(sessions.organizationId, orgId)),
      await services.db.select().from(portalSessions).where(eq(portalSessions.organizationId, orgId)),
    ]);
    expect(staffRows).toHaveLength(2);
    expect(portalRows).toHaveLength(2);
    // The older of each kind expires.
    await inOrganization(services, orgId, async () => {
      await services.db.update(sessions).set({ expiresAt: past }).where(eq(sessions.id, staffRows[1]!.id));
      const expired = portalRows.find(
        (r) => r.createdAt.getTime() === Math.min(...portalRows.map((p) => p.createdAt.getTime())),
      )!;
      await services.db
        .update(portalSessions)
        .set({ expiresAt: past })
        .where(eq(portalSessions.id, expired.id));
    });

    expect(await sweepExpiredSessions(services.db)).toEqual({ staff: 1, portal: 1 });
    const [staffLeft, portalLeft] = await inOrganization(services, orgId, async () => [
      await services.db.select().from(sessions).where(eq(sessions.organizationId, orgId)),
      await services.db.select().from(portalSessions).where(eq(portalSessions.organizationId, orgId)),
    ]);
    expect(staffLeft).toHaveLength(1);
    expect(portalLeft).toHaveLength(1);
    // The live ones still open their doors.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: clerk } })).statusCode,
    ).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/portal/me',
      headers: { cookie: `wasl_portal=${live}` },
    });
    expect(me.statusCode).toBe(200);
  });
});
