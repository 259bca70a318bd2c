import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { portalSignIn, smsFileOutbox } from '../../../../tests/support/sms-file';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
  signInEach,
} from '../../../../tests/support/test-app';
import { trackingNumberPattern } from '../../../shared/contracts/complaints';
import { auditEvents } from '../../platform/audit/audit.tables';
import type { Clock } from '../../platform/clock';
import { deliverMessage } from '../../platform/notifications/notifications';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { escalateOverdueComplaints } from './complaint-escalation';
import { maxComplaintsPerAddress } from './complaints-public.service';

// Sunday 22 November 2026, 12:00 in Riyadh (outside quiet hours); tests move it.
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const sms = smsFileOutbox();
const { app, services } = await createTestApp({ clock, notificationDriver: sms.driver });
const staff = await createOrganization(services, [
  { fullName: 'المدير التنفيذي', email: 'manager', roles: ['manager'] },
  { fullName: 'مسؤولة الجودة', email: 'quality', roles: ['quality_officer'] },
  { fullName: 'مسؤول الجودة المشكو منه', email: 'accused', roles: ['quality_officer'] },
  { fullName: 'موظف العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المراجع', email: 'auditor', roles: ['auditor'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير جمعية أخرى', email: 'manager', roles: ['manager'] },
]);
const orgId = staff.organization.id;
const slug = staff.organization.slug;
const c = await signInEach(app, staff.emails);
const otherCookie = (await signInEach(app, other.emails)).manager!;
const userId = async (email: string) => {
  const me = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: c[email]! } });
  return me.json().user.id as string;
};
const accusedId = await userId('accused');
const qualityId = await userId('quality');

let address = 0;
/** Each public call from its own client address unless told, so the address limit is tested alone. */
const publicPost = (payload: object, remoteAddress = `10.0.0.${++address}`, toSlug = slug) =>
  app.inject({
    method: 'POST',
    url: `/api/v1/public/${toSlug}/complaints`,
    payload: { startedAt: now.getTime() - 20_000, ...payload },
    remoteAddress,
  });
const track = (tracking: string, toSlug = slug) =>
  app.inject({ method: 'GET', url: `/api/v1/public/${toSlug}/complaints/${tracking}` });
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const idOfTracking = async (tracking: string) => {
  const list = await get('/api/v1/complaints?limit=200', c.manager!);
  return list.json().items.find((i: { trackingNumber: string }) => i.trackingNumber === tracking)
    ?.id as string;
};

