/**
 * The charter and disputes (issue 14 item 3): the charter accepted at intake is recorded with the
 * version in force (a version published meanwhile answers 409, and the profile then asks again); the
 * portal reads it too; a dispute records the charter version in force and takes the charter's steps in
 * order only (a skipped or repeated step answers 409), closes with an outcome, and is unknown (404) to
 * another association; the roles without the right get 403.
 */
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';

const clock: Clock = { now: () => new Date('2026-11-22T09:00:00Z') };
const { app, services } = await createTestApp({ clock });
const org = await createOrganization(services, [
  { fullName: 'مديرة الجمعية', email: 'manager', roles: ['manager'] },
  { fullName: 'موظف العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'باحثة اجتماعية', email: 'researcher', roles: ['researcher'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'manager', roles: ['manager'] },
]);
const cookies = await signInEach(app, org.emails);
const otherCookies = await signInEach(app, other.emails);
const send = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie, 'x-requested-with': 'wasl' }, payload });

const approval = { decisionNumber: 'م.إ/3/2026', decisionDate: '2026-11-20' };
const charterBody = 'حقوق المستفيد وواجباته، وتبعات التقصير، وحدود المسؤولية، وطريقة تسوية الخلافات.';

async function publishCharter(cookie: string, existing?: string) {
  let id = existing;
  let vid: string;
  if (!id) {
    const created = await send(cookie, 'POST', '/api/v1/policies', {
      kind: 'charter',
      titleAr: 'ميثاق المستفيد',
      titleEn: 'Beneficiary charter',
      body: charterBody,
      bodyEn: 'The beneficiary’s rights and duties, consequences of breach, limits of liability, disputes.',
    });
    expect(created.statusCode, created.body).toBe(201);
    id = created.json().id as string;
    vid = created.json().versions[0].id;
  } else {
    const next = await send(cookie, 'POST', `/api/v1/policies/${id}/versions`, { changeNote: 'تعديل' });
    expect(next.statusCode, next.body).toBe(201);
    vid = next.json().versions[0].id;
  }
  const base = `/api/v1/policies/${id}/versions/${vid}`;
  for (const [step, body] of [['submit'], ['approve', approval], ['publish']] as const) {
    const res = await send(cookie, 'POST', `${base}/${step}`, body);
    expect(res.statusCode, res.body).toBe(200);
  }
  return id;
}

const charterId = await publishCharter(cookies.manager!);

