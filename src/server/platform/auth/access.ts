import type { FastifyInstance } from 'fastify';
import { can, type RouteAccess } from '../../../shared/permissions';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/database';
import { contextOf } from '../http/context';
import { AppError } from '../http/errors';
import { type SessionStore, sessionCookieName } from './sessions';

/**
 * Authentication and authorisation for every route. A route under /api without an `access` rule
 * refuses to register, so a forgotten rule fails at start-up and in the route-permission test.
 */
export interface RouteRule {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access rule, for the route-permission test and the docs. */
    routeRules: RouteRule[];
  }
}

export function registerAccessControl(app: FastifyInstance, deps: { db: Db; sessions: SessionStore }): void {
  app.decorateRequest('actor', null);
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    const guarded = url.startsWith('/api/') || url === '/healthz' || url === '/readyz';
    if (!guarded) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${url} declares no access rule`);
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') rules.push({ method: String(method), url, access });
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
