/**
 * The staff home page (`GET /api/v1/workspace/home`): each role gets the sections of its own work and
 * no other, with counts worked out by hand from the data made here, and another association's rows
 * never counted. The clock can be moved forward to make the same requests late.
 */
import { describe, expect, it } from 'vitest';
import type { WorkspaceHome, WorkspaceSection } from '../../src/shared/contracts/workspace';
import { registerBeneficiary } from '../support/beneficiary-factory';
import { createService, readyBeneficiary, signDeclaration, uploadDocument } from '../support/request-factory';
import { createOrganization, createTestApp, signInEach } from '../support/test-app';

const dayMs = 86_400_000;
const shift = { days: 0 };
const clock = { now: () => new Date(Date.now() + shift.days * dayMs) };
// Sessions outlive the clock's jump forward.
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 100 });

const staff = [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'موظف علاقات ثان', email: 'officer2', roles: ['relations_officer'] },
  { fullName: 'المشرفة', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'مسؤولة البحث', email: 'both', roles: ['supervisor', 'researcher'] },
  { fullName: 'رئيس اللجنة', email: 'chair', roles: ['committee_member'] },
  { fullName: 'عضوة اللجنة', email: 'member', roles: ['committee_member'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer'] },
  { fullName: 'المدير التنفيذي', email: 'manager', roles: ['manager'] },
  { fullName: 'مسؤولة الجودة', email: 'quality', roles: ['quality_officer'] },
  { fullName: 'المراجع', email: 'auditor', roles: ['auditor'] },
] as const;
type Key = (typeof staff)[number]['email'];

const a = await createOrganization(
  services,
  staff.map((s) => ({ ...s, roles: [...s.roles] })),
);
const b = await createOrganization(services, [
  { fullName: 'مدير نظام أخرى', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة علاقات أخرى', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'مشرفة أخرى', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'مدير أخرى', email: 'manager', roles: ['manager'] },
]);
const c = (await signInEach(app, a.emails)) as Record<Key, string>;
const cb = (await signInEach(app, b.emails)) as Record<
  'admin' | 'officer' | 'supervisor' | 'manager',
  string
>;

async function send(method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, cookie: string, payload?: object) {
  const res = await app.inject({ method, url, headers: { cookie }, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const idOf = async (cookie: string) => (await send('GET', '/api/v1/auth/me', cookie)).user.id as string;
const ids = {
  supervisor: await idOf(c.supervisor),
  both: await idOf(c.both),
  researcher: await idOf(c.researcher),
};
const chairId = await idOf(c.chair);
const memberId = await idOf(c.member);

async function home(cookie: string): Promise<WorkspaceHome> {
  const res = await app.inject({ method: 'GET', url: '/api/v1/workspace/home', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
function section<K extends WorkspaceSection['kind']>(h: WorkspaceHome, kind: K) {
  const found = h.sections.find((s) => s.kind === kind);
  if (!found) throw new Error(`no ${kind} section in ${h.sections.map((s) => s.kind).join(', ')}`);
  return found as Extract<WorkspaceSection, { kind: K }>;
}
const kinds = (h: WorkspaceHome) => h.sections.map((s) => s.kind);

// ---- association A: requests at every stage, made through the API ----
const service = await createService(app, c.admin);
async function request(officer: string, moves: string[], district?: string) {
  const person = await registerBeneficiary(app, officer, district ? { district } : {});
  await uploadDocument(app, officer, person.id, 'national_id', '2031-01-01');
  await signDeclaration(app, officer, person.id);
  const r = await send('POST', '/api/v1/requests', officer, {
    beneficiaryId: person.id,
    serviceId: service.id,
    channel: 'in_person',
  });
  for (const action of moves) {
    const by = action === 'send_to_committee' ? c.researcher : action === 'approve' ? c.chair : officer;
    if (action === 'send_to_committee') {
      for (const t of (await send('GET', `/api/v1/requests/${r.id}/verifications`, c.researcher)).items)
        await send('POST', `/api/v1/verifications/${t.id}/complete`, c.researcher, {
          findings: 'الوثائق مطابقة',
          recommendation: 'eligible',
        });
    }
    const note = action === 'approve' ? 'تنطبق الشروط' : undefined;
    await send('POST', `/api/v1/requests/${r.id}/transitions`, by, { action, note });
  }
  return { id: r.id as string, number: r.number as string, name: person.fullNameAr };
}

const submitted = await request(c.officer, []);
const reviewed = await request(c.officer, ['start_review']);
const verifying = await request(c.officer, ['start_review', 'start_verification'], 'حي العزيزية');
const committee1 = await request(c.officer, ['start_review', 'start_verification', 'send_to_committee']);
const committee2 = await request(c.officer, ['start_review', 'start_verification', 'send_to_committee']);
const approved = await request(c.officer, [
  'start_review',
  'start_verification',
  'send_to_committee',
  'approve',
]);
const byColleague = await request(c.officer2, []);
// A person registered at the counter today with no request yet.
await registerBeneficiary(app, c.officer);
const beneficiariesA = 8; // seven with a request, one without
const requestsA = 7;

// An unclear case referred to the supervisor, and one to the research officer (not the supervisor's).
await send('POST', `/api/v1/requests/${reviewed.id}/referrals`, c.officer, {
  reason: 'الإجراءات غير واضحة للمستفيدة',
  assigneeId: ids.supervisor,
});
await send('POST', `/api/v1/requests/${submitted.id}/referrals`, c.officer, {
  reason: 'هل تكفي صورة الهوية؟',
  assigneeId: ids.both,
});

// A committee session tomorrow with the two cases; one member has voted on one of them.
const tomorrow = new Date(Date.now() + dayMs).toISOString();
const later = new Date(Date.now() + 6 * dayMs).toISOString();
const session = await send('POST', '/api/v1/committee-sessions', c.chair, {
  title: 'جلسة الأسبوع',
  scheduledFor: tomorrow,
  chairId,
  memberIds: [memberId],
});
await send('POST', '/api/v1/committee-sessions', c.chair, {
  title: 'جلسة لاحقة',
  scheduledFor: later,
  chairId,
  memberIds: [memberId],
});
for (const r of [committee1, committee2])
  await send('POST', `/api/v1/committee-sessions/${session.id}/agenda`, c.chair, { requestId: r.id });
await send('POST', `/api/v1/committee-sessions/${session.id}/items/${committee1.id}/votes`, c.member, {
  vote: 'approve',
  reason: 'الأسرة بلا دخل ثابت',
});

// ---- association B: the same kinds of work, never counted in A ----
const serviceB = await createService(app, cb.admin);
const personB = await readyBeneficiary(app, cb.officer);
const requestB = await send('POST', '/api/v1/requests', cb.officer, {
  beneficiaryId: personB.id,
  serviceId: serviceB.id,
  channel: 'in_person',
});
await send('POST', `/api/v1/requests/${requestB.id}/referrals`, cb.officer, {
  reason: 'سؤال عن الإجراءات',
  assigneeId: await idOf(cb.supervisor),
});

describe('the home page of each role', () => {
  it('gives each role the sections of its work and none of another role', async () => {
    const expected: Record<Key, string[]> = {
      admin: ['setup'],
      officer: ['counter', 'my_requests'],
      officer2: ['counter', 'my_requests'],
      supervisor: ['referrals', 'overdue_requests'],
      researcher: ['verification_tasks'],
      both: ['referrals', 'overdue_requests', 'verification_tasks'],
      chair: ['committee'],
      member: ['committee'],
      service: ['delivery'],
      manager: ['numbers'],
      quality: ['guide'],
      auditor: ['guide'],
    };
    for (const [key, want] of Object.entries(expected)) {
      const h = await home(c[key as Key]);
      expect(kinds(h).sort(), key).toEqual([...want].sort());
      const roles: readonly string[] = staff.find((x) => x.email === key)!.roles;
      for (const s of h.sections) expect(roles, `${key}: ${s.kind}`).toContain(s.role);
    }
    // A role without case work is shown no one's name.
    for (const key of ['admin', 'manager', 'quality', 'auditor'] as const) {
      const body = JSON.stringify(await home(c[key]));
      for (const r of [submitted, reviewed, verifying, approved]) expect(body, key).not.toContain(r.name);
    }
  });

  it('shows the counter what the association registered today, and the clerk’s own requests waiting', async () => {
    const h = await home(c.officer);
    expect(kinds(h)[0]).toBe('counter');
    const counter = section(h, 'counter');
    expect(counter.requestsToday.total).toBe(requestsA);
    expect(counter.requestsToday.items).toHaveLength(5);
    expect(counter.requestsToday.items[0]!.number).toBe(byColleague.number); // newest first
    expect(counter.beneficiariesToday).toBe(beneficiariesA);
    const mine = section(h, 'my_requests');
    // Hers at the review stage (submitted, under review); not her colleague's, not those gone further.
    expect(mine.total).toBe(2);
    expect(mine.items.map((r) => r.number).sort()).toEqual([submitted.number, reviewed.number].sort());
    expect(mine.items.every((r) => !r.overdue)).toBe(true);
    const colleague = section(await home(c.officer2), 'my_requests');
    expect(colleague.items.map((r) => r.number)).toEqual([byColleague.number]);
  });

  it('shows the supervisor the referrals waiting for their answer, and no one else’s', async () => {
    const h = await home(c.supervisor);
    const refs = section(h, 'referrals');
    expect(refs.total).toBe(1);
    expect(refs.items[0]).toMatchObject({
      requestId: reviewed.id,
      requestNumber: reviewed.number,
      beneficiaryName: reviewed.name,
      reason: 'الإجراءات غير واضحة للمستفيدة',
      createdByName: 'موظفة العلاقات',
      overdue: false,
    });
    expect(section(h, 'overdue_requests').total).toBe(0);
    const both = section(await home(c.both), 'referrals');
    expect(both.items.map((r) => r.requestId)).toEqual([submitted.id]);
    // Answered, it leaves the list.
    await send('POST', `/api/v1/referrals/${refs.items[0]!.id}/answer`, c.supervisor, {
      answer: 'تُستكمل صورة الصك ثم يُرفع الطلب',
    });
    expect(section(await home(c.supervisor), 'referrals').total).toBe(0);
  });

  it('shows the researcher their tasks with the beneficiary’s name and place, and the tasks nobody took', async () => {
    const before = section(await home(c.researcher), 'verification_tasks');
    expect(before.total).toBe(0);
    expect(before.unassigned).toBe(1); // the document check of the request in verification
    const [task] = (await send('GET', `/api/v1/requests/${verifying.id}/verifications`, c.researcher)).items;
    await send('PATCH', `/api/v1/verifications/${task.id}`, c.supervisor, { assigneeId: ids.researcher });
    const after = section(await home(c.researcher), 'verification_tasks');
    expect(after.unassigned).toBe(0);
    expect(after.total).toBe(1);
    expect(after.items[0]).toMatchObject({
      id: task.id,
      requestId: verifying.id,
      requestNumber: verifying.number,
      mechanism: 'documents',
      beneficiaryName: verifying.name,
      city: 'مكة المكرمة',
      district: 'حي العزيزية',
      overdue: false,
    });
    expect(after.items[0]!.decisionDueAt).not.toBeNull();
    expect(after.items[0]!.dueOn).toBeNull(); // planned by the service, not added with a day
    // A field visit added to the request for her, due in three days, comes first: it has a day.
    const dueOn = new Date(Date.now() + 3 * dayMs).toISOString().slice(0, 10);
    await send('POST', `/api/v1/requests/${verifying.id}/verifications`, c.supervisor, {
      mechanism: 'field_visit',
      assigneeId: ids.researcher,
      dueOn,
    });
    const withVisit = section(await home(c.researcher), 'verification_tasks');
    expect(withVisit.total).toBe(2);
    expect(withVisit.items[0]).toMatchObject({ mechanism: 'field_visit', dueOn, overdue: false });
    // The research officer holds no task: their section is empty, not someone else's.
    expect(section(await home(c.both), 'verification_tasks').total).toBe(0);
  });

  it('shows a committee member the next session and the cases awaiting their vote', async () => {
    const chair = section(await home(c.chair), 'committee');
    expect(chair.nextSession).toMatchObject({
      id: session.id,
      title: 'جلسة الأسبوع',
      agendaCount: 2,
      isMember: true,
    });
    expect(chair.votes.total).toBe(2);
    const member = section(await home(c.member), 'committee');
    // She voted on the first case already.
    expect(member.votes.items.map((v) => v.requestNumber)).toEqual([committee2.number]);
    expect(member.votes.items[0]).toMatchObject({ sessionId: session.id, beneficiaryName: committee2.name });
  });

  it('shows the service officer the approved requests waiting for delivery', async () => {
    const delivery = section(await home(c.service), 'delivery');
    expect(delivery.total).toBe(1);
    expect(delivery.items[0]).toMatchObject({ id: approved.id, status: 'approved' });
  });

  it('gives the manager the numbers of the association alone', async () => {
    const n = section(await home(c.manager), 'numbers');
    expect(n.openByStage).toEqual({ review: 3, verification: 1, committee: 2, delivery: 1 });
    expect(n.open).toBe(requestsA);
    expect(n.overdue).toBe(0);
    expect(n.decidedThisMonth).toBe(1);
    expect(n.decidedOnTimeThisMonth).toBe(1);
    expect(n.newBeneficiariesThisMonth).toBe(beneficiariesA);
    const other = section(await home(cb.manager), 'numbers');
    expect(other.open).toBe(1);
    expect(other.newBeneficiariesThisMonth).toBe(1);
  });

  it('gives the admin the setup checklist of its own association', async () => {
    const setup = section(await home(c.admin), 'setup');
    expect(setup).toMatchObject({ staff: staff.length - 1, services: 1, servicesWithRules: 0 });
    await send('PUT', `/api/v1/services/${service.id}/rules`, c.admin, { threshold: 0, criteria: [] });
    expect(section(await home(c.admin), 'setup').servicesWithRules).toBe(1);
    expect(section(await home(cb.admin), 'setup')).toMatchObject({ staff: 3, services: 1 });
  });

  it('never counts another association’s work', async () => {
    const officerB = await home(cb.officer);
    expect(section(officerB, 'counter').requestsToday.total).toBe(1);
    expect(section(officerB, 'counter').beneficiariesToday).toBe(1);
    const refsB = section(await home(cb.supervisor), 'referrals');
    expect(refsB.items.map((r) => r.requestNumber)).toEqual([requestB.number]);
    const bodyA = JSON.stringify(await home(c.officer));
    expect(bodyA).not.toContain(personB.fullNameAr);
  });

  it('puts late work first: weeks later, every open request is overdue, in the lists and the numbers', async () => {
    shift.days = 40;
    try {
      const h = await home(c.both);
      const overdue = section(h, 'overdue_requests');
      // Submitted … in committee: past the promised date; approved: too long in its stage.
      expect(overdue.total).toBe(requestsA);
      expect(overdue.items).toHaveLength(5);
      expect(overdue.items.every((r) => r.overdue)).toBe(true);
      const referral = section(h, 'referrals').items[0]!;
      expect(referral.overdue).toBe(true);
      // Answered, the referrals are no longer urgent; a late task given to her now comes before them.
      await send('POST', `/api/v1/referrals/${referral.id}/answer`, c.both, { answer: 'تكفي صورة الهوية' });
      const [task] = (await send('GET', `/api/v1/requests/${verifying.id}/verifications`, c.both)).items;
      await send('PATCH', `/api/v1/verifications/${task.id}`, c.both, { assigneeId: ids.both });
      const reordered = await home(c.both);
      expect(kinds(reordered)).toEqual(['overdue_requests', 'verification_tasks', 'referrals']);
      expect(section(reordered, 'verification_tasks').urgent).toBe(1);
      // The researcher's field visit is past its day as well as the request's date.
      const visit = section(await home(c.researcher), 'verification_tasks').items;
      expect(visit.map((t) => [t.mechanism, t.overdue])).toEqual([['field_visit', true]]);
      // The counter stays on top for the clerk, whose own requests are late now.
      const officer = await home(c.officer);
      expect(kinds(officer)).toEqual(['counter', 'my_requests']);
      expect(section(officer, 'counter').requestsToday.total).toBe(0);
      expect(section(officer, 'my_requests').urgent).toBe(2);
      const n = section(await home(c.manager), 'numbers');
      expect(n.overdue).toBe(requestsA);
      const queues = await send('GET', '/api/v1/requests/queues', c.manager);
      expect(n.overdue).toBe(queues.queues.all.overdue);
      expect(section(await home(c.chair), 'committee').nextSession).toBeNull();
    } finally {
      shift.days = 0;
    }
  });

  it('asks for a session', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/workspace/home' });
    expect(res.statusCode).toBe(401);
  });
});
