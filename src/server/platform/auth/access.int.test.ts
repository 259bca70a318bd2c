import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/support/test-app';
import { actions, recordLevelActions } from '../../../shared/permissions';
import { registerAccessControl } from './access';

const { app, services } = await createTestApp();
const apiRules = () => app.routeRules.filter((r) => r.url.startsWith('/api/'));

describe('route permissions', () => {
  it('gives every API route an access rule that the permission table knows', () => {
    const known = new Set<string>([...actions, 'public', 'authenticated', 'portal', 'platform']);
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
        // The beneficiary's way into the portal.
        'GET /api/v1/portal/organizations/:slug',
        'POST /api/v1/portal/otp',
        'POST /api/v1/portal/sessions',
        'POST /api/v1/portal/registrations/otp',
        'POST /api/v1/portal/registrations',
        // The association's public page: a complaint without sign-in, following it by its number, and
        // its published answers (issue 12).
        'POST /api/v1/public/:slug/complaints',
        'GET /api/v1/public/:slug/complaints/:trackingNumber',
        'GET /api/v1/public/:slug/knowledge',
        // «قلتم، فعلنا»: the published improvement actions (issue 13).
        'GET /api/v1/public/:slug/you-said-we-did',
        // The public service guide and the association's card, also written as pages (issue 14).
        'GET /api/v1/public/:slug/services',
        'GET /api/v1/public/:slug/about',
        // The beneficiary charter's published text (issue 14 item 3).
        'GET /api/v1/public/:slug/charter',
        // The association's policy in force, with the board's decision (issue 14 item 5).
        'GET /api/v1/public/:slug/policy',
        // A satisfaction survey's one-time link: its token is the only key (issue 13).
        'GET /api/v1/survey-responses/:token',
        'POST /api/v1/survey-responses/:token',
        // WhatsApp's delivery receipts: no session, but signed (decision 018).
        'POST /api/v1/webhooks/whatsapp',
        'GET /healthz',
        'GET /readyz',
      ].sort(),
    );
  });

  it('keeps the platform operator’s routes under /api/v1/platform/, and only those', async () => {
    const platformRoutes = app.routeRules
      .filter((r) => r.access === 'platform')
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(platformRoutes).toEqual(
      [
        'GET /api/v1/platform/organizations',
        'POST /api/v1/platform/organizations',
        'POST /api/v1/platform/organizations/:id/suspend',
        'POST /api/v1/platform/organizations/:id/resume',
        'GET /api/v1/platform/organizations/:id/export',
        'POST /api/v1/platform/operators',
      ].sort(),
    );
    const bare = Fastify();
    registerAccessControl(bare, {
      db: services.db,
      sessions: services.sessions,
      portalSessions: services.portalSessions,
    });
    const handler = async () => 'x';
    expect(() => bare.get('/api/v1/other', { config: { access: 'platform' } }, handler)).toThrow(
      /only platform routes/,
    );
    expect(() =>
      bare.get('/api/v1/platform/x', { config: { access: 'organization.read' } }, handler),
    ).toThrow(/only platform routes/);
    await bare.close();
  });

  it('uses every action of the permission table on some route, except the record-level ones', () => {
    const used = new Set(app.routeRules.map((r) => r.access));
    for (const action of actions)
      expect(used.has(action) || recordLevelActions.includes(action), action).toBe(true);
    for (const action of recordLevelActions) expect(used.has(action), action).toBe(false);
  });

  it('refuses to register a route that declares no access rule', async () => {
    const bare = Fastify();
    registerAccessControl(bare, {
      db: services.db,
      sessions: services.sessions,
      portalSessions: services.portalSessions,
    });
    expect(() => bare.get('/api/v1/forgotten', async () => 'x')).toThrow(/declares no access rule/);
    await bare.close();
  });

  // Which role gets which answer from which route is checked against a table written by hand from
  // DESIGN.md, not from this table, in tests/integration/route-roles.int.test.ts.
});
