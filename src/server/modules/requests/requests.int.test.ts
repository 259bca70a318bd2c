import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import {
  createService,
  readyBeneficiary,
  signDeclaration,
  uploadDocument,
} from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

// Sunday 22 November 2026, 12:00 in Riyadh.
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
// Sessions outlive the months this file's clock travels.
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 800 });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مشرف آخر', email: 'supervisor', roles: ['supervisor', 'relations_officer'] },
]);
const c = Object.fromEntries(
  await Promise.all(
    Object.entries(staff.emails).map(async ([k, email]) => [k, await signIn(app, email)] as const),
  ),
) as Record<string, string>;
const outsider = await signIn(app, other.emails.supervisor!);

// A holiday inside the first decision period (Thursday 3 December).
const org = (
  await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: c.admin! } })
).json();
await app.inject({
  method: 'PATCH',
  url: '/api/v1/organizations/current',
  headers: { cookie: c.admin! },
  payload: {
    settings: { ...org.settings, holidays: [{ date: '2026-12-03', nameAr: 'إجازة', nameEn: 'Holiday' }] },
  },
});
const basket = await createService(app, c.admin!);

const create = (beneficiaryId: string, cookie = c.officer!) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: { cookie },
    payload: { beneficiaryId, serviceId: basket.id, channel: 'in_person' },
  });
const act = (id: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: { cookie }, payload });
const get = (url: string, cookie = c.officer!) => app.inject({ method: 'GET', url, headers: { cookie } });