describe('the public complaint form', () => {
  it('takes an anonymous complaint and answers with a tracking number', async () => {
    const res = await publicPost({ kind: 'complaint', text: 'تأخر الرد على طلبي أكثر من شهر' });
    expect(res.statusCode).toBe(201);
    expect(res.json().trackingNumber).toMatch(trackingNumberPattern);
  });

  it('shows the status for the tracking number, and no personal data', async () => {
    const text = 'الموظف في الاستقبال لم يرد على اتصالي';
    const made = await publicPost({ kind: 'complaint', text, name: 'سارة الحربي', phone: '٠٥٥١٢٣٤٥٦٧' });
    const tracking = made.json().trackingNumber as string;
    const res = await track(tracking.toLowerCase()); // typed in lower case still finds it
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      trackingNumber: tracking,
      kind: 'complaint',
      status: 'new',
      answered: false,
    });
    expect(Object.keys(body).sort()).toEqual(
      ['answered', 'closedAt', 'createdAt', 'dueAt', 'kind', 'status', 'trackingNumber'].sort(),
    );
    for (const secret of [text, 'سارة', '551234567']) expect(res.body).not.toContain(secret);
    // Complaint: 5 working days from Sunday 22 Nov → Sunday 29 Nov, end of day in Riyadh.
    expect(body.dueAt).toBe('2026-11-29T20:59:59.000Z');
  });

  it('answers 404 for an unknown association or number', async () => {
    expect((await track('C-0000000000')).statusCode).toBe(404);
    expect((await track('not-a-number')).statusCode).toBe(404);
    const made = await publicPost({ kind: 'suggestion', text: 'نقترح فتح فرع في الشمال' });
    expect((await track(made.json().trackingNumber, 'no-such-association')).statusCode).toBe(404);
    expect(
      (await publicPost({ kind: 'complaint', text: 'نص الشكوى' }, undefined, 'no-such-association'))
        .statusCode,
    ).toBe(404);
  });

  it('refuses a filled honeypot and a form sent too fast, with the same generic answer', async () => {
    const before = (await get('/api/v1/complaints?limit=1', c.manager!)).json().total;
    const honeypot = await publicPost({
      kind: 'complaint',
      text: 'رسالة دعائية',
      website: 'http://spam.example',
    });
    expect(honeypot.statusCode).toBe(400);
    const fast = await publicPost({
      kind: 'complaint',
      text: 'رسالة دعائية',
      startedAt: now.getTime() - 500,
    });
    expect(fast.statusCode).toBe(400);
    expect(fast.json().error.code).toBe(honeypot.json().error.code);
    expect((await get('/api/v1/complaints?limit=1', c.manager!)).json().total).toBe(before);
    // Three seconds or more is a person.
    const slow = await publicPost({
      kind: 'complaint',
      text: 'شكوى حقيقية',
      startedAt: now.getTime() - 3000,
    });
    expect(slow.statusCode).toBe(201);
  });

  it('limits one client address, with Retry-After', async () => {
    const from = '192.0.2.77';
    for (let i = 0; i < maxComplaintsPerAddress; i++) {
      expect((await publicPost({ kind: 'suggestion', text: `اقتراح رقم ${i}` }, from)).statusCode).toBe(201);
    }
    const refused = await publicPost({ kind: 'suggestion', text: 'اقتراح زائد' }, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back.
    expect((await publicPost({ kind: 'suggestion', text: 'اقتراح من عنوان آخر' })).statusCode).toBe(201);
  });
});

