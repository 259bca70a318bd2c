import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../clock';
import type { Db, Tx } from '../db/database';
import { AppError } from '../http/errors';
import { loginThrottle } from './auth.tables';

// Per client address: at most this many failed sign-ins in the window, whatever the accounts.
export const maxFailuresPerAddress = 20;
export const throttleWindowMs = 15 * 60_000;

export async function assertNotThrottled(db: Db, key: string, clock: Clock): Promise<void> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (!row) return;
  const age = clock.now().getTime() - row.windowStartedAt.getTime();
  if (age < throttleWindowMs && row.failures >= maxFailuresPerAddress) {
    throw new AppError(429, 'TOO_MANY_ATTEMPTS', {
      retryAfterSeconds: Math.ceil((throttleWindowMs - age) / 1000),
    });
  }
}

export async function recordFailedAttempt(tx: Tx, key: string, clock: Clock): Promise<void> {
  await countInWindow(tx, key, clock);
}

/**
 * Counts one more event under `key` in a sliding window of `throttleWindowMs` (a new window once the old
 * one has passed); returns the count and when the window started.
 */
export async function countInWindow(
  tx: Tx,
  key: string,
  clock: Clock,
): Promise<{ count: number; windowStartedAt: Date }> {
  const now = clock.now();
  const windowStart = new Date(now.getTime() - throttleWindowMs);
  const [row] = await tx
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStartedAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then 1 else ${loginThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${loginThrottle.windowStartedAt} < ${windowStart} then ${now} else ${loginThrottle.windowStartedAt} end`,
      },
    })
    .returning();
  return { count: row!.failures, windowStartedAt: row!.windowStartedAt };
}
