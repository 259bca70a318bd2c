import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { buildRichAssociation } from '../../../../tests/support/rich-association';
import { createTestApp, inOrganization } from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { createPeriodicSurveys } from './periodic-surveys';
import { surveyInvitations, surveyResponses } from './surveys.tables';

// Thursday 3 December 2026, 12:00 in Riyadh; the rich association delivered on 1 December.
const clock: Clock = { now: () => new Date('2026-12-03T09:00:00Z') };
const { app, services } = await createTestApp({ clock });
const a = await buildRichAssociation(app, services, 'الحمادي');
const orgId = a.organizationId;

const post = (url: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const question = { id: 'overall', kind: 'faces', labelAr: 'ما مدى رضاك؟', labelEn: 'How satisfied?' };
async function survey(trigger: string, extra: object = {}) {
  const res = await post('/api/v1/surveys', a.cookies.quality_officer, {
    nameAr: `استبيان ${trigger}`,
    nameEn: `Survey ${trigger}`,
    trigger,
    questions: [question],
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return res.json().id as string;
}
const invitationsOf = (surveyId: string) =>
  inOrganization(services, orgId, () =>
    services.db
      .select()
      .from(surveyInvitations)
      .where(and(eq(surveyInvitations.organizationId, orgId), eq(surveyInvitations.surveyId, surveyId))),
  );

describe('invitations after the process’s events', () => {
  it('invites a named complainant with a file when the complaint is closed', async () => {
    const id = await survey('complaint_closed');
    const named = (
      await post('/api/v1/complaints', a.cookies.manager, {
        kind: 'complaint',
        text: 'تأخر صرف السلة هذا الشهر',
        beneficiaryId: a.decided.beneficiaryId,
      })
    ).json();
    const anonymous = (
      await post('/api/v1/complaints', a.cookies.manager, { kind: 'suggestion', text: 'نقترح مواعيد مسائية' })
    ).json();
    for (const c of [named, anonymous]) {
      const closed = await post(`/api/v1/complaints/${c.id}/close`, a.cookies.manager, { satisfied: true });
      expect(closed.statusCode).toBe(200);
    }
    const rows = await invitationsOf(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      beneficiaryId: a.decided.beneficiaryId,
      relatedType: 'complaint',
      relatedId: named.id,
      trigger: 'complaint_closed',
    });
  });

  it('invites after an inquiry of a file is answered', async () => {
    const id = await survey('inquiry_answered');
    const inquiry = (
      await post('/api/v1/inquiries', a.cookies.relations_officer, {
        beneficiaryId: a.decided.beneficiaryId,
        channel: 'phone',
        question: 'متى موعد الصرف القادم؟',
      })
    ).json();
    const answered = await post(`/api/v1/inquiries/${inquiry.id}/answer`, a.cookies.relations_officer, {
      answer: 'في الأسبوع الأول من الشهر.',
    });
    expect(answered.statusCode).toBe(200);
    expect(await invitationsOf(id)).toMatchObject([
      { relatedId: inquiry.id, staffId: a.userIds.relations_officer, beneficiaryId: a.decided.beneficiaryId },
    ]);
  });

  it('asks the people served in the period once a day, never twice in the period', async () => {
    const id = await survey('periodic', { periodDays: 30 });
    const periodic = createPeriodicSurveys({
      db: services.db,
      clock,
      organizations: services.organizations,
      invitations: services.surveyInvitations,
    });
    expect(await periodic.run()).toBeGreaterThanOrEqual(1);
    const rows = await invitationsOf(id);
    expect(rows.map((r) => r.beneficiaryId)).toContain(a.decided.beneficiaryId);
    expect(rows.find((r) => r.beneficiaryId === a.decided.beneficiaryId)).toMatchObject({
      serviceId: a.serviceId,
      staffId: a.userIds.service_officer,
      trigger: 'periodic',
    });
    await periodic.run();
    expect(await invitationsOf(id)).toHaveLength(rows.length);
  });
});

describe('privacy', () => {
  it('unlinks a destroyed file’s answers and closes its open links', async () => {
    const person = await registerBeneficiary(app, a.cookies.relations_officer);
    const kiosk = async () =>
      (
        await post('/api/v1/kiosk/invitations', a.cookies.relations_officer, { beneficiaryId: person.id })
      ).json() as { id: string; token: string };
    const [answered, open] = [await kiosk(), await kiosk()];
    const res = await post(`/api/v1/survey-responses/${answered.token}`, '', {
      answers: { satisfaction: 5 },
    });
    expect(res.statusCode).toBe(201);
    const destroyed = await post(`/api/v1/beneficiaries/${person.id}/destroy`, a.cookies.manager, {
      reason: 'طلب المستفيد',
    });
    expect(destroyed.statusCode).toBe(200);
    const [response] = await inOrganization(services, orgId, () =>
      services.db.select().from(surveyResponses).where(eq(surveyResponses.id, res.json().id)),
    );
    expect(response).toMatchObject({ beneficiaryId: null, score: 5 });
    const link = await app.inject({ method: 'GET', url: `/api/v1/survey-responses/${open.token}` });
    expect(link.statusCode).toBe(404);
    const rows = await inOrganization(services, orgId, () =>
      services.db.select().from(surveyInvitations).where(eq(surveyInvitations.id, open.id)),
    );
    expect(rows).toEqual([]);
  });
});
