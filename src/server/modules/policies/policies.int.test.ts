/**
 * The policy as a living record (issue 14 item 1): a version goes draft → review → approved (the board's
 * decision number and date recorded, with who recorded it) → published, and a newer publication
 * supersedes it; a wrong step answers 409; the diff names the changed line; every active staff member
 * who has not acknowledged the published version is listed, and after acknowledging is not; another
 * association's policy is unknown; roles without the right get 403. The demo's seed policies load as
 * published version 1.
 */

import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
  signInEach,
} from '../../../../tests/support/test-app';
import { seedPolicy, seedPolicyText } from '../../demo/demo-policies';
import { auditEvents } from '../../platform/audit/audit.tables';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { createPolicyReminders } from './policy-reminders';

let now = new Date('2026-03-10T08:00:00Z');
const clock: Clock = { now: () => now };
const { app, services } = await createTestApp({ clock });
const org = await createOrganization(services, [
  { fullName: 'مديرة الجمعية', email: 'manager', roles: ['manager'] },
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'باحثة اجتماعية', email: 'researcher', roles: ['researcher'] },
  { fullName: 'موظف العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'manager', roles: ['manager'] },
]);
const cookies = await signInEach(app, org.emails);
const otherCookies = await signInEach(app, other.emails);
const send = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  // Bodiless actions carry the web client's marker, as the web client sends them (platform/http/csrf.ts).
  app.inject({ method, url, headers: { cookie, 'x-requested-with': 'wasl' }, payload });

const firstText = ['تمهيد', 'تلتزم الجمعية بالرد على الطلب خلال مدة لا تقل عن أسبوعين.', 'الخاتمة'].join(
  '\n',
);
const secondText = ['تمهيد', 'تلتزم الجمعية بالرد على الطلب خلال عشرة أيام عمل.', 'الخاتمة'].join('\n');

