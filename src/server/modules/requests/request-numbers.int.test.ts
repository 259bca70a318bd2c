import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';
import { withTenant } from '../../platform/db/tenant';

// Numbers come from a sequence per association and kind (migration 0034, decision 028): creations at once
// do not wait for each other for their numbers.
const { app, services, testDb } = await createTestApp({ poolMax: 12 });
const staff = () => [
  { fullName: 'مدير', email: 'admin', roles: ['admin' as const] },
  { fullName: 'موظفة', email: 'officer', roles: ['relations_officer' as const] },
];
const a = await createOrganization(services, staff());
const b = await createOrganization(services, staff());
const ca = await signInEach(app, a.emails);
const cb = await signInEach(app, b.emails);

describe('request and file numbers', () => {
  it('are distinct and follow each other when asked for at once', async () => {
    const service = await createService(app, ca.admin!);
    const people = [];
    for (let i = 0; i < 8; i++) people.push(await readyBeneficiary(app, ca.officer!));
    const created = await Promise.all(
      people.map((p) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/requests',
          headers: { cookie: ca.officer! },
          payload: { beneficiaryId: p.id, serviceId: service.id, channel: 'phone' },
        }),
      ),
    );
    expect(created.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    const numbers = created.map((r) => r.json().number as string).sort();
    expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => `R-${String(1 + i).padStart(6, '0')}`));
  });

  it('count each association and each kind on its own', async () => {
    const first = await registerBeneficiary(app, cb.officer!);
    const second = await registerBeneficiary(app, cb.officer!);
    expect([first.fileNumber, second.fileNumber]).toEqual(['B-000001', 'B-000002']);
  });

  it('refuses a number of another association', async () => {
    const { db } = testDb.database;
    const scope = { organizationId: a.organization.id, userId: null };
    await expect(
      withTenant(db, scope, () => db.execute(sql`select wasl_next_number(${b.organization.id}, 'request')`)),
    ).rejects.toThrow();
    await expect(
      withTenant(db, scope, () => db.execute(sql`select wasl_next_number(${a.organization.id}, 'other')`)),
    ).rejects.toThrow();
  });
});
