import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, signDeclaration, uploadDocument } from '../../../../tests/support/request-factory';
import { portalSignIn, smsFileOutbox } from '../../../../tests/support/sms-file';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { deliverMessage } from '../../platform/notifications/notifications';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { requestHistory, requests } from '../requests/requests.tables';

// Sunday 22 November 2026, 12:00 in Riyadh.
const clock: Clock = { now: () => new Date('2026-11-22T09:00:00Z') };
const sms = smsFileOutbox();
const driver = sms.driver;
const { app, services } = await createTestApp({ clock, notificationDriver: driver });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
]);
const orgId = staff.organization.id;
const slug = staff.organization.slug;
const c = await signInEach(app, staff.emails);

const basket = await createService(app, c.admin!, { nameAr: 'سلة رمضان', nameEn: 'Ramadan basket' });
await app.inject({
  method: 'PUT',
  url: `/api/v1/services/${basket.id}/rules`,
  headers: { cookie: c.admin! },
  payload: {
    criteria: [
      { id: 'id-card', kind: 'document_valid', mode: 'required', documentType: 'national_id' },
      { id: 'city', kind: 'city_in', mode: 'required', cities: ['مكة المكرمة'] },
    ],
    threshold: 0,
  },
});
const rent = await createService(app, c.admin!, {
  nameAr: 'مساعدة إيجار',
  nameEn: 'Rent help',
  requiredDocuments: [],
});
await createService(app, c.admin!, { nameAr: 'خدمة متوقفة', nameEn: 'Paused service', active: false });

const linesOf = sms.lines;

/** Signs in to the portal as staff's registered beneficiary: a code by SMS (file driver), then the session. */
const portalCookie = (person: { nationalId: string; phone: string }) => portalSignIn(app, sms, slug, person);

const portal = (cookie: string) => ({
  get: (url: string) => app.inject({ method: 'GET', url: `/api/v1/portal/${url}`, headers: { cookie } }),
  send: (method: 'POST' | 'PUT', url: string, payload?: object) =>
    app.inject({
      method,
      url: `/api/v1/portal/${url}`,
      headers: { cookie, 'x-requested-with': 'wasl' },
      ...(payload ? { payload } : {}),
    }),
});
const act = (id: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: { cookie }, payload });
const staffGet = (url: string, cookie = c.officer!) =>
  app.inject({ method: 'GET', url, headers: { cookie } });

const outboxOf = (requestId: string) =>
  inOrganization(services, orgId, () =>
    services.db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, requestId)),
  );

// The person: registered at the counter, declaration signed, no document yet.
const person = await registerBeneficiary(app, c.officer!);
await signDeclaration(app, c.officer!, person.id);
const me = portal(await portalCookie(person));

// A neighbour of the same association, with a request of their own.
const neighbour = await registerBeneficiary(app, c.officer!);
await signDeclaration(app, c.officer!, neighbour.id);
const neighbourDoc = await uploadDocument(app, c.officer!, neighbour.id, 'national_id', '2030-01-01');
const them = portal(await portalCookie(neighbour));
const theirRequest = (await them.send('POST', 'requests', { serviceId: rent.id })).json();

