import { describe, expect, it } from 'vitest';
import { beneficiaryInput } from '../support/beneficiary-factory';
import { createService, signDeclaration, uploadDocument } from '../support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../support/test-app';

// With a pool of one connection, any transaction that reaches for a second connection (instead of using
// its own handle) waits forever; under load that starves the pool. Every step here must still work.
const { app, services } = await createTestApp({ poolMax: 1 });
const org = await createOrganization(services, [
  { fullName: 'مدير', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'باحثة', email: 'researcher', roles: ['researcher', 'supervisor'] },
  { fullName: 'عضو', email: 'committee', roles: ['committee_member'] },
  { fullName: 'خدمة', email: 'service', roles: ['service_officer'] },
]);
const c = await signInEach(app, org.emails);

describe('one database connection', () => {
  it('carries a beneficiary and a request through the whole journey', async () => {
    const service = await createService(app, c.admin!, { verification: ['documents', 'interview'] });
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/beneficiaries',
      headers: { cookie: c.officer! },
      payload: beneficiaryInput(),
    });
    expect(created.statusCode).toBe(201);
    const b = created.json();
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/beneficiaries/${b.id}`,
          headers: { cookie: c.officer! },
        })
      ).statusCode,
    ).toBe(200);
    await uploadDocument(app, c.officer!, b.id, 'national_id', '2031-01-01');
    await signDeclaration(app, c.officer!, b.id);
    const request = await app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: { cookie: c.officer! },
      payload: { beneficiaryId: b.id, serviceId: service.id, channel: 'phone' },
    });
    expect(request.statusCode).toBe(201);
    const id = request.json().id;
    const act = (cookie: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: { cookie }, payload });
    expect((await act(c.officer!, { action: 'start_review' })).statusCode).toBe(200);
    expect((await act(c.officer!, { action: 'start_verification' })).statusCode).toBe(200);
    const researcherId = (
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: c.researcher! } })
    ).json().user.id;
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/v1/requests/${id}/assign`,
          headers: { cookie: c.researcher! },
          payload: { assigneeId: researcherId },
        })
      ).statusCode,
    ).toBe(200);
    for (const task of (
      await app.inject({
        method: 'GET',
        url: `/api/v1/requests/${id}/verifications`,
        headers: { cookie: c.researcher! },
      })
    ).json().items) {
      const done = await app.inject({
        method: 'POST',
        url: `/api/v1/verifications/${task.id}/complete`,
        headers: { cookie: c.researcher! },
        payload: { findings: 'مطابق', recommendation: 'eligible' },
      });
      expect(done.statusCode).toBe(200);
    }
    expect((await act(c.researcher!, { action: 'send_to_committee' })).statusCode).toBe(200);
    expect((await act(c.committee!, { action: 'approve', note: 'مستحق' })).statusCode).toBe(200);
    expect(
      (await act(c.service!, { action: 'complete_registration', checklist: ['توقيع محضر الاستلام'] }))
        .statusCode,
    ).toBe(200);
    const delivered = await act(c.service!, {
      action: 'deliver',
      delivery: { deliveredOn: '2026-11-30', description: 'سلة' },
    });
    expect(delivered.json().status).toBe('delivered');
  });
});
