import { describe, expect, it } from 'vitest';
import { createTestApp, signIn } from '../../../../tests/support/test-app';

// The password rules through the two routes that set a password: first-run setup and staff creation.
const { app } = await createTestApp();

const refused: [string, string, string][] = [
  ['ten spaces', ' '.repeat(10), 'VALIDATION_FAILED'],
  ['eleven characters between spaces', '   abcdefghijk   ', 'VALIDATION_FAILED'],
  ['one character repeated', 'aaaaaaaaaaaa', 'PASSWORD_PREDICTABLE'],
  ['a run of digits', '123456789012', 'PASSWORD_PREDICTABLE'],
  ['a common password', 'PasswordPassword', 'PASSWORD_COMMON'],
];

const setup = (email: string, password: string, language = 'ar') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    headers: { 'accept-language': language },
    payload: {
      organization: { nameAr: 'جمعية البر', nameEn: 'Al-Birr Association' },
      admin: { fullName: 'مدير النظام', email, password },
    },
  });

describe('passwords at first-run setup', () => {
  it.each(refused)('refuses %s with the reason on admin.password', async (_name, password, code) => {
    const res = await setup('manager@birr.sa', password);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details.fields['admin.password']).toBeTruthy();
  });

  it("refuses the admin's own e-mail name, saying why in Arabic and in English", async () => {
    const ar = await setup('Fatimah.Zahrani@birr.sa', 'fatimah.zahrani-2026');
    expect(ar.statusCode).toBe(400);
    expect(ar.json().error).toMatchObject({
      code: 'PASSWORD_CONTAINS_EMAIL',
      details: { fields: { 'admin.password': 'PASSWORD_CONTAINS_EMAIL' } },
    });
    expect(ar.json().error.message).toMatch(/البريد الإلكتروني/);
    const en = await setup('Fatimah.Zahrani@birr.sa', 'fatimah.zahrani-2026', 'en');
    expect(en.json().error.message).toMatch(/name in the e-mail address/);
  });

  it('leaves nothing behind after a refusal, and then accepts a good password', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
    const res = await setup('manager@birr.sa', 'olive tree by the well');
    expect(res.statusCode).toBe(201);
  });
});

describe('passwords of new staff', () => {
  const post = async (email: string, password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: await signIn(app, 'manager@birr.sa', 'olive tree by the well') },
      payload: { fullName: 'خالد الحربي', email, password, roles: ['researcher'] },
    });

  it.each(refused)('refuses %s with the reason on password', async (_name, password, code) => {
    const res = await post('khaled@birr.sa', password);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe(code);
    expect(res.json().error.details.fields.password).toBeTruthy();
  });

  it("refuses the new user's own e-mail name in any case", async () => {
    const res = await post('khaled.harbi@birr.sa', 'Khaled.Harbi#1990');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'PASSWORD_CONTAINS_EMAIL',
      details: { fields: { password: 'PASSWORD_CONTAINS_EMAIL' } },
    });
  });

  it('creates the account with a twelve-character password that breaks no rule', async () => {
    const res = await post('khaled@birr.sa', 'sand dune 47');
    expect(res.statusCode).toBe(201);
    expect((await signIn(app, 'khaled@birr.sa', 'sand dune 47')).length).toBeGreaterThan(10);
  });
});
