import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { NotificationChannel } from '../../../shared/contracts/outbox';
import { type Clock, systemClock } from '../clock';
import type { Db, Tx } from '../db/database';
import { afterCommit, inTenant } from '../db/tenant';
import type { JobDefinition, Jobs } from '../jobs/jobs';
import { outboxMessages } from './outbox.tables';

export interface OutgoingMessage {
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  /** The association's SMS sender name, for gateways that show one. */
  sender?: string | null;
  /** The outbox id, for gateways that echo a reference of ours in their status reports. */
  id?: string;
}

/** What a gateway answered: its id of the message, matched later by its delivery receipts. */
export interface DeliveryReceipt {
  providerMessageId?: string | null;
}

/**
 * Where SMS, e-mail and WhatsApp messages leave the system. The default driver sends nothing: the
 * message stays recorded in the outbox, where staff (admin page) and tests read it. A real gateway
 * is another implementation of this interface.
 */
export interface NotificationDriver {
  name: string;
  /**
   * True when `deliver` hands the message to a gateway (status `sent`); false when it only keeps it
   * here (status `recorded`), so the outbox never claims a message went out when none did.
   */
  delivers: boolean;
  // biome-ignore lint/suspicious/noConfusingVoidType: drivers without a receipt simply return nothing.
  deliver(message: OutgoingMessage): Promise<void | DeliveryReceipt>;
  /** The driver that handles one channel, when it differs by channel (status and name are its). */
  driverFor?(channel: NotificationChannel): NotificationDriver;
}

export const recordingDriver: NotificationDriver = {
  name: 'database',
  delivers: false,
  async deliver() {},
};

export interface QueueNotification extends OutgoingMessage {
  organizationId: string;
  relatedType?: string;
  relatedId?: string;
  beneficiaryId?: string | null;
  /** Not handed to a gateway before this time (quiet hours); absent: at once. */
  notBefore?: Date | null;
}

/** Writes a message into the outbox in the caller's transaction; returns its id. */
export async function queueNotification(tx: Tx, input: QueueNotification): Promise<string> {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      organizationId: input.organizationId,
      channel: input.channel,
      recipient: input.recipient,
      sender: input.sender ?? null,
      subject: input.subject,
      body: input.body,
      relatedType: input.relatedType ?? null,
      relatedId: input.relatedId ?? null,
      beneficiaryId: input.beneficiaryId ?? null,
      notBefore: input.notBefore ?? null,
    })
    .returning({ id: outboxMessages.id });
  return row!.id;
}

export const deliverJobName = 'notifications.deliver';
export const sweepJobName = 'notifications.sweep';

/**
 * Asks the worker to deliver once the caller's transaction has committed (the worker must find the
 * message); if this fails, the periodic sweep delivers it later.
 */
export async function dispatchQueued(
  jobs: Jobs | null,
  ids: string[],
  options: { startAfter?: Date | null } = {},
): Promise<void> {
  if (!jobs || ids.length === 0) return;
  const startAfter = options.startAfter ?? undefined;
  afterCommit(() =>
    Promise.all(ids.map((messageId) => jobs.send(deliverJobName, { messageId }, { startAfter }))).catch(
      () => {},
    ),
  );
}

/**
 * Attempts before a message is `failed`: the first and pg-boss's five retries (jobs.ts), each counted on
 * the row, whoever makes it (the job, its retries, the sweep).
 */
export const maxDeliveryAttempts = 6;

/** Delivers one message, inside its association (the worker is told only the message id). */
export async function deliverMessage(
  db: Db,
  driver: NotificationDriver,
  messageId: string,
  clock: Clock = systemClock,
): Promise<void> {
  const { rows } = await db.execute<{ id: string | null }>(
    sql`select app_outbox_organization(${messageId}) as id`,
  );
  const organizationId = rows[0]?.id;
  if (!organizationId) return;
  // A failed attempt is recorded (committed) before the job is failed for pg-boss to retry.
  const failure = await inTenant(db, { organizationId, userId: null }, () =>
    deliverInTenant(db, driver, messageId, clock),
  );
  if (failure) throw failure.error;
}

async function deliverInTenant(
  db: Db,
  driver: NotificationDriver,
  messageId: string,
  clock: Clock,
): Promise<{ error: unknown } | undefined> {
  const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, messageId));
  // Only a queued message leaves, and not before its quiet hours end (the sweep brings it then).
  if (message?.status !== 'queued') return;
  if (message.notBefore && message.notBefore > clock.now()) return;
  return sendAndRecord(db, driver, message);
}

/** Hands one outbox message to its channel's driver and records the outcome on the row. */
async function sendAndRecord(
  db: Db,
  driverOfAll: NotificationDriver,
  message: typeof outboxMessages.$inferSelect,
  body: string = message.body,
): Promise<{ error: unknown } | undefined> {
  const messageId = message.id;
  const driver = driverOfAll.driverFor?.(message.channel) ?? driverOfAll;
  try {
    const receipt = await driver.deliver({ ...message, body });
    await db
      .update(outboxMessages)
      .set({
        status: driver.delivers ? 'sent' : 'recorded',
        driver: driver.name,
        sentAt: driver.delivers ? sql`now()` : null,
        attempts: sql`${outboxMessages.attempts} + 1`,
        lastError: null,
        providerMessageId: receipt?.providerMessageId ?? null,
      })
      .where(eq(outboxMessages.id, messageId));
  } catch (err) {
    const attempts = message.attempts + 1;
    await db
      .update(outboxMessages)
      .set({
        status: attempts >= maxDeliveryAttempts ? 'failed' : 'queued',
        attempts,
        driver: driver.name,
        lastError: String(err).slice(0, 500),
      })
      .where(eq(outboxMessages.id, messageId));
    return { error: err };
  }
  return undefined;
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
      // Across associations, so through its named database function.
      const { rows: stale } = await db.execute<{ id: string }>(
        sql`select id from app_stale_outbox_messages(500)`,
      );
      await dispatchQueued(
        jobs,
        stale.map((s) => s.id),
      );
    },
  };
  return [deliver, sweep];
}

/**
 * A message whose text must not be kept (a one-time code): the outbox row holds `maskedBody`, the
 * driver is handed `body` once, right after the caller's transaction commits, inside the association.
 * The sweep never re-sends such rows (related type `portal_code`); a failure leaves the row `queued`
 * then `failed`, and the person asks for a new code.
 */
export function deliverSecretAfterCommit(
  db: Db,
  driver: NotificationDriver,
  input: { organizationId: string; messageId: string; body: string },
): void {
  // Not awaited: the answer must not wait for (or time) the gateway, or its delay would tell whether a
  // code was sent at all.
  afterCommit(() => void sendSecret(db, driver, input));
}

async function sendSecret(
  db: Db,
  driver: NotificationDriver,
  input: { organizationId: string; messageId: string; body: string },
): Promise<void> {
  try {
    await inTenant(db, { organizationId: input.organizationId, userId: null }, async () => {
      const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, input.messageId));
      if (message?.status !== 'queued') return;
      const failure = await sendAndRecord(db, driver, message, input.body);
      if (failure) {
        await db
          .update(outboxMessages)
          .set({ status: 'failed' })
          .where(eq(outboxMessages.id, input.messageId));
      }
    });
  } catch {
    // Recorded on the row when it could be; the person can ask for another code.
  }
}
