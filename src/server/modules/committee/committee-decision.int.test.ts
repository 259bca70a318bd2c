import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';

const { app, services, testDb } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'رئيس اللجنة', email: 'chair', roles: ['committee_member'] },
  { fullName: 'العضو الثاني', email: 'member', roles: ['committee_member'] },
]);
const c = await signInEach(app, org.emails);
const post = (url: string, cookie: string, payload: object = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const idOf = async (cookie: string) => (await get('/api/v1/auth/me', cookie)).json().user.id as string;

const current = (await get('/api/v1/organizations/current', c.admin!)).json();
await app.inject({
  method: 'PATCH',
  url: '/api/v1/organizations/current',
  headers: { cookie: c.admin! },
  payload: {
    settings: {
      ...current.settings,
      decisionBody: { kind: 'committee', nameAr: 'لجنة البحث', nameEn: 'Research committee' },
    },
  },
});
const service = await createService(app, c.admin!);

/** A case on a session's agenda with both members' approving votes: ready for the chair's decision. */
async function caseReadyForDecision() {
  const b = await readyBeneficiary(app, c.officer!);
  const id = (
    await post('/api/v1/requests', c.officer!, {
      beneficiaryId: b.id,
      serviceId: service.id,
      channel: 'in_person',
    })
  ).json().id as string;
  await post(`/api/v1/requests/${id}/transitions`, c.officer!, { action: 'start_review' });
  await post(`/api/v1/requests/${id}/transitions`, c.officer!, { action: 'start_verification' });
  for (const task of (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items)
    await post(`/api/v1/verifications/${task.id}/complete`, c.researcher!, {
      findings: 'الوثائق مطابقة',
      recommendation: 'eligible',
    });
  await post(`/api/v1/requests/${id}/transitions`, c.researcher!, { action: 'send_to_committee' });
  const session = (
    await post('/api/v1/committee-sessions', c.chair!, {
      title: 'جلسة القرار',
      scheduledFor: '2026-11-23T10:00:00+03:00',
      chairId: await idOf(c.chair!),
      memberIds: [await idOf(c.member!)],
    })
  ).json();
  await post(`/api/v1/committee-sessions/${session.id}/agenda`, c.chair!, { requestId: id });
  const voteUrl = `/api/v1/committee-sessions/${session.id}/items/${id}/votes`;
  await post(voteUrl, c.chair!, { vote: 'approve', reason: 'الشروط منطبقة' });
  await post(voteUrl, c.member!, { vote: 'approve', reason: 'الأسرة محتاجة' });
  return { id, sessionId: session.id as string };
}

/** Runs DDL as the database owner (the application's own role may not create triggers). */
async function asOwner(statement: string) {
  const client = new pg.Client({ connectionString: testDb.ownerUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

afterEach(() => asOwner('drop trigger if exists fail_outcome on committee_agenda'));

describe('a committee decision is one transaction', () => {
  it('leaves the request unapproved when recording the outcome fails, and decides on the next try', async () => {
    const { id, sessionId } = await caseReadyForDecision();
    await asOwner(`create or replace function wasl_test_fail_outcome() returns trigger language plpgsql as
      $$ begin raise exception 'outcome write failed (test)'; end $$;
      create trigger fail_outcome before update of outcome on committee_agenda
        for each row execute function wasl_test_fail_outcome()`);

    const failed = await post(`/api/v1/committee-sessions/${sessionId}/items/${id}/decide`, c.chair!);
    expect(failed.statusCode).toBe(500);
    const request = (await get(`/api/v1/requests/${id}`, c.chair!)).json();
    expect(request).toMatchObject({ status: 'in_committee', decisionReason: null, decidedAt: null });
    const history = (await get(`/api/v1/requests/${id}/history`, c.chair!)).json().items;
    expect(history.map((h: { action: string }) => h.action)).not.toContain('approve');
    expect((await get(`/api/v1/requests/${id}/letter`, c.chair!)).statusCode).toBe(404);
    const item = (await get(`/api/v1/committee-sessions/${sessionId}`, c.chair!)).json().items[0];
    expect(item).toMatchObject({ status: 'in_committee', outcome: null });

    await asOwner('drop trigger fail_outcome on committee_agenda');
    const decided = await post(`/api/v1/committee-sessions/${sessionId}/items/${id}/decide`, c.chair!);
    expect(decided.json().items[0]).toMatchObject({ status: 'approved', outcome: 'approved' });
    expect((await get(`/api/v1/requests/${id}`, c.chair!)).json().status).toBe('approved');
  });

  it('refuses deciding a case twice, and a vote after the decision', async () => {
    const { id, sessionId } = await caseReadyForDecision();
    const url = `/api/v1/committee-sessions/${sessionId}/items/${id}/decide`;
    expect((await post(url, c.chair!)).statusCode).toBe(200);
    const again = await post(url, c.chair!);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      details: { outcome: 'approved' },
    });
    const late = await post(`/api/v1/committee-sessions/${sessionId}/items/${id}/votes`, c.member!, {
      vote: 'reject',
      reason: 'غيّرت رأيي',
    });
    expect(late.statusCode).toBe(409);
    const history = (await get(`/api/v1/requests/${id}/history`, c.chair!)).json().items;
    expect(history.filter((h: { action: string }) => h.action === 'approve')).toHaveLength(1);
  });
});
