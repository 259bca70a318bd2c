import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
  signInEach,
} from '../../../../tests/support/test-app';
import { requests } from '../requests/requests.tables';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'رئيس اللجنة', email: 'chair', roles: ['committee_member'] },
  { fullName: 'العضو الثاني', email: 'member2', roles: ['committee_member'] },
  { fullName: 'العضو الثالث', email: 'member3', roles: ['committee_member'] },
]);
const other = await createOrganization(services, [
  { fullName: 'باحث آخر', email: 'researcher', roles: ['researcher'] },
]);
const c = await signInEach(app, org.emails);
const outsider = await signIn(app, other.emails.researcher!);
const idOf = async (cookie: string) =>
  (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().user.id as string;
const [chairId, member2Id, member3Id] = await Promise.all([
  idOf(c.chair!),
  idOf(c.member2!),
  idOf(c.member3!),
]);

// This association decides by a research committee (the second seed policy).
const current = (
  await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: c.admin! } })
).json();
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
const service = await createService(app, c.admin!, {
  verification: ['interview', 'field_visit'],
  registrationChecklist: [],
});
const post = (url: string, cookie: string, payload?: object) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload: payload ?? {} });
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

async function caseInVerification() {
  const b = await readyBeneficiary(app, c.officer!);
  const id = (
    await post('/api/v1/requests', c.officer!, {
      beneficiaryId: b.id,
      serviceId: service.id,
      channel: 'in_person',
    })
  ).json().id;
  await post(`/api/v1/requests/${id}/transitions`, c.officer!, { action: 'start_review' });
  await post(`/api/v1/requests/${id}/transitions`, c.officer!, { action: 'start_verification' });
  return id as string;
}

