import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type RouteAccess } from '../../../shared/permissions';
import { recordAudit } from '../audit/audit';
import type { Db } from '../db/database';
import { auditsWritten, inTenant, withTenant } from '../db/tenant';
import { contextOf, type PortalActor } from '../http/context';
import { AppError } from '../http/errors';
import { type PersonalDataKind, personalDataOf } from './personal-data';
import { type SessionStore, sessionCookieName } from './sessions';

/**
 * Authentication and authorisation for every route. A route under /api without an `access` rule
 * refuses to register, so a forgotten rule fails at start-up and in the route-permission test.
 */
export interface RouteRule {
  method: string;
  url: string;
  access: RouteAccess;
  /** The personal data the route returns (its reads are audited), or false. */
  personalData: PersonalDataKind | false;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with its access rule, for the route-permission test and the docs. */
    routeRules: RouteRule[];
  }
  interface FastifyRequest {
    /** Set while a signed-in request's transaction is open: `ready()` asks it to end, then settles. */
    tenantTransaction: { ready(): void; settled: Promise<unknown> } | null;
  }
}

/** Portal sessions (modules/portal): a beneficiary's cookie → the beneficiary, or null. */
export interface PortalSessionLookup {
  cookieName: string;
  authenticate(token: string): Promise<PortalActor | null>;
}

export const portalRoutePrefix = '/api/v1/portal/';
export const platformRoutePrefix = '/api/v1/platform/';

export function registerAccessControl(
  app: FastifyInstance,
  deps: { db: Db; sessions: SessionStore; portalSessions: PortalSessionLookup },
): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('portal', null);
  app.decorateRequest('tenantTransaction', null);
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? '';
    const guarded = url.startsWith('/api/') || url === '/healthz' || url === '/readyz';
    if (!guarded) return;
    const access = route.config?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${url} declares no access rule`);
    // The portal's routes and staff routes never mix: a portal route is under /api/v1/portal/ and
    // declares `portal` or `public`; nothing else may declare `portal`.
    if ((access === 'portal') !== url.startsWith(portalRoutePrefix) && access !== 'public') {
      throw new Error(`route ${String(route.method)} ${url}: only portal routes may declare 'portal'`);
    }
    // The platform operator's routes likewise: under /api/v1/platform/ and nowhere else.
    if ((access === 'platform') !== url.startsWith(platformRoutePrefix)) {
      throw new Error(`route ${String(route.method)} ${url}: only platform routes may declare 'platform'`);
    }
    const methods = [route.method].flat().map(String);
    const personalData = personalDataOf(methods[0]!, url, access, route.config?.personalData);
    for (const method of methods) {
      if (method !== 'HEAD') rules.push({ method, url, access, personalData });
    }
    // A platform route works across associations, each in its own scope (never the operator's own).
    if (access !== 'platform') {
      route.handler = inActorsTransaction(deps.db, route.handler as Handler, personalData);
    }
  });

  // The answer of a signed-in request leaves only after its transaction has ended (commit, or
  // rollback for an error answer), so an acknowledged write is a committed write.
  app.addHook('onSend', async (request, reply) => {
    const open = request.tenantTransaction;
    if (!open) return;
    open.ready();
    const failure = await open.settled;
    if (failure && reply.statusCode < 400) throw failure;
  });

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access) return; // static files and the SPA
    // A public route acts for no one, whatever session cookie comes with it: signing in (perhaps to
    // another association than the cookie's) or first-run setup must not run in the cookie's
    // association, nor be audited as its user.
    if (access === 'public') return;
    // A portal route knows only the portal's cookie: a staff session does not open it, nor does a
    // portal session open a staff route (it is simply not looked at there: 401).
    if (access === 'portal') {
      const portalToken = request.cookies[deps.portalSessions.cookieName];
      request.portal = portalToken ? await deps.portalSessions.authenticate(portalToken) : null;
      if (!request.portal) throw new AppError(401, 'UNAUTHENTICATED');
      return;
    }
    const token = request.cookies[sessionCookieName];
    request.actor = token ? await deps.sessions.authenticate(token) : null;
    if (!request.actor) throw new AppError(401, 'UNAUTHENTICATED');
    if (access === 'authenticated') return;
    if (access === 'platform' ? request.actor.platformOperator === true : can(request.actor.roles, access)) {
      return;
    }
    const actor = request.actor;
    await inTenant(deps.db, { organizationId: actor.organizationId, userId: actor.userId }, () =>
      recordAudit(deps.db, contextOf(request), {
        action: access,
        entityType: 'route',
        entityId: `${request.method} ${request.routeOptions.url}`,
        outcome: 'denied',
      }),
    );
    throw new AppError(403, 'FORBIDDEN');
  });
}

type Handler = (this: FastifyInstance, request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * The audit row of a personal-data read, written in the read's transaction — unless the service has
 * already written its own, more specific one (profile, search, export), so each read leaves one row.
 */
function auditRead(db: Db, request: FastifyRequest, kind: PersonalDataKind) {
  return async (reply: FastifyReply) => {
    if (reply.statusCode >= 400 || auditsWritten() > 0) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    const entityId = typeof params.id === 'string' ? params.id : null;
    await recordAudit(db, contextOf(request), {
      action: `${kind}.read`,
      entityType: kind,
      entityId,
      details: { route: `GET ${request.routeOptions.url}` },
    });
  };
}

/**
 * A signed-in request runs in one transaction for the actor's association (row-level security sees
 * only its rows): every write of the request commits together, before the answer leaves, or not at all.
 */
function inActorsTransaction(db: Db, handler: Handler, personalData: PersonalDataKind | false): Handler {
  return async function (this: FastifyInstance, request, reply) {
    const actor = request.actor ?? request.portal;
    if (!actor) return handler.call(this, request, reply);
    const userId = request.actor?.userId ?? null;
    const audited = personalData ? auditRead(db, request, personalData) : null;
    let ready!: () => void;
    const answerReady = new Promise<void>((resolve) => {
      ready = resolve;
    });
    let handled: Promise<unknown> | undefined;
    const transaction = withTenant(
      db,
      { organizationId: actor.organizationId, userId },
      () => {
        handled = Promise.resolve(handler.call(this, request, reply));
        return handled;
      },
      {
        commitWhen: answerReady,
        rollbackIf: () => reply.statusCode >= 400,
        beforeCommit: audited ? () => audited(reply) : undefined,
        // A GET reads: what it writes is its audit row, committed without waiting for the disk (decision 028).
        relaxedCommit: request.method === 'GET',
      },
    );
    request.tenantTransaction = {
      ready,
      settled: transaction.then(
        () => null,
        (err: unknown) => err,
      ),
    };
    await transaction;
    return handled;
  };
}
