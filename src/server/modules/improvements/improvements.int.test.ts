import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createService } from '../../../../tests/support/request-factory';
import { createSurveyFixture, insertAnswers } from '../../../../tests/support/survey-fixtures';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';

// Sunday 22 November 2026, 12:00 in Riyadh; tests move it.
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const day = 86_400_000;
// Sessions outlive the weeks the clock moves.
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 365 });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'مسؤولة الجودة', email: 'quality', roles: ['quality_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مسؤول جودة آخر', email: 'quality', roles: ['quality_officer'] },
]);
const orgId = staff.organization.id;
const slug = staff.organization.slug;
const c = await signInEach(app, staff.emails);
const otherQuality = (await signInEach(app, other.emails)).quality!;
const basket = await createService(app, c.admin!, { nameAr: 'سلة رمضان', nameEn: 'Ramadan basket' });
const survey = await createSurveyFixture(services, orgId);

const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const send = (method: 'POST' | 'PATCH', url: string, cookie: string, payload: object) =>
  app.inject({ method, url, headers: { cookie }, payload });
const scores = (at: Date, list: number[]) =>
  insertAnswers(
    services,
    survey,
    list.map((score, i) => ({
      answeredAt: new Date(at.getTime() + i * 60_000),
      score,
      serviceId: basket.id,
    })),
  );

