import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { ActorContext } from '../../platform/http/context';
import { createCommitteeService } from '../committee/committee.service';
import { createRequestService } from '../requests/requests.service';
import { createUserService, type UserService } from './users.service';

// Looking a user up answers "absent" with null, and lets a database failure through: callers must not
// turn an outage into "this user does not exist" (400 ASSIGNEE_INVALID instead of 500).
const { app, services } = await createTestApp();
const { organization, emails } = await createOrganization(services);
const other = await createOrganization(services);
const me = (
  await app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { cookie: await signIn(app, emails.admin!) },
  })
).json().user;
const ctx: ActorContext = {
  actor: { ...me, organizationId: organization.id, sessionId: randomUUID() },
  ip: null,
  requestId: null,
  language: 'en',
};
const otherAdminId = (
  await app.inject({
    method: 'GET',
    url: '/api/v1/auth/me',
    headers: { cookie: await signIn(app, other.emails.admin!) },
  })
).json().user.id as string;

const outage = new Error('connection terminated unexpectedly');
/** A database whose every query fails, as when PostgreSQL goes away. */
const brokenDb = new Proxy({} as Db, {
  get: () => () => {
    throw outage;
  },
});
const unreachableUsers: UserService = { ...services.users, findUser: () => Promise.reject(outage) };
const inOrganization = <T>(fn: () => Promise<T>) =>
  inTenant(services.db, { organizationId: organization.id, userId: me.id }, fn);

describe('findUser', () => {
  it('returns the user of the actor’s association, and null for an unknown id or another association’s user', async () => {
    expect(await inOrganization(() => services.users.findUser(ctx, me.id))).toMatchObject({ id: me.id });
    expect(await inOrganization(() => services.users.findUser(ctx, randomUUID()))).toBeNull();
    expect(await inOrganization(() => services.users.findUser(ctx, otherAdminId))).toBeNull();
  });

  it('lets a database error through instead of answering null', async () => {
    const users = createUserService({
      db: brokenDb,
      sessions: services.sessions,
      jobs: null,
      clock: services.clock,
    });
    await expect(users.findUser(ctx, me.id)).rejects.toBe(outage);
  });
});

describe('callers that check a chosen colleague', () => {
  it('fail with the database error when assigning a request, not with ASSIGNEE_INVALID', async () => {
    const requests = createRequestService({
      db: services.db,
      clock: services.clock,
      jobs: null,
      organizations: services.organizations,
      beneficiaries: services.beneficiaries,
      records: services.beneficiaryRecords,
      catalog: services.catalog,
      users: unreachableUsers,
    });
    await expect(requests.assign(ctx, randomUUID(), me.id)).rejects.toBe(outage);
  });

  it('fail with the database error when forming a committee session, not with ASSIGNEE_INVALID', async () => {
    const committee = createCommitteeService({
      db: services.db,
      clock: services.clock,
      organizations: services.organizations,
      users: unreachableUsers,
      requests: services.requests,
      transitions: services.transitions,
    });
    const session = {
      title: 'جلسة',
      scheduledFor: '2026-01-10T09:00:00Z',
      chairId: me.id,
      memberIds: [me.id],
    };
    await expect(committee.createSession(ctx, session)).rejects.toBe(outage);
  });
});
