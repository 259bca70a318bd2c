import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';
import { actions, can, recordLevelActions } from '../../../shared/permissions';
import { staffRoles } from '../../../shared/roles';
import { registerAccessControl } from './access';

const { app, services } = await createTestApp();
const { emails } = await createOrganization(
  services,
  staffRoles.map((role) => ({ fullName: `موظف ${role}`, email: role, roles: [role] })),
);
const cookies = Object.fromEntries(
  await Promise.all(staffRoles.map(async (role) => [role, await signIn(app, emails[role]!)] as const)),
);

const someId = '00000000-0000-4000-8000-000000000000';
const concrete = (url: string) => url.replace(/:[a-zA-Z]+/g, someId);
const apiRules = () => app.routeRules.filter((r) => r.url.startsWith('/api/'));

describe('route permissions', () => {
  it('gives every API route an access rule that the permission table knows', () => {
    const known = new Set<string>([...actions, 'public', 'authenticated']);
    expect(apiRules().length).toBeGreaterThan(8);
    for (const rule of apiRules()) expect(known.has(rule.access), `${rule.method} ${rule.url}`).toBe(true);
  });

  it('keeps the public routes to the known few', () => {
    const publicRoutes = app.routeRules
      .filter((r) => r.access === 'public')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(publicRoutes).toEqual(
      [
        'GET /api/openapi.json',
        'GET /api/v1/setup',
        'POST /api/v1/setup',
        'POST /api/v1/auth/login',
        'GET /healthz',
        'GET /readyz',
      ].sort(),
    );
  });

  it('uses every action of the permission table on some route, except the record-level ones', () => {
    const used = new Set(app.routeRules.map((r) => r.access));
    for (const action of actions)
      expect(used.has(action) || recordLevelActions.includes(action), action).toBe(true);
    for (const action of recordLevelActions) expect(used.has(action), action).toBe(false);
  });

  it('refuses to register a route that declares no access rule', async () => {
    const bare = Fastify();
    registerAccessControl(bare, { db: services.db, sessions: services.sessions });
    expect(() => bare.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no access rule/);
    await bare.close();
  });

  it('answers 401 to every non-public route without a session', async () => {
    for (const rule of apiRules().filter((r) => r.access !== 'public')) {
      const res = await app.inject({ method: rule.method as 'GET', url: concrete(rule.url), payload: {} });
      expect(res.statusCode, `${rule.method} ${rule.url}`).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('lets each role through exactly the routes its table row allows', async () => {
    const guarded = apiRules().filter((r) => r.access !== 'public' && r.access !== 'authenticated');
    for (const rule of guarded) {
      for (const role of staffRoles) {
        const res = await app.inject({
          method: rule.method as 'GET',
          url: concrete(rule.url),
          payload: rule.method === 'GET' ? undefined : {},
          headers: { cookie: cookies[role]! },
        });
        const allowed = can([role], rule.access as (typeof actions)[number]);
        const label = `${role} ${rule.method} ${rule.url} → ${res.statusCode}`;
        if (allowed) expect(res.statusCode, label).not.toBe(403);
        else expect(res.statusCode, label).toBe(403);
      }
    }
  });
});