describe('a beneficiary applies for a service from the portal', () => {
  let requestId = '';
  let documentId = '';

  it('lists the active services with what each needs and whether the person may qualify, in plain words', async () => {
    const res = await me.get('services');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as {
      id: string;
      requiredDocuments: { code: string; held: boolean }[];
      eligibility: { outcome: string; criteria: { met: boolean | null; explanationAr: string }[] };
    }[];
    expect(items.map((s) => s.id).sort()).toEqual([basket.id, rent.id].sort());
    const b = items.find((s) => s.id === basket.id)!;
    expect(b.requiredDocuments).toMatchObject([{ code: 'national_id', held: false }]);
    expect(b.eligibility.outcome).toBe('unlikely');
    expect(b.eligibility.criteria.map((k) => k.met)).toEqual([false, true]);
    expect(b.eligibility.criteria[0]!.explanationAr).toContain('الهوية الوطنية');
    expect(b.eligibility.criteria[1]!.explanationAr).toBe('الخدمة متاحة في مدينتك.');
    // A service without rules: nobody can tell yet.
    expect(items.find((s) => s.id === rent.id)!.eligibility).toEqual({ outcome: 'unknown', criteria: [] });
  });

  it('starts a draft on the website channel, listing what is missing before it can be sent', async () => {
    const res = await me.send('POST', 'requests', { serviceId: basket.id });
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    requestId = draft.id;
    expect(draft).toMatchObject({
      status: 'draft',
      statusWordsAr: 'لم يُرسل بعد',
      submittedAt: null,
      expectedDecisionAt: null,
      canSubmit: false,
      canWithdraw: true,
      missing: [{ kind: 'document', code: 'national_id', expired: false }],
    });
    const seen = (await staffGet(`/api/v1/requests/${requestId}`)).json();
    expect(seen).toMatchObject({ channel: 'website', status: 'draft', beneficiaryId: person.id });
    expect((await me.get('requests')).json().items.map((r: { id: string }) => r.id)).toEqual([requestId]);
  });

  it('refuses to submit while a required document is missing, and the draft stays a draft', async () => {
    const res = await me.send('POST', `requests/${requestId}/submit`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'SUBMISSION_INCOMPLETE',
      details: {
        missingDocuments: ['national_id'],
        missing: [{ kind: 'document', code: 'national_id' }],
      },
    });
    expect((await me.get(`requests/${requestId}`)).json().status).toBe('draft');
    expect(await outboxOf(requestId)).toHaveLength(0);
  });

  it('submits once the document is on file: the promised date, and the same SMS as at the counter', async () => {
    documentId = (await uploadDocument(app, c.officer!, person.id, 'national_id', '2030-01-01')).id;
    const offered = (await me.get('services')).json().items;
    const b = offered.find((s: { id: string }) => s.id === basket.id);
    expect(b.requiredDocuments[0].held).toBe(true);
    // A valid ID on file and the right city: both required criteria are met.
    expect(b.eligibility.outcome).toBe('likely');
    expect((await me.get(`requests/${requestId}`)).json()).toMatchObject({ missing: [], canSubmit: true });

    const res = await me.send('POST', `requests/${requestId}/submit`);
    expect(res.statusCode).toBe(200);
    // 14 working days from Sunday 22 November (Sunday to Thursday) → Thursday 10 December, end of day.
    expect(res.json()).toMatchObject({
      status: 'submitted',
      statusWordsAr: 'استلمنا طلبك',
      submittedAt: '2026-11-22T09:00:00.000Z',
      expectedDecisionAt: '2026-12-10T20:59:59.000Z',
    });
    const [sms] = await outboxOf(requestId);
    expect(sms).toMatchObject({ channel: 'sms', recipient: person.phone, status: 'queued' });
    expect(sms!.body).toContain(res.json().number);
    expect(sms!.body).toContain('سلة رمضان');
    expect(sms!.body).toContain('١٤٤٨'); // the Hijri date
    expect(sms!.body).toContain('٢٠٢٦'); // and the Gregorian one

    // The history names the person, and no staff member.
    const rows = await inOrganization(services, orgId, () =>
      services.db
        .select()
        .from(requestHistory)
        .where(and(eq(requestHistory.requestId, requestId), eq(requestHistory.action, 'submit'))),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fromStatus: 'draft', toStatus: 'submitted', actorId: null });
    expect(rows[0]!.actorName).toBe(person.fullNameAr);
  });

  it('shows the request for information, and takes the reply with the person’s own document', async () => {
    expect((await act(requestId, c.officer!, { action: 'start_review' })).statusCode).toBe(200);
    const asked = await act(requestId, c.officer!, {
      action: 'request_info',
      note: 'نرجو إرفاق صورة واضحة من الهوية',
    });
    expect(asked.statusCode).toBe(200);

    const seen = (await me.get(`requests/${requestId}`)).json();
    expect(seen).toMatchObject({
      status: 'needs_info',
      statusWordsAr: 'نحتاج منك معلومات إضافية',
      canProvideInfo: true,
      infoRequest: { note: 'نرجو إرفاق صورة واضحة من الهوية', requestedAt: '2026-11-22T09:00:00.000Z' },
    });

    // Someone else's document is not theirs to attach: 404, and nothing moves.
    const foreign = await me.send('POST', `requests/${requestId}/info`, {
      reply: 'أرفقت الهوية',
      documentIds: [neighbourDoc.id],
    });
    expect(foreign.statusCode).toBe(404);
    expect((await me.get(`requests/${requestId}`)).json().status).toBe('needs_info');

    const replied = await me.send('POST', `requests/${requestId}/info`, {
      reply: 'أرفقت صورة جديدة',
      documentIds: [documentId],
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'under_review', infoRequest: null });
    const history = (await staffGet(`/api/v1/requests/${requestId}/history`)).json().items;
    const reply = history.find((h: { action: string }) => h.action === 'provide_info');
    expect(reply).toMatchObject({ from: 'needs_info', to: 'under_review', actorName: person.fullNameAr });
    expect(reply.note).toContain('أرفقت صورة جديدة');
    expect(reply.note).toContain('doc.png');
  });

  it('serves the decision letter as a PDF once the request is decided, not before', async () => {
    expect((await act(requestId, c.officer!, { action: 'start_verification' })).statusCode).toBe(200);
    for (const task of (await staffGet(`/api/v1/requests/${requestId}/verifications`, c.researcher!)).json()
      .items) {
      const done = await app.inject({
        method: 'POST',
        url: `/api/v1/verifications/${task.id}/complete`,
        headers: { cookie: c.researcher! },
        payload: { findings: 'الوثائق مطابقة وسارية', recommendation: 'eligible', answers: {} },
      });
      expect(done.statusCode).toBe(200);
    }
    expect((await act(requestId, c.supervisor!, { action: 'send_to_committee' })).statusCode).toBe(200);
    const waiting = (await me.get(`requests/${requestId}`)).json();
    expect(waiting).toMatchObject({ status: 'in_committee', letterAvailable: false, canWithdraw: true });
    expect(waiting.statusWordsAr).toContain('الجهة المختصة بالقرار');
    expect((await me.get(`requests/${requestId}/letter.pdf`)).statusCode).toBe(404);

    const approved = await act(requestId, c.committee!, { action: 'approve', note: 'مستحق حسب الدراسة' });
    expect(approved.statusCode).toBe(200);
    const decided = (await me.get(`requests/${requestId}`)).json();
    expect(decided).toMatchObject({ status: 'approved', letterAvailable: true, canWithdraw: false });
    expect(decided.history.map((h: { status: string }) => h.status)).toEqual([
      'draft',
      'submitted',
      'under_review',
      'needs_info',
      'under_review',
      'in_verification',
      'in_committee',
      'approved',
    ]);
    const pdf = await me.get(`requests/${requestId}/letter.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('lists the messages sent to the person, codes masked, each with its true status', async () => {
    const [received] = (await outboxOf(requestId)).filter((m) => m.body.includes('سلة رمضان'));
    let items = (await me.get('messages')).json().items as { id: string; body: string; status: string }[];
    expect(items.find((m) => m.id === received!.id)).toMatchObject({ status: 'queued' });
    // Delivered through the file driver: now it says sent.
    await deliverMessage(services.db, driver, received!.id);
    expect(linesOf().some((l) => l.to === person.phone && l.body === received!.body)).toBe(true);
    items = (await me.get('messages')).json().items;
    expect(items.find((m) => m.id === received!.id)).toMatchObject({ status: 'sent' });
    // The request for information and the approval are there; the sign-in code only masked.
    expect(items.some((m) => m.body.includes('صورة واضحة من الهوية'))).toBe(true);
    const codes = items.filter((m) => m.body.includes('••••••'));
    expect(codes.length).toBeGreaterThan(0);
    for (const m of codes) expect(m.body).not.toMatch(/\d{6}/);
    // Nothing of the neighbour's (their sign-in code went to their phone).
    const theirs = await inOrganization(services, orgId, () =>
      services.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, neighbour.phone)),
    );
    expect(theirs.length).toBeGreaterThan(0);
    const ids = new Set(items.map((m) => m.id));
    for (const m of theirs) expect(ids.has(m.id)).toBe(false);
  });
});

describe('my data', () => {
  it('returns everything held: profile, documents, declarations, requests', async () => {
    const res = await me.get('my-data');
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.profile).toMatchObject({
      id: person.id,
      fullNameAr: person.fullNameAr,
      healthConditions: [],
    });
    expect(data.documents).toHaveLength(1);
    expect(data.declarations).toHaveLength(1);
    expect(data.requests).toHaveLength(1);
    expect(data.requests[0]).toMatchObject({ status: 'approved' });
    expect(JSON.stringify(data)).not.toContain(neighbour.nationalId);
  });

  it('downloads the copy as JSON or as a page', async () => {
    const json = await me.get('my-data/export');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(JSON.parse(json.body).profile.nationalId).toBe(person.nationalId);
    const html = await me.get('my-data/export?format=html');
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain(person.fullNameAr);
  });

  it('records a correction request on the website channel, due within 30 days', async () => {
    const res = await me.send('POST', 'corrections', {
      field: 'city',
      proposedValue: 'جدة',
      reason: 'انتقلت للسكن في جدة',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      field: 'city',
      requestedValue: 'جدة',
      channel: 'website',
      status: 'open',
      dueAt: '2026-12-22T09:00:00.000Z',
    });
    expect((await me.get('my-data')).json().corrections).toHaveLength(1);
    const staffView = (
      await staffGet(`/api/v1/beneficiaries/${person.id}/correction-requests`, c.supervisor!)
    ).json();
    expect(staffView.items).toHaveLength(1);
  });

  it('shows every consent purpose and records a change', async () => {
    const before = (await me.get('consents')).json().items;
    expect(before).toHaveLength(3);
    expect(before.every((k: { granted: boolean | null }) => k.granted === null)).toBe(true);
    const granted = await me.send('PUT', 'consents', { purpose: 'contact', granted: true });
    expect(granted.statusCode).toBe(200);
    expect(granted.json().items.find((k: { purpose: string }) => k.purpose === 'contact').granted).toBe(true);
    const withdrawn = await me.send('PUT', 'consents', { purpose: 'contact', granted: false });
    expect(withdrawn.json().items.find((k: { purpose: string }) => k.purpose === 'contact').granted).toBe(
      false,
    );
    const staffView = (await staffGet(`/api/v1/beneficiaries/${person.id}/consents`)).json().items;
    expect(staffView).toMatchObject([{ purpose: 'contact', granted: false, channel: 'website' }]);
  });
});

describe('only one’s own requests', () => {
  it('answers 404 on every request route for a neighbour’s request, and changes nothing', async () => {
    const id = theirRequest.id;
    const answers = [
      (await me.get(`requests/${id}`)).statusCode,
      (await me.send('POST', `requests/${id}/submit`)).statusCode,
      (await me.send('POST', `requests/${id}/info`, { reply: 'رد' })).statusCode,
      (await me.send('POST', `requests/${id}/withdraw`, {})).statusCode,
      (await me.get(`requests/${id}/letter.pdf`)).statusCode,
    ];
    expect(answers).toEqual([404, 404, 404, 404, 404]);
    expect((await them.get(`requests/${id}`)).json().status).toBe('draft');
    expect((await me.get('requests')).json().items.map((r: { id: string }) => r.id)).not.toContain(id);
  });

  it('lets the owner withdraw their own draft, once', async () => {
    const res = await them.send('POST', `requests/${theirRequest.id}/withdraw`, { reason: 'لم أعد بحاجة' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', statusWordsAr: 'سُحب الطلب', canWithdraw: false });
    const again = await them.send('POST', `requests/${theirRequest.id}/withdraw`);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('refuses a request while the registration is not accepted yet', async () => {
    const pending = await registerBeneficiary(app, c.officer!);
    const cookie = await portalCookie(pending);
    const changed = await app.inject({
      method: 'POST',
      url: `/api/v1/beneficiaries/${pending.id}/status`,
      headers: { cookie: c.supervisor! },
      payload: { status: 'pending_verification', reason: 'بانتظار التحقق من التسجيل' },
    });
    expect(changed.statusCode).toBe(200);
    const res = await portal(cookie).send('POST', 'requests', { serviceId: rent.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('BENEFICIARY_NOT_ACTIVE');
    const rows = await inOrganization(services, orgId, () =>
      services.db.select().from(requests).where(eq(requests.beneficiaryId, pending.id)),
    );
    expect(rows).toHaveLength(0);
  });
});
