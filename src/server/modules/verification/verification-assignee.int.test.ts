import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import { createOrganization, createTestApp, signIn, signInEach } from '../../../../tests/support/test-app';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرفة', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'باحث سابق', email: 'former', roles: ['researcher'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'باحث جمعية أخرى', email: 'researcher', roles: ['researcher'] },
]);
const c = await signInEach(app, org.emails);
const outsiderCookie = await signIn(app, other.emails.researcher!);
const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
const idOf = async (cookie: string) => (await get('/api/v1/auth/me', cookie)).json().user.id as string;
const ids = {
  researcher: await idOf(c.researcher!),
  former: await idOf(c.former!),
  service: await idOf(c.service!),
  outsider: await idOf(outsiderCookie),
};
const deactivated = await app.inject({
  method: 'PATCH',
  url: `/api/v1/users/${ids.former}`,
  headers: { cookie: c.admin! },
  payload: { status: 'inactive' },
});
expect(deactivated.statusCode).toBe(200);

const service = await createService(app, c.admin!);
const b = await readyBeneficiary(app, c.officer!);
const requestId = (
  await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: { cookie: c.officer! },
    payload: { beneficiaryId: b.id, serviceId: service.id, channel: 'in_person' },
  })
).json().id as string;
for (const action of ['start_review', 'start_verification'])
  await app.inject({
    method: 'POST',
    url: `/api/v1/requests/${requestId}/transitions`,
    headers: { cookie: c.officer! },
    payload: { action },
  });
const [task] = (await get(`/api/v1/requests/${requestId}/verifications`, c.supervisor!)).json().items;
const assign = (assigneeId: string) =>
  app.inject({
    method: 'PATCH',
    url: `/api/v1/verifications/${task.id}`,
    headers: { cookie: c.supervisor! },
    payload: { assigneeId, location: 'مقر الجمعية' },
  });

describe('assigning a verification task', () => {
  it.each([
    ['a researcher of another association', () => ids.outsider],
    ['an id that names no user', () => randomUUID()],
    ['a deactivated researcher', () => ids.former],
    ['a colleague whose roles do no verification work', () => ids.service],
  ])('refuses %s with a field error on assigneeId and changes nothing', async (_who, assignee) => {
    const res = await assign(assignee());
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'ASSIGNEE_INVALID',
      details: { fields: { assigneeId: expect.any(String) } },
    });
    const after = (await get(`/api/v1/requests/${requestId}/verifications`, c.supervisor!)).json().items[0];
    expect(after).toMatchObject({ assigneeId: null, location: null });
  });

  it('assigns an active researcher of the association, who then sees the task as theirs', async () => {
    const res = await assign(ids.researcher);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ assigneeId: ids.researcher, location: 'مقر الجمعية' });
    const mine = (await get('/api/v1/verifications/mine', c.researcher!)).json().items;
    expect(mine.map((t: { id: string }) => t.id)).toContain(task.id);
  });
});
