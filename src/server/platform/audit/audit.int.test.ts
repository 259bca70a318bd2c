import { sql } from 'drizzle-orm';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';

const { app, services, testDb } = await createTestApp();
const { organization, emails } = await createOrganization(services, [
  { fullName: 'مديرة النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'المراجع', email: 'auditor', roles: ['auditor'] },
  { fullName: 'موظف العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const admin = await signIn(app, emails.admin!);
const auditor = await signIn(app, emails.auditor!);
const officer = await signIn(app, emails.officer!);

describe('audit log', () => {
  it('records who did what, with role, address and request id, in the change’s transaction', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { cookie: admin, 'x-request-id': 'req-audit-test-0001' },
      payload: { fullName: 'باحث', email: 'r@audit.sa', password: 'password-1234', roles: ['researcher'] },
      remoteAddress: '192.0.2.44',
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-request-id']).toBe('req-audit-test-0001');
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?action=users.create',
      headers: { cookie: auditor },
    });
    expect(list.statusCode).toBe(200);
    const event = list.json().items.find((e: { entityId: string }) => e.entityId === res.json().id);
    expect(event).toMatchObject({
      actorName: 'مديرة النظام',
      actorRoles: ['admin'],
      entityType: 'user',
      outcome: 'success',
      ip: '192.0.2.44',
      requestId: 'req-audit-test-0001',
    });
  });

  it('records a refused action as denied', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events',
      headers: { cookie: officer },
    });
    expect(res.statusCode).toBe(403);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?outcome=denied',
      headers: { cookie: auditor },
    });
    expect(list.json().items[0]).toMatchObject({
      actorName: 'موظف العلاقات',
      action: 'audit.list',
      outcome: 'denied',
    });
  });

  it('records failed sign-ins', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: emails.officer, password: 'nope-nope' },
    });
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?action=auth.login&outcome=failure',
      headers: { cookie: auditor },
    });
    expect(list.json().items[0]).toMatchObject({
      actorName: 'موظف العلاقات',
      details: { reason: 'wrong_password' },
    });
  });

  it('cannot be changed or deleted, even with direct SQL', async () => {
    // Drizzle wraps the database error; PostgreSQL's own message is its cause.
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    // The application role holds no right to change it (decision 011)…
    for (const statement of [
      "update audit_events set action = 'x'",
      'delete from audit_events',
      'truncate audit_events',
    ]) {
      expect(await refusal(services.db.execute(sql.raw(statement)))).toMatch(/permission denied/);
    }
    // …and even the owner, who has every right, is stopped by the trigger.
    const owner = new pg.Client({ connectionString: testDb.ownerUrl });
    await owner.connect();
    try {
      // Declared association: where the owner is no superuser, row-level security binds it too.
      await owner.query("select set_config('app.organization_id', $1, false)", [organization.id]);
      expect(await refusal(owner.query("update audit_events set action = 'x'"))).toMatch(/append-only/);
      expect(await refusal(owner.query('delete from audit_events'))).toMatch(/append-only/);
      expect(await refusal(owner.query('truncate audit_events'))).toMatch(/append-only/);
    } finally {
      await owner.end();
    }
  });

  it('filters by date range and pages with a cursor', async () => {
    const future = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?from=2999-01-01T00:00:00Z',
      headers: { cookie: auditor },
    });
    expect(future.json()).toMatchObject({ items: [], total: 0, nextCursor: null });
    const first = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?limit=2',
      headers: { cookie: auditor },
    });
    const second = await app.inject({
      method: 'GET',
      url: `/api/v1/audit-events?limit=2&cursor=${first.json().nextCursor}`,
      headers: { cookie: auditor },
    });
    expect(Number(second.json().items[0].id)).toBeLessThan(Number(first.json().items[1].id));
    const broken = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?cursor=garbage',
      headers: { cookie: auditor },
    });
    expect(broken.statusCode).toBe(400);
  });
});
