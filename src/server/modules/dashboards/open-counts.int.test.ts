// The counts of open requests kept by triggers (migration 0033) against the same counts made from the
// requests themselves, after creations, transitions, reassignment, withdrawal, a rejection closed, and a
// merge of two records (which moves requests): the kept rows, the decision column, and the figures read
// from them — the queues' and the dashboard's open work — at many instants around the UTC and local day
// boundaries, compared with the statements that counted the rows one by one before.
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { beneficiaryInput, registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import {
  createService,
  readyBeneficiary,
  signDeclaration,
  uploadDocument,
} from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { localDate, localInstant } from '../../../shared/calendar';
import {
  clockRunningStatuses,
  inProgressStatuses,
  queueStatuses,
} from '../../../shared/requests/request-machine';
import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { countQueues } from '../requests/requests.repository';
import {
  ageSql,
  type FigureWindow,
  type OpenRow,
  openCounts,
  serviceFilter,
  sqlIn,
  stayCounts,
  undecidedStatuses,
} from './dashboards.repository';

let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const { app, services, testDb } = await createTestApp({ clock, sessionTtlHours: 24 * 800 });
const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(() => owner.end());

const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer', 'manager'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'admin', roles: ['admin'] },
  { fullName: 'موظف آخر', email: 'officer', roles: ['relations_officer'] },
]);
const organizationId = staff.organization.id;
// The owner may be subject to the forced row-level security (CI): it reads as the association.
await owner.query(`select set_config('app.organization_id', $1, false)`, [organizationId]);
const c = await signInEach(app, staff.emails);
const o = await signInEach(app, other.emails);
const timeZone = 'Asia/Riyadh';

