import type { Tx } from '../db/database';
import { noteAuditWritten } from '../db/tenant';
import type { RequestContext } from '../http/context';
import { auditEvents } from './audit.tables';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  outcome?: 'success' | 'denied' | 'failure';
  details?: Record<string, unknown>;
  /** Needed when there is no signed-in actor yet (setup, failed sign-in). */
  organizationId?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  actorRoles?: string[];
}

/**
 * Writes one audit event. Call it with the transaction of the change it records, so that the change
 * and its audit row commit or roll back together. Details must not carry secrets.
 */
export async function recordAudit(tx: Tx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
    organizationId: entry.organizationId ?? ctx.actor?.organizationId ?? ctx.portal?.organizationId ?? null,
    actorId: entry.actorId ?? ctx.actor?.userId ?? null,
    actorName: entry.actorName ?? ctx.actor?.fullName ?? ctx.portal?.fullName ?? null,
    // A beneficiary acting in the portal is recorded as such, with their file in the details.
    actorRoles: entry.actorRoles ?? ctx.actor?.roles ?? (ctx.portal ? ['beneficiary'] : []),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    outcome: entry.outcome ?? 'success',
    ip: ctx.ip,
    requestId: ctx.requestId,
    details: ctx.portal
      ? { ...(entry.details ?? {}), portalBeneficiaryId: ctx.portal.beneficiaryId }
      : (entry.details ?? {}),
  });
  noteAuditWritten();
}
