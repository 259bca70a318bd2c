import { describe, expect, it } from 'vitest';
import { beneficiaryInput, registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
]);
const c = await signInEach(app, org.emails);
const service = await createService(app, c.admin!);
const post = (url: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });

describe('fraud signals', () => {
  it('shows the same phone on another beneficiary, and keeps a dismissal with its reason', async () => {
    const first = await readyBeneficiary(app, c.officer!);
    const twin = await post('/api/v1/beneficiaries', c.officer!, {
      ...beneficiaryInput({ phone: first.phone }),
      acknowledgedDuplicateIds: [first.id],
    });
    expect(twin.statusCode).toBe(201);
    const id = (
      await post('/api/v1/requests', c.officer!, {
        beneficiaryId: first.id,
        serviceId: service.id,
        channel: 'in_person',
      })
    ).json().id;
    const signals = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/requests/${id}/fraud-signals`,
        headers: { cookie: c.researcher! },
      })
    ).json().items;
    const kinds = signals.map((s: { kind: string }) => s.kind);
    expect(kinds).toEqual(expect.arrayContaining(['same_phone', 'duplicate']));
    const phone = signals.find((s: { kind: string }) => s.kind === 'same_phone');
    expect(phone.otherBeneficiaryId).toBe(twin.json().id);
    const after = (
      await post(`/api/v1/requests/${id}/fraud-signals/dismiss`, c.researcher!, {
        key: phone.key,
        reason: 'زوجان يستخدمان جوالاً واحداً',
      })
    ).json();
    expect(after.items.find((s: { key: string }) => s.key === phone.key)).toMatchObject({
      dismissed: true,
      dismissReason: 'زوجان يستخدمان جوالاً واحداً',
    });
    expect(
      (
        await post(`/api/v1/requests/${id}/fraud-signals/dismiss`, c.researcher!, {
          key: 'phone:nope',
          reason: 'لا يوجد',
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('what-if of a rule change', () => {
  it('counts the beneficiaries whose recommendation would change, with a sample', async () => {
    for (let i = 0; i < 3; i++) await registerBeneficiary(app, c.officer!, { city: 'تبوك' });
    await registerBeneficiary(app, c.officer!, { city: 'الجوف' });
    const res = await post(`/api/v1/services/${service.id}/rules/what-if`, c.admin!, {
      threshold: 0,
      criteria: [{ id: 'city', kind: 'city_in', cities: ['تبوك'], mode: 'required' }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // With no rules everyone is "eligible"; the proposal makes everyone outside Tabuk "not eligible".
    expect(body.evaluated).toBeGreaterThanOrEqual(4);
    expect(body.changed).toBe(body.evaluated - 3);
    expect(
      body.sample.every(
        (s: { before: string; after: string }) => s.before === 'eligible' && s.after === 'not_eligible',
      ),
    ).toBe(true);
    expect(
      (await post(`/api/v1/services/${service.id}/rules/what-if`, c.officer!, { criteria: [] })).statusCode,
    ).toBe(403);
  });
});