/** The researcher completes every verification task of the request. */
async function completeVerification(requestId: string) {
  const tasks = (await get(`/api/v1/requests/${requestId}/verifications`, c.researcher!)).json().items;
  expect(tasks.length).toBeGreaterThan(0);
  for (const task of tasks) {
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${task.id}/complete`,
      headers: { cookie: c.researcher! },
      payload: { findings: 'الوثائق مطابقة وسارية', recommendation: 'eligible', answers: { matches: true } },
    });
    expect(done.json().status).toBe('done');
  }
}

describe('submitting a request', () => {
  it('is refused without a signed declaration, listing what is missing', async () => {
    const b = await registerBeneficiary(app, c.officer!);
    await uploadDocument(app, c.officer!, b.id, 'national_id', '2030-01-01');
    const res = await create(b.id);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'SUBMISSION_INCOMPLETE',
      details: { declaration: 'never_signed', missingDocuments: [] },
    });
    expect((await get(`/api/v1/requests?beneficiaryId=${b.id}`)).json().total).toBe(0);
  });

  it('is refused when a required document has expired, or is missing', async () => {
    const expired = await registerBeneficiary(app, c.officer!);
    await uploadDocument(app, c.officer!, expired.id, 'national_id', '2026-11-01');
    await signDeclaration(app, c.officer!, expired.id);
    expect((await create(expired.id)).json().error.details).toMatchObject({
      expiredDocuments: ['national_id'],
      declaration: null,
    });
    const missing = await registerBeneficiary(app, c.officer!);
    await signDeclaration(app, c.officer!, missing.id);
    expect((await create(missing.id)).json().error.details.missingDocuments).toEqual(['national_id']);
  });

  it('promises a decision 14 working days on, skipping Fridays, Saturdays and the holiday, and tells the beneficiary', async () => {
    const b = await readyBeneficiary(app, c.officer!);
    const res = await create(b.id);
    expect(res.statusCode).toBe(201);
    const request = res.json();
    expect(request).toMatchObject({ status: 'submitted', number: expect.stringMatching(/^R-\d{6}$/) });
    // 14 working days from Sunday 22 Nov, without 3 Dec → Sunday 13 Dec, end of day in Riyadh.
    expect(request.expectedDecisionAt).toBe('2026-12-13T20:59:59.000Z');
    expect(Date.parse(request.expectedDecisionAt) - now.getTime()).toBeGreaterThanOrEqual(14 * 86_400_000);
    const [sms] = await inOrganization(services, staff.organization.id, () =>
      services.db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, request.id)),
    );
    expect(sms).toMatchObject({ channel: 'sms', recipient: b.phone });
    expect(sms!.body).toContain(request.number);
    expect(sms!.body).toContain('١٤٤٨'); // the Hijri date, in Arabic digits
  });
});

describe('moving a request', () => {
  it('refuses an illegal transition with 409 and changes nothing; a role that may never act gets 403', async () => {
    const b = await readyBeneficiary(app, c.officer!);
    const id = (await create(b.id)).json().id;
    const illegal = await act(id, c.committee!, { action: 'approve', note: 'مستحق' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    expect((await act(id, c.service!, { action: 'start_review' })).statusCode).toBe(403);
    expect((await get(`/api/v1/requests/${id}`)).json().status).toBe('submitted');
    expect((await get(`/api/v1/requests/${id}/history`)).json().items).toHaveLength(1);
  });

  it("answers 404 for another organization's request, for reading and for acting", async () => {
    const b = await readyBeneficiary(app, c.officer!);
    const id = (await create(b.id)).json().id;
    expect((await get(`/api/v1/requests/${id}`, outsider)).statusCode).toBe(404);
    expect((await act(id, outsider, { action: 'start_review' })).statusCode).toBe(404);
    expect((await get('/api/v1/requests?limit=200', outsider)).json().items).toEqual([]);
  });

  it('walks the whole journey: review, information, verification, committee, approval, registration, delivery', async () => {
    now = new Date('2026-11-22T09:00:00Z');
    const b = await readyBeneficiary(app, c.officer!);
    const created = (await create(b.id)).json();
    const id = created.id;
    expect((await act(id, c.officer!, { action: 'start_review' })).json().status).toBe('under_review');
    const info = await act(id, c.officer!, { action: 'request_info', missingItems: ['صورة عقد الإيجار'] });
    expect(info.json()).toMatchObject({ status: 'needs_info', infoRequested: ['صورة عقد الإيجار'] });
    const told = await inOrganization(services, staff.organization.id, () =>
      services.db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, id)),
    );
    expect(told.map((m) => m.body).join(' ')).toContain('صورة عقد الإيجار');

    now = new Date('2026-11-25T09:00:00Z'); // Wednesday: three working days later
    const backRes = await act(id, c.officer!, { action: 'provide_info', note: 'أحضر العقد' });
    if (backRes.statusCode !== 200) throw new Error(backRes.body);
    const back = backRes.json();
    expect(back.status).toBe('under_review');
    expect(back.expectedDecisionAt).toBe('2026-12-16T20:59:59.000Z'); // moved by the 3 paused working days

    expect((await act(id, c.officer!, { action: 'start_verification' })).json().status).toBe(
      'in_verification',
    );
    const early = await act(id, c.researcher!, { action: 'send_to_committee' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'VERIFICATION_INCOMPLETE',
      details: { incomplete: ['documents'] },
    });
    await completeVerification(id);
    expect((await act(id, c.researcher!, { action: 'send_to_committee' })).json().status).toBe(
      'in_committee',
    );
    const noReason = await act(id, c.committee!, { action: 'approve' });
    expect(noReason.json().error.code).toBe('NOTE_REQUIRED');
    const approved = (await act(id, c.committee!, { action: 'approve', note: 'تنطبق شروط الخدمة' })).json();
    expect(approved).toMatchObject({ status: 'approved', decisionReason: 'تنطبق شروط الخدمة' });
    const letter = await get(`/api/v1/requests/${id}/letter`);
    expect(letter.headers['content-type']).toContain('text/html');
    expect(letter.body).toContain('تنطبق شروط الخدمة');
    expect(letter.body).toContain('قبول طلبكم');
    const pdf = await get(`/api/v1/requests/${id}/letter.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const incomplete = await act(id, c.service!, { action: 'complete_registration', checklist: [] });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.json().error.details.missing).toEqual(['توقيع محضر الاستلام']);
    expect(
      (
        await act(id, c.service!, { action: 'complete_registration', checklist: ['توقيع محضر الاستلام'] })
      ).json().status,
    ).toBe('registered');
    expect((await act(id, c.service!, { action: 'deliver' })).json().error.code).toBe('DELIVERY_REQUIRED');
    const delivered = await act(id, c.service!, {
      action: 'deliver',
      delivery: { deliveredOn: '2026-11-26', description: 'سلة غذائية كاملة', quantity: 1 },
    });
    expect(delivered.json().status).toBe('delivered');
    expect((await act(id, c.service!, { action: 'close' })).json().status).toBe('closed');
    const history = (await get(`/api/v1/requests/${id}/history`))
      .json()
      .items.map((h: { action: string }) => h.action);
    expect(history).toEqual([
      'submit',
      'start_review',
      'request_info',
      'provide_info',
      'start_verification',
      'send_to_committee',
      'approve',
      'complete_registration',
      'deliver',
      'close',
    ]);
    expect((await get(`/api/v1/requests/${id}/deliveries`)).json().items).toHaveLength(1);
  });

  it('keeps a recurring service registered and records each monthly delivery', async () => {
    const monthly = await createService(app, c.admin!, {
      nameAr: 'إعانة شهرية',
      nameEn: 'Monthly aid',
      recurrence: 'monthly',
      registrationChecklist: [],
    });
    const b = await readyBeneficiary(app, c.officer!);
    const id = (
      await app.inject({
        method: 'POST',
        url: '/api/v1/requests',
        headers: { cookie: c.officer! },
        payload: { beneficiaryId: b.id, serviceId: monthly.id, channel: 'phone' },
      })
    ).json().id;
    await act(id, c.officer!, { action: 'start_review' });
    await act(id, c.officer!, { action: 'start_verification' });
    await completeVerification(id);
    expect((await act(id, c.supervisor!, { action: 'send_to_committee' })).json().status).toBe(
      'in_committee',
    );
    await act(id, c.committee!, { action: 'approve', note: 'أسرة محتاجة' });
    await act(id, c.service!, { action: 'complete_registration' });
    for (const month of ['2026-12-01', '2027-01-01']) {
      const res = await act(id, c.service!, {
        action: 'deliver',
        delivery: { deliveredOn: month, description: 'إعانة', amount: 500 },
      });
      expect(res.json().status).toBe('registered');
    }
    expect(
      (await get(`/api/v1/requests/${id}/deliveries`)).json().items.map((d: { amount: number }) => d.amount),
    ).toEqual([500, 500]);
  });
});