async function createPolicy(cookie = cookies.admin!) {
  const res = await send(cookie, 'POST', '/api/v1/policies', {
    kind: 'policy',
    titleAr: 'سياسة تنظيم العلاقة مع المستفيدين',
    titleEn: 'Beneficiary relations policy',
    reviewDate: '2026-03-01',
    body: firstText,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; versions: { id: string; number: number; status: string }[] };
}

const approval = { decisionNumber: 'م.إ/7/2026', decisionDate: '2026-03-09', minutesReference: 'محضر 7' };

async function publishFirst() {
  const policy = await createPolicy();
  const vid = policy.versions[0]!.id;
  const base = `/api/v1/policies/${policy.id}/versions/${vid}`;
  expect((await send(cookies.admin!, 'POST', `${base}/submit`)).statusCode).toBe(200);
  expect((await send(cookies.manager!, 'POST', `${base}/approve`, approval)).statusCode).toBe(200);
  expect((await send(cookies.admin!, 'POST', `${base}/publish`)).statusCode).toBe(200);
  return { id: policy.id, vid };
}

describe('policy versions', () => {
  it('go draft → review → approved with the board decision → published, and a newer one supersedes', async () => {
    const policy = await createPolicy();
    expect(policy.versions).toEqual([expect.objectContaining({ number: 1, status: 'draft' })]);
    const vid = policy.versions[0]!.id;
    const base = `/api/v1/policies/${policy.id}/versions/${vid}`;

    // Approving or publishing a draft is the wrong step.
    expect((await send(cookies.manager!, 'POST', `${base}/approve`, approval)).statusCode).toBe(409);
    const early = await send(cookies.admin!, 'POST', `${base}/publish`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('TRANSITION_NOT_ALLOWED');

    const edited = await send(cookies.admin!, 'PATCH', base, { body: `${firstText}\n` });
    expect(edited.statusCode, edited.body).toBe(200);
    const submitted = await send(cookies.admin!, 'POST', `${base}/submit`);
    expect(submitted.json().versions[0]).toMatchObject({ status: 'review' });
    // A draft no longer: its text is fixed, and it is not submitted twice.
    expect((await send(cookies.admin!, 'PATCH', base, { body: 'نص آخر' })).statusCode).toBe(409);
    expect((await send(cookies.admin!, 'POST', `${base}/submit`)).statusCode).toBe(409);

    // The board's decision number and date are required, as fields.
    const missing = await send(cookies.manager!, 'POST', `${base}/approve`, { minutesReference: 'محضر' });
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.details.fields).sort()).toEqual([
      'decisionDate',
      'decisionNumber',
    ]);
    const impossible = await send(cookies.manager!, 'POST', `${base}/approve`, {
      ...approval,
      decisionDate: '2026-02-30',
    });
    expect(impossible.statusCode).toBe(400);

    const approved = await send(cookies.manager!, 'POST', `${base}/approve`, approval);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().versions[0]).toMatchObject({
      status: 'approved',
      decisionNumber: 'م.إ/7/2026',
      decisionDate: '2026-03-09',
      minutesReference: 'محضر 7',
      approvedByName: 'مديرة الجمعية',
      approvedAt: now.toISOString(),
    });
    expect(approved.json().publishedVersion).toBeNull();

    const published = await send(cookies.admin!, 'POST', `${base}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({
      publishedVersion: 1,
      publishedBody: firstText, // kept without the spaces and line ends around it
      reviewOverdue: true, // review date 2026-03-01, today 2026-03-10
      acknowledged: false,
    });
    expect((await send(cookies.admin!, 'POST', `${base}/publish`)).statusCode).toBe(409);

    // Version 2 starts from the published text; a second draft while one is open is refused.
    const v2 = await send(cookies.admin!, 'POST', `/api/v1/policies/${policy.id}/versions`, {
      changeNote: 'مدة الرد',
    });
    expect(v2.statusCode, v2.body).toBe(201);
    const draft = v2.json().versions[0];
    expect(draft).toMatchObject({ number: 2, status: 'draft', body: firstText });
    expect(
      (await send(cookies.admin!, 'POST', `/api/v1/policies/${policy.id}/versions`, {})).statusCode,
    ).toBe(409);
    const base2 = `/api/v1/policies/${policy.id}/versions/${draft.id}`;
    await send(cookies.admin!, 'PATCH', base2, { body: secondText });
    await send(cookies.admin!, 'POST', `${base2}/submit`);
    await send(cookies.manager!, 'POST', `${base2}/approve`, { ...approval, decisionNumber: 'م.إ/9/2026' });
    now = new Date('2026-03-10T08:05:00Z');
    const republished = await send(cookies.admin!, 'POST', `${base2}/publish`);
    expect(republished.json()).toMatchObject({ publishedVersion: 2, publishedBody: secondText });
    expect(
      republished.json().versions.map((v: { number: number; status: string }) => [v.number, v.status]),
    ).toEqual([
      [2, 'published'],
      [1, 'superseded'],
    ]);

    const audit = await inOrganization(services, org.organization.id, () =>
      services.db.select({ action: auditEvents.action }).from(auditEvents),
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['policies.create', 'policies.approve', 'policies.publish']),
    );
  });

  it('shows the changed line between two versions, with added and removed lines named', async () => {
    const { id, vid } = await publishFirst();
    const v2 = (await send(cookies.admin!, 'POST', `/api/v1/policies/${id}/versions`, {})).json();
    const draftId = v2.versions[0].id as string;
    await send(cookies.admin!, 'PATCH', `/api/v1/policies/${id}/versions/${draftId}`, { body: secondText });
    const diff = await send(
      cookies.researcher!,
      'GET',
      `/api/v1/policies/${id}/diff?from=${vid}&to=${draftId}`,
    );
    expect(diff.statusCode, diff.body).toBe(200);
    expect(diff.json()).toMatchObject({ from: { number: 1 }, to: { number: 2 }, added: 1, removed: 1 });
    expect(diff.json().parts).toEqual([
      { kind: 'unchanged', lines: ['تمهيد'] },
      { kind: 'removed', lines: ['تلتزم الجمعية بالرد على الطلب خلال مدة لا تقل عن أسبوعين.'] },
      { kind: 'added', lines: ['تلتزم الجمعية بالرد على الطلب خلال عشرة أيام عمل.'] },
      { kind: 'unchanged', lines: ['الخاتمة'] },
    ]);
    // A version of another document is not one of this document's.
    const another = await createPolicy();
    const foreign = await send(
      cookies.researcher!,
      'GET',
      `/api/v1/policies/${id}/diff?from=${vid}&to=${another.versions[0]!.id}`,
    );
    expect(foreign.statusCode).toBe(404);
  });
});

describe('acknowledgements', () => {
  it('list who has not acknowledged the published version, and not after they do', async () => {
    const nothing = await createPolicy();
    const early = await send(cookies.researcher!, 'POST', `/api/v1/policies/${nothing.id}/acknowledge`);
    expect(early.statusCode).toBe(409);

    const { id } = await publishFirst();
    const before = await send(cookies.manager!, 'GET', `/api/v1/policies/${id}/acknowledgements`);
    expect(before.statusCode).toBe(200);
    expect(before.json().version).toMatchObject({ number: 1 });
    expect(before.json().acknowledged).toEqual([]);
    expect(before.json().pending).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ fullName: 'باحثة اجتماعية', roles: ['researcher'] }),
        expect.objectContaining({ fullName: 'موظف العلاقات', roles: ['relations_officer'] }),
      ]),
    );
    expect(before.json().pending).toHaveLength(4);

    const ack = await send(cookies.researcher!, 'POST', `/api/v1/policies/${id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(201);
    const first = ack.json().acknowledgedAt;
    now = new Date(now.getTime() + 60_000);
    const again = await send(cookies.researcher!, 'POST', `/api/v1/policies/${id}/acknowledge`);
    expect(again.statusCode).toBe(201);
    expect(again.json().acknowledgedAt).toBe(first); // idempotent: the first time stays

    const after = (await send(cookies.manager!, 'GET', `/api/v1/policies/${id}/acknowledgements`)).json();
    expect(after.acknowledged).toEqual([expect.objectContaining({ fullName: 'باحثة اجتماعية' })]);
    expect(after.pending.map((p: { fullName: string }) => p.fullName)).not.toContain('باحثة اجتماعية');
    expect(after.pending).toHaveLength(3);

    const mine = (await send(cookies.researcher!, 'GET', '/api/v1/policies')).json();
    expect(mine.items.find((p: { id: string }) => p.id === id)).toMatchObject({ acknowledged: true });
    const theirs = (await send(cookies.officer!, 'GET', `/api/v1/policies/${id}`)).json();
    expect(theirs).toMatchObject({ acknowledged: false, acknowledgedAt: null });
  });
});

describe('access', () => {
  it("answers 404 for another association's policy", async () => {
    const { id, vid } = await publishFirst();
    const stranger = otherCookies.manager!;
    expect((await send(stranger, 'GET', `/api/v1/policies/${id}`)).statusCode).toBe(404);
    expect((await send(stranger, 'GET', `/api/v1/policies/${id}/acknowledgements`)).statusCode).toBe(404);
    expect((await send(stranger, 'POST', `/api/v1/policies/${id}/acknowledge`)).statusCode).toBe(404);
    expect((await send(stranger, 'POST', `/api/v1/policies/${id}/versions`, {})).statusCode).toBe(404);
    expect(
      (await send(stranger, 'GET', `/api/v1/policies/${id}/diff?from=${vid}&to=${vid}`)).statusCode,
    ).toBe(404);
    const list = (await send(stranger, 'GET', '/api/v1/policies')).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  it('lets only managers approve, and only admin and manager draft or see acknowledgements', async () => {
    const policy = await createPolicy();
    const base = `/api/v1/policies/${policy.id}/versions/${policy.versions[0]!.id}`;
    await send(cookies.admin!, 'POST', `${base}/submit`);
    expect((await send(cookies.admin!, 'POST', `${base}/approve`, approval)).statusCode).toBe(403);
    expect((await send(cookies.researcher!, 'POST', `${base}/publish`)).statusCode).toBe(403);
    expect((await send(cookies.officer!, 'PATCH', base, { body: 'x' })).statusCode).toBe(403);
    expect(
      (await send(cookies.researcher!, 'GET', `/api/v1/policies/${policy.id}/acknowledgements`)).statusCode,
    ).toBe(403);
    expect(
      (
        await send(cookies.officer!, 'POST', '/api/v1/policies', {
          kind: 'policy',
          titleAr: 'سياسة',
          titleEn: 'Policy',
          body: 'نص',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('demo', () => {
  it("loads each seed association's policy as its published, approved version 1", async () => {
    const text = await seedPolicyText('shaaer');
    expect(text).toContain('شعائر');
    const id = await seedPolicy(services, other.organization.id, 'shaaer', null);
    const detail = (await send(otherCookies.manager!, 'GET', `/api/v1/policies/${id}`)).json();
    expect(detail).toMatchObject({ publishedVersion: 1, kind: 'policy' });
    expect(detail.publishedBody).toContain('شعائر');
    expect(detail.versions[0]).toMatchObject({ status: 'published', decisionNumber: 'م.إ/1/2025' });
    expect(await seedPolicyText('hr-society')).toContain('اعتماد مجلس الإدارة');
  });
});

// Last: it moves the clock a day on, past the other tests' sessions.
describe('reminders', () => {
  it('e-mail each staff member who has not acknowledged, once per version per day', async () => {
    const { id, vid } = await publishFirst();
    await send(cookies.officer!, 'POST', `/api/v1/policies/${id}/acknowledge`);
    const reminders = createPolicyReminders({
      db: services.db,
      clock,
      organizations: services.organizations,
      messaging: services.messaging,
    });
    const sent = () =>
      inOrganization(services, org.organization.id, () =>
        services.db
          .select({ recipient: outboxMessages.recipient, body: outboxMessages.body })
          .from(outboxMessages)
          .where(and(eq(outboxMessages.relatedType, 'policy_version'), eq(outboxMessages.relatedId, vid))),
      );
    // Other tests' published policies are reminded too: count this version's messages.
    expect(await reminders.remindOrganization(org.organization.id)).toBeGreaterThanOrEqual(3);
    const first = await sent();
    expect(first.map((m) => m.recipient).sort()).toEqual(
      [org.emails.manager!, org.emails.admin!, org.emails.researcher!].sort(),
    );
    expect(first[0]!.body).toContain('سياسة تنظيم العلاقة مع المستفيدين');
    // The same day again: nobody twice. The next day: those still pending, once more.
    expect(await reminders.remindOrganization(org.organization.id)).toBe(0);
    now = new Date(now.getTime() + 86_400_000);
    const researcher = await signIn(app, org.emails.researcher!); // a day later: a new session
    await send(researcher, 'POST', `/api/v1/policies/${id}/acknowledge`);
    await reminders.remindOrganization(org.organization.id);
    expect(await sent()).toHaveLength(5);

    // Its review date (2026-03-01) has come: the admin and the manager are told once, and again for a new date.
    const reviews = () =>
      inOrganization(services, org.organization.id, () =>
        services.db
          .select({ recipient: outboxMessages.recipient, body: outboxMessages.body })
          .from(outboxMessages)
          .where(and(eq(outboxMessages.relatedType, 'policy_document'), eq(outboxMessages.relatedId, id))),
      );
    expect((await reviews()).map((m) => m.recipient).sort()).toEqual(
      [org.emails.manager!, org.emails.admin!].sort(),
    );
    expect((await reviews())[0]!.body).toContain('مراجعة');
    const manager = await signIn(app, org.emails.manager!);
    await send(manager, 'PATCH', `/api/v1/policies/${id}`, { reviewDate: '2026-03-11' });
    await reminders.remindOrganization(org.organization.id);
    expect(await reviews()).toHaveLength(4);
    await reminders.remindOrganization(org.organization.id);
    expect(await reviews()).toHaveLength(4);
  });
});
