import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/support/test-app';

const { app } = await createTestApp();
const body = (email: string) => ({
  organization: { nameAr: 'جمعية البر', nameEn: 'Al-Birr Association' },
  admin: { fullName: 'مدير النظام', email, password: 'a-long-password' },
});

describe('first-run setup', () => {
  it('explains invalid fields in Arabic by default and in English on request', async () => {
    const bad = {
      organization: { nameAr: 'ج', nameEn: 'Al-Birr' },
      admin: { fullName: 'م', email: 'no', password: 'x' },
    };
    const ar = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: bad });
    expect(ar.statusCode).toBe(400);
    expect(ar.json().error.code).toBe('VALIDATION_FAILED');
    expect(ar.json().error.message).toMatch(/[\u0600-\u06FF]/);
    expect(Object.keys(ar.json().error.details.fields)).toEqual(
      expect.arrayContaining(['organization.nameAr', 'admin.email', 'admin.password']),
    );
    const en = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: bad,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().error.message).toMatch(/not valid/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: true });
  });

  it('creates the first organization and admin once, and answers 409 after', async () => {
    const [a, b] = await Promise.all([
      app.inject({ method: 'POST', url: '/api/v1/setup', payload: body('first@birr.sa') }),
      app.inject({ method: 'POST', url: '/api/v1/setup', payload: body('second@birr.sa') }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const created = a.statusCode === 201 ? a : b;
    expect(created.json().user.roles).toEqual(['admin']);
    expect((await app.inject({ method: 'GET', url: '/api/v1/setup' })).json()).toEqual({ needed: false });
    const late = await app.inject({ method: 'POST', url: '/api/v1/setup', payload: body('third@birr.sa') });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('ALREADY_SET_UP');
  });

  it('signs in only the admin that setup created, whatever the letter case of the e-mail', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'FIRST@birr.sa', password: 'a-long-password' },
    });
    const other = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'SECOND@birr.sa', password: 'a-long-password' },
    });
    expect([res.statusCode, other.statusCode].sort()).toEqual([200, 401]);
  });
});
