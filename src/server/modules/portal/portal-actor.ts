import type { StaffRole } from '../../../shared/roles';
import type { ActorContext, PortalContext } from '../../platform/http/context';

/**
 * The registry, requests and verification services take the context of the one who acts. In the
 * portal the beneficiary acts for themselves, and reaches those services with this context, built only
 * here and only from a signed-in portal session:
 * - no user id: no staff member acts, so the columns that name one (request history, audit, who
 *   recorded a consent or a correction request) stay empty, and the name recorded is the person's;
 * - one role, the request machine's `beneficiary` actor: the transitions it may take are the
 *   machine's (submit, provide_info, withdraw), and no staff permission (`can()`) holds for it;
 * - the portal actor beside it, so every audit row carries the person's file (recordAudit).
 * Which records it may reach is the caller's rule: the portal services pass only the person's own id,
 * and check that every request id belongs to them before using it.
 */
export function beneficiaryActing(ctx: PortalContext): ActorContext {
  return {
    ...ctx,
    actor: {
      userId: null as unknown as string,
      organizationId: ctx.portal.organizationId,
      fullName: ctx.portal.fullName,
      email: '',
      roles: ['beneficiary' as StaffRole],
      sessionId: ctx.portal.sessionId,
    },
  };
}
