import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { NotificationChannel } from '../../../shared/contracts/outbox';
import type { Db, Tx } from '../db/database';
import type { JobDefinition, Jobs } from '../jobs/jobs';
import { outboxMessages } from './outbox.tables';

export interface OutgoingMessage {
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body: string;
}

/**
 * Where SMS, e-mail and WhatsApp messages leave the system. The default driver sends nothing: the
 * message stays recorded in the outbox, where staff (admin page) and tests read it. A real gateway
 * is another implementation of this interface.
 */
export interface NotificationDriver {
  name: string;
  deliver(message: OutgoingMessage): Promise<void>;
}

export const recordingDriver: NotificationDriver = {
  name: 'database',
  async deliver() {},
};

export interface QueueNotification extends OutgoingMessage {
  organizationId: string;
  relatedType?: string;
  relatedId?: string;
}

/** Writes a message into the outbox in the caller's transaction; returns its id. */
export async function queueNotification(tx: Tx, input: QueueNotification): Promise<string> {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      organizationId: input.organizationId,
      channel: input.channel,
      recipient: input.recipient,
      subject: input.subject,
      body: input.body,
      relatedType: input.relatedType ?? null,
      relatedId: input.relatedId ?? null,
    })
    .returning({ id: outboxMessages.id });
  return row!.id;
}

export const deliverJobName = 'notifications.deliver';
export const sweepJobName = 'notifications.sweep';

/** Asks the worker to deliver now; if this fails, the periodic sweep delivers it later. */
export async function dispatchQueued(jobs: Jobs | null, ids: string[]): Promise<void> {
  if (!jobs) return;
  await Promise.all(ids.map((messageId) => jobs.send(deliverJobName, { messageId }))).catch(() => {});
}

export async function deliverMessage(db: Db, driver: NotificationDriver, messageId: string): Promise<void> {
  const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, messageId));
  if (!message || message.status === 'sent') return;
  try {
    await driver.deliver(message);
    await db
      .update(outboxMessages)
      .set({
        status: 'sent',
        driver: driver.name,
        sentAt: sql`now()`,
        attempts: sql`${outboxMessages.attempts} + 1`,
      })
      .where(eq(outboxMessages.id, messageId));
  } catch (err) {
    const attempts = message.attempts + 1;
    await db
      .update(outboxMessages)
      .set({ status: attempts >= 5 ? 'failed' : 'queued', attempts, lastError: String(err).slice(0, 500) })
      .where(eq(outboxMessages.id, messageId));
    throw err;
  }
}

export function notificationJobs(db: Db, driver: NotificationDriver, jobs: Jobs): JobDefinition[] {
  const deliver: JobDefinition = {
    name: deliverJobName,
    payloadSchema: z.object({ messageId: z.uuid() }),
    handler: ({ messageId }) => deliverMessage(db, driver, messageId),
  };
  const sweep: JobDefinition = {
    name: sweepJobName,
    payloadSchema: z.object({}).loose(),
    cron: '* * * * *',
    async handler() {
      const stale = await db
        .select({ id: outboxMessages.id })
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.status, 'queued'),
            lt(outboxMessages.createdAt, sql`now() - interval '30 seconds'`),
          ),
        )
        .limit(500);
      await dispatchQueued(
        jobs,
        stale.map((s) => s.id),
      );
    },
  };
  return [deliver, sweep];
}
