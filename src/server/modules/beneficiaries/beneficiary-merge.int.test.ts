import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { beneficiaryInput, registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, signDeclaration, uploadDocument } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
  signInEach,
} from '../../../../tests/support/test-app';
import { recordTablesMovedOnMerge } from './beneficiary-privacy.repository';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرفة', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'رئيس اللجنة', email: 'chair', roles: ['committee_member'] },
  { fullName: 'العضو الثاني', email: 'member', roles: ['committee_member'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مشرف آخر', email: 'supervisor', roles: ['supervisor'] },
]);
const c = await signInEach(app, org.emails);
const outsider = await signIn(app, other.emails.supervisor!);
const get = (url: string, cookie = c.supervisor!) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload: object = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });
const act = async (id: string, cookie: string, payload: object) => {
  const res = await post(`/api/v1/requests/${id}/transitions`, cookie, payload);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const idOf = async (cookie: string) => (await get('/api/v1/auth/me', cookie)).json().user.id as string;

// The second seed policy: a research committee decides, so a decided request has agenda items and votes.
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
const basket = await createService(app, c.admin!);
const rent = await createService(app, c.admin!, { nameAr: 'إعانة إيجار', nameEn: 'Rent aid' });
const rules = await app.inject({
  method: 'PUT',
  url: `/api/v1/services/${basket.id}/rules`,
  headers: { cookie: c.admin! },
  payload: { threshold: 0, criteria: [{ id: 'one_open', kind: 'no_active_request', mode: 'required' }] },
});
expect(rules.statusCode).toBe(200);
const [chairId, memberId, supervisorId] = [
  await idOf(c.chair!),
  await idOf(c.member!),
  await idOf(c.supervisor!),
];

/** A second record of the same person (same phone), acknowledged as a possible duplicate at the counter. */
async function registerTwin(of: { id: string; phone: string }) {
  const input = beneficiaryInput({ phone: of.phone });
  const first = await post('/api/v1/beneficiaries', c.officer!, input);
  if (first.statusCode === 201) throw new Error('the twin was not recognised as a possible duplicate');
  const matches = first.json().error.details.matches.map((m: { id: string }) => m.id);
  const res = await post('/api/v1/beneficiaries', c.officer!, {
    ...input,
    acknowledgedDuplicateIds: matches,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; fileNumber: string; phone: string };
}

async function makeReady(beneficiaryId: string) {
  await uploadDocument(app, c.officer!, beneficiaryId, 'national_id', '2031-01-01');
  await signDeclaration(app, c.officer!, beneficiaryId);
}

async function newRequest(beneficiaryId: string, serviceId: string) {
  const res = await post('/api/v1/requests', c.officer!, { beneficiaryId, serviceId, channel: 'in_person' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function toVerification(id: string) {
  await act(id, c.officer!, { action: 'start_review' });
  await act(id, c.officer!, { action: 'start_verification' });
}

async function toCommittee(id: string) {
  await toVerification(id);
  for (const task of (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items)
    await post(`/api/v1/verifications/${task.id}/complete`, c.researcher!, {
      findings: 'الوثائق مطابقة',
      recommendation: 'eligible',
    });
  await act(id, c.researcher!, { action: 'send_to_committee' });
}

/** Pair between two records on the review page. */
async function pairOf(a: string, b: string) {
  const items = (await get('/api/v1/beneficiaries/duplicates')).json().items;
  return items.find(
    (p: { a: { id: string }; b: { id: string } }) =>
      (p.a.id === a && p.b.id === b) || (p.a.id === b && p.b.id === a),
  ) as { id: string };
}

describe('merging two records of one person', () => {
  it('moves every request, at every stage, with all that hangs on it; the merged id says where the person is', async () => {
    const keep = await registerBeneficiary(app, c.officer!);
    const drop = await registerTwin(keep);
    await makeReady(keep.id);
    await makeReady(drop.id);

    const keptOwn = await newRequest(keep.id, rent.id);
    const submitted = await newRequest(drop.id, rent.id);
    const verifying = await newRequest(drop.id, basket.id);
    await toVerification(verifying);
    await post(`/api/v1/requests/${verifying}/referrals`, c.officer!, {
      reason: 'هل تكفي وثيقة السكن؟',
      assigneeId: supervisorId,
      dueInDays: 3,
    });
    const signal = (await get(`/api/v1/requests/${verifying}/fraud-signals`, c.researcher!))
      .json()
      .items.find((s: { kind: string }) => s.kind === 'same_phone');
    const dismissed = await post(`/api/v1/requests/${verifying}/fraud-signals/dismiss`, c.researcher!, {
      key: signal.key,
      reason: 'الرقم لأحد أقاربه',
    });
    expect(dismissed.statusCode).toBe(200);
    await app.inject({
      method: 'PUT',
      url: `/api/v1/requests/${verifying}/research-report`,
      headers: { cookie: c.researcher! },
      payload: {
        bodyAr: 'زارت الباحثة الأسرة، والحاجة ظاهرة ودخل الأسرة لا يكفي.',
        recommendation: 'eligible',
      },
    });

    const delivered = await newRequest(drop.id, basket.id);
    await toCommittee(delivered);
    const session = (
      await post('/api/v1/committee-sessions', c.chair!, {
        title: 'جلسة الدمج',
        scheduledFor: '2026-11-23T10:00:00+03:00',
        chairId,
        memberIds: [memberId],
      })
    ).json();
    await post(`/api/v1/committee-sessions/${session.id}/agenda`, c.chair!, { requestId: delivered });
    for (const cookie of [c.chair!, c.member!])
      await post(`/api/v1/committee-sessions/${session.id}/items/${delivered}/votes`, cookie, {
        vote: 'approve',
        reason: 'مستحق',
      });
    await post(`/api/v1/committee-sessions/${session.id}/items/${delivered}/decide`, c.chair!);
    await act(delivered, c.service!, { action: 'complete_registration', checklist: ['توقيع محضر الاستلام'] });
    await act(delivered, c.service!, {
      action: 'deliver',
      delivery: { deliveredOn: '2026-11-24', description: 'سلة غذائية', quantity: 1 },
    });
    const withdrawn = await newRequest(drop.id, rent.id);
    await act(withdrawn, c.officer!, { action: 'withdraw', note: 'بطلب المستفيد' });
    await post(`/api/v1/beneficiaries/${drop.id}/correction-requests`, c.officer!, {
      field: 'fullNameAr',
      requestedValue: 'الاسم كما في الهوية',
      reason: 'خطأ في اسم الجد',
      channel: 'in_person',
    });

    const before = new Map<string, string>();
    for (const id of [submitted, verifying, delivered, withdrawn])
      before.set(id, (await get(`/api/v1/requests/${id}`)).json().status);
    expect([...before.values()]).toEqual(['submitted', 'in_verification', 'delivered', 'withdrawn']);

    const merged = await post(
      `/api/v1/beneficiaries/duplicates/${(await pairOf(keep.id, drop.id)).id}/merge`,
      c.supervisor!,
      {
        keepId: keep.id,
      },
    );
    expect(merged.statusCode, merged.body).toBe(200);

    // The kept record lists every request; the merged record none.
    const listed = (await get(`/api/v1/requests?beneficiaryId=${keep.id}&limit=50`)).json().items;
    expect(listed.map((r: { id: string }) => r.id).sort()).toEqual(
      [keptOwn, submitted, verifying, delivered, withdrawn].sort(),
    );
    expect((await get(`/api/v1/requests?beneficiaryId=${drop.id}`)).json().total).toBe(0);
    for (const [id, status] of before) {
      const r = (await get(`/api/v1/requests/${id}`)).json();
      expect(r).toMatchObject({ beneficiaryId: keep.id, status, beneficiaryFileNumber: keep.fileNumber });
      const history = (await get(`/api/v1/requests/${id}/history`)).json().items;
      expect(history.at(-1)).toMatchObject({
        action: 'merge',
        note: `${drop.fileNumber} → ${keep.fileNumber}`,
      });
    }

    // What hangs on a request came along.
    expect((await get(`/api/v1/requests/${delivered}/deliveries`)).json().items).toHaveLength(1);
    expect((await get(`/api/v1/requests/${delivered}/letter`)).statusCode).toBe(200);
    const sessionAfter = (await get(`/api/v1/committee-sessions/${session.id}`, c.chair!)).json();
    expect(sessionAfter.items[0]).toMatchObject({
      requestId: delivered,
      outcome: 'approved',
      tally: { approve: 2 },
    });
    expect(
      (await get(`/api/v1/requests/${verifying}/verifications`, c.researcher!)).json().items,
    ).toHaveLength(1);
    expect((await get(`/api/v1/requests/${verifying}/referrals`)).json().items).toHaveLength(1);
    expect(
      (await get(`/api/v1/requests/${verifying}/research-report`, c.researcher!)).json().report,
    ).not.toBeNull();
    const dismissals = await inOrganization(services, org.organization.id, () =>
      services.db.execute<{ n: number }>(
        sql`select count(*)::int as n from fraud_signal_dismissals where request_id = ${verifying}`,
      ),
    );
    expect(dismissals.rows[0]!.n).toBe(1);
    expect((await get(`/api/v1/beneficiaries/${keep.id}/documents`)).json().items).toHaveLength(2);
    expect((await get(`/api/v1/beneficiaries/${keep.id}/correction-requests`)).json().items).toHaveLength(1);

    // The merged id answers where the person is, for reads and writes alike, and only inside the association.
    for (const res of [
      await get(`/api/v1/beneficiaries/${drop.id}`),
      await get(`/api/v1/beneficiaries/${drop.id}/documents`),
      await app.inject({
        method: 'PATCH',
        url: `/api/v1/beneficiaries/${drop.id}`,
        headers: { cookie: c.officer! },
        payload: { city: 'جدة' },
      }),
      await post('/api/v1/requests', c.officer!, {
        beneficiaryId: drop.id,
        serviceId: basket.id,
        channel: 'in_person',
      }),
    ]) {
      expect(res.statusCode).toBe(410);
      expect(res.json().error).toMatchObject({
        code: 'BENEFICIARY_MERGED',
        details: { mergedInto: keep.id },
      });
    }
    const foreign = await get(`/api/v1/beneficiaries/${drop.id}`, outsider);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOT_FOUND');
  });

  it('keeps both active requests of one service, each counting the other, and records them on the merge', async () => {
    const keep = await registerBeneficiary(app, c.officer!);
    const drop = await registerTwin(keep);
    await makeReady(keep.id);
    await makeReady(drop.id);
    const mine = await newRequest(keep.id, basket.id);
    const theirs = await newRequest(drop.id, basket.id);
    const observed = async (id: string) =>
      (await get(`/api/v1/requests/${id}/evaluation`)).json().results[0] as {
        outcome: string;
        observed: number;
      };
    expect(await observed(mine)).toMatchObject({ outcome: 'pass', observed: 0 });

    const pair = await pairOf(keep.id, drop.id);
    expect(
      (await post(`/api/v1/beneficiaries/duplicates/${pair.id}/merge`, c.supervisor!, { keepId: keep.id }))
        .statusCode,
    ).toBe(200);

    for (const id of [mine, theirs]) {
      expect((await get(`/api/v1/requests/${id}`)).json()).toMatchObject({
        beneficiaryId: keep.id,
        status: 'submitted',
      });
      expect(await observed(id)).toMatchObject({ outcome: 'fail', observed: 1 });
    }
    const audit = await inOrganization(services, org.organization.id, () =>
      services.db.execute<{ details: { concurrentRequests: { serviceId: string; requestIds: string[] }[] } }>(
        sql`select details from audit_events where action = 'beneficiaries.merge' and entity_id = ${keep.id}`,
      ),
    );
    expect(audit.rows[0]!.details.concurrentRequests).toEqual([
      { serviceId: basket.id, requestIds: [mine, theirs] },
    ]);
  });

  it('points a record merged twice at the record the person ends in, and re-points open suspicions', async () => {
    const first = await registerBeneficiary(app, c.officer!);
    const second = await registerTwin(first);
    const third = await registerTwin(second);
    // first ↔ second merged (second kept); then second ↔ third merged (third kept).
    await post(
      `/api/v1/beneficiaries/duplicates/${(await pairOf(first.id, second.id)).id}/merge`,
      c.supervisor!,
      {
        keepId: second.id,
      },
    );
    // The suspicion between first and third (same phone) now concerns second and third: one pair, not two.
    const open = (await get('/api/v1/beneficiaries/duplicates')).json().items as {
      a: { id: string };
      b: { id: string };
    }[];
    expect(open.some((p) => [p.a.id, p.b.id].includes(first.id))).toBe(false);
    expect(
      open.filter((p) => [p.a.id, p.b.id].sort().join() === [second.id, third.id].sort().join()),
    ).toHaveLength(1);
    await post(
      `/api/v1/beneficiaries/duplicates/${(await pairOf(second.id, third.id)).id}/merge`,
      c.supervisor!,
      {
        keepId: third.id,
      },
    );
    for (const id of [first.id, second.id]) {
      const res = await get(`/api/v1/beneficiaries/${id}`);
      expect(res.statusCode).toBe(410);
      expect(res.json().error.details).toEqual({ mergedInto: third.id });
    }
  });

  it('moves every table that refers to a beneficiary (checked against the foreign keys)', async () => {
    const result = await inOrganization(services, org.organization.id, () =>
      services.db.execute<{ table_name: string; column_name: string }>(sql`
        select c.conrelid::regclass::text as table_name, a.attname as column_name
          from pg_constraint c
          join lateral unnest(c.conkey) as k(attnum) on true
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
         where c.contype = 'f' and c.confrelid = 'beneficiaries'::regclass
           and c.conrelid <> 'beneficiaries'::regclass and a.attname <> 'organization_id'`),
    );
    const referencing = result.rows.map((r) => `${r.table_name}.${r.column_name}`).sort();
    const handled = [
      ...recordTablesMovedOnMerge.map((t) => `${t}.beneficiary_id`),
      'requests.beneficiary_id', // through the requests module, with everything that hangs on a request
      'duplicate_suspicions.beneficiary_id', // open ones re-pointed
      'duplicate_suspicions.other_id',
      // Stay with the merged record: its portal sessions no longer open (a merged record is closed to the
      // portal), and its pre-registration stays the history of how that record arrived.
      'portal_sessions.beneficiary_id',
      'portal_registrations.beneficiary_id',
      // Stays with the record a campaign reached: once per record per campaign (a unique key).
      'campaign_recipients.beneficiary_id',
    ].sort();
    expect(referencing).toEqual(handled);
  });
});
