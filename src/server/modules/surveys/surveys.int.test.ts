import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildRichAssociation } from '../../../../tests/support/rich-association';
import { smsFileOutbox } from '../../../../tests/support/sms-file';
import { createSurveyFixture, insertAnswers } from '../../../../tests/support/survey-fixtures';
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
import { surveyInvitations, surveyResponses, surveyVersions } from './surveys.tables';

// Thursday 3 December 2026, 12:00 in Riyadh (a working day, outside quiet hours).
const start = new Date('2026-12-03T09:00:00Z');
let now = start;
const clock: Clock = { now: () => now };
const sms = smsFileOutbox();
const { app, services } = await createTestApp({
  clock,
  notificationDriver: sms.driver,
  sessionTtlHours: 24 * 40,
});
// Its decided file's request was delivered by the service officer: the "after delivery" survey invites.
const a = await buildRichAssociation(app, services, 'الرضواني');
const orgId = a.organizationId;
const other = await createOrganization(services, [
  { fullName: 'مسؤول الجودة الآخر', email: 'quality', roles: ['quality_officer', 'relations_officer'] },
]);
const o = await signInEach(app, other.emails);

const send = (method: 'POST' | 'PATCH', url: string, payload: object, cookie?: string) =>
  app.inject({ method, url, payload, headers: cookie ? { cookie } : {} });
const get = (url: string, cookie?: string) =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const inOrg = <T>(fn: () => Promise<T>) => inOrganization(services, orgId, fn);
const responsesOf = (surveyId: string) =>
  inOrg(() =>
    services.db
      .select()
      .from(surveyResponses)
      .where(and(eq(surveyResponses.organizationId, orgId), eq(surveyResponses.surveyId, surveyId))),
  );
const kioskInvitation = async (payload: object = {}, cookie = a.cookies.service_officer) => {
  const res = await send('POST', '/api/v1/kiosk/invitations', payload, cookie);
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; token: string };
};
const goodAnswers = { satisfaction: 4, recommend: 9, comments: 'الموظفون متعاونون والتسليم سريع' };

const listed = await get('/api/v1/surveys', a.cookies.manager);
if (listed.statusCode !== 200) throw new Error(listed.body);
const surveys = listed.json().items as {
  id: string;
  trigger: string;
  questions: { id: string }[];
}[];
const afterDelivery = surveys.find((s) => s.trigger === 'delivery')!;
const kiosk = surveys.find((s) => s.trigger === 'kiosk')!;

describe('default surveys', () => {
  it('gives every new association an active after-delivery survey and a kiosk survey', () => {
    expect(surveys.map((s) => s.trigger).sort()).toEqual(['delivery', 'kiosk']);
    expect(afterDelivery).toMatchObject({ active: true, serviceId: null, version: 1 });
    expect(afterDelivery.questions.map((q) => q.id)).toEqual(['satisfaction', 'recommend', 'comments']);
    expect(kiosk.questions.map((q) => q.id)).toEqual(['satisfaction', 'comments']);
  });
});