describe('handling a complaint', () => {
  it('sends the reply to the phone given on the form (SMS file driver), and tracking shows it answered', async () => {
    const made = await publicPost({
      kind: 'complaint',
      text: 'لم أستلم السلة الغذائية',
      phone: '0551234999',
    });
    const tracking = made.json().trackingNumber as string;
    const id = await idOfTracking(tracking);
    expect(
      (await post(`/api/v1/complaints/${id}/assign`, c.manager!, { assigneeId: qualityId })).json(),
    ).toMatchObject({ status: 'in_progress', assigneeId: qualityId });
    const before = sms.lines().length;
    const replied = await post(`/api/v1/complaints/${id}/reply`, c.quality!, {
      reply: 'تم التواصل مع فريق التوزيع',
    });
    expect(replied.statusCode).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'answered', replyDelivery: 'sent' });
    const [message] = await inOrganization(services, orgId, () =>
      services.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.relatedType, 'complaint'), eq(outboxMessages.relatedId, id))),
    );
    await deliverMessage(services.db, sms.driver, message!.id, clock);
    const body = await sms.messageTo('+966551234999', before);
    expect(body).toContain(tracking);
    expect(body).toContain('تم التواصل مع فريق التوزيع');
    expect((await track(tracking)).json()).toMatchObject({ status: 'answered', answered: true });
    // Answered once: a second reply is refused; closing records satisfaction.
    expect((await post(`/api/v1/complaints/${id}/reply`, c.quality!, { reply: 'مرة أخرى' })).statusCode).toBe(
      409,
    );
    const closed = await post(`/api/v1/complaints/${id}/close`, c.quality!, { satisfied: true });
    expect(closed.json()).toMatchObject({ status: 'closed', satisfied: true });
    expect((await track(tracking)).json().closedAt).not.toBeNull();
  });

  it('says when there is no one to send the reply to (anonymous, no phone)', async () => {
    const made = await publicPost({ kind: 'complaint', text: 'المكان مزدحم دائمًا' });
    const id = await idOfTracking(made.json().trackingNumber);
    const replied = await post(`/api/v1/complaints/${id}/reply`, c.manager!, { reply: 'سنضيف مقاعد' });
    expect(replied.json()).toMatchObject({ status: 'answered', replyDelivery: 'none' });
  });

  it('turns a suggestion into an improvement action', async () => {
    const made = await publicPost({ kind: 'suggestion', text: 'نقترح رسائل تذكير قبل المواعيد' });
    const id = await idOfTracking(made.json().trackingNumber);
    const res = await post(`/api/v1/complaints/${id}/improvement-action`, c.quality!, {
      title: 'تذكير بالمواعيد عبر الرسائل',
      dueDate: '2026-12-31',
      description: 'رسالة قبل الموعد بيوم',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sourceComplaintId: id, status: 'open', dueDate: '2026-12-31' });
    const action = await app.inject({
      method: 'GET',
      url: `/api/v1/improvement-actions/${res.json().id}`,
      headers: { cookie: c.quality! },
    });
    expect(action.json()).toMatchObject({ source: 'suggestion', description: 'رسالة قبل الموعد بيوم' });
  });

  it('lets the relations officer log a complaint but not read the list', async () => {
    const person = await registerBeneficiary(app, c.officer!);
    const res = await post('/api/v1/complaints', c.officer!, {
      kind: 'complaint',
      text: 'شكوى مستفيد عند الاستقبال',
      beneficiaryId: person.id,
      category: 'delays',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ source: 'staff', beneficiaryId: person.id, status: 'new' });
    expect((await get('/api/v1/complaints', c.officer!)).statusCode).toBe(403);
    const unknown = await post('/api/v1/complaints', c.officer!, {
      kind: 'complaint',
      text: 'فئة غير معروفة',
      category: 'nope',
    });
    expect(unknown.statusCode).toBe(400);
  });
});

const made = await post('/api/v1/complaints', c.officer!, {
  kind: 'complaint',
  text: 'تعامل غير لائق من الموظف',
  aboutStaffId: accusedId,
  category: 'staff_conduct',
});
const id = made.json().id as string;

describe('a complaint about a staff member', () => {
  it('is not visible to that staff member: 404 on read and actions, absent from the list', async () => {
    expect(made.statusCode).toBe(201);
    expect((await get(`/api/v1/complaints/${id}`, c.accused!)).statusCode).toBe(404);
    const list = await get('/api/v1/complaints?limit=200', c.accused!);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(list.json().total).toBe(list.json().items.length);
    for (const [action, payload] of [
      ['assign', { assigneeId: accusedId }],
      ['reply', { reply: 'ليس صحيحًا' }],
      ['close', { satisfied: null }],
      ['improvement-action', { title: 'لا شيء' }],
    ] as const) {
      expect((await post(`/api/v1/complaints/${id}/${action}`, c.accused!, payload)).statusCode).toBe(404);
    }
  });

  it('is visible to the others, and cannot be assigned to the accused', async () => {
    expect((await get(`/api/v1/complaints/${id}`, c.quality!)).json()).toMatchObject({
      aboutStaffId: accusedId,
      status: 'new',
    });
    expect((await get(`/api/v1/complaints/${id}`, c.auditor!)).statusCode).toBe(200);
    const res = await post(`/api/v1/complaints/${id}/assign`, c.manager!, { assigneeId: accusedId });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ASSIGNEE_INVALID');
  });

  it('is not found from another association, by id or by tracking number', async () => {
    expect((await get(`/api/v1/complaints/${id}`, otherCookie)).statusCode).toBe(404);
    expect((await post(`/api/v1/complaints/${id}/close`, otherCookie, { satisfied: null })).statusCode).toBe(
      404,
    );
    expect((await track(made.json().trackingNumber, other.organization.slug)).statusCode).toBe(404);
  });
});

