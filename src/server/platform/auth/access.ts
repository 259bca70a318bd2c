import type { FastifyInstance } from 'fastify';
import { can } from '../../../shared/permissions';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/database';
import { contextOf } from '../http/context';
import { AppError } from '../http/errors';
import { type SessionStore, sessionCookieName } from './sessions';

/**
 * Authentication and authorisation for every route. A route under /api without an `access` rule
 * refuses to register, so a forgotten rule fails at start-up and in the route-permission test.
 */
export function registerAccessControl(app: FastifyInstance, deps: { db: Db; sessions: SessionStore }): void {
  app.decorateRequest('actor', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    if ((url.startsWith('/api/') || url === '/healthz' || url === '/readyz') && !route.config?.access) {
      throw new Error(`route ${String(route.method)} ${url} declares no access rule`);
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // static files and the SPA
    const token = request.cookies[sessionCookieName];
    request.actor = token ? await deps.sessions.authenticate(token) : null;
    if (access === 'public') return;
    if (!request.actor) throw new AppError(401, 'UNAUTHENTICATED');
    if (access === 'authenticated' || can(request.actor.roles, access)) return;
    await recordAudit(deps.db, contextOf(request), {
      action: access,
      entityType: 'route',
      entityId: `${request.method} ${request.routeOptions.url}`,
      outcome: 'denied',
    });
    throw new AppError(403, 'FORBIDDEN');
  });
}
