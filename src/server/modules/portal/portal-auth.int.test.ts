import { describe, expect, it } from 'vitest';
import { beneficiaryInput, nextNationalId } from '../../../../tests/support/beneficiary-factory';
import { smsFileOutbox } from '../../../../tests/support/sms-file';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
} from '../../../../tests/support/test-app';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

const sms = smsFileOutbox();
const { app, services } = await createTestApp({ notificationDriver: sms.driver });
const { organization, emails } = await createOrganization(services, [
  { fullName: 'موظفة الاستقبال', email: 'clerk', roles: ['relations_officer'] },
]);
const clerk = await signIn(app, emails.clerk!);
const slug = organization.slug;

async function register(overrides: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/beneficiaries',
    headers: { cookie: clerk },
    payload: beneficiaryInput(overrides),
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; nationalId: string; phone: string; fullNameAr: string };
}

const { lines: linesOf, codeSentTo } = sms;

const askCode = (nationalId: string, headers: Record<string, string> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/portal/otp',
    headers,
    payload: { organization: slug, nationalId },
  });
const signInWith = (nationalId: string, code: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/portal/sessions',
    payload: { organization: slug, nationalId, code },
  });
const portalCookie = (res: { cookies: { name: string; value: string }[] }) =>
  `wasl_portal=${res.cookies.find((c) => c.name === 'wasl_portal')!.value}`;

describe('portal sign-in with a one-time code', () => {
  it('sends a code to the registered mobile, signs in once with it, and shows the person their own record', async () => {
    const person = await register();
    const before = linesOf().length;
    const asked = await askCode(person.nationalId);
    expect(asked.statusCode).toBe(202);
    const code = await codeSentTo(person.phone, before);

    const res = await signInWith(person.nationalId, code);
    expect(res.statusCode).toBe(200);
    const cookie = portalCookie(res);
    const me = await app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ id: person.id, fullNameAr: person.fullNameAr, registration: null });

    // Single use.
    expect((await signInWith(person.nationalId, code)).statusCode).toBe(401);

    // The outbox keeps no code: its copy is masked, and the message is marked as handed to the file driver.
    const rows = await inOrganization(services, organization.id, () =>
      services.db.select().from(outboxMessages),
    );
    const codes = rows.filter((r) => r.relatedType === 'portal_code');
    expect(codes.length).toBeGreaterThan(0);
    for (const row of codes) expect(row.body).not.toMatch(/\d{6}/);

    // Signing out ends the session.
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/v1/portal/sessions/current',
      headers: { cookie, 'x-requested-with': 'wasl' },
    });
    expect(out.statusCode).toBe(204);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/portal/me', headers: { cookie } })).statusCode,
    ).toBe(401);
  });

  it('answers an unknown ID exactly as a known one, and sends nothing', async () => {
    const before = linesOf().length;
    const res = await askCode(nextNationalId());
    expect(res.statusCode).toBe(202);
    const known = await register();
    const knownRes = await askCode(known.nationalId);
    expect(res.json()).toEqual(knownRes.json());
    await codeSentTo(known.phone, before);
    expect(
      linesOf()
        .slice(before)
        .map((l) => l.to),
    ).toEqual([known.phone]);
  });

  it('locks an ID after five wrong codes, even for the right code', async () => {
    const person = await register();
    const before = linesOf().length;
    await askCode(person.nationalId);
    const code = await codeSentTo(person.phone, before);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await signInWith(person.nationalId, wrong)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 429]);
    const right = await signInWith(person.nationalId, code);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('CODE_LOCKED');
  });

  it('accepts a code typed in Arabic-Indic digits', async () => {
    const person = await register();
    const before = linesOf().length;
    await askCode(person.nationalId);
    const code = await codeSentTo(person.phone, before);
    const arabic = code.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!);
    expect((await signInWith(person.nationalId, arabic)).statusCode).toBe(200);
  });

  it('keeps portal and staff sessions apart', async () => {
    const person = await register();
    const before = linesOf().length;
    await askCode(person.nationalId);
    const cookie = portalCookie(await signInWith(person.nationalId, await codeSentTo(person.phone, before)));
    const staffRoute = await app.inject({ method: 'GET', url: '/api/v1/beneficiaries', headers: { cookie } });
    expect([401, 403]).toContain(staffRoute.statusCode);
    const staffOnPortal = await app.inject({
      method: 'GET',
      url: '/api/v1/portal/me',
      headers: { cookie: clerk },
    });
    expect(staffOnPortal.statusCode).toBe(401);
  });

  it('limits how many codes one ID may ask for', async () => {
    const nationalId = nextNationalId();
    const answers: number[] = [];
    for (let i = 0; i < 7; i++) answers.push((await askCode(nationalId)).statusCode);
    expect(answers.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(answers.slice(5)).toEqual([429, 429]);
  });

  it('shows the association by its slug, and the slug in the settings', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/portal/organizations/${slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ slug, nameAr: organization.nameAr });
    const current = await app.inject({
      method: 'GET',
      url: '/api/v1/organizations/current',
      headers: { cookie: clerk },
    });
    expect(current.json()).toMatchObject({ slug, settings: { slug } });
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/portal/organizations/no-such-place' })).statusCode,
    ).toBe(404);
  });
});
