/**
 * Verification from the request (issue 10, item 5): staff who schedule verification add an interview
 * or a field visit to a request whose service planned none, for a colleague, by a day; the colleague
 * sees it among their tasks with the beneficiary's name, district, city and phone, and that read is
 * audited naming the person. Tasks nobody has taken are listed apart, without the phone.
 */
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, signDeclaration, uploadDocument } from '../../../../tests/support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';

const { app, services, testDb } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرفة هند', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة نورة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'الباحث ماجد', email: 'other', roles: ['researcher'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer'] },
]);
const c = await signInEach(app, org.emails);
const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(() => owner.end());

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const idOf = async (cookie: string) => (await get('/api/v1/auth/me', cookie)).json().user.id as string;
const ids = {
  researcher: await idOf(c.researcher!),
  other: await idOf(c.other!),
  service: await idOf(c.service!),
};

// A service that plans the document check only: no interview, no field visit.
const service = await createService(app, c.admin!, { verification: ['documents'] });
const beneficiary = await registerBeneficiary(app, c.officer!, { district: 'حي العزيزية' });
await uploadDocument(app, c.officer!, beneficiary.id, 'national_id', '2030-01-01');
await signDeclaration(app, c.officer!, beneficiary.id);

async function newRequest(...actions: string[]) {
  const res = await post('/api/v1/requests', c.officer!, {
    beneficiaryId: beneficiary.id,
    serviceId: service.id,
    channel: 'in_person',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  for (const action of actions) {
    const t = await post(`/api/v1/requests/${id}/transitions`, c.officer!, { action });
    expect(t.statusCode, t.body).toBe(200);
  }
  return id;
}

// The request in verification, with the one planned task: the document check, nobody's yet.
const requestId = await newRequest('start_review', 'start_verification');
const inAWeek = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
const addTask = (id: string, payload: object, cookie = c.supervisor!) =>
  post(`/api/v1/requests/${id}/verifications`, cookie, payload);

async function auditRowsSince(id: number) {
  const { rows } = await owner.query<{
    action: string;
    entity_type: string;
    details: Record<string, unknown>;
  }>(
    'select action, entity_type, details from audit_events where organization_id = $1 and id > $2 order by id',
    [org.organization.id, id],
  );
  return rows;
}
async function lastAuditId() {
  const { rows } = await owner.query<{ id: string | null }>(
    'select max(id) as id from audit_events where organization_id = $1',
    [org.organization.id],
  );
  return Number(rows[0]!.id ?? 0);
}

describe('adding an interview or a field visit to a request', () => {
  it('adds a field visit the service did not plan, for a researcher, by a day, and records it', async () => {
    const planned = (await get(`/api/v1/requests/${requestId}/verifications`, c.supervisor!)).json().items;
    expect(planned.map((t: { mechanism: string }) => t.mechanism)).toEqual(['documents']);

    const res = await addTask(requestId, {
      mechanism: 'field_visit',
      assigneeId: ids.researcher,
      dueOn: inAWeek,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      requestId,
      mechanism: 'field_visit',
      status: 'open',
      assigneeId: ids.researcher,
      assigneeName: 'الباحثة نورة',
      dueOn: inAWeek,
      scheduledAt: null,
    });

    const tasks = (await get(`/api/v1/requests/${requestId}/verifications`, c.supervisor!)).json().items;
    expect(tasks.map((t: { mechanism: string }) => t.mechanism)).toEqual(['documents', 'field_visit']);

    // The history says who added what for whom; the status did not change.
    const history = (await get(`/api/v1/requests/${requestId}/history`, c.supervisor!)).json().items;
    expect(history.at(-1)).toMatchObject({
      action: 'add_field_visit',
      from: 'in_verification',
      to: 'in_verification',
      actorName: 'المشرفة هند',
      note: 'الباحثة نورة',
    });
    const request = (await get(`/api/v1/requests/${requestId}`, c.supervisor!)).json();
    expect(request.status).toBe('in_verification');
  });

  it('lets a researcher add an interview too, and holds the request from the committee until it is done', async () => {
    const res = await addTask(
      requestId,
      { mechanism: 'interview', assigneeId: ids.other, dueOn: inAWeek },
      c.researcher!,
    );
    expect(res.statusCode, res.body).toBe(201);
    const documents = (await get(`/api/v1/requests/${requestId}/verifications`, c.supervisor!))
      .json()
      .items.find((t: { mechanism: string }) => t.mechanism === 'documents');
    const done = await post(`/api/v1/verifications/${documents.id}/complete`, c.supervisor!, {
      findings: 'الوثائق مطابقة',
      recommendation: 'eligible',
    });
    expect(done.statusCode, done.body).toBe(200);
    // The added field visit and interview are still open: the request may not go to the decision yet.
    const send = await post(`/api/v1/requests/${requestId}/transitions`, c.supervisor!, {
      action: 'send_to_committee',
    });
    expect(send.statusCode).toBe(409);
    expect(send.json().error.code).toBe('VERIFICATION_INCOMPLETE');
  });

  it('adds a task during review, which starting verification keeps instead of duplicating', async () => {
    const fieldService = await createService(app, c.admin!, {
      nameAr: 'ترميم',
      nameEn: 'Repair',
      verification: ['field_visit'],
    });
    const res0 = await post('/api/v1/requests', c.officer!, {
      beneficiaryId: beneficiary.id,
      serviceId: fieldService.id,
      channel: 'in_person',
    });
    const id = res0.json().id as string;
    await post(`/api/v1/requests/${id}/transitions`, c.officer!, { action: 'start_review' });
    const added = await addTask(id, { mechanism: 'field_visit', assigneeId: ids.researcher, dueOn: inAWeek });
    expect(added.statusCode, added.body).toBe(201);
    await post(`/api/v1/requests/${id}/transitions`, c.officer!, { action: 'start_verification' });
    const tasks = (await get(`/api/v1/requests/${id}/verifications`, c.supervisor!)).json().items;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ id: added.json().id, assigneeId: ids.researcher, dueOn: inAWeek });
  });

  it.each([
    [
      'a colleague whose roles do no verification work',
      () => ({ assigneeId: ids.service }),
      'assigneeId',
      'ASSIGNEE_INVALID',
    ],
    ['a due day before today', () => ({ dueOn: '2020-01-01' }), 'dueOn', 'DATE_IN_PAST'],
    ['a day that does not exist', () => ({ dueOn: '2030-02-30' }), 'dueOn', 'INVALID_DATE'],
    ['the document check (not added by hand)', () => ({ mechanism: 'documents' }), 'mechanism', null],
  ])('refuses %s with a field error and adds nothing', async (_what, change, field, code) => {
    const before = (await get(`/api/v1/requests/${requestId}/verifications`, c.supervisor!)).json().items
      .length;
    const res = await addTask(requestId, {
      mechanism: 'field_visit',
      assigneeId: ids.researcher,
      dueOn: inAWeek,
      ...change(),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toHaveProperty(field);
    const error = res.json().error;
    if (code) expect([error.code, error.details.codes?.[field]]).toContain(code);
    const after = (await get(`/api/v1/requests/${requestId}/verifications`, c.supervisor!)).json().items
      .length;
    expect(after).toBe(before);
  });

  it('refuses a request that is not in a state to verify (409), and an unknown request (404)', async () => {
    const submitted = await newRequest();
    const res = await addTask(submitted, {
      mechanism: 'interview',
      assigneeId: ids.researcher,
      dueOn: inAWeek,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await get(`/api/v1/requests/${submitted}/verifications`, c.supervisor!)).json().items).toEqual(
      [],
    );
    const history = (await get(`/api/v1/requests/${submitted}/history`, c.supervisor!)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['submit']);
    const unknown = await addTask('00000000-0000-4000-8000-000000000000', {
      mechanism: 'interview',
      assigneeId: ids.researcher,
      dueOn: inAWeek,
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('work lists that name the person', () => {
  it("shows the assignee's tasks with the beneficiary's name, district, city and phone, audited by name", async () => {
    const before = await lastAuditId();
    const res = await get('/api/v1/verifications/mine', c.researcher!);
    expect(res.statusCode).toBe(200);
    const visit = res
      .json()
      .items.find(
        (t: { requestId: string; mechanism: string }) =>
          t.requestId === requestId && t.mechanism === 'field_visit',
      );
    expect(visit).toMatchObject({
      mechanism: 'field_visit',
      dueOn: inAWeek,
      assigneeName: 'الباحثة نورة',
      request: { serviceNameAr: 'سلة غذائية', status: 'in_verification' },
      beneficiary: {
        id: beneficiary.id,
        fullNameAr: beneficiary.fullNameAr,
        district: 'حي العزيزية',
        city: 'مكة المكرمة',
        phone: beneficiary.phone,
      },
    });
    expect(visit.request.number).toMatch(/\S/);
    const rows = await auditRowsSince(before);
    expect(rows).toEqual([
      {
        action: 'verification.tasks.read',
        entity_type: 'beneficiary',
        details: { list: 'mine', beneficiaryIds: [beneficiary.id] },
      },
    ]);
  });

  it('lists tasks nobody has taken apart, without the phone, and a taken task leaves that list for its taker', async () => {
    const other = await newRequest('start_review', 'start_verification');
    const available = async () =>
      (await get('/api/v1/verifications/available', c.other!)).json().items as {
        id: string;
        requestId: string;
        assigneeId: string | null;
        beneficiary: { fullNameAr: string; district: string | null; phone: string | null };
      }[];
    const open = (await available()).filter((t) => t.requestId === other);
    expect(open).toHaveLength(1);
    expect(open[0]!.assigneeId).toBeNull();
    expect(open[0]!.beneficiary).toMatchObject({
      fullNameAr: beneficiary.fullNameAr,
      district: 'حي العزيزية',
      phone: null,
    });
    // Tasks already assigned (the added visit and interview) are not offered to anyone.
    expect((await available()).every((t) => t.assigneeId === null)).toBe(true);

    const take = await app.inject({
      method: 'PATCH',
      url: `/api/v1/verifications/${open[0]!.id}`,
      headers: { cookie: c.other! },
      payload: { assigneeId: ids.other, onlyIfUnassigned: true },
    });
    expect(take.statusCode, take.body).toBe(200);
    expect((await available()).some((t) => t.requestId === other)).toBe(false);
    // A colleague taking it a moment later is told so (409), and does not take it over.
    const late = await app.inject({
      method: 'PATCH',
      url: `/api/v1/verifications/${open[0]!.id}`,
      headers: { cookie: c.researcher! },
      payload: { assigneeId: ids.researcher, onlyIfUnassigned: true },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('CONFLICT');
    const mine = (await get('/api/v1/verifications/mine', c.other!)).json().items;
    expect(mine.map((t: { id: string }) => t.id)).toContain(open[0]!.id);
  });

  it('drops from the work lists the tasks of a request that left verification (withdrawn)', async () => {
    const id = await newRequest('start_review', 'start_verification');
    await addTask(id, { mechanism: 'interview', assigneeId: ids.researcher, dueOn: inAWeek });
    const has = async () =>
      (await get('/api/v1/verifications/mine', c.researcher!))
        .json()
        .items.some((t: { requestId: string }) => t.requestId === id);
    expect(await has()).toBe(true);
    const withdrawn = await post(`/api/v1/requests/${id}/transitions`, c.officer!, {
      action: 'withdraw',
      note: 'بناءً على طلب المستفيد',
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(await has()).toBe(false);
  });
});
