import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';

const { app, services } = await createTestApp();
const a = await createOrganization(
  services,
  [{ fullName: 'مدير أ', email: 'admin', roles: ['admin', 'auditor'] }],
  'جمعية أ',
);
const b = await createOrganization(
  services,
  [
    { fullName: 'مدير ب', email: 'admin', roles: ['admin', 'auditor'] },
    { fullName: 'موظف ب', email: 'staff', roles: ['relations_officer'] },
  ],
  'جمعية ب',
);
const cookieA = await signIn(app, a.emails.admin!);
const cookieB = await signIn(app, b.emails.admin!);
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const bStaffId = (await get('/api/v1/users?role=relations_officer', cookieB)).json().items[0].id as string;

describe('tenant isolation', () => {
  it("never lists another organization's users", async () => {
    const list = (await get('/api/v1/users?limit=200', cookieA)).json();
    expect(list.items.map((u: { email: string }) => u.email)).toEqual([a.emails.admin]);
    expect(list.total).toBe(1);
    const search = (await get('/api/v1/users?q=ب', cookieA)).json();
    expect(search.items).toEqual([]);
  });

  it("answers 404 for another organization's user, and changes nothing", async () => {
    expect((await get(`/api/v1/users/${bStaffId}`, cookieA)).statusCode).toBe(404);
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${bStaffId}`,
      headers: { cookie: cookieA },
      payload: { status: 'inactive', roles: ['admin'] },
    });
    expect(patch.statusCode).toBe(404);
    const still = (await get(`/api/v1/users/${bStaffId}`, cookieB)).json();
    expect(still).toMatchObject({ status: 'active', roles: ['relations_officer'] });
  });

  it('shows each organization only its own settings, audit events and outbox', async () => {
    expect((await get('/api/v1/organizations/current', cookieA)).json().id).toBe(a.organization.id);
    expect((await get('/api/v1/organizations/current', cookieB)).json().id).toBe(b.organization.id);
    await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: cookieB },
      payload: { fullName: 'جديد ب', email: 'new-b@b.sa', password: 'password-1234', roles: ['auditor'] },
    });
    const auditA = (await get('/api/v1/audit-events?limit=200', cookieA)).json();
    expect(auditA.items.length).toBeGreaterThan(0);
    expect(auditA.items.every((e: { actorName: string | null }) => e.actorName !== 'مدير ب')).toBe(true);
    expect(JSON.stringify(auditA)).not.toContain(bStaffId);
    const outboxA = (await get('/api/v1/outbox', cookieA)).json();
    expect(outboxA.items.map((m: { recipient: string }) => m.recipient)).not.toContain('new-b@b.sa');
    const outboxB = (await get('/api/v1/outbox', cookieB)).json();
    expect(outboxB.items.map((m: { recipient: string }) => m.recipient)).toContain('new-b@b.sa');
  });
});