async function completeAll(id: string) {
  for (const task of (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items) {
    await post(`/api/v1/verifications/${task.id}/complete`, c.researcher!, {
      findings: task.mechanism === 'field_visit' ? 'المسكن متواضع والأسرة تحتاج الدعم' : 'أجريت المقابلة',
      recommendation: 'eligible',
      answers: { housing: 'rented' },
    });
  }
}

describe('social research report', () => {
  it('gathers the findings, is saved as a draft, submitted once, then read-only and printable', async () => {
    const id = await caseInVerification();
    await completeAll(id);
    const url = `/api/v1/requests/${id}/research-report`;
    expect((await get(url, c.chair!)).json()).toEqual({ report: null });
    const body =
      'زارت الباحثة الأسرة في منزلها، والمسكن مستأجر ومتواضع، ودخل الأسرة لا يكفي احتياجاتها الأساسية.';
    const draft = await app.inject({
      method: 'PUT',
      url,
      headers: { cookie: c.researcher! },
      payload: { bodyAr: body, recommendation: 'eligible' },
    });
    expect(draft.json().report).toMatchObject({ status: 'draft', authorName: 'الباحثة', submittedAt: null });
    expect((await get(`${url}.pdf`, c.chair!)).statusCode).toBe(404);
    const submitted = await app.inject({
      method: 'PUT',
      url,
      headers: { cookie: c.researcher! },
      payload: { bodyAr: body, recommendation: 'eligible', submit: true },
    });
    expect(submitted.json().report.status).toBe('submitted');
    const again = await app.inject({
      method: 'PUT',
      url,
      headers: { cookie: c.researcher! },
      payload: { bodyAr: `${body} تعديل`, recommendation: 'not_eligible' },
    });
    expect(again.json().error.code).toBe('TRANSITION_NOT_ALLOWED');
    const pdf = await get(`${url}.pdf`, c.chair!);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(
      (
        await app.inject({
          method: 'PUT',
          url,
          headers: { cookie: c.chair! },
          payload: { bodyAr: body, recommendation: 'eligible' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await get(url, outsider)).statusCode).toBe(404);
  });
});

describe('field visit photos', () => {
  it('keeps photos taken on a field visit, checked by content, and serves them back', async () => {
    const id = await caseInVerification();
    const visit = (await get(`/api/v1/requests/${id}/verifications`, c.researcher!))
      .json()
      .items.find((t: { mechanism: string }) => t.mechanism === 'field_visit');
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const upload = (data: Buffer) => {
      const boundary = '----photo';
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return app.inject({
        method: 'POST',
        url: `/api/v1/verifications/${visit.id}/photos`,
        headers: {
          cookie: c.researcher!,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'x-requested-with': 'wasl',
        },
        payload,
      });
    };
    expect((await upload(Buffer.from('not an image'))).statusCode).toBe(415);
    const photo = await upload(png);
    expect(photo.statusCode).toBe(201);
    expect(photo.json().contentType).toBe('image/png');
    const list = (await get(`/api/v1/verifications/${visit.id}/photos`, c.chair!)).json().items;
    expect(list).toHaveLength(1);
    const back = await get(`/api/v1/verifications/${visit.id}/photos/${list[0].id}`, c.chair!);
    expect(Buffer.compare(back.rawPayload, png)).toBe(0);
    expect((await get(`/api/v1/verifications/${visit.id}/photos`, outsider)).statusCode).toBe(404);
  });
});

describe('verification and the committee', () => {
  it('creates the tasks the service requires, and refuses send_to_committee until both are done', async () => {
    const id = await caseInVerification();
    const tasks = (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items;
    expect(tasks.map((t: { mechanism: string }) => t.mechanism).sort()).toEqual(['field_visit', 'interview']);
    await post(`/api/v1/verifications/${tasks[0].id}/complete`, c.researcher!, {
      findings: 'تمت المقابلة',
      recommendation: 'eligible',
    });
    const refused = await post(`/api/v1/requests/${id}/transitions`, c.researcher!, {
      action: 'send_to_committee',
    });
    expect(refused.json().error).toMatchObject({
      code: 'VERIFICATION_INCOMPLETE',
      details: { incomplete: [tasks[1].mechanism] },
    });
    await completeAll(id);
    expect(
      (
        await post(`/api/v1/requests/${id}/transitions`, c.researcher!, { action: 'send_to_committee' })
      ).json().status,
    ).toBe('in_committee');
  });

  it('refuses a decision outside a session where a committee decides', async () => {
    const id = await caseInVerification();
    await completeAll(id);
    await post(`/api/v1/requests/${id}/transitions`, c.researcher!, { action: 'send_to_committee' });
    const direct = await post(`/api/v1/requests/${id}/transitions`, c.chair!, {
      action: 'approve',
      note: 'مستحق',
    });
    expect(direct.json().error.code).toBe('COMMITTEE_DECISION_REQUIRED');
  });

  it('decides in session: no quorum refused, a conflicted member cannot vote, the decision records the rule version, minutes print', async () => {
    const rules = await app.inject({
      method: 'PUT',
      url: `/api/v1/services/${service.id}/rules`,
      headers: { cookie: c.admin! },
      payload: {
        threshold: 0,
        criteria: [{ id: 'id_doc', kind: 'document_valid', documentType: 'national_id', mode: 'required' }],
      },
    });
    expect(rules.json().version).toBeGreaterThanOrEqual(1);
    const id = await caseInVerification();
    await completeAll(id);
    await post(`/api/v1/requests/${id}/transitions`, c.researcher!, { action: 'send_to_committee' });
    const evaluation = (await get(`/api/v1/requests/${id}/evaluation`, c.chair!)).json();
    expect(evaluation).toMatchObject({
      ruleVersion: rules.json().version,
      recommendation: 'eligible',
      results: [{ id: 'id_doc', outcome: 'pass', observed: 'valid' }],
    });

    const session = (
      await post('/api/v1/committee-sessions', c.chair!, {
        title: 'الجلسة الأولى',
        scheduledFor: '2026-11-23T10:00:00+03:00',
        chairId,
        memberIds: [member2Id, member3Id],
      })
    ).json();
    expect(session.quorum).toBe(2);
    await post(`/api/v1/committee-sessions/${session.id}/agenda`, c.chair!, { requestId: id });
    const voteUrl = `/api/v1/committee-sessions/${session.id}/items/${id}/votes`;
    await post(voteUrl, c.member3!, { vote: 'conflict', reason: 'المستفيد من أقاربي' });
    expect((await post(voteUrl, c.member3!, { vote: 'approve', reason: 'مستحق' })).json().error.code).toBe(
      'CONFLICT_OF_INTEREST',
    );
    await post(voteUrl, c.chair!, { vote: 'approve', reason: 'الشروط منطبقة' });
    const early = await post(`/api/v1/committee-sessions/${session.id}/items/${id}/decide`, c.chair!);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('NO_QUORUM');
    expect(
      (await post(`/api/v1/committee-sessions/${session.id}/items/${id}/decide`, c.member2!)).json().error
        .code,
    ).toBe('NOT_THE_CHAIR');

    await post(voteUrl, c.member2!, { vote: 'approve', reason: 'الأسرة محتاجة' });
    const decided = (
      await post(`/api/v1/committee-sessions/${session.id}/items/${id}/decide`, c.chair!)
    ).json();
    expect(decided.items[0]).toMatchObject({
      outcome: 'approved',
      tally: { approve: 2, cast: 2, quorate: true },
    });
    const request = (await get(`/api/v1/requests/${id}`, c.chair!)).json();
    expect(request.status).toBe('approved');
    expect(request.decisionReason).toContain('الجلسة الأولى');
    const [row] = await inOrganization(services, org.organization.id, () =>
      services.db.select().from(requests).where(eq(requests.id, id)),
    );
    expect(row!.ruleVersion).toBe(rules.json().version);

    const closed = (await post(`/api/v1/committee-sessions/${session.id}/close`, c.chair!)).json();
    expect(closed.status).toBe('closed');
    expect(closed.minutesAr).toContain('أعلن تعارض المصالح: العضو الثالث');
    expect(closed.minutesAr).toContain('اعتمد المحضر رئيس الجلسة رئيس اللجنة');
    const pdf = await get(`/api/v1/committee-sessions/${session.id}/minutes.pdf`, c.researcher!);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await post(voteUrl, c.member2!, { vote: 'reject', reason: 'متأخر' })).json().error.code).toBe(
      'SESSION_CLOSED',
    );
  });

  it('shows a researcher of another organization nothing', async () => {
    const id = await caseInVerification();
    expect((await get(`/api/v1/requests/${id}/verifications`, outsider)).statusCode).toBe(404);
    expect((await get(`/api/v1/requests/${id}/evaluation`, outsider)).statusCode).toBe(404);
    const task = (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items[0];
    const res = await post(`/api/v1/verifications/${task.id}/complete`, outsider, {
      findings: 'تلاعب',
      recommendation: 'not_eligible',
    });
    expect(res.statusCode).toBe(404);
    expect((await get('/api/v1/verifications/mine', outsider)).json().items).toEqual([]);
  });
});
