// Lists the notification outbox of the actor's organization: what was (or would be) sent, to whom.
import { and, count, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { ListOutboxQuery, OutboxMessage } from '../../../shared/contracts/outbox';
import { decodeInstantIdCursor, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

export type OutboxService = ReturnType<typeof createOutboxService>;

export function createOutboxService({ db }: { db: Db }) {
  return {
    async listOutbox(ctx: ActorContext, query: ListOutboxQuery) {
      const filters: SQL[] = [eq(outboxMessages.organizationId, ctx.actor.organizationId)];
      if (query.channel) filters.push(eq(outboxMessages.channel, query.channel));
      if (query.status) filters.push(eq(outboxMessages.status, query.status));
      if (query.q) filters.push(eq(outboxMessages.recipient, query.q));
      const where = and(...filters);
      const after = decodeInstantIdCursor(query.cursor);
      const page = after
        ? and(
            where,
            or(
              lt(outboxMessages.createdAt, after.at),
              and(eq(outboxMessages.createdAt, after.at), lt(outboxMessages.id, after.id)),
            ),
          )
        : where;
      const rows = await db
        .select()
        .from(outboxMessages)
        .where(page)
        .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
        .limit(query.limit);
      const [total] = await db.select({ n: count() }).from(outboxMessages).where(where);
      const items: OutboxMessage[] = rows.map((r) => ({
        id: r.id,
        channel: r.channel,
        recipient: r.recipient,
        subject: r.subject,
        body: r.body,
        status: r.status,
        driver: r.driver,
        attempts: r.attempts,
        lastError: r.lastError,
        relatedType: r.relatedType,
        relatedId: r.relatedId,
        createdAt: r.createdAt.toISOString(),
        sentAt: r.sentAt?.toISOString() ?? null,
        notBefore: r.notBefore?.toISOString() ?? null,
        deliveredAt: r.deliveredAt?.toISOString() ?? null,
        providerMessageId: r.providerMessageId,
      }));
      const last = rows.at(-1);
      return {
        items,
        total: total?.n ?? 0,
        nextCursor:
          rows.length === query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },
  };
}
