import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';
import { workingDaysBetween } from '../../../shared/calendar';
import type { Clock } from '../../platform/clock';

// Riyadh noon (09:00 UTC) of a local date: the clock of every step below.
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const on = (date: string) => {
  now = new Date(`${date}T09:00:00Z`);
};
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 800 });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'المدير التنفيذي', email: 'manager', roles: ['manager'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
  { fullName: 'مسؤولة الجودة', email: 'quality', roles: ['quality_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'admin', roles: ['admin'] },
  { fullName: 'موظف آخر', email: 'officer', roles: ['relations_officer', 'manager'] },
]);
const c = await signInEach(app, staff.emails);
const o = await signInEach(app, other.emails);
// A holiday on Thursday 3 December: the promise and the stage times skip it.
const settings = (
  await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: { cookie: c.admin! } })
).json().settings;
await app.inject({
  method: 'PATCH',
  url: '/api/v1/organizations/current',
  headers: { cookie: c.admin! },
  payload: {
    settings: { ...settings, holidays: [{ date: '2026-12-03', nameAr: 'إجازة', nameEn: 'Holiday' }] },
  },
});
const basket = await createService(app, c.admin!);
const otherBasket = await createService(app, o.admin!);

const get = (url: string, cookie = c.manager!) => app.inject({ method: 'GET', url, headers: { cookie } });
const post = async (url: string, cookie: string, payload: object) => {
  const res = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const act = (id: string, cookie: string, action: string, note?: string) =>
  post(`/api/v1/requests/${id}/transitions`, cookie, note ? { action, note } : { action });

async function newRequest(cookie = c.officer!, serviceId = basket.id): Promise<string> {
  const b = await readyBeneficiary(app, cookie);
  return (await post('/api/v1/requests', cookie, { beneficiaryId: b.id, serviceId, channel: 'in_person' }))
    .id;
}
async function verify(id: string) {
  await act(id, c.supervisor!, 'start_verification');
  const tasks = (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items;
  for (const task of tasks) {
    await post(`/api/v1/verifications/${task.id}/complete`, c.researcher!, {
      findings: 'الوثائق مطابقة',
      recommendation: 'eligible',
      answers: { matches: true },
    });
  }
}
/** Straight to the committee on the same day. */
async function toCommittee(id: string) {
  await act(id, c.officer!, 'start_review');
  await verify(id);
  await act(id, c.researcher!, 'send_to_committee');
}

// The story, in order of the clock. Working week Sunday–Thursday; the promise is 14 working days.
on('2026-11-22'); // Sunday
const r1 = await newRequest();
const r2 = await newRequest();
const r3 = await newRequest();
const r4 = await newRequest();
await act(r2, c.officer!, 'start_review');
await toCommittee(r3);
await toCommittee(r4);
const foreign = await newRequest(o.officer!, otherBasket.id); // another association's, never counted
on('2026-11-23'); // Monday: r2 waits for the beneficiary (the decision clock stops)
await act(r2, c.supervisor!, 'request_info', 'صورة عقد الإيجار');
on('2026-11-24'); // Tuesday: r5 will stay unanswered
const r5 = await newRequest();
on('2026-11-26'); // Thursday
await act(r1, c.officer!, 'start_review');
on('2026-11-29'); // Sunday, after the weekend
await verify(r1);
on('2026-11-30'); // Monday
await act(r1, c.researcher!, 'send_to_committee');
await act(r2, c.officer!, 'provide_info');
on('2026-12-01');
await act(r1, c.committee!, 'approve', 'مستحق');
await verify(r2);
on('2026-12-02');
await act(r2, c.researcher!, 'send_to_committee');
on('2026-12-14'); // past r3's promised date (Sunday 13 December, after the holiday)
await act(r3, c.committee!, 'approve', 'مستحق');
on('2026-12-15'); // r2's promise moved by the 5 working days it waited: 20 December
await act(r2, c.committee!, 'reject', 'لا تنطبق الشروط');
on('2026-12-16');
await act(r4, c.committee!, 'reject', '  لا تنطبق   الشروط ');
// An inquiry answered at once, one answered weeks later, one never answered.
on('2026-11-22');
const inquiry = async () =>
  (
    await post('/api/v1/inquiries', c.officer!, {
      channel: 'phone',
      question: 'متى يصرف الدعم؟',
      contactPhone: '0501234567',
    })
  ).id as string;
const q1 = await inquiry();
const q2 = await inquiry();
const q3 = await inquiry();
await post(`/api/v1/inquiries/${q1}/answer`, c.officer!, { answer: 'خلال أسبوعين' });
on('2026-12-16');
await post(`/api/v1/inquiries/${q2}/answer`, c.officer!, { answer: 'خلال أسبوعين' });
on('2026-12-17'); // Thursday: the dashboard is read today

const period = '?from=2026-11-01&to=2026-12-17';

describe('dashboards', () => {
  it('shows the share decided within the promised date, as computed from the requests themselves', async () => {
    const rows = await Promise.all(
      [r1, r2, r3, r4, r5].map(async (id) => (await get(`/api/v1/requests/${id}`)).json()),
    );
    const decided = rows.filter((r) => r.decidedAt);
    const kept = decided.filter((r) => new Date(r.decidedAt) <= new Date(r.expectedDecisionAt));
    // The pause moved r2's promise: without it, its decision would be late.
    expect(rows[1].expectedDecisionAt.slice(0, 10)).toBe('2026-12-20');
    expect([decided.length, kept.length]).toEqual([4, 2]);

    const res = await get(`/api/v1/dashboards/overview${period}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.requests.promise).toEqual({
      decided: decided.length,
      withinPromise: kept.length,
      share: kept.length / decided.length,
    });
    expect(d.requests.decisions).toMatchObject({ approved: 2, rejected: 2 });
    // A reason shared by fewer than 5 rejections is not shown by its words (it may describe one family):
    // the two are counted as "other reasons".
    expect(d.requests.decisions.rejectionReasons).toEqual([
      expect.objectContaining({ key: 'other', labelAr: expect.stringContaining('أسباب أخرى'), count: 2 }),
    ]);
    expect(d.requests.trend).toEqual([
      { period: '2026-11', submitted: 5, decided: 0, withinPromise: 0, share: null },
      { period: '2026-12', submitted: 0, decided: 4, withinPromise: 2, share: 0.5 },
    ]);
  });

  it('counts only its own association: submissions, open work, overdue and backlog', async () => {
    const d = (await get(`/api/v1/dashboards/overview${period}`)).json();
    expect(d.requests.submitted).toBe(5);
    expect(d.requests.byChannel).toEqual([expect.objectContaining({ key: 'in_person', count: 5 })]);
    expect(d.requests.byService).toEqual([expect.objectContaining({ key: basket.id, count: 5 })]);
    // Open now: r5 submitted; r1 and r3 approved, waiting for registration.
    expect(d.requests.byStage.map((s: { key: string; count: number }) => [s.key, s.count])).toEqual([
      ['submitted', 1],
      ['approved', 2],
    ]);
    // r5's promise was 15 December; it is 23 days old.
    expect(d.requests.overdue).toBe(1);
    expect(d.requests.backlog.map((b: { count: number }) => b.count)).toEqual([0, 0, 1, 0]);
    const aged = (await get(`/api/v1/dashboards/drill${period}&metric=backlog&key=15-30`)).json();
    expect(aged.items.map((i: { id: string }) => i.id)).toEqual([r5]);
    const late = (await get(`/api/v1/dashboards/drill${period}&metric=overdue_requests`)).json();
    expect(late.items.map((i: { id: string }) => i.id)).toEqual([r5]);

    const theirs = (await get(`/api/v1/dashboards/overview${period}`, o.officer!)).json();
    expect(theirs.requests.submitted).toBe(1);
    const drill = (await get(`/api/v1/dashboards/drill${period}&metric=submitted`, o.officer!)).json();
    expect(drill.items.map((i: { id: string }) => i.id)).toEqual([foreign]);
  });

  it('measures the time in each stage in working days (weekends and the pause on the calendar)', async () => {
    const d = (await get(`/api/v1/dashboards/overview${period}`)).json();
    const stage = (name: string) => d.requests.stageTimes.find((s: { stage: string }) => s.stage === name);
    // submitted: r1 Sunday → Thursday = 4; r2, r3, r4 left it the same day.
    expect(stage('submitted')).toEqual({ stage: 'submitted', count: 4, medianDays: 0, p90Days: 2.8 });
    // under_review: r1 Thursday → Sunday = 1 (Friday and Saturday are not working days), r2 twice 1, r3 and r4 0.
    expect(stage('under_review')).toMatchObject({ count: 5, medianDays: 1 });
    // needs_info: r2 Monday 23 → Monday 30 November = 5.
    expect(stage('needs_info')).toEqual({ stage: 'needs_info', count: 1, medianDays: 5, p90Days: 5 });
    // in_committee: r1 1, r2 8, r3 15, r4 17 (the holiday of 3 December is no working day).
    expect(stage('in_committee')).toEqual({
      stage: 'in_committee',
      count: 4,
      medianDays: 11.5,
      p90Days: 16.4,
    });
  });

  it('lists exactly the late decisions behind the number, without names, and audits the read', async () => {
    const res = await get(`/api/v1/dashboards/drill${period}&metric=late_decision`);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.total).toBe(2);
    expect(page.items.map((i: { id: string }) => i.id).sort()).toEqual([r3, r4].sort());
    expect(page.items[0]).toMatchObject({ type: 'request', href: `/requests/${r4}`, status: 'rejected' });
    expect(JSON.stringify(page)).not.toContain('fullName');
    // Paged with a cursor.
    const first = (await get(`/api/v1/dashboards/drill${period}&metric=decided&limit=3`)).json();
    expect([first.total, first.items.length]).toEqual([4, 3]);
    const second = (
      await get(`/api/v1/dashboards/drill${period}&metric=decided&limit=3&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.length).toBe(1);
    expect(second.nextCursor).toBeNull();
    const within = (await get(`/api/v1/dashboards/drill${period}&metric=within_promise`)).json();
    expect(within.items.map((i: { id: string }) => i.id).sort()).toEqual([r1, r2].sort());
    const audit = (await get('/api/v1/audit-events?limit=50', c.admin!)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('request.read');
  });

  it('counts inquiries answered in time, and lists the late ones', async () => {
    const d = (await get(`/api/v1/dashboards/overview${period}`)).json();
    const rows = await Promise.all(
      [q1, q2, q3].map(async (id) => (await get(`/api/v1/inquiries/${id}`)).json()),
    );
    const inTime = rows.filter((q) => q.answeredAt && q.answeredAt <= q.dueAt).length;
    const late = rows.filter((q) =>
      q.answeredAt ? q.answeredAt > q.dueAt : q.dueAt < now.toISOString(),
    ).length;
    expect([inTime, late]).toEqual([1, 2]);
    expect(d.inquiries).toEqual({
      received: 3,
      answered: 2,
      answeredInTime: 1,
      share: inTime / (inTime + late),
    });
    const drill = (await get(`/api/v1/dashboards/drill${period}&metric=inquiries_late`)).json();
    expect(drill.items.map((i: { id: string }) => i.id).sort()).toEqual([q2, q3].sort());
  });

  it('shows each role only the sections its permissions read, and refuses a drill into another', async () => {
    const sections = async (cookie: string) =>
      (await get(`/api/v1/dashboards/overview${period}`, cookie)).json();
    const manager = await sections(c.manager!);
    expect(manager.sections).toEqual([
      'requests',
      'verification',
      'referrals',
      'inquiries',
      'complaints',
      'satisfaction',
    ]);
    expect(manager.satisfaction).toMatchObject({ answers: 0, hidden: true });
    const committee = await sections(c.committee!);
    expect(committee.sections).toEqual(['requests', 'verification', 'referrals']);
    expect(committee).not.toHaveProperty('inquiries');
    expect(committee).not.toHaveProperty('satisfaction');
    const quality = await sections(c.quality!);
    expect(quality.sections).toEqual(['requests', 'referrals', 'inquiries', 'complaints', 'satisfaction']);
    expect(quality).not.toHaveProperty('verification');

    expect(
      (await get(`/api/v1/dashboards/drill${period}&metric=inquiries_late`, c.committee!)).statusCode,
    ).toBe(403);
    expect(
      (await get(`/api/v1/dashboards/drill${period}&metric=overdue_verification`, c.quality!)).statusCode,
    ).toBe(403);
    expect((await get(`/api/v1/dashboards/overview${period}`, c.researcher!)).statusCode).toBe(403);
    expect((await get('/api/v1/dashboards/overview?from=2026-12-17&to=2026-11-01')).statusCode).toBe(400);
  });

  it("counts a stay's working days in the database exactly as the shared calendar does", async () => {
    const calendar = {
      workingDays: [0, 1, 2, 3, 4],
      holidays: ['2026-12-03', '2027-02-22'],
      timeZone: 'Asia/Riyadh',
    };
    const settings = {
      workingDays: calendar.workingDays,
      holidays: calendar.holidays.map((date) => ({ date })),
    };
    const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 150 }), fc.integer({ min: 0, max: 150 }), async (a, b) => {
        const [from, to] = [day(Math.min(a, b)), day(Math.max(a, b))];
        const { rows } = await services.db.execute<{ n: number }>(
          sql`select app_working_days_between(${from}::date, ${to}::date, ${JSON.stringify(settings)}::jsonb) as n`,
        );
        expect(rows[0]!.n).toBe(workingDaysBetween(from, to, calendar));
      }),
      { numRuns: 40 },
    );
  });

  it('gives the months of the trend in the Umm al-Qura calendar when asked', async () => {
    const d = (await get(`/api/v1/dashboards/overview${period}&calendar=hijri`)).json();
    // 22 November 2026 = 12 Jumada al-Akhirah 1448: the period runs from month 05 into month 07, every
    // submission falls in 06, r1's approval (1 December) too, the three decisions of 14–16 December in 07.
    expect(
      d.requests.trend.map((t: { period: string; submitted: number; decided: number }) => [
        t.period,
        t.submitted,
        t.decided,
      ]),
    ).toEqual([
      ['1448-05', 0, 0],
      ['1448-06', 5, 1],
      ['1448-07', 0, 3],
    ]);
  });
});
