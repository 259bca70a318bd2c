import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import {
  findAgendaItem,
  listAgenda,
  listVotes,
  recordOutcome,
  updateSession,
} from '../../src/server/modules/committee/committee.repository';
import {
  answerReferral,
  findReferralView,
  latestLetter,
  listDeliveries,
  listHistory,
  lockRequest,
  serviceHistoryOf,
  updateRequestRow,
} from '../../src/server/modules/requests/requests.repository';
import { updateService } from '../../src/server/modules/services/services.repository';
import { updateUserRow } from '../../src/server/modules/users/users.repository';
import { listDismissals } from '../../src/server/modules/verification/signals.repository';
import {
  findReport,
  findTaskView,
  latestRuleVersion,
  listPhotos,
  listTasks,
  updateTask,
} from '../../src/server/modules/verification/verification.repository';
import { createService, readyBeneficiary } from '../support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../support/test-app';

// Row-level security keeps each association's rows apart in the database; the repositories filter by
// organization as well (ARCHITECTURE.md promises both). Connected as the owner, whom row-level
// security does not restrict, each repository call named with another association's id must find and
// change nothing — so this fails if a query filters by id alone.
const { app, services, testDb } = await createTestApp();
const a = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرفة', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'member', roles: ['committee_member'] },
]);
const b = await createOrganization(services, [{ fullName: 'مدير آخر', email: 'admin', roles: ['admin'] }]);
const c = await signInEach(app, a.emails);
const post = (url: string, cookie: string, payload: object = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const idOf = async (cookie: string) => (await get('/api/v1/auth/me', cookie)).json().user.id as string;

// One of everything in association A: a request in verification with a referral, a session with the
// request on its agenda and a vote, a service with rules, a user.
const service = await createService(app, c.admin!);
await app.inject({
  method: 'PUT',
  url: `/api/v1/services/${service.id}/rules`,
  headers: { cookie: c.admin! },
  payload: { threshold: 0, criteria: [{ id: 'open', kind: 'no_active_request', mode: 'required' }] },
});
const beneficiary = await readyBeneficiary(app, c.officer!);
const requestId = (
  await post('/api/v1/requests', c.officer!, {
    beneficiaryId: beneficiary.id,
    serviceId: service.id,
    channel: 'in_person',
  })
).json().id as string;
for (const action of ['start_review', 'start_verification'])
  await post(`/api/v1/requests/${requestId}/transitions`, c.officer!, { action });
const referralId = (
  await post(`/api/v1/requests/${requestId}/referrals`, c.officer!, {
    reason: 'سؤال عن الشروط',
    assigneeId: await idOf(c.supervisor!),
  })
).json().id as string;
const taskId = (await get(`/api/v1/requests/${requestId}/verifications`, c.researcher!)).json().items[0]
  .id as string;
const memberId = await idOf(c.member!);
const sessionId = (
  await post('/api/v1/committee-sessions', c.member!, {
    title: 'جلسة',
    scheduledFor: '2026-11-23T10:00:00+03:00',
    chairId: memberId,
    memberIds: [memberId],
  })
).json().id as string;
await post(`/api/v1/verifications/${taskId}/complete`, c.researcher!, {
  findings: 'الوثائق مطابقة',
  recommendation: 'eligible',
});
await post(`/api/v1/requests/${requestId}/transitions`, c.researcher!, { action: 'send_to_committee' });
await post(`/api/v1/committee-sessions/${sessionId}/agenda`, c.member!, { requestId });
await post(`/api/v1/committee-sessions/${sessionId}/items/${requestId}/votes`, c.member!, {
  vote: 'approve',
  reason: 'مستحق',
});

const pool = new pg.Pool({ connectionString: testDb.ownerUrl, max: 2 });
afterAll(() => pool.end());
const owner = drizzle(pool);
const A = a.organization.id;
const B = b.organization.id;

describe('repositories name the association in every query', () => {
  it('find nothing of association A when asked for association B', async () => {
    const readsOf = async (org: string) => ({
      request: await lockRequest(owner, org, requestId),
      history: await listHistory(owner, org, requestId),
      deliveries: await listDeliveries(owner, org, requestId),
      letter: await latestLetter(owner, org, requestId),
      referral: await findReferralView(owner, org, referralId),
      tasks: await listTasks(owner, org, requestId),
      task: await findTaskView(owner, org, taskId),
      photos: await listPhotos(owner, org, taskId),
      report: await findReport(owner, org, requestId),
      rules: await latestRuleVersion(owner, org, service.id),
      dismissals: await listDismissals(owner, org, requestId),
      agenda: await listAgenda(owner, org, sessionId),
      votes: await listVotes(owner, org, sessionId),
      item: await findAgendaItem(owner, org, sessionId, requestId),
      history2: await serviceHistoryOf(owner, org, {
        beneficiaryId: beneficiary.id,
        serviceId: service.id,
        excludeRequestId: null,
      }),
    });
    // The control: as A, the owner sees A's rows (so an empty answer for B means something).
    const asA = await readsOf(A);
    expect(asA.request?.id).toBe(requestId);
    expect(asA.history.length).toBeGreaterThan(0);
    expect(asA.referral?.referral.id).toBe(referralId);
    expect(asA.tasks).toHaveLength(1);
    expect(asA.task?.id).toBe(taskId);
    expect(asA.agenda).toHaveLength(1);
    expect(asA.votes).toHaveLength(1);
    expect(asA.item?.requestId).toBe(requestId);
    expect(asA.rules).toBe(1);
    expect(asA.history2.active).toBe(1);
    expect(await readsOf(B)).toEqual({
      request: null,
      history: [],
      deliveries: [],
      letter: null,
      referral: null,
      tasks: [],
      task: null,
      photos: [],
      report: null,
      rules: null,
      dismissals: [],
      agenda: [],
      votes: [],
      item: null,
      history2: { active: 0, lastDelivery: null },
    });
  });

  it('change nothing of association A when told to change it for association B', async () => {
    const adminId = await idOf(c.admin!);
    expect(await updateRequestRow(owner, B, requestId, { notes: 'تلاعب' })).toBeUndefined();
    expect(await updateTask(owner, B, taskId, { findings: 'تلاعب' })).toBeUndefined();
    expect(await updateService(owner, B, service.id, { nameAr: 'تلاعب' })).toBeUndefined();
    expect(await updateUserRow(owner, B, adminId, { fullName: 'تلاعب' })).toBeUndefined();
    await answerReferral(owner, B, referralId, 'تلاعب');
    await updateSession(owner, B, sessionId, { title: 'تلاعب' });
    const item = await findAgendaItem(owner, A, sessionId, requestId);
    await recordOutcome(owner, B, item!.id, { outcome: 'approved', summary: 'تلاعب', decidedAt: new Date() });

    const request = (await get(`/api/v1/requests/${requestId}`, c.officer!)).json();
    const referral = (await get(`/api/v1/requests/${requestId}/referrals`, c.officer!)).json().items[0];
    const task = (await get(`/api/v1/requests/${requestId}/verifications`, c.researcher!)).json().items[0];
    const session = (await get(`/api/v1/committee-sessions/${sessionId}`, c.member!)).json();
    const user = (await get('/api/v1/auth/me', c.admin!)).json().user;
    expect({
      service: request.serviceNameAr,
      answer: referral.answer,
      findings: task.findings,
      title: session.title,
      outcome: session.items[0].outcome,
      admin: user.fullName,
    }).toEqual({
      service: 'سلة غذائية',
      answer: null,
      findings: 'الوثائق مطابقة',
      title: 'جلسة',
      outcome: null,
      admin: 'مدير النظام',
    });
    expect((await lockRequest(owner, A, requestId))?.notes).toBeNull();
  });
});