describe('answering by the link, without sign-in', () => {
  let token = '';

  it('sends the link after the delivery, on the beneficiary’s channel, once', async () => {
    const [invitation] = await inOrg(() =>
      services.db
        .select()
        .from(surveyInvitations)
        .where(and(eq(surveyInvitations.organizationId, orgId), eq(surveyInvitations.trigger, 'delivery'))),
    );
    expect(invitation).toMatchObject({
      beneficiaryId: a.decided.beneficiaryId,
      serviceId: a.serviceId,
      staffId: a.userIds.service_officer,
      relatedType: 'delivery',
      channel: 'sms',
      answeredAt: null,
    });
    expect(invitation!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const before = sms.lines().length;
    await deliverMessage(services.db, sms.driver, invitation!.messageId!, clock);
    const body = sms.lines().slice(before).at(-1)!.body;
    token = body.match(/\/s\/([\w-]+)/)![1]!;
    expect(body).toContain('سلة');
    // The same delivery never invites twice.
    const again = await inOrg(() =>
      services.db.transaction((tx) =>
        services.surveyInvitations.inviteAfter(tx, {
          organizationId: orgId,
          trigger: 'delivery',
          beneficiaryId: a.decided.beneficiaryId,
          serviceId: a.serviceId,
          staffId: null,
          relatedType: 'delivery',
          relatedId: invitation!.relatedId!,
        }),
      ),
    );
    expect(again).toBeNull();
  });

  it('shows the questions to anyone holding the link, and nothing personal', async () => {
    const res = await get(`/api/v1/survey-responses/${token}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      version: 1,
      anonymousAllowed: true,
      survey: { nameAr: expect.any(String) },
    });
    expect(res.json().questions).toHaveLength(3);
    expect(res.body).not.toContain(a.decided.beneficiaryName);
  });

  it('refuses bad answers with the field of each, and stores nothing', async () => {
    const res = await send('POST', `/api/v1/survey-responses/${token}`, {
      answers: { satisfaction: 7, recommend: 'x', extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toMatchObject({
      satisfaction: 'OUT_OF_RANGE',
      recommend: 'WRONG_TYPE',
      extra: 'UNKNOWN_QUESTION',
    });
    expect(await responsesOf(afterDelivery.id)).toHaveLength(0);
  });

  it('takes one answer, then answers 410 to the link; the service’s satisfaction figure moves', async () => {
    // Four earlier answers about the service, all unhappy: too few to show (fewer than five).
    const earlier = await createSurveyFixture(services, orgId, 'استبانة سابقة');
    await insertAnswers(
      services,
      earlier,
      [1, 2, 1, 2].map((score) => ({
        answeredAt: new Date(now.getTime() - 86_400_000),
        score,
        serviceId: a.serviceId,
      })),
    );
    const figure = async () => {
      const results = await get(`/api/v1/survey-results?serviceId=${a.serviceId}`, a.cookies.manager);
      expect(results.statusCode).toBe(200);
      return results.json().summary as { answers: number; hidden: boolean; csat: number | null };
    };
    expect(await figure()).toMatchObject({ answers: 4, hidden: true, csat: null });
    const res = await send('POST', `/api/v1/survey-responses/${token}`, { answers: goodAnswers });
    expect(res.statusCode).toBe(201);
    // The fifth answer (a 4: satisfied) shows the figure: one satisfied in five.
    expect(await figure()).toMatchObject({ answers: 5, hidden: false, csat: 20 });
    const [stored] = await responsesOf(afterDelivery.id);
    expect(stored).toMatchObject({
      id: res.json().id,
      score: 4,
      nps: 9,
      comment: goodAnswers.comments,
      channel: 'sms',
      serviceId: a.serviceId,
      staffId: a.userIds.service_officer,
      beneficiaryId: a.decided.beneficiaryId,
      anonymous: false,
    });
    expect(stored!.commentKey).toContain('الموظفون');
    const audit = await inOrg(() =>
      services.db.select().from(auditEvents).where(eq(auditEvents.action, 'survey.answer')),
    );
    expect(audit).toHaveLength(1);
    const second = await send('POST', `/api/v1/survey-responses/${token}`, { answers: goodAnswers });
    expect(second.statusCode).toBe(410);
    expect(second.json().error.code).toBe('SURVEY_ALREADY_ANSWERED');
    expect((await get(`/api/v1/survey-responses/${token}`)).json().error.code).toBe(
      'SURVEY_ALREADY_ANSWERED',
    );
  });

  it('answers 404 to a token of no one and 410 to an expired link', async () => {
    const unknown = await get('/api/v1/survey-responses/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('SURVEY_NOT_FOUND');
    const { token: old } = await kioskInvitation();
    now = new Date(start.getTime() + 15 * 86_400_000);
    try {
      const res = await get(`/api/v1/survey-responses/${old}`);
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('SURVEY_EXPIRED');
      const post = await send('POST', `/api/v1/survey-responses/${old}`, { answers: { satisfaction: 5 } });
      expect(post.statusCode).toBe(410);
    } finally {
      now = start;
    }
  });

  it('gives one 201 and one 410 to two answers sent at once', async () => {
    const { token: raced } = await kioskInvitation();
    const before = (await responsesOf(kiosk.id)).length;
    const results = await Promise.all(
      [1, 2].map(() =>
        send('POST', `/api/v1/survey-responses/${raced}`, { answers: { satisfaction: 5 }, anonymous: true }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 410]);
    const after = await responsesOf(kiosk.id);
    expect(after).toHaveLength(before + 1);
    // Anonymous: no way back to the person.
    expect(after.find((r) => r.id === results.find((x) => x.statusCode === 201)!.json().id)).toMatchObject({
      anonymous: true,
      beneficiaryId: null,
      invitationId: null,
    });
  });
});

describe('versions', () => {
  it('makes a new version when the questions change; old answers keep theirs', async () => {
    const questions = [
      ...afterDelivery.questions,
      { id: 'speed', kind: 'stars', labelAr: 'سرعة الإنجاز', labelEn: 'Speed', required: false },
    ];
    const res = await send(
      'PATCH',
      `/api/v1/surveys/${afterDelivery.id}`,
      { questions },
      a.cookies.quality_officer,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, answers: 1, active: true });
    const renamed = await send(
      'PATCH',
      `/api/v1/surveys/${afterDelivery.id}`,
      { nameAr: 'رأيكم بعد الاستلام' },
      a.cookies.quality_officer,
    );
    expect(renamed.json()).toMatchObject({ version: 2, nameAr: 'رأيكم بعد الاستلام', serviceId: null });
    const versions = (await get(`/api/v1/surveys/${afterDelivery.id}/versions`, a.cookies.auditor)).json()
      .items;
    expect(versions.map((v: { version: number; answers: number }) => [v.version, v.answers])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const [answered] = await responsesOf(afterDelivery.id);
    const [version] = await inOrg(() =>
      services.db.select().from(surveyVersions).where(eq(surveyVersions.id, answered!.versionId)),
    );
    expect(version!.version).toBe(1);
  });
});

describe('the counter’s kiosk', () => {
  it('shows the desk’s newest invitation until it is answered, to this association only', async () => {
    const made = await kioskInvitation({ desk: 'A', serviceId: a.serviceId });
    const next = await get('/api/v1/kiosk/next?desk=A', a.cookies.relations_officer);
    expect(next.statusCode).toBe(200);
    expect(next.json()).toMatchObject({
      token: made.token,
      form: { service: { nameAr: expect.any(String) } },
    });
    expect((await get('/api/v1/kiosk/next?desk=B', a.cookies.relations_officer)).json().token).toBeNull();
    expect((await get('/api/v1/kiosk/next', o.quality!)).json().token).toBeNull();
    const answered = await send('POST', `/api/v1/survey-responses/${made.token}`, {
      answers: { satisfaction: 3, comments: 'الانتظار طويل' },
    });
    expect(answered.statusCode).toBe(201);
    expect((await get('/api/v1/kiosk/next?desk=A', a.cookies.relations_officer)).json()).toEqual({
      token: null,
      form: null,
    });
    const [row] = await inOrg(() =>
      services.db.select().from(surveyInvitations).where(eq(surveyInvitations.id, made.id)),
    );
    expect(row).toMatchObject({
      channel: 'kiosk',
      desk: 'A',
      staffId: a.userIds.service_officer,
      kioskToken: null,
    });
  });
});

describe('the designer', () => {
  it('creates a survey with its first version, and hides another association’s', async () => {
    const res = await send(
      'POST',
      '/api/v1/surveys',
      {
        nameAr: 'تقييم الشؤون المالية',
        nameEn: 'Finance department',
        trigger: 'internal',
        ratedDepartment: 'الشؤون المالية',
        questions: [{ id: 'overall', kind: 'stars', labelAr: 'تقييمك العام', labelEn: 'Overall' }],
      },
      a.cookies.quality_officer,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 1, answers: 0, trigger: 'internal' });
    const id = res.json().id;
    expect((await get(`/api/v1/surveys/${id}`, o.quality!)).statusCode).toBe(404);
    expect((await get(`/api/v1/surveys/${id}/versions`, o.quality!)).statusCode).toBe(404);
    expect((await send('PATCH', `/api/v1/surveys/${id}`, { active: false }, o.quality!)).statusCode).toBe(
      404,
    );
    expect((await send('POST', '/api/v1/surveys', {}, a.cookies.auditor)).statusCode).toBe(403);

    // Internal: each staff member invited by e-mail.
    const invited = await send(
      'POST',
      `/api/v1/surveys/${id}/invitations`,
      { userIds: [a.userIds.researcher, a.userIds.supervisor] },
      a.cookies.manager,
    );
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toEqual({ sent: 2 });
    const mails = await inOrg(() =>
      services.db
        .select()
        .from(outboxMessages)
        .where(and(eq(outboxMessages.organizationId, orgId), eq(outboxMessages.channel, 'email'))),
    );
    expect(mails.filter((mail) => mail.body.includes('/s/'))).toHaveLength(2);
  });
});

describe('the portal', () => {
  it('lists the beneficiary’s open invitations and takes the answer there', async () => {
    const portalCookie = await inOrg(
      async () =>
        `wasl_portal=${await services.portalSessions.create(services.db, {
          organizationId: orgId,
          beneficiaryId: a.decided.beneficiaryId,
          ip: null,
          userAgent: null,
        })}`,
    );
    const invitation = await kioskInvitation({ beneficiaryId: a.decided.beneficiaryId });
    const list = (await get('/api/v1/portal/surveys', portalCookie)).json().items;
    expect(list.map((i: { id: string }) => i.id)).toContain(invitation.id);
    expect((await get(`/api/v1/portal/surveys/${invitation.id}`, portalCookie)).statusCode).toBe(200);
    const res = await send(
      'POST',
      `/api/v1/portal/surveys/${invitation.id}`,
      { answers: { satisfaction: 5 } },
      portalCookie,
    );
    expect(res.statusCode).toBe(201);
    const stored = (await responsesOf(kiosk.id)).find((r) => r.id === res.json().id);
    expect(stored).toMatchObject({ channel: 'kiosk', beneficiaryId: a.decided.beneficiaryId });
    const again = await send(
      'POST',
      `/api/v1/portal/surveys/${invitation.id}`,
      { answers: { satisfaction: 5 } },
      portalCookie,
    );
    expect(again.statusCode).toBe(410);
  });
});
