import { describe, expect, it } from 'vitest';
import {
  createOrganization,
  createTestApp,
  sessionCookie,
  signIn,
  testPassword,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';

let now = new Date('2026-11-22T08:00:00Z');
const clock: Clock = { now: () => now };
const { app, services } = await createTestApp({ clock });
const { emails } = await createOrganization(services, [
  { fullName: 'مدير', email: 'admin', roles: ['admin'] },
  { fullName: 'باحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'موظف', email: 'officer', roles: ['relations_officer'] },
]);

const login = (email: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: ip });
const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });

describe('signing in and out', () => {
  it('signs in with e-mail and password and sets an httpOnly SameSite session cookie', async () => {
    const res = await login(emails.admin!.toUpperCase(), testPassword);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'wasl_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(res.json().user.roles).toEqual(['admin']);
    expect(res.json().permissions).toContain('users.create');
  });

  it('refuses a wrong password with a localized message and no cookie', async () => {
    const res = await login(emails.officer!, 'not-the-password');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      message: expect.stringContaining('كلمة المرور'),
    });
    expect(res.cookies.find((c) => c.name === 'wasl_session')).toBeUndefined();
  });

  it('ends the session on logout', async () => {
    const cookie = await signIn(app, emails.researcher!);
    expect((await me(cookie)).statusCode).toBe(200);
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-requested-with': 'wasl' }, // bodiless: the web client's CSRF header
    });
    expect(out.statusCode).toBe(204);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('locks an account after five wrong passwords, even for the right one, until the lock expires', async () => {
    const { emails: e } = await createOrganization(services, [
      { fullName: 'هدف', email: 'target', roles: ['auditor'] },
    ]);
    for (let i = 0; i < 5; i++)
      expect((await login(e.target!, `wrong-${i}`, `10.1.0.${i}`)).statusCode).toBe(401);
    const locked = await login(e.target!, testPassword, '10.1.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await login(e.target!, testPassword, '10.1.1.1')).statusCode).toBe(200);
  });

  it('throttles an address after twenty failures whatever the accounts', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 20; i++) await login(`nobody${i}@test.sa`, 'x', ip);
    const res = await login(emails.admin!, testPassword, ip);
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('TOO_MANY_ATTEMPTS');
    expect((await login(emails.admin!, testPassword, '10.9.9.10')).statusCode).toBe(200);
  });

  it('ends every session of a user who is deactivated, and refuses their sign-in', async () => {
    const { emails: e } = await createOrganization(services, [
      { fullName: 'مدير', email: 'admin', roles: ['admin'] },
      { fullName: 'مغادر', email: 'leaver', roles: ['relations_officer'] },
    ]);
    const admin = await signIn(app, e.admin!);
    const first = await signIn(app, e.leaver!);
    const second = sessionCookie(await login(e.leaver!, testPassword, '10.2.0.2'));
    const meRes = await me(first);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${meRes.json().user.id}`,
      headers: { cookie: admin },
      payload: { status: 'inactive' },
    });
    expect(patch.statusCode).toBe(200);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(401);
    const again = await login(e.leaver!, testPassword, '10.2.0.3');
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('ACCOUNT_INACTIVE');
  });
});
