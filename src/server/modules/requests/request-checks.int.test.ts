import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { requests } from './requests.tables';

const { app, services } = await createTestApp();

/** An association with one member per case role; `committee` makes its research committee decide. */
async function association(decides: 'committee' | 'department') {
  const { organization, emails } = await createOrganization(services, [
    { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
    { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
    { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
    { fullName: 'عضو اللجنة', email: 'member', roles: ['committee_member'] },
  ]);
  const c = (await signInEach(app, emails)) as Record<'admin' | 'officer' | 'researcher' | 'member', string>;
  if (decides === 'committee') {
    const current = (
      await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: c.admin } })
    ).json();
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/organizations/current',
      headers: { cookie: c.admin },
      payload: {
        settings: {
          ...current.settings,
          decisionBody: { kind: 'committee', nameAr: 'لجنة البحث', nameEn: 'Research committee' },
        },
      },
    });
    expect(res.statusCode).toBe(200);
  }
  const service = await createService(app, c.admin);
  return { organizationId: organization.id, c, service };
}

const post = (url: string, cookie: string, payload: object = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

/** A request walked by the API to the decision stage (the service asks for a document check only). */
async function requestInCommittee(a: Awaited<ReturnType<typeof association>>) {
  const b = await readyBeneficiary(app, a.c.officer);
  const created = await post('/api/v1/requests', a.c.officer, {
    beneficiaryId: b.id,
    serviceId: a.service.id,
    channel: 'in_person',
  });
  const id = created.json().id as string;
  for (const action of ['start_review', 'start_verification'])
    expect((await post(`/api/v1/requests/${id}/transitions`, a.c.officer, { action })).statusCode).toBe(200);
  for (const task of (await get(`/api/v1/requests/${id}/verifications`, a.c.researcher)).json().items)
    await post(`/api/v1/verifications/${task.id}/complete`, a.c.researcher, {
      findings: 'الوثائق مطابقة',
      recommendation: 'eligible',
    });
  const sent = await post(`/api/v1/requests/${id}/transitions`, a.c.researcher, {
    action: 'send_to_committee',
  });
  expect(sent.json().status).toBe('in_committee');
  return id;
}

/** A portal draft (the portal is not built yet, so the test writes the row as the portal will). */
async function portalDraft(organizationId: string, beneficiaryId: string, serviceId: string) {
  const [row] = await inOrganization(services, organizationId, () =>
    services.db
      .insert(requests)
      .values({
        organizationId,
        number: `P-${Math.random().toString(36).slice(2, 10)}`,
        beneficiaryId,
        serviceId,
        channel: 'portal',
        status: 'draft',
      })
      .returning({ id: requests.id }),
  );
  return row!.id;
}

describe('one submission check for creation and the submit transition', () => {
  it('refuses submitting a draft of an inactive service with the same error as creating a request', async () => {
    const a = await association('department');
    const b = await readyBeneficiary(app, a.c.officer);
    const draftId = await portalDraft(a.organizationId, b.id, a.service.id);
    const off = await app.inject({
      method: 'PATCH',
      url: `/api/v1/services/${a.service.id}`,
      headers: { cookie: a.c.admin },
      payload: { active: false },
    });
    expect(off.json().active).toBe(false);

    const created = await post('/api/v1/requests', a.c.officer, {
      beneficiaryId: b.id,
      serviceId: a.service.id,
      channel: 'in_person',
    });
    const submitted = await post(`/api/v1/requests/${draftId}/transitions`, a.c.officer, {
      action: 'submit',
    });
    expect(created.statusCode).toBe(409);
    expect(created.json().error.code).toBe('SERVICE_INACTIVE');
    expect({ status: submitted.statusCode, body: submitted.json() }).toEqual({
      status: created.statusCode,
      body: created.json(),
    });
    expect((await get(`/api/v1/requests/${draftId}`, a.c.officer)).json().status).toBe('draft');
  });

  it('lists the same missing items for a draft as for a new request of an incomplete file', async () => {
    const a = await association('department');
    const b = await registerBeneficiary(app, a.c.officer);
    const draftId = await portalDraft(a.organizationId, b.id, a.service.id);
    const created = await post('/api/v1/requests', a.c.officer, {
      beneficiaryId: b.id,
      serviceId: a.service.id,
      channel: 'in_person',
    });
    const submitted = await post(`/api/v1/requests/${draftId}/transitions`, a.c.officer, {
      action: 'submit',
    });
    expect(created.json().error).toMatchObject({
      code: 'SUBMISSION_INCOMPLETE',
      details: { missingDocuments: ['national_id'], declaration: 'never_signed' },
    });
    expect({ status: submitted.statusCode, body: submitted.json() }).toEqual({
      status: created.statusCode,
      body: created.json(),
    });
    const [row] = await inOrganization(services, a.organizationId, () =>
      services.db.select().from(requests).where(eq(requests.id, draftId)),
    );
    expect(row).toMatchObject({ status: 'draft', submittedAt: null, expectedDecisionAt: null });
  });
});

describe('actions offered to a committee member', () => {
  it('offers approve and reject where a department decides, and not where the committee decides in session', async () => {
    for (const [decides, offered] of [
      ['department', ['return_to_verification', 'approve', 'reject']],
      ['committee', ['return_to_verification']],
    ] as const) {
      const a = await association(decides);
      const id = await requestInCommittee(a);
      const one = (await get(`/api/v1/requests/${id}`, a.c.member)).json();
      expect(one.availableActions).toEqual(offered);
      const listed = (await get('/api/v1/requests?queue=committee', a.c.member)).json().items;
      expect(listed.find((r: { id: string }) => r.id === id).availableActions).toEqual(offered);
      // What is offered is what the server accepts: an offered decision goes through, the other is refused.
      const approve = await post(`/api/v1/requests/${id}/transitions`, a.c.member, {
        action: 'approve',
        note: 'مستحق حسب الدراسة',
      });
      if (decides === 'department') expect(approve.json().status).toBe('approved');
      else expect(approve.json().error.code).toBe('COMMITTEE_DECISION_REQUIRED');
    }
  });
});
