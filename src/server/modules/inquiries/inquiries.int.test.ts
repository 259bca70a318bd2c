import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { smsFileOutbox } from '../../../../tests/support/sms-file';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import type { Clock } from '../../platform/clock';
import { deliverMessage } from '../../platform/notifications/notifications';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { interactions } from '../beneficiaries/beneficiaries.tables';

// Sunday 22 November 2026, 12:00 in Riyadh (a working day, outside quiet hours).
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const sms = smsFileOutbox();
// Sessions outlive the days the clock is moved forward by.
const { app, services } = await createTestApp({
  clock,
  notificationDriver: sms.driver,
  sessionTtlHours: 24 * 40,
});
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'المراجع', email: 'auditor', roles: ['auditor'] },
]);
const orgId = staff.organization.id;
const c = await signInEach(app, staff.emails);
const other = await createOrganization(services, [
  { fullName: 'موظف جمعية أخرى', email: 'officer', roles: ['relations_officer', 'supervisor'] },
]);
const o = await signInEach(app, other.emails);

const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object = {}) =>
  app.inject({ method, url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

const person = await registerBeneficiary(app, c.officer!);

describe('inquiries', () => {
  let phoneInquiry: { id: string; number: string };

  it('offers WhatsApp and e-mail among the channels', async () => {
    const org = (await get('/api/v1/organizations/current', c.officer!)).json();
    const codes = org.settings.channels
      .filter((ch: { enabled: boolean }) => ch.enabled)
      .map((ch: { code: string }) => ch.code);
    expect(codes).toEqual(expect.arrayContaining(['whatsapp', 'email', 'phone']));
    expect(org.settings.inquiryResponseDays).toBe(2);
  });

  it('takes an inquiry by phone, due at the end of the second working day', async () => {
    const res = await send('POST', '/api/v1/inquiries', c.officer!, {
      beneficiaryId: person.id,
      channel: 'phone',
      category: 'مواعيد',
      question: 'متى يبدأ صرف السلال الغذائية؟',
    });
    expect(res.statusCode).toBe(201);
    phoneInquiry = res.json();
    expect(res.json()).toMatchObject({
      status: 'open',
      number: 'Q-000001',
      channel: 'phone',
      overdue: false,
      answer: null,
      answerMessage: null,
      beneficiary: { id: person.id, fullNameAr: person.fullNameAr },
      // Sunday + 2 working days = Tuesday 24 November, 23:59:59 in Riyadh (UTC+3).
      dueAt: '2026-11-24T20:59:59.000Z',
    });
  });

  it('counts the due time over the weekend and the association’s holidays', async () => {
    const org = (await get('/api/v1/organizations/current', c.admin!)).json();
    const holidays = [{ date: '2026-11-29', nameAr: 'إجازة', nameEn: 'Holiday' }];
    const patched = await send('PATCH', '/api/v1/organizations/current', c.admin!, {
      settings: { ...org.settings, holidays },
    });
    expect(patched.statusCode).toBe(200);
    now = new Date('2026-11-26T07:00:00Z'); // Thursday 10:00 in Riyadh
    try {
      const res = await send('POST', '/api/v1/inquiries', c.officer!, {
        channel: 'in_person',
        question: 'ما الأوراق المطلوبة للتسجيل؟',
        contactName: 'زائر',
        contactPhone: '0551234567',
      });
      expect(res.statusCode).toBe(201);
      // Friday and Saturday are off, Sunday 29 is a holiday: Monday 30, then Tuesday 1 December.
      expect(res.json().dueAt).toBe('2026-12-01T20:59:59.000Z');
      expect(res.json().contactPhone).toBe('+966551234567');
    } finally {
      now = new Date('2026-11-22T09:00:00Z');
      await send('PATCH', '/api/v1/organizations/current', c.admin!, { settings: { ...org.settings } });
    }
  });

  it('refuses an unknown channel and a question with no one to answer', async () => {
    const unknown = await send('POST', '/api/v1/inquiries', c.officer!, {
      beneficiaryId: person.id,
      channel: 'pigeon',
      question: 'سؤال بلا قناة',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields.channel).toBeDefined();
    const nobody = await send('POST', '/api/v1/inquiries', c.officer!, {
      channel: 'phone',
      question: 'سؤال بلا أحد',
    });
    expect(nobody.statusCode).toBe(400);
    expect(nobody.json().error.details.fields.contactPhone).toBeDefined();
  });

  it('answers by SMS on the phone channel: the answer is in the file after the deliver job, status answered', async () => {
    const before = sms.lines().length;
    const res = await send('POST', `/api/v1/inquiries/${phoneInquiry.id}/answer`, c.officer!, {
      answer: 'يبدأ الصرف يوم الأحد القادم من الساعة التاسعة صباحًا.',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'answered',
      answerMessage: { channel: 'sms', status: 'queued' },
    });
    // Nothing has left before the job runs: the status says so.
    expect(sms.lines().length).toBe(before);
    await deliverMessage(services.db, sms.driver, res.json().answerMessage.id);
    const body = await sms.messageTo(person.phone, before);
    expect(body).toContain('يبدأ الصرف يوم الأحد القادم');
    expect(body).toContain('Q-000001');
    const read = (await get(`/api/v1/inquiries/${phoneInquiry.id}`, c.officer!)).json();
    expect(read).toMatchObject({ status: 'answered', answeredBy: 'موظفة العلاقات' });
    expect(['sent', 'delivered']).toContain(read.answerMessage.status);
    // The message is the beneficiary's: it is on their timeline.
    const timeline = (await get(`/api/v1/beneficiaries/${person.id}/timeline`, c.officer!)).json().items;
    expect(
      timeline.some(
        (t: { kind: string; summary: string }) => t.kind === 'message' && t.summary.includes('يبدأ الصرف'),
      ),
    ).toBe(true);
  });

  it('refuses a second answer with 409 and changes nothing', async () => {
    const res = await send('POST', `/api/v1/inquiries/${phoneInquiry.id}/answer`, c.supervisor!, {
      answer: 'جواب آخر',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    const read = (await get(`/api/v1/inquiries/${phoneInquiry.id}`, c.officer!)).json();
    expect(read.answer).toContain('يبدأ الصرف');
  });

  it('answers a WhatsApp caller without a file on WhatsApp, to the number they gave', async () => {
    const created = await send('POST', '/api/v1/inquiries', c.officer!, {
      channel: 'whatsapp',
      question: 'هل تقدمون مساعدة في دفع الإيجار؟',
      contactName: 'سائل',
      contactPhone: '٠٥٠٩٨٧٦٥٤٣',
    });
    expect(created.statusCode).toBe(201);
    const res = await send('POST', `/api/v1/inquiries/${created.json().id}/answer`, c.supervisor!, {
      answer: 'نعم، عبر خدمة مساعدة الإيجار.',
    });
    expect(res.statusCode).toBe(200);
    const [message] = await inOrganization(services, orgId, () =>
      services.db
        .select()
        .from(outboxMessages)
        .where(
          and(eq(outboxMessages.relatedType, 'inquiry'), eq(outboxMessages.relatedId, created.json().id)),
        ),
    );
    expect(message).toMatchObject({ channel: 'whatsapp', recipient: '+966509876543' });
    expect(message!.body).toContain('عبر خدمة مساعدة الإيجار');
  });

  it('is assigned only to someone who answers inquiries', async () => {
    const created = (
      await send('POST', '/api/v1/inquiries', c.officer!, {
        beneficiaryId: person.id,
        channel: 'email',
        question: 'سؤال بالبريد',
      })
    ).json();
    const auditorId = (await get('/api/v1/auth/me', c.auditor!)).json().user.id;
    const officerId = (await get('/api/v1/auth/me', c.officer!)).json().user.id;
    const wrong = await send('POST', `/api/v1/inquiries/${created.id}/assign`, c.supervisor!, {
      assigneeId: auditorId,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('ASSIGNEE_INVALID');
    const res = await send('POST', `/api/v1/inquiries/${created.id}/assign`, c.supervisor!, {
      assigneeId: officerId,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().assignee).toEqual({ id: officerId, fullName: 'موظفة العلاقات' });
  });

  it('lists with status, overdue and search filters, newest first, and pages', async () => {
    const open = (await get('/api/v1/inquiries?status=open', c.auditor!)).json();
    expect(open.items.every((i: { status: string }) => i.status === 'open')).toBe(true);
    expect(open.total).toBeGreaterThan(0);
    expect((await get('/api/v1/inquiries?overdue=true', c.auditor!)).json().total).toBe(0);
    now = new Date('2026-12-10T09:00:00Z');
    try {
      const overdue = (await get('/api/v1/inquiries?overdue=true', c.auditor!)).json();
      expect(overdue.total).toBe(open.total);
      expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    } finally {
      now = new Date('2026-11-22T09:00:00Z');
    }
    // The question typed with other spellings (ا for أ, ه for ة).
    const found = (
      await get(`/api/v1/inquiries?q=${encodeURIComponent('الاوراق المطلوبه')}`, c.auditor!)
    ).json();
    expect(found.items.map((i: { question: string }) => i.question)).toEqual([
      'ما الأوراق المطلوبة للتسجيل؟',
    ]);
    const first = (await get('/api/v1/inquiries?limit=2', c.auditor!)).json();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = (await get(`/api/v1/inquiries?limit=2&cursor=${first.nextCursor}`, c.auditor!)).json();
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect(new Date(first.items[0].createdAt) >= new Date(second.items[0].createdAt)).toBe(true);
  });

  it('audits each read of an inquiry', async () => {
    await get(`/api/v1/inquiries/${phoneInquiry.id}`, c.auditor!);
    const rows = await inOrganization(services, orgId, () =>
      services.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'inquiries.read'), eq(auditEvents.entityId, phoneInquiry.id))),
    );
    expect(rows.some((r) => r.actorName === 'المراجع')).toBe(true);
  });

  it('answers 404 to another association, for reading and for answering', async () => {
    expect((await get(`/api/v1/inquiries/${phoneInquiry.id}`, o.officer!)).statusCode).toBe(404);
    const open = (await get('/api/v1/inquiries?status=open', c.officer!)).json().items[0];
    const res = await send('POST', `/api/v1/inquiries/${open.id}/answer`, o.officer!, { answer: 'ليس لكم' });
    expect(res.statusCode).toBe(404);
    expect((await get('/api/v1/inquiries', o.officer!)).json().total).toBe(0);
  });
});

describe('the knowledge base', () => {
  const article = (questionAr: string, answerAr: string) => ({ questionAr, answerAr, category: 'عام' });
  let hours: { id: string };
  let rentHelp: { id: string };
  let draft: { id: string };

  it('keeps drafts until a supervisor approves them', async () => {
    hours = (
      await send(
        'POST',
        '/api/v1/knowledge',
        c.officer!,
        article(
          'ما هي أوقات الدوام الرسمي للجمعية؟',
          'من الأحد إلى الخميس، من الثامنة صباحًا حتى الثانية ظهرًا.',
        ),
      )
    ).json();
    rentHelp = (
      await send(
        'POST',
        '/api/v1/knowledge',
        c.supervisor!,
        article('كيف أتقدم بطلب مساعدة إيجار؟', 'بزيارة الجمعية أو عبر البوابة مع عقد الإيجار.'),
      )
    ).json();
    draft = (
      await send(
        'POST',
        '/api/v1/knowledge',
        c.officer!,
        article('متى تفتح أبواب التسجيل في برنامج الإسكان؟', 'لم يُحدد الموعد بعد.'),
      )
    ).json();
    expect(hours).toMatchObject({ status: 'draft' });
    const byOfficer = await send('POST', `/api/v1/knowledge/${hours.id}/approve`, c.officer!);
    expect(byOfficer.statusCode).toBe(403);
    const approved = await send('POST', `/api/v1/knowledge/${hours.id}/approve`, c.supervisor!);
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedAt: now.toISOString() });
    // A supervisor may approve their own draft.
    expect((await send('POST', `/api/v1/knowledge/${rentHelp.id}/approve`, c.supervisor!)).statusCode).toBe(
      200,
    );
    const twice = await send('POST', `/api/v1/knowledge/${hours.id}/approve`, c.supervisor!);
    expect(twice.statusCode).toBe(409);
  });

  it('suggests approved answers for a question typed with other spellings, never a draft', async () => {
    const suggest = async (q: string) =>
      (await get(`/api/v1/knowledge/suggest?q=${encodeURIComponent(q)}`, c.officer!)).json().items as {
        id: string;
      }[];
    // أ → ا, ة → ه, ى → ي as people type them.
    expect((await suggest('اوقات الدوام'))[0]?.id).toBe(hours.id);
    // A word every answer shares ("the association") does not bring the rent answer along.
    expect((await suggest('متى اوقات الدوام في الجمعيه؟')).map((s) => s.id)).toEqual([hours.id]);
    expect((await suggest('كيف اتقدم لمساعده ايجار'))[0]?.id).toBe(rentHelp.id);
    expect((await suggest('متي يفتح التسجيل في برنامج الاسكان')).map((s) => s.id)).not.toContain(draft.id);
    expect(await suggest('ما')).toEqual([]);
  });

  it('sends an approved article back to draft when its text changes, and archives it', async () => {
    const res = await send('PATCH', `/api/v1/knowledge/${rentHelp.id}`, c.officer!, {
      answerAr: 'بزيارة الجمعية أو عبر البوابة مع عقد الإيجار وإثبات الدخل.',
    });
    expect(res.json()).toMatchObject({ status: 'draft', approvedAt: null });
    await send('POST', `/api/v1/knowledge/${rentHelp.id}/approve`, c.supervisor!);
    const archived = await send('PATCH', `/api/v1/knowledge/${draft.id}`, c.officer!, { status: 'archived' });
    expect(archived.json().status).toBe('archived');
  });

  it('records which approved article an answer used, and refuses a draft one', async () => {
    const created = (
      await send('POST', '/api/v1/inquiries', c.officer!, {
        beneficiaryId: person.id,
        channel: 'website',
        question: 'ما أوقات الدوام؟',
      })
    ).json();
    const refused = await send('POST', `/api/v1/inquiries/${created.id}/answer`, c.officer!, {
      answer: 'لم يُحدد بعد',
      articleId: draft.id,
    });
    expect(refused.statusCode).toBe(400);
    const res = await send('POST', `/api/v1/inquiries/${created.id}/answer`, c.officer!, {
      answer: 'من الأحد إلى الخميس، من الثامنة صباحًا حتى الثانية ظهرًا.',
      articleId: hours.id,
    });
    expect(res.json()).toMatchObject({ status: 'answered', articleId: hours.id });
  });

  it('publishes approved articles only, on the public page and in the portal', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/public/${staff.organization.slug}/knowledge`,
    });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((a: { id: string }) => a.id);
    expect(ids.sort()).toEqual([hours.id, rentHelp.id].sort());
    expect(Object.keys(res.json().items[0]).sort()).toEqual(
      ['answerAr', 'answerEn', 'category', 'id', 'questionAr', 'questionEn'].sort(),
    );
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/v1/public/${other.organization.slug}/knowledge`,
    });
    expect(theirs.json().items).toEqual([]);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/public/no-such-association/knowledge' })).statusCode,
    ).toBe(404);
    // Staff of another association see none of these.
    expect((await get('/api/v1/knowledge', o.officer!)).json().total).toBe(0);
    expect((await get(`/api/v1/knowledge/${hours.id}`, o.officer!)).statusCode).toBe(404);
  });
});

describe('contacts', () => {
  it('records a contact with its outcome and how long it took', async () => {
    const res = await send('POST', `/api/v1/beneficiaries/${person.id}/interactions`, c.officer!, {
      channel: 'phone',
      kind: 'call',
      summary: 'سأل عن موعد الصرف',
      outcome: 'information_given',
      durationMinutes: 4,
    });
    expect(res.statusCode).toBe(201);
    const [row] = await inOrganization(services, orgId, () =>
      services.db
        .select({ outcome: interactions.outcome, durationMinutes: interactions.durationMinutes })
        .from(interactions)
        .where(eq(interactions.id, res.json().id)),
    );
    expect(row).toEqual({ outcome: 'information_given', durationMinutes: 4 });
    const bad = await send('POST', `/api/v1/beneficiaries/${person.id}/interactions`, c.officer!, {
      channel: 'phone',
      kind: 'call',
      summary: 'x',
      outcome: 'maybe',
    });
    expect(bad.statusCode).toBe(400);
  });
});