describe('work queues, referrals and assignment', () => {
  it('counts each queue and highlights requests past their promised date', async () => {
    now = new Date('2026-11-22T09:00:00Z');
    const b = await readyBeneficiary(app, c.officer!);
    const id = (await create(b.id)).json().id;
    now = new Date('2027-01-20T09:00:00Z');
    const overdue = (await get('/api/v1/requests?queue=review&overdue=true&limit=200', c.supervisor!)).json();
    expect(overdue.items.map((r: { id: string }) => r.id)).toContain(id);
    expect(overdue.items.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
    const counts = (await get('/api/v1/requests/queues', c.supervisor!)).json().queues;
    expect(counts.review.total).toBeGreaterThanOrEqual(1);
    expect(counts.review.overdue).toBeGreaterThanOrEqual(1);
    expect(counts).toHaveProperty('committee');
    now = new Date('2026-11-22T09:00:00Z');
  });

  it('refers a case to the supervisor, who sees it on their list and answers it', async () => {
    const b = await readyBeneficiary(app, c.officer!);
    const id = (await create(b.id)).json().id;
    const supervisorId = (await get('/api/v1/auth/me', c.supervisor!)).json().user.id;
    const researcherId = (await get('/api/v1/auth/me', c.researcher!)).json().user.id;
    const wrong = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/referrals`,
      headers: { cookie: c.officer! },
      payload: { reason: 'إجراء غير واضح', assigneeId: researcherId },
    });
    expect(wrong.json().error.code).toBe('ASSIGNEE_INVALID');
    const referred = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/referrals`,
      headers: { cookie: c.officer! },
      payload: { reason: 'المستفيد يسأل عن شروط الخدمة', assigneeId: supervisorId },
    });
    expect(referred.statusCode).toBe(201);
    const mine = (await get('/api/v1/referrals/mine', c.supervisor!)).json().items;
    expect(mine.map((r: { id: string }) => r.id)).toContain(referred.json().id);
    const notMine = await app.inject({
      method: 'POST',
      url: `/api/v1/referrals/${referred.json().id}/answer`,
      headers: { cookie: c.researcher! },
      payload: { answer: 'جواب' },
    });
    // Only the supervisor answers referrals (DESIGN.md step 3): a researcher may not, assignee or not.
    expect(notMine.statusCode).toBe(403);
    expect(notMine.json().error.code).toBe('FORBIDDEN');
    const answered = await app.inject({
      method: 'POST',
      url: `/api/v1/referrals/${referred.json().id}/answer`,
      headers: { cookie: c.supervisor! },
      payload: { answer: 'الشروط موضحة في دليل الخدمات' },
    });
    expect(answered.json()).toMatchObject({ status: 'answered', answer: 'الشروط موضحة في دليل الخدمات' });
    expect(
      (await get('/api/v1/referrals/mine', c.supervisor!)).json().items.map((r: { id: string }) => r.id),
    ).not.toContain(referred.json().id);
  });

  it('records assignment in the history and lists the request in the assignee queue', async () => {
    const b = await readyBeneficiary(app, c.officer!);
    const id = (await create(b.id)).json().id;
    const researcherId = (await get('/api/v1/auth/me', c.researcher!)).json().user.id;
    const assigned = await app.inject({
      method: 'POST',
      url: `/api/v1/requests/${id}/assign`,
      headers: { cookie: c.supervisor! },
      payload: { assigneeId: researcherId },
    });
    expect(assigned.json()).toMatchObject({ assignedTo: researcherId, assignedToName: 'الباحثة' });
    expect(
      (await get('/api/v1/requests?queue=mine', c.researcher!)).json().items.map((r: { id: string }) => r.id),
    ).toContain(id);
    const history = (await get(`/api/v1/requests/${id}/history`)).json().items;
    expect(history.at(-1)).toMatchObject({ action: 'assign', note: 'الباحثة' });
  });
});
