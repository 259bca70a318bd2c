import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createService } from '../../../../tests/support/request-factory';
import {
  type AnswerSpec,
  createSurveyFixture,
  insertAnswers,
  insertInvitations,
} from '../../../../tests/support/survey-fixtures';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { hijriToGregorian } from '../../../shared/dates-hijri';
import { auditEvents } from '../../platform/audit/audit.tables';
import type { Clock } from '../../platform/clock';

// Sunday 22 November 2026, 12:00 in Riyadh.
const clock: Clock = { now: () => new Date('2026-11-22T09:00:00Z') };
const { app, services } = await createTestApp({ clock });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'المدير التنفيذي', email: 'manager', roles: ['manager'] },
  { fullName: 'مسؤولة الجودة', email: 'quality', roles: ['quality_officer'] },
  { fullName: 'موظف الخدمة', email: 'officer', roles: ['service_officer'] },
  { fullName: 'موظفة خدمة أخرى', email: 'officer2', roles: ['service_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير جمعية أخرى', email: 'admin', roles: ['admin'] },
]);
const orgId = staff.organization.id;
const c = await signInEach(app, staff.emails);
const otherAdmin = (await signInEach(app, other.emails)).admin!;
const idOf = async (cookie: string) =>
  (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().user.id as string;
const officerId = await idOf(c.officer!);
const officer2Id = await idOf(c.officer2!);

const basket = await createService(app, c.admin!, { nameAr: 'سلة رمضان', nameEn: 'Ramadan basket' });
const rent = await createService(app, c.admin!, { nameAr: 'إعانة الإيجار', nameEn: 'Rent aid' });
const survey = await createSurveyFixture(services, orgId);
const otherService = await createService(app, otherAdmin, { nameAr: 'خدمة أخرى', nameEn: 'Other' });
const otherSurvey = await createSurveyFixture(services, other.organization.id);

const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
/** Riyadh is UTC+3 all year: a local date and hour as an instant. */
const riyadh = (date: string, hour = 12) => new Date(`${date}T${String(hour - 3).padStart(2, '0')}:00:00Z`);
const answersOn = (date: string, scores: number[], extra: Partial<AnswerSpec> = {}): AnswerSpec[] =>
  scores.map((score) => ({ answeredAt: riyadh(date), score, ...extra }));

describe('survey results', () => {
  it('hides every figure of fewer than 5 answers, and shows it from the fifth', async () => {
    const window = '?from=2026-01-01&to=2026-01-31';
    const base = { serviceId: basket.id, staffId: officerId, channel: 'sms' as const };
    await insertAnswers(services, survey, [
      { ...base, answeredAt: riyadh('2026-01-10'), score: 5, nps: 10 },
      { ...base, answeredAt: riyadh('2026-01-11'), score: 4, nps: 9 },
      { ...base, answeredAt: riyadh('2026-01-12'), score: 3, nps: 9 },
      { ...base, answeredAt: riyadh('2026-01-13'), score: 2, nps: 6 },
    ]);
    await insertInvitations(services, survey, 10, riyadh('2026-01-05'), {
      serviceId: basket.id,
      answered: 3,
    });
    const four = (await get(`/api/v1/survey-results${window}`, c.quality!)).json();
    expect(four.summary).toMatchObject({ answers: 4, hidden: true, csat: null, average: null, nps: null });
    expect(four.summary).toMatchObject({ invited: 10, responseRate: null });
    expect(four.byService).toEqual([
      expect.objectContaining({
        serviceId: basket.id,
        nameAr: 'سلة رمضان',
        answers: 4,
        hidden: true,
        csat: null,
      }),
    ]);
    expect(four.byChannel).toEqual([expect.objectContaining({ channel: 'sms', hidden: true, nps: null })]);
    expect(four.trend).toEqual([expect.objectContaining({ period: '2026-01', hidden: true })]);

    await insertAnswers(services, survey, [{ ...base, answeredAt: riyadh('2026-01-20'), score: 5, nps: 8 }]);
    const five = (await get(`/api/v1/survey-results${window}`, c.quality!)).json();
    // Scores 5,4,3,2,5: three of five are 4–5; NPS: promoters 10,9,9 (60%) − detractors 6 (20%); 3 of the
    // 10 invitations were answered (the other answers came from elsewhere): a response rate of 30 %.
    expect(five.summary).toEqual({
      answers: 5,
      hidden: false,
      csat: 60,
      average: 3.8,
      nps: 40,
      invited: 10,
      responseRate: 30,
    });
    expect(five.byService[0]).toMatchObject({ serviceId: basket.id, hidden: false, csat: 60, average: 3.8 });
    expect(five.trend).toEqual([
      { period: '2026-01', answers: 5, hidden: false, csat: 60, average: 3.8, nps: 40 },
    ]);
    expect(five.scope).toBe('all');
    // No breakdown by staff member exists anywhere in the answer.
    expect(JSON.stringify(five)).not.toContain(officerId);
  });

  it('shows staff only their own service, refuses another’s, and never counts another association', async () => {
    const window = '?from=2026-02-01&to=2026-02-28';
    await insertAnswers(services, survey, [
      ...answersOn('2026-02-03', [5, 5, 5, 5, 5], { staffId: officerId, serviceId: rent.id }),
      ...answersOn('2026-02-04', [1, 1, 1, 1, 1], { staffId: officer2Id, serviceId: rent.id }),
      ...answersOn('2026-02-05', [3, 3, 3, 3, 3], { serviceId: rent.id }),
    ]);
    await insertAnswers(
      services,
      otherSurvey,
      answersOn('2026-02-03', [1, 1, 1, 1, 1, 1], { serviceId: otherService.id }),
    );

    const own = await get(`/api/v1/survey-results${window}`, c.officer!);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ scope: 'own', summary: { answers: 5, csat: 100, average: 5 } });
    const ownAsked = await get(`/api/v1/survey-results${window}&staffId=${officerId}`, c.officer!);
    expect(ownAsked.json().summary.answers).toBe(5);
    const another = await get(`/api/v1/survey-results${window}&staffId=${officer2Id}`, c.officer!);
    expect(another.statusCode).toBe(403);
    expect(another.json().error.code).toBe('FORBIDDEN');
    expect((await get(`/api/v1/survey-comments?staffId=${officer2Id}`, c.officer!)).statusCode).toBe(403);

    const all = (await get(`/api/v1/survey-results${window}`, c.quality!)).json();
    expect(all).toMatchObject({ scope: 'all', summary: { answers: 15, csat: 33.3, average: 3 } });
    const one = (await get(`/api/v1/survey-results${window}&staffId=${officer2Id}`, c.manager!)).json();
    expect(one).toMatchObject({ scope: 'all', summary: { answers: 5, csat: 0, average: 1 } });
  });

  it('groups the trend by Hijri month in Riyadh time', async () => {
    const first = hijriToGregorian('1447-10-01')!; // 1 Shawwal 1447
    const lastDay = new Date(Date.parse(`${first}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    // 23:30 in Riyadh on the last day of Ramadan is 20:30 UTC: still Ramadan.
    const late = new Date(riyadh(lastDay, 23).getTime() + 30 * 60_000);
    await insertAnswers(services, survey, [
      ...answersOn(lastDay, [5, 5, 5, 5]),
      { answeredAt: late, score: 4 },
      ...answersOn(first, [2, 2, 2, 2, 2]),
    ]);
    const res = await get(`/api/v1/survey-results?from=${lastDay}&to=${first}&calendar=hijri`, c.quality!);
    expect(res.statusCode).toBe(200);
    expect(res.json().trend).toEqual([
      { period: '1447-09', answers: 5, hidden: false, csat: 100, average: 4.8, nps: null },
      { period: '1447-10', answers: 5, hidden: false, csat: 0, average: 2, nps: null },
    ]);
  });

  it('finds comments through the Arabic normaliser, newest first, a page at a time', async () => {
    const window = 'from=2026-03-01&to=2026-03-31';
    await insertAnswers(services, survey, [
      { answeredAt: riyadh('2026-03-02'), score: 5, comment: 'الموظفة كانت متعاونة جداً' },
      { answeredAt: riyadh('2026-03-03'), score: 2, comment: 'الانتظار طويل في الاستقبال' },
      { answeredAt: riyadh('2026-03-04'), score: 4, comment: 'شكراً على التعاون والمتابعة' },
      { answeredAt: riyadh('2026-03-05'), score: 3 },
    ]);
    const all = (await get(`/api/v1/survey-comments?${window}`, c.quality!)).json();
    expect(all.total).toBe(3);
    expect(all.items.map((i: { score: number }) => i.score)).toEqual([4, 2, 5]);
    // «متعاونه» without the ta marbuta and «التعاون» both match through the normaliser.
    const found = (
      await get(`/api/v1/survey-comments?${window}&q=${encodeURIComponent('متعاونه')}`, c.quality!)
    ).json();
    expect(found.items.map((i: { comment: string }) => i.comment)).toEqual(['الموظفة كانت متعاونة جداً']);
    const first = (await get(`/api/v1/survey-comments?${window}&limit=2`, c.quality!)).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await get(`/api/v1/survey-comments?${window}&limit=2&cursor=${first.nextCursor}`, c.quality!)
    ).json();
    expect(second).toMatchObject({ total: 3, nextCursor: null });
    expect(second.items.map((i: { score: number }) => i.score)).toEqual([5]);
    // Staff see only the comments on their own service.
    expect((await get(`/api/v1/survey-comments?${window}`, c.officer!)).json().total).toBe(0);
  });

  it('exports a right-to-left workbook with the same figures, no one named, and audits it', async () => {
    const window = 'from=2026-04-01&to=2026-04-30';
    await insertAnswers(services, survey, [
      ...answersOn('2026-04-02', [5, 4, 4, 2, 1], {
        serviceId: basket.id,
        channel: 'whatsapp',
        speed: 'slow',
      }),
      { answeredAt: riyadh('2026-04-03'), score: 3, channel: 'kiosk', comment: 'جيد', anonymous: true },
    ]);
    const query = `?${window}&surveyId=${survey.surveyId}`;
    const json = (await get(`/api/v1/survey-results${query}`, c.quality!)).json();
    const res = await get(`/api/v1/survey-results/export.xlsx${query}`, c.quality!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const [answers, summary] = book.worksheets;
    expect(answers!.views[0]).toMatchObject({ rightToLeft: true });
    expect(summary!.views[0]).toMatchObject({ rightToLeft: true });
    expect(answers!.actualRowCount).toBe(7);
    const header = answers!.getRow(1).values as unknown[];
    expect(header).toContain('ما مدى رضاك عن الخدمة؟');
    expect(header).toContain('سرعة الإنجاز');
    const firstAnswer = answers!.getRow(2).values as unknown[];
    expect(firstAnswer).toEqual(
      expect.arrayContaining(['2026-04-02', 'رضا المستفيدين', 'سلة رمضان', 'واتساب', 'بطيئة']),
    );
    const kiosk = answers!.getRow(7).values as unknown[];
    expect(kiosk).toEqual(expect.arrayContaining(['جهاز الاستقبال', 'نعم', 'جيد']));
    // The summary's first line is the JSON's summary.
    const total = summary!.getRow(2).values as unknown[];
    expect([total[2], total[3], total[4]]).toEqual([
      json.summary.answers,
      json.summary.csat,
      json.summary.average,
    ]);
    const lines = summary!.getSheetValues().map((row) => (Array.isArray(row) ? row[1] : null));
    expect(lines).toContain('الخدمة: سلة رمضان');

    const audit = await inOrganization(services, orgId, () =>
      services.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.action, 'survey.export'))),
    );
    expect(audit).toHaveLength(1);
    expect((await get(`/api/v1/survey-results/export.xlsx${query}`, c.officer!)).statusCode).toBe(403);
  });

  it('refuses a period that ends before it starts, without a server error', async () => {
    const res = await get('/api/v1/survey-results?from=2026-05-01&to=2026-04-01', c.quality!);
    expect(res.statusCode).toBe(400);
  });
});