describe('improvement actions', () => {
  it('measures the effect of an action born of a complaint on its service, before and after', async () => {
    // Before: 5 answers in the 90 days before, one of them happy (20%); one older answer does not count.
    await scores(new Date(now.getTime() - 100 * day), [5]);
    await scores(new Date(now.getTime() - 30 * day), [2, 2, 1, 3, 4]);
    const complaint = await send('POST', '/api/v1/complaints', c.quality!, {
      kind: 'complaint',
      text: 'الانتظار طويل عند استلام السلة',
    });
    expect(complaint.statusCode).toBe(201);
    const made = await send(
      'POST',
      `/api/v1/complaints/${complaint.json().id}/improvement-action`,
      c.quality!,
      {
        title: 'تنظيم مواعيد الاستلام',
        serviceId: basket.id,
      },
    );
    expect(made.statusCode).toBe(201);
    // The complaints page's answer keeps its shape.
    expect(Object.keys(made.json()).sort()).toEqual(
      ['createdAt', 'dueDate', 'id', 'ownerId', 'sourceComplaintId', 'status', 'title'].sort(),
    );
    const id = made.json().id as string;
    const opened = (await get(`/api/v1/improvement-actions/${id}`, c.supervisor!)).json();
    expect(opened).toMatchObject({ source: 'complaint', serviceId: basket.id, status: 'open' });
    expect(opened.effect.before).toEqual({ answers: 5, hidden: false, csat: 20, average: 2.4, nps: null });
    expect(opened.effect.after).toMatchObject({ answers: 0, hidden: true, csat: null });

    // Done needs what was done.
    const noOutcome = await send('PATCH', `/api/v1/improvement-actions/${id}`, c.quality!, {
      status: 'done',
    });
    expect(noOutcome.statusCode).toBe(422);
    expect(noOutcome.json().error.details.fields).toHaveProperty('outcome');
    now = new Date(now.getTime() + 7 * day);
    const done = await send('PATCH', `/api/v1/improvement-actions/${id}`, c.quality!, {
      status: 'done',
      outcome: 'صار الاستلام بمواعيد مسبقة عبر الرسائل',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedAt: now.toISOString() });

    now = new Date(now.getTime() + 20 * day);
    await scores(new Date(now.getTime() - 10 * day), [5, 5, 4, 4, 2]);
    const after = (await get(`/api/v1/improvement-actions/${id}`, c.quality!)).json();
    expect(after.effect.before).toMatchObject({ answers: 5, csat: 20 });
    expect(after.effect.after).toEqual({ answers: 5, hidden: false, csat: 80, average: 4, nps: null });
    const listed = (await get('/api/v1/improvement-actions?status=done', c.supervisor!)).json();
    expect(listed.items.find((i: { id: string }) => i.id === id).effect.after.csat).toBe(80);
  });

  it('takes a low score’s service, and refuses a source that is not in the association', async () => {
    const [responseId] = await insertAnswers(services, survey, [
      { answeredAt: now, score: 1, serviceId: basket.id, comment: 'سيئ' },
    ]);
    const made = await send('POST', '/api/v1/improvement-actions', c.quality!, {
      title: 'مراجعة تجربة هذا المستفيد',
      source: 'low_score',
      sourceResponseId: responseId,
    });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      source: 'low_score',
      serviceId: basket.id,
      sourceResponseId: responseId,
    });
    const unknown = await send('POST', '/api/v1/improvement-actions', c.quality!, {
      title: 'من شكوى غير موجودة',
      sourceComplaintId: randomUUID(),
    });
    expect(unknown.statusCode).toBe(404);
    const elsewhere = await send('POST', '/api/v1/improvement-actions', otherQuality, {
      title: 'من إجابة جمعية أخرى',
      sourceResponseId: responseId,
    });
    expect(elsewhere.statusCode).toBe(404);
    const badService = await send('POST', '/api/v1/improvement-actions', otherQuality, {
      title: 'خدمة جمعية أخرى',
      serviceId: basket.id,
    });
    expect(badService.statusCode).toBe(400);
    expect((await get(`/api/v1/improvement-actions/${made.json().id}`, otherQuality)).statusCode).toBe(404);
    expect(
      (await send('POST', '/api/v1/improvement-actions', c.supervisor!, { title: 'لا يحق' })).statusCode,
    ).toBe(403);
  });

  it('publishes «you said, we did» on the public page, only once worded, only that association’s', async () => {
    const made = await send('POST', '/api/v1/improvement-actions', c.quality!, {
      title: 'لوحة إرشادية عند المدخل',
      serviceId: basket.id,
    });
    const id = made.json().id as string;
    await send('POST', '/api/v1/improvement-actions', c.quality!, { title: 'إجراء غير منشور' });
    const unworded = await send('PATCH', `/api/v1/improvement-actions/${id}`, c.quality!, {
      published: true,
    });
    expect(unworded.statusCode).toBe(422);
    expect(unworded.json().error.details.fields).toHaveProperty('saidAr');
    const published = await send('PATCH', `/api/v1/improvement-actions/${id}`, c.quality!, {
      published: true,
      saidAr: 'لم نجد طريقنا إلى مكتب الاستقبال',
      didAr: 'وضعنا لوحات إرشادية عند المدخل',
    });
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).toBe(now.toISOString());

    const page = await get(`/api/v1/public/${slug}/you-said-we-did`);
    expect(page.statusCode).toBe(200);
    expect(page.json().items).toEqual([
      {
        id,
        saidAr: 'لم نجد طريقنا إلى مكتب الاستقبال',
        didAr: 'وضعنا لوحات إرشادية عند المدخل',
        saidEn: null,
        didEn: null,
        serviceNameAr: 'سلة رمضان',
        serviceNameEn: 'Ramadan basket',
        publishedAt: now.toISOString(),
      },
    ]);
    expect((await get(`/api/v1/public/${other.organization.slug}/you-said-we-did`)).json().items).toEqual([]);
    expect((await get('/api/v1/public/no-such-association/you-said-we-did')).statusCode).toBe(404);

    await send('PATCH', `/api/v1/improvement-actions/${id}`, c.quality!, { published: false });
    expect((await get(`/api/v1/public/${slug}/you-said-we-did`)).json().items).toEqual([]);
  });

  it('lists newest first, filtered, a page at a time', async () => {
    const all = (await get('/api/v1/improvement-actions', c.quality!)).json();
    expect(all.total).toBeGreaterThanOrEqual(4);
    const first = (await get('/api/v1/improvement-actions?limit=1', c.quality!)).json();
    const second = (
      await get(`/api/v1/improvement-actions?limit=1&cursor=${first.nextCursor}`, c.quality!)
    ).json();
    expect([first.items[0].id, second.items[0].id]).toEqual([all.items[0].id, all.items[1].id]);
    const complaints = (await get('/api/v1/improvement-actions?source=complaint', c.quality!)).json();
    expect(complaints.items.every((i: { source: string }) => i.source === 'complaint')).toBe(true);
    expect(complaints.total).toBe(1);
    const empty = await send('PATCH', `/api/v1/improvement-actions/${all.items[0].id}`, c.quality!, {});
    expect(empty.statusCode).toBe(400);
  });
});
