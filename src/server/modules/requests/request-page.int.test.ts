import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';

// GET /api/v1/requests/:id/page (decision 013): the request page's data in one read, equal part by
// part to the separate reads it replaces, scoped to the reader's association, audited once.
const { app, services } = await createTestApp();
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مشرف آخر', email: 'supervisor', roles: ['supervisor'] },
]);
const c = await signInEach(app, staff.emails);
const outsider = (await signInEach(app, other.emails)).supervisor!;
const basket = await createService(app, c.admin!);

const get = (url: string, cookie: string, requestId?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: { cookie, ...(requestId ? { 'x-request-id': requestId } : {}) },
  });
const act = (id: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: { cookie }, payload });
const items = async (url: string, cookie: string) => (await get(url, cookie)).json().items;
const auditRowsOf = (httpRequestId: string, organizationId = staff.organization.id) =>
  inOrganization(services, organizationId, () =>
    services.db.select().from(auditEvents).where(eq(auditEvents.requestId, httpRequestId)),
  );

/** A request taken at the counter, verified, referred, approved, registered and delivered. */
async function deliveredRequest() {
  const b = await readyBeneficiary(app, c.officer!);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: { cookie: c.officer! },
    payload: { beneficiaryId: b.id, serviceId: basket.id, channel: 'in_person' },
  });
  const id = created.json().id as string;
  expect((await act(id, c.officer!, { action: 'start_review' })).statusCode).toBe(200);
  expect((await act(id, c.officer!, { action: 'start_verification' })).statusCode).toBe(200);
  const supervisorId = (await get('/api/v1/auth/me', c.supervisor!)).json().user.id;
  const referred = await app.inject({
    method: 'POST',
    url: `/api/v1/requests/${id}/referrals`,
    headers: { cookie: c.officer! },
    payload: { reason: 'المستفيد يسأل عن موعد الاستلام', assigneeId: supervisorId },
  });
  expect(referred.statusCode).toBe(201);
  for (const task of await items(`/api/v1/requests/${id}/verifications`, c.researcher!)) {
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${task.id}/complete`,
      headers: { cookie: c.researcher! },
      payload: { findings: 'الوثائق مطابقة وسارية', recommendation: 'eligible', answers: {} },
    });
    expect(done.statusCode).toBe(200);
  }
  expect((await act(id, c.researcher!, { action: 'send_to_committee' })).statusCode).toBe(200);
  expect((await act(id, c.committee!, { action: 'approve', note: 'تنطبق شروط الخدمة' })).statusCode).toBe(
    200,
  );
  const registered = await act(id, c.service!, {
    action: 'complete_registration',
    checklist: ['توقيع محضر الاستلام'],
  });
  expect(registered.statusCode).toBe(200);
  const delivered = await act(id, c.service!, {
    action: 'deliver',
    delivery: { deliveredOn: '2026-11-26', description: 'سلة غذائية كاملة', quantity: 1 },
  });
  expect(delivered.json().status).toBe('delivered');
  return id;
}

const id = await deliveredRequest();

describe('the request page in one read', () => {
  it('holds, part by part, what the separate reads answer', async () => {
    const res = await get(`/api/v1/requests/${id}/page`, c.supervisor!);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(Object.keys(page).sort()).toEqual(
      ['deliveries', 'history', 'referrals', 'request', 'service', 'verifications'].sort(),
    );
    expect(page.request).toEqual((await get(`/api/v1/requests/${id}`, c.supervisor!)).json());
    expect(page.request.status).toBe('delivered');
    expect(page.service).toEqual((await get(`/api/v1/services/${basket.id}`, c.supervisor!)).json());
    expect(page.service.registrationChecklist).toEqual(['توقيع محضر الاستلام']);
    expect(page.history).toEqual(await items(`/api/v1/requests/${id}/history`, c.supervisor!));
    expect(page.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'start_review',
      'start_verification',
      'refer',
      'send_to_committee',
      'approve',
      'complete_registration',
      'deliver',
    ]);
    expect(page.deliveries).toEqual(await items(`/api/v1/requests/${id}/deliveries`, c.supervisor!));
    expect(page.deliveries).toHaveLength(1);
    expect(page.referrals).toEqual(await items(`/api/v1/requests/${id}/referrals`, c.supervisor!));
    expect(page.referrals).toHaveLength(1);
    expect(page.verifications).toEqual(await items(`/api/v1/requests/${id}/verifications`, c.supervisor!));
    expect(page.verifications.map((t: { status: string }) => t.status)).toEqual(['done']);
  });

  it('offers each reader the actions they may take, and verification only to those who may read it', async () => {
    const forService = (await get(`/api/v1/requests/${id}/page`, c.service!)).json();
    expect(forService.request.availableActions).toEqual(
      (await get(`/api/v1/requests/${id}`, c.service!)).json().availableActions,
    );
    expect(forService.request.availableActions).toContain('close');
    expect(forService.verifications).toBeNull();
    expect(forService.history.length).toBeGreaterThan(0);
    const forResearcher = (await get(`/api/v1/requests/${id}/page`, c.researcher!)).json();
    expect(forResearcher.request.availableActions).not.toContain('close');
    expect(forResearcher.verifications).toHaveLength(1);
  });

  it("answers 404 for another association's request and for an unknown one, and audits neither", async () => {
    const foreign = await get(`/api/v1/requests/${id}/page`, outsider, 'req-page-foreign-0001');
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
    const unknown = await get(
      '/api/v1/requests/00000000-0000-4000-8000-000000000000/page',
      c.supervisor!,
      'req-page-unknown-0001',
    );
    expect(unknown.statusCode).toBe(404);
    const invalid = await get('/api/v1/requests/not-a-uuid/page', c.supervisor!);
    expect(invalid.statusCode).toBe(400);
    // Neither association holds a read of it: the outsider's answer was an error (rolled back).
    expect(await auditRowsOf('req-page-foreign-0001')).toEqual([]);
    expect(await auditRowsOf('req-page-foreign-0001', other.organization.id)).toEqual([]);
    expect(await auditRowsOf('req-page-unknown-0001')).toEqual([]);
  });

  it('is audited once, as one read of the request, in the same transaction', async () => {
    const res = await get(`/api/v1/requests/${id}/page`, c.supervisor!, 'req-page-audit-0001');
    expect(res.statusCode).toBe(200);
    const rows = await auditRowsOf('req-page-audit-0001');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'request.read',
      entityType: 'request',
      entityId: id,
      outcome: 'success',
      details: { route: 'GET /api/v1/requests/:id/page' },
    });
    const supervisorId = (await get('/api/v1/auth/me', c.supervisor!)).json().user.id;
    expect(rows[0]!.actorId).toBe(supervisorId);
  });
});
