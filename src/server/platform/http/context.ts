import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../../shared/permissions';
import type { StaffRole } from '../../../shared/roles';
import type { PersonalDataKind } from '../auth/personal-data';
import { type Language, languageOf } from './errors';

/** The signed-in staff member making a request. */
export interface Actor {
  userId: string;
  organizationId: string;
  fullName: string;
  email: string;
  roles: StaffRole[];
  sessionId: string;
  /** Holds the platform operator right (routes under /api/v1/platform/); not an association role. */
  platformOperator?: boolean;
}

/** A beneficiary signed in to the portal of their association (a portal session, not a staff one). */
export interface PortalActor {
  beneficiaryId: string;
  organizationId: string;
  fullName: string;
  sessionId: string;
}

/** What services know of a request: who, from where, under which id. Never the Fastify request. */
export interface RequestContext {
  actor: Actor | null;
  /** Set on portal routes instead of `actor`: the beneficiary acting for themselves. */
  portal?: PortalActor | null;
  ip: string | null;
  requestId: string | null;
  language: Language;
}

/** A context whose actor is known (every route other than public ones). */
export interface ActorContext extends RequestContext {
  actor: Actor;
}

/** A portal route's context: the signed-in beneficiary is known. */
export interface PortalContext extends RequestContext {
  actor: null;
  portal: PortalActor;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    portal: PortalActor | null;
  }
  interface FastifyContextConfig {
    /** Every route declares what it needs: a permission action, `authenticated` or `public`. */
    access?: RouteAccess;
    /**
     * The personal data a GET route returns, when its permission does not say it already
     * (platform/auth/personal-data.ts); `false` for a route that returns none. Each such read is audited.
     */
    personalData?: PersonalDataKind | false;
  }
}

export function contextOf(request: FastifyRequest): RequestContext {
  return {
    actor: request.actor,
    portal: request.portal,
    ip: request.ip ?? null,
    requestId: request.id,
    language: languageOf(request),
  };
}

export function actorContextOf(request: FastifyRequest): ActorContext {
  const ctx = contextOf(request);
  if (!ctx.actor) throw new Error('route declared access but no actor was authenticated');
  return ctx as ActorContext;
}

export function portalContextOf(request: FastifyRequest): PortalContext {
  const ctx = contextOf(request);
  if (!ctx.portal) throw new Error('portal route without a signed-in beneficiary');
  return { ...ctx, actor: null, portal: ctx.portal };
}