const get = (url: string, cookie = c.supervisor!) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = async (url: string, cookie: string, payload: object) => {
  const res = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const act = (id: string, cookie: string, action: string, extra: object = {}) =>
  post(`/api/v1/requests/${id}/transitions`, cookie, { action, ...extra });
const userId = async (cookie: string) => (await get('/api/v1/auth/me', cookie)).json().user.id as string;

const basket = await createService(app, c.admin!);
const rent = await createService(app, c.admin!, { nameAr: 'إعانة إيجار', nameEn: 'Rent aid' });
const otherBasket = await createService(app, o.admin!);
const [officerId, supervisorId] = [await userId(c.officer!), await userId(c.supervisor!)];

async function newRequest(serviceId = basket.id, beneficiaryId?: string, cookie = c.officer!) {
  const id = beneficiaryId ?? (await readyBeneficiary(app, cookie)).id;
  return (await post('/api/v1/requests', cookie, { beneficiaryId: id, serviceId, channel: 'in_person' }))
    .id as string;
}
async function verify(id: string) {
  await act(id, c.supervisor!, 'start_verification');
  for (const task of (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items)
    await post(`/api/v1/verifications/${task.id}/complete`, c.researcher!, {
      findings: 'الوثائق مطابقة',
      recommendation: 'eligible',
      answers: { matches: true },
    });
}
async function toCommittee(id: string) {
  await act(id, c.officer!, 'start_review');
  await verify(id);
  await act(id, c.researcher!, 'send_to_committee');
}
const assign = (id: string, assigneeId: string) =>
  post(`/api/v1/requests/${id}/assign`, c.supervisor!, { assigneeId });

/** The kept rows, and the same rows counted from the requests (written apart from the trigger's function). */
async function keptAndCounted() {
  const key = `kind, status, service_id, assigned_to, submitted_day, entered_day, expected_day`;
  const utc = (column: string) => `(${column} at time zone 'UTC')::date`;
  const inList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
  const expected = `case when status in (${inList(clockRunningStatuses)}) then ${utc('expected_decision_at')} end`;
  const { rows: kept } = await owner.query(
    `select organization_id, ${key}, n from request_open_counts order by 1, ${key}`,
  );
  const { rows: counted } = await owner.query(
    `select * from (
       select organization_id, 'stage' as kind, status, service_id, null::uuid as assigned_to,
              null::date as submitted_day, null::date as entered_day, ${expected} as expected_day, count(*)::int as n
         from requests where status in (${inList(inProgressStatuses)}) group by 1, 2, 3, 4, 5, 6, 7, 8
       union all
       select organization_id, 'age', status, service_id, null::uuid, ${utc('submitted_at')}, null::date, null::date, count(*)::int
         from requests where status in (${inList(undecidedStatuses)}) group by 1, 2, 3, 4, 5, 6, 7, 8
       union all
       select organization_id, 'queue', status, null::uuid, assigned_to, null::date, ${utc('stage_entered_at')}, ${expected}, count(*)::int
         from requests where status in (${inList(inProgressStatuses)}) group by 1, 2, 3, 4, 5, 6, 7, 8) t
      order by 1, ${key}`,
  );
  return { kept, counted };
}

// The statements that counted the open requests row by row before migration 0033 (the reference).
async function queuesFromRows(tx: Tx, stageAlertDays: number, at: Date) {
  const stages = Object.entries(queueStatuses).map(
    ([queue, statuses]) =>
      sql`count(*) filter (where status in ${[...statuses]})::int as ${sql.identifier(queue)},
          count(*) filter (where status in ${[...statuses]} and late)::int as ${sql.identifier(`${queue}_late`)}`,
  );
  const result = await tx.execute<Record<string, number>>(sql`
    with open as (
      select status, assigned_to,
             (expected_decision_at < ${at} and status in ${[...clockRunningStatuses]})
             or stage_entered_at < ${at}::timestamptz - make_interval(days => ${stageAlertDays}) as late
        from requests
       where organization_id = ${organizationId} and status in ${[...inProgressStatuses]}
    )
    select ${sql.join(stages, sql`, `)},
           count(*) filter (where assigned_to = ${officerId})::int as mine,
           count(*) filter (where assigned_to = ${officerId} and late)::int as mine_late,
           count(*)::int as "all", count(*) filter (where late)::int as all_late
      from open`);
  const row = result.rows[0]!;
  return [...Object.keys(queueStatuses), 'mine', 'all'].map((queue) => ({
    queue,
    total: row[queue] ?? 0,
    overdue: row[`${queue}_late`] ?? 0,
  }));
}

async function openFromRows(tx: Tx, w: FigureWindow): Promise<OpenRow[]> {
  const bucket = (name: string) => sql`(count(*) filter (where ${ageSql(w, name)}))::int`;
  const result = await tx.execute<OpenRow & Record<string, unknown>>(
    sql`select r.status, count(*)::int as n,
               (count(*) filter (where r.expected_decision_at < ${w.now}))::int as overdue,
               ${bucket('0-7')} as b0, ${bucket('8-14')} as b1, ${bucket('15-30')} as b2, ${bucket('31+')} as b3
          from requests r
         where r.organization_id = ${w.organizationId} and ${sqlIn(sql`r.status`, inProgressStatuses)}
           ${serviceFilter(w)}
         group by 1`,
  );
  return (result.rows as OpenRow[]).map((row) => {
    const clockRuns = (clockRunningStatuses as readonly string[]).includes(row.status);
    const undecided = undecidedStatuses.includes(row.status);
    return {
      ...row,
      overdue: clockRuns ? row.overdue : 0,
      ...(undecided ? {} : { b0: 0, b1: 0, b2: 0, b3: 0 }),
    };
  });
}

const dayMs = 86_400_000;
function windowAt(at: Date, serviceId: string | null): FigureWindow {
  const today = localDate(at, timeZone);
  const dayStart = (offset: number) =>
    localInstant(
      new Date(Date.parse(`${today}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10),
      '00:00',
      timeZone,
    );
  return {
    organizationId,
    since: dayStart(-89),
    until: at,
    from: today,
    to: today,
    now: at,
    today,
    timeZone,
    serviceId,
    actorId: officerId,
    dayStart,
  };
}
const byStatus = (rows: OpenRow[]) => [...rows].sort((a, b) => a.status.localeCompare(b.status));

/** Every kept count equals the rows' own, and so does every figure read from them, at many instants. */
async function check(wide = false) {
  const { kept, counted } = await keptAndCounted();
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(counted);
  const { rows: decisions } = await owner.query(`
    select r.id, r.decision,
           case when r.decided_at is null then null
                when r.status = 'rejected' or (r.status = 'closed' and exists (select 1 from request_history h
                  where h.organization_id = r.organization_id and h.request_id = r.id and h.action = 'reject'))
                then 'rejected' else 'approved' end as expected
      from requests r`);
  for (const d of decisions) expect(d.decision, d.id).toBe(d.expected);
  // Rejections by local day, service and reason: the rows kept, and the same counted from the requests.
  const { rows: keptReasons } = await owner.query(
    `select organization_id, day::text, service_id, reason_key, label, n from request_rejection_counts order by 1, 2, 3, 4`,
  );
  const { rows: countedReasons } = await owner.query(
    `select r.organization_id, ((r.decided_at at time zone 'Asia/Riyadh')::date)::text as day, r.service_id,
            lower(btrim(regexp_replace(coalesce(r.decision_reason, ''), '\\s+', ' ', 'g'))) as reason_key,
            min(regexp_replace(btrim(r.decision_reason), '\\s+', ' ', 'g')) as label, count(*)::int as n
       from requests r
      where r.decided_at is not null and (r.status = 'rejected' or (r.status = 'closed' and exists (
              select 1 from request_history h where h.organization_id = r.organization_id and h.request_id = r.id
                 and h.action = 'reject')))
      group by 1, 2, 3, 4 order by 1, 2, 3, 4`,
  );
  expect(keptReasons).toEqual(countedReasons);
  // Stays by month: the sums of the stays by day.
  const byMonth = async (table: string, month: string) =>
    (
      await owner.query(
        `select organization_id, (${month})::text as month, service_id, stage, working_days, sum(stays)::int as n
           from ${table} group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`,
      )
    ).rows;
  expect(await byMonth('request_stage_stay_month_counts', 'month')).toEqual(
    await byMonth('request_stage_stay_counts', "date_trunc('month', day)::date"),
  );
  // The stay figures of periods with and without whole months, as the day rows alone give them.
  const dates = [
    '2026-10-15',
    '2026-11-01',
    '2026-11-22',
    '2026-11-30',
    '2026-12-01',
    '2026-12-10',
    '2026-12-31',
  ];
  await inOrganization(services, organizationId, async () => {
    for (const from of dates)
      for (const to of [...dates, '2027-01-31'].filter((d) => d >= from))
        for (const serviceId of [null, rent.id]) {
          const w = { ...windowAt(now, serviceId), from, to };
          const fromDays = await services.db.execute(
            sql`select stage, working_days as "workingDays", sum(stays)::int as n from request_stage_stay_counts
                 where organization_id = ${organizationId} and day >= ${from}::date and day <= ${to}::date
                   ${serviceId ? sql`and service_id = ${serviceId}` : sql``} group by 1, 2`,
          );
          const order = (r: { stage: string; workingDays: number }[]) =>
            [...r].sort((a, b) => a.stage.localeCompare(b.stage) || a.workingDays - b.workingDays);
          expect(order(await stayCounts(services.db, w)), `${from}..${to} ${serviceId}`).toEqual(
            order(fromDays.rows as { stage: string; workingDays: number }[]),
          );
        }
  });

  // Instants from 20 days before the clock to 30 days after (every 11 hours when `wide`, else every 5
  // days), and around each promised time (a millisecond before, at, after).
  const { rows: promised } = await owner.query<{ at: Date }>(
    `select distinct expected_decision_at as at from requests where expected_decision_at is not null`,
  );
  const step = wide ? 11 * 3_600_000 : 5 * dayMs + 7 * 3_600_000;
  const instants = [
    ...Array.from(
      { length: Math.ceil((50 * dayMs) / step) },
      (_, i) => new Date(now.getTime() - 20 * dayMs + i * step),
    ),
    ...(wide
      ? promised.flatMap(({ at }) => [new Date(at.getTime() - 1), at, new Date(at.getTime() + 1)])
      : []),
  ];
  await inOrganization(services, organizationId, async () => {
    // Around each promised time, every alert length up to 30 days: a request promised today whose stage
    // began on the alert boundary's day is one of both boundary days.
    if (wide)
      for (const { at: promisedAt } of promised)
        for (const at of [new Date(promisedAt.getTime() - 1), new Date(promisedAt.getTime() + 1)])
          for (let alert = 1; alert <= 30; alert++)
            expect(
              await countQueues(services.db, organizationId, officerId, alert, at),
              `${at.toISOString()} alert ${alert}`,
            ).toEqual(await queuesFromRows(services.db, alert, at));
    for (const at of instants) {
      for (const alert of [1, 7]) {
        const label = `${at.toISOString()} alert ${alert}`;
        expect(await countQueues(services.db, organizationId, officerId, alert, at), label).toEqual(
          await queuesFromRows(services.db, alert, at),
        );
      }
      for (const serviceId of [null, rent.id]) {
        const w = windowAt(at, serviceId);
        expect(byStatus(await openCounts(services.db, w)), `${at.toISOString()} ${serviceId}`).toEqual(
          byStatus(await openFromRows(services.db, w)),
        );
      }
    }
  });
}

/** A second record of the same person (same phone), acknowledged as a possible duplicate at the counter. */
async function registerTwin(of: { id: string; phone: string }) {
  const input = beneficiaryInput({ phone: of.phone });
  const first = await app.inject({
    method: 'POST',
    url: '/api/v1/beneficiaries',
    headers: { cookie: c.officer! },
    payload: input,
  });
  const matches = first.json().error.details.matches.map((m: { id: string }) => m.id);
  return (await post('/api/v1/beneficiaries', c.officer!, {
    ...input,
    acknowledgedDuplicateIds: matches,
  })) as {
    id: string;
  };
}

describe('the counts of open requests (migration 0033)', () => {
  it('equal the counts made from the requests, through creations, transitions, reassignment, withdrawal and a merge', async () => {
    // Late in the UTC day (after local midnight in Riyadh), so UTC and local days differ.
    now = new Date('2026-11-22T22:30:00Z');
    const r1 = await newRequest();
    const r2 = await newRequest(rent.id);
    const r3 = await newRequest();
    const r4 = await newRequest(rent.id);
    await newRequest(otherBasket.id, undefined, o.officer!); // another association's
    await act(r2, c.officer!, 'start_review');
    await toCommittee(r3);
    await assign(r1, officerId);
    await check();

    now = new Date('2026-11-24T06:15:00Z');
    await act(r2, c.supervisor!, 'request_info', { note: 'صورة عقد الإيجار' });
    await toCommittee(r4);
    await assign(r4, supervisorId);
    await assign(r1, supervisorId); // reassigned
    const r5 = await newRequest();
    await act(r5, c.officer!, 'withdraw');
    await check();

    now = new Date('2026-11-30T20:59:00Z');
    await act(r2, c.officer!, 'provide_info'); // the promise moves
    await act(r3, c.committee!, 'approve', { note: 'مستحق' });
    await act(r4, c.committee!, 'reject', { note: 'لا تنطبق الشروط' });
    for (const note of ['  Income  above LIMIT', 'income above limit', 'Income above limit ']) {
      const id = await newRequest(rent.id);
      await toCommittee(id);
      await act(id, c.committee!, 'reject', { note });
    }
    await check();

    now = new Date('2026-12-10T11:00:00Z');
    await act(r3, c.service!, 'complete_registration', { checklist: ['توقيع محضر الاستلام'] });
    await act(r4, c.service!, 'close');
    await assign(r3, officerId);
    await check();

    // A merge moves the merged record's requests (open and decided) to the kept record.
    const keep = await registerBeneficiary(app, c.officer!);
    const drop = await registerTwin(keep);
    for (const id of [keep.id, drop.id]) {
      await uploadDocument(app, c.officer!, id, 'national_id', '2031-01-01');
      await signDeclaration(app, c.officer!, id);
    }
    const m1 = await newRequest(basket.id, drop.id);
    const m2 = await newRequest(rent.id, drop.id);
    await act(m2, c.officer!, 'start_review');
    await assign(m1, officerId);
    const pairs = (await get('/api/v1/beneficiaries/duplicates')).json().items as {
      id: string;
      a: { id: string };
      b: { id: string };
    }[];
    const pair = pairs.find((p) => [p.a.id, p.b.id].includes(drop.id))!;
    await post(`/api/v1/beneficiaries/duplicates/${pair.id}/merge`, c.supervisor!, { keepId: keep.id });
    expect((await get(`/api/v1/requests/${m1}`)).json().beneficiaryId).toBe(keep.id);
    await check(true);

    // Counted again from scratch, the rows are the same.
    const before = await keptAndCounted();
    await owner.query('select request_open_counts_rebuild()');
    expect((await keptAndCounted()).kept).toEqual(before.kept);
  }, 120_000);
});