describe('the charter at intake', () => {
  it('is accepted with its version, and asked again when a newer version is published', async () => {
    const text = (await send(cookies.officer!, 'GET', '/api/v1/charter')).json().text;
    expect(text).toMatchObject({ versionNumber: 1, bodyAr: charterBody });

    const b = await registerBeneficiary(app, cookies.officer!);
    const url = `/api/v1/beneficiaries/${b.id}/charter`;
    expect((await send(cookies.officer!, 'GET', url)).json()).toMatchObject({
      currentVersion: 1,
      acceptedVersion: null,
      needsAcceptance: true,
    });
    const accepted = await send(cookies.officer!, 'POST', url, { versionNumber: 1, channel: 'in_person' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({
      acceptedVersion: 1,
      channel: 'in_person',
      needsAcceptance: false,
    });

    await publishCharter(cookies.manager!, charterId);
    expect((await send(cookies.officer!, 'GET', url)).json()).toMatchObject({
      currentVersion: 2,
      acceptedVersion: 1,
      needsAcceptance: true,
    });
    // The version shown at the counter is no longer the one in force.
    const stale = await send(cookies.officer!, 'POST', url, { versionNumber: 1, channel: 'in_person' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CHARTER_CHANGED');
    expect(
      (await send(cookies.officer!, 'POST', url, { versionNumber: 2, channel: 'in_person' })).statusCode,
    ).toBe(201);
    // Another association does not know the person.
    expect((await send(otherCookies.manager!, 'GET', url)).statusCode).toBe(404);
  });
});

describe('the charter in public and in the portal', () => {
  it('is shown without sign-in (JSON and page), and accepted in the portal by the person', async () => {
    const slug = org.organization.slug;
    const json = await app.inject({ method: 'GET', url: `/api/v1/public/${slug}/charter` });
    expect(json.statusCode).toBe(200);
    expect(json.json().text).toMatchObject({ bodyAr: charterBody, titleAr: 'ميثاق المستفيد' });
    const page = await app.inject({ method: 'GET', url: `/p/${slug}/charter` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('حدود المسؤولية');
    // Another association has published none.
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/v1/public/${other.organization.slug}/charter`,
    });
    expect(theirs.json()).toEqual({ text: null });

    const b = await registerBeneficiary(app, cookies.officer!);
    const token = await inOrganization(services, org.organization.id, () =>
      services.portalSessions.create(services.db, {
        organizationId: org.organization.id,
        beneficiaryId: b.id,
        ip: null,
        userAgent: null,
      }),
    );
    const portal = (method: 'GET' | 'POST', url: string, payload?: object) =>
      app.inject({
        method,
        url,
        headers: { cookie: `wasl_portal=${token}`, 'x-requested-with': 'wasl' },
        payload,
      });
    const before = (await portal('GET', '/api/v1/portal/charter')).json();
    expect(before.state).toMatchObject({ needsAcceptance: true, acceptedVersion: null });
    const version = before.text.versionNumber as number;
    const accepted = await portal('POST', '/api/v1/portal/charter/accept', { versionNumber: version });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json()).toMatchObject({
      needsAcceptance: false,
      acceptedVersion: version,
      channel: 'website',
    });
    // Staff see the same acceptance on the profile.
    expect(
      (await send(cookies.officer!, 'GET', `/api/v1/beneficiaries/${b.id}/charter`)).json(),
    ).toMatchObject({
      acceptedVersion: version,
      needsAcceptance: false,
    });
  });
});

describe('disputes', () => {
  it('follow the charter steps in order and close with an outcome', async () => {
    const b = await registerBeneficiary(app, cookies.officer!);
    const opened = await send(cookies.officer!, 'POST', '/api/v1/disputes', {
      beneficiaryId: b.id,
      subject: 'خلاف حول قيمة المساعدة',
      description: 'يرى المستفيد أن المبلغ أقل من المعلن.',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const dispute = opened.json();
    expect(dispute).toMatchObject({ status: 'open', charterVersion: 2, nextStep: 'amicable', steps: [] });
    const steps = `/api/v1/disputes/${dispute.id}/steps`;

    // Straight to the board: out of order.
    const skipped = await send(cookies.officer!, 'POST', steps, { step: 'board', note: 'عرض على المجلس' });
    expect(skipped.statusCode).toBe(409);
    expect(skipped.json().error.code).toBe('STEP_OUT_OF_ORDER');

    const first = await send(cookies.officer!, 'POST', steps, {
      step: 'amicable',
      note: 'جلسة ودية مع المستفيد',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(
      (await send(cookies.officer!, 'POST', steps, { step: 'amicable', note: 'مرة أخرى' })).statusCode,
    ).toBe(409);
    const second = await send(cookies.manager!, 'POST', steps, {
      step: 'executive_director',
      note: 'راجع المدير التنفيذي الملف',
    });
    expect(second.json()).toMatchObject({ currentStep: 'executive_director', nextStep: 'board' });
    expect(second.json().steps.map((s: { step: string }) => s.step)).toEqual([
      'amicable',
      'executive_director',
    ]);
    expect(second.json().steps[1].recordedByName).toBe('مديرة الجمعية');

    const closed = await send(cookies.manager!, 'POST', `/api/v1/disputes/${dispute.id}/close`, {
      outcome: 'سُوّي الخلاف بصرف الفرق',
    });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      outcome: 'سُوّي الخلاف بصرف الفرق',
      nextStep: null,
    });
    expect(
      (await send(cookies.manager!, 'POST', steps, { step: 'board', note: 'بعد الإغلاق' })).statusCode,
    ).toBe(409);

    const list = await send(cookies.manager!, 'GET', `/api/v1/disputes?beneficiaryId=${b.id}`);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: dispute.id, status: 'closed' }] });

    // Another association: unknown dispute, unknown beneficiary.
    expect((await send(otherCookies.manager!, 'GET', `/api/v1/disputes/${dispute.id}`)).statusCode).toBe(404);
    expect(
      (await send(otherCookies.manager!, 'POST', steps, { step: 'board', note: 'محاولة من جمعية أخرى' }))
        .statusCode,
    ).toBe(404);
    const foreign = await send(otherCookies.manager!, 'POST', '/api/v1/disputes', {
      beneficiaryId: b.id,
      subject: 'محاولة',
      description: 'مستفيد جمعية أخرى',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await send(otherCookies.manager!, 'GET', '/api/v1/disputes')).json().total).toBe(0);

    // The researcher has no part in disputes.
    expect((await send(cookies.researcher!, 'GET', '/api/v1/disputes')).statusCode).toBe(403);
  });
});

describe('disputes and the charter under PDPL', () => {
  it('are in the data-subject export, and destruction blanks what was said', async () => {
    const b = await registerBeneficiary(app, cookies.officer!);
    const charter = (await send(cookies.officer!, 'GET', '/api/v1/charter')).json().text;
    await send(cookies.officer!, 'POST', `/api/v1/beneficiaries/${b.id}/charter`, {
      versionNumber: charter.versionNumber,
      channel: 'in_person',
    });
    const opened = await send(cookies.officer!, 'POST', '/api/v1/disputes', {
      beneficiaryId: b.id,
      subject: 'تأخر صرف السلة الغذائية',
      description: 'ذكرت المستفيدة ظروفها الصحية سبباً للاستعجال.',
    });
    const id = opened.json().id as string;
    await send(cookies.officer!, 'POST', `/api/v1/disputes/${id}/steps`, {
      step: 'amicable',
      note: 'اتصلت بها وشرحت موعد الصرف',
    });
    await send(cookies.manager!, 'POST', `/api/v1/disputes/${id}/close`, { outcome: 'صُرفت السلة' });

    const exported = await send(cookies.manager!, 'GET', `/api/v1/beneficiaries/${b.id}/export`);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json()).toMatchObject({
      charterAcceptances: [{ versionNumber: charter.versionNumber, channel: 'in_person' }],
      disputes: [
        {
          subject: 'تأخر صرف السلة الغذائية',
          description: 'ذكرت المستفيدة ظروفها الصحية سبباً للاستعجال.',
          status: 'closed',
          outcome: 'صُرفت السلة',
          charterVersion: charter.versionNumber,
          steps: [{ step: 'amicable', note: 'اتصلت بها وشرحت موعد الصرف' }],
        },
      ],
    });
    const html = (await send(cookies.manager!, 'GET', `/api/v1/beneficiaries/${b.id}/export.html`)).body;
    expect(html).toContain('الخلافات');
    expect(html).toContain('اتصلت بها وشرحت موعد الصرف');
    expect(html).toContain('الميثاق المقبول');

    const destroyed = await send(cookies.manager!, 'POST', `/api/v1/beneficiaries/${b.id}/destroy`, {
      reason: 'طلب المستفيدة',
    });
    expect(destroyed.statusCode, destroyed.body).toBe(200);
    const after = (await send(cookies.manager!, 'GET', `/api/v1/disputes/${id}`)).json();
    // The record stays for the figures (dates, steps, charter version); the words are gone.
    expect(after).toMatchObject({ subject: '—', description: '—', outcome: '—', status: 'closed' });
    expect(after.steps).toEqual([expect.objectContaining({ step: 'amicable', note: '—' })]);
  });
});

describe('the disputes list', () => {
  it('searches the subject in Arabic, with % and _ as plain characters', async () => {
    const b = await registerBeneficiary(app, cookies.officer!);
    for (const subject of ['خلاف حول قيمة الإعانة', 'اعتراض على موعد الزيارة']) {
      await send(cookies.officer!, 'POST', '/api/v1/disputes', {
        beneficiaryId: b.id,
        subject,
        description: 'تفاصيل الخلاف',
      });
    }
    const search = async (q: string) =>
      (
        await send(
          cookies.manager!,
          'GET',
          `/api/v1/disputes?beneficiaryId=${b.id}&q=${encodeURIComponent(q)}`,
        )
      ).json();
    // Without hamza and with ta marbuta as ha: the normalised search still finds it.
    const found = await search('الاعانه');
    expect(found).toMatchObject({ total: 1, items: [{ subject: 'خلاف حول قيمة الإعانة' }] });
    expect((await search('الزيارة')).items.map((d: { subject: string }) => d.subject)).toEqual([
      'اعتراض على موعد الزيارة',
    ]);
    for (const q of ['%', '_', '%%', 'خلاف%الزيارة']) expect((await search(q)).total, q).toBe(0);
    expect((await search('')).total).toBe(2);
  });
});
