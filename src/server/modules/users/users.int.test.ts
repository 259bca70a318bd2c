import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
} from '../../../../tests/support/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { users } from '../../platform/identity/users.tables';
import { deliverMessage, recordingDriver } from '../../platform/notifications/notifications';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

const { app, services } = await createTestApp();
const { organization, emails } = await createOrganization(services, [
  { fullName: 'مدير', email: 'admin', roles: ['admin'] },
]);
const admin = await signIn(app, emails.admin!);
const post = (payload: object) =>
  app.inject({ method: 'POST', url: '/api/v1/users', headers: { cookie: admin }, payload });
const inOrg = <T>(fn: () => Promise<T>) => inOrganization(services, organization.id, fn);
const userCount = async () => inOrg(async () => (await services.db.select({ n: count() }).from(users))[0]!.n);

describe('staff accounts', () => {
  it('creates a user with roles, normalising Arabic-Indic digits in the e-mail, and invites them through the outbox', async () => {
    const res = await post({
      fullName: ' سارة  ',
      email: 'Sara٢@Org.sa',
      password: 'password-1234',
      roles: ['researcher', 'researcher', 'supervisor'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      fullName: 'سارة',
      email: 'sara2@org.sa',
      roles: ['researcher', 'supervisor'],
      status: 'active',
    });
    const [message] = await inOrg(() =>
      services.db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, res.json().id)),
    );
    expect(message).toMatchObject({ channel: 'email', recipient: 'sara2@org.sa', status: 'queued' });
    await deliverMessage(services.db, recordingDriver, message!.id);
    const [delivered] = await inOrg(() =>
      services.db.select().from(outboxMessages).where(eq(outboxMessages.id, message!.id)),
    );
    // The default driver only records: the outbox must not claim the invitation went out.
    expect(delivered).toMatchObject({ status: 'recorded', driver: 'database', attempts: 1, sentAt: null });
    expect((await signIn(app, 'sara2@org.sa', 'password-1234')).length).toBeGreaterThan(10);
  });

  it('refuses a taken e-mail with 409 and leaves the database as it was', async () => {
    const usersBefore = await userCount();
    const [auditBefore] = await inOrg(() => services.db.select({ n: count() }).from(auditEvents));
    const res = await post({
      fullName: 'مكرر',
      email: emails.admin,
      password: 'password-1234',
      roles: ['auditor'],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EMAIL_TAKEN');
    expect(await userCount()).toBe(usersBefore);
    const [auditAfter] = await inOrg(() => services.db.select({ n: count() }).from(auditEvents));
    expect(auditAfter!.n).toBe(auditBefore!.n);
  });

  it('rejects unknown roles and short passwords with field details', async () => {
    const res = await post({ fullName: 'س', email: 'x@y.sa', password: 'short', roles: ['king'] });
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json().error.details.fields)).toEqual(
      expect.arrayContaining(['fullName', 'password', 'roles.0']),
    );
  });

  it('keeps the last active admin and does not let an admin deactivate themself', async () => {
    const meId = (
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: admin } })
    ).json().user.id;
    const self = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${meId}`,
      headers: { cookie: admin },
      payload: { status: 'inactive' },
    });
    expect(self.json().error.code).toBe('CANNOT_DEACTIVATE_SELF');
    const demote = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${meId}`,
      headers: { cookie: admin },
      payload: { roles: ['manager'] },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMIN');
  });

  it('changes roles, records from and to in the audit log, and pages the list by name', async () => {
    const created = await post({
      fullName: 'يوسف',
      email: 'yousef@org.sa',
      password: 'password-1234',
      roles: ['auditor'],
    });
    const id = created.json().id;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: { cookie: admin },
      payload: { roles: ['manager'] },
    });
    expect(res.json().roles).toEqual(['manager']);
    const audit = await app.inject({
      method: 'GET',
      url: `/api/v1/audit-events?entityId=${id}&action=users.update`,
      headers: { cookie: admin },
    });
    expect(audit.json().items[0].details).toMatchObject({ rolesFrom: ['auditor'], rolesTo: ['manager'] });

    const first = await app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=2',
      headers: { cookie: admin },
    });
    expect(first.json().items).toHaveLength(2);
    expect(first.json().total).toBe(await userCount());
    const second = await app.inject({
      method: 'GET',
      url: `/api/v1/users?limit=2&cursor=${first.json().nextCursor}`,
      headers: { cookie: admin },
    });
    const names = [...first.json().items, ...second.json().items].map((u: { id: string }) => u.id);
    expect(new Set(names).size).toBe(names.length);
    const filtered = await app.inject({
      method: 'GET',
      url: '/api/v1/users?role=manager',
      headers: { cookie: admin },
    });
    expect(filtered.json().items.map((u: { email: string }) => u.email)).toEqual(['yousef@org.sa']);
  });

  it('gives colleagues a directory of names and roles, without e-mails, filtered by role', async () => {
    await post({
      fullName: 'مشرفة الحالات',
      email: 'sup@org.sa',
      password: 'password-1234',
      roles: ['supervisor'],
    });
    const officer = await post({
      fullName: 'موظف الاستقبال',
      email: 'desk@org.sa',
      password: 'password-1234',
      roles: ['relations_officer'],
    });
    expect(officer.statusCode).toBe(201);
    const cookie = await signIn(app, 'desk@org.sa', 'password-1234');
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/users/directory?role=supervisor',
      headers: { cookie },
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { fullName: string; roles: string[] }[];
    expect(items).toContainEqual(
      expect.objectContaining({ fullName: 'مشرفة الحالات', roles: ['supervisor'] }),
    );
    expect(items.every((u) => u.roles.includes('supervisor'))).toBe(true);
    expect(items.map((u) => u.fullName)).not.toContain('موظف الاستقبال');
    expect(JSON.stringify(res.json())).not.toContain('@');
    expect((await app.inject({ method: 'GET', url: '/api/v1/users', headers: { cookie } })).statusCode).toBe(
      403,
    );
  });
});