describe('in the portal', () => {
  it('takes a complaint from the signed-in beneficiary and lists only their own', async () => {
    const person = await registerBeneficiary(app, c.officer!);
    const cookie = await portalSignIn(app, sms, slug, person);
    const portal = (method: 'GET' | 'POST', payload?: object) =>
      app.inject({
        method,
        url: '/api/v1/portal/complaints',
        headers: { cookie, 'x-requested-with': 'wasl' },
        ...(payload ? { payload } : {}),
      });
    const made = await portal('POST', {
      kind: 'suggestion',
      text: 'نرجو تمديد ساعات الاستقبال',
      category: 'other',
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ kind: 'suggestion', status: 'new' });
    const mine = await portal('GET');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toEqual([made.json().id]);
    // Staff see it linked to the file; the reply goes to the person through messaging.
    const replied = await post(`/api/v1/complaints/${made.json().id}/reply`, c.quality!, {
      reply: 'تمت دراسة اقتراحكم',
    });
    expect(replied.json()).toMatchObject({ beneficiaryId: person.id, replyDelivery: 'sent' });
  });
});

// Last: it moves the clock, which ends the sessions signed in above.
describe('escalation on the working calendar', () => {
  it('escalates once past the due time, skipping the weekend', async () => {
    // Thursday 26 November 2026, 10:00 in Riyadh: five working days → Thursday 3 December.
    // Sessions follow the clock: staff sign in again at each moment the test moves to.
    now = new Date('2026-11-26T07:00:00Z');
    const made = await post('/api/v1/complaints', await signIn(app, staff.emails.officer!), {
      kind: 'complaint',
      text: 'تأخر موعد الزيارة',
    });
    const id = made.json().id as string;
    expect(made.statusCode).toBe(201);
    expect(made.json().dueAt).toBe('2026-12-03T20:59:59.000Z');
    const state = async () =>
      (await get(`/api/v1/complaints/${id}`, await signIn(app, staff.emails.manager!))).json();

    for (const at of ['2026-11-27T12:00:00Z', '2026-11-28T12:00:00Z', '2026-12-03T20:00:00Z']) {
      now = new Date(at); // Friday, Saturday, then the last hour of Thursday: not overdue
      await escalateOverdueComplaints(services.db, clock);
      expect(await state()).toMatchObject({ overdue: false, escalatedAt: null });
    }
    now = new Date('2026-12-04T06:00:00Z'); // Friday 4 December
    await escalateOverdueComplaints(services.db, clock);
    expect(await state()).toMatchObject({ overdue: true, escalatedAt: '2026-12-04T06:00:00.000Z' });
    const manager = await signIn(app, staff.emails.manager!);
    const escalated = await get('/api/v1/complaints?escalated=true&limit=200', manager);
    expect(escalated.json().items.map((i: { id: string }) => i.id)).toContain(id);
    // The manager's home counts the escalated ones still waiting for an answer, as the list shows them.
    const waiting = escalated
      .json()
      .items.filter((i: { status: string }) => i.status === 'new' || i.status === 'in_progress');
    const home = (await get('/api/v1/workspace/home', manager)).json();
    const numbers = home.sections.find((x: { kind: string }) => x.kind === 'numbers');
    expect(numbers.escalatedComplaints).toBe(waiting.length);
    expect(waiting.length).toBeGreaterThan(0);

    now = new Date('2026-12-04T07:00:00Z');
    await escalateOverdueComplaints(services.db, clock);
    expect((await state()).escalatedAt).toBe('2026-12-04T06:00:00.000Z');
    const audits = await inOrganization(services, orgId, () =>
      services.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'complaints.escalate'), eq(auditEvents.entityId, id))),
    );
    expect(audits).toHaveLength(1);
  });
});
