import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { inTenant } from '../db/tenant';
import { outboxMessages } from './outbox.tables';

/** What a gateway reported about a message it had taken (WhatsApp status webhook). */
export interface DeliveryReceiptReport {
  /** Our outbox id, as the gateway echoes it back (WhatsApp: biz_opaque_callback_data). */
  messageId: string;
  /** The gateway's id of the message: must match the one it answered with when it took the message. */
  providerMessageId: string;
  outcome: 'delivered' | 'failed';
  error?: string | null;
}

/**
 * Turns a message handed to a gateway (`sent`) into `delivered` or `failed`, inside its association.
 * A report for an unknown message, or whose gateway id does not match, changes nothing (false). A
 * `delivered` message stays delivered whatever comes later (reports may arrive out of order).
 */
export async function recordDeliveryReceipt(db: Db, report: DeliveryReceiptReport): Promise<boolean> {
  const { rows } = await db.execute<{ id: string | null }>(
    sql`select app_outbox_organization(${report.messageId}) as id`,
  );
  const organizationId = rows[0]?.id;
  if (!organizationId) return false;
  return inTenant(db, { organizationId, userId: null }, async () => {
    const changed = await db
      .update(outboxMessages)
      .set(
        report.outcome === 'delivered'
          ? { status: 'delivered', deliveredAt: sql`now()` }
          : { status: 'failed', lastError: (report.error ?? 'failed').slice(0, 500) },
      )
      .where(
        and(
          eq(outboxMessages.id, report.messageId),
          eq(outboxMessages.providerMessageId, report.providerMessageId),
          inArray(outboxMessages.status, report.outcome === 'delivered' ? ['sent'] : ['sent', 'queued']),
        ),
      )
      .returning({ id: outboxMessages.id });
    if (changed.length > 0) return true;
    // Already in that state (a repeated report) is still a known message.
    const [known] = await db
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(
        and(
          eq(outboxMessages.id, report.messageId),
          eq(outboxMessages.providerMessageId, report.providerMessageId),
        ),
      );
    return Boolean(known);
  });
}
