// Reads the audit log of the actor's organization (writing is platform/audit's recordAudit).
import { and, count, desc, eq, gte, ilike, lt, lte, or, type SQL } from 'drizzle-orm';
import type { AuditEvent, ListAuditQuery } from '../../../shared/contracts/audit';
import { auditEvents } from '../../platform/audit/audit.tables';
import { decodeIntegerCursor, encodeCursor, escapeLike } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';

export type AuditService = ReturnType<typeof createAuditService>;

export function createAuditService({ db }: { db: Db }) {
  return {
    async listAuditEvents(ctx: ActorContext, query: ListAuditQuery) {
      const filters: SQL[] = [eq(auditEvents.organizationId, ctx.actor.organizationId)];
      if (query.action) filters.push(eq(auditEvents.action, query.action));
      if (query.entityType) filters.push(eq(auditEvents.entityType, query.entityType));
      if (query.entityId) filters.push(eq(auditEvents.entityId, query.entityId));
      if (query.actorId) filters.push(eq(auditEvents.actorId, query.actorId));
      if (query.outcome) filters.push(eq(auditEvents.outcome, query.outcome));
      if (query.from) filters.push(gte(auditEvents.occurredAt, new Date(query.from)));
      if (query.to) filters.push(lte(auditEvents.occurredAt, new Date(query.to)));
      if (query.q) {
        const like = `%${escapeLike(query.q)}%`;
        filters.push(
          or(
            ilike(auditEvents.action, like),
            ilike(auditEvents.actorName, like),
            ilike(auditEvents.entityId, like),
          )!,
        );
      }
      const where = and(...filters);
      const after = decodeIntegerCursor(query.cursor);
      const rows = await db
        .select()
        .from(auditEvents)
        .where(after ? and(where, lt(auditEvents.id, after)) : where)
        .orderBy(desc(auditEvents.id))
        .limit(query.limit);
      const [total] = await db.select({ n: count() }).from(auditEvents).where(where);
      const items: AuditEvent[] = rows.map((r) => ({
        id: String(r.id),
        occurredAt: r.occurredAt.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        actorRoles: r.actorRoles,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        outcome: r.outcome,
        ip: r.ip,
        requestId: r.requestId,
        details: r.details,
      }));
      const last = rows.at(-1);
      return {
        items,
        total: total?.n ?? 0,
        nextCursor: rows.length === query.limit && last ? encodeCursor([last.id]) : null,
      };
    },
  };
}
