import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/database';
import type { JobDefinition } from '../jobs/jobs';

export const sessionSweepJobName = 'sessions.sweep';

/** Deletes expired staff and portal sessions of every association, through their named functions. */
export async function sweepExpiredSessions(db: Db): Promise<{ staff: number; portal: number }> {
  const { rows: staff } = await db.execute<{ n: number }>(sql`select app_delete_expired_sessions() as n`);
  const { rows: portal } = await db.execute<{ n: number }>(
    sql`select app_delete_expired_portal_sessions() as n`,
  );
  return { staff: Number(staff[0]?.n ?? 0), portal: Number(portal[0]?.n ?? 0) };
}

/** Every hour: an expired session is refused anyway; this only keeps the tables small. */
export function sessionJobs(db: Db): JobDefinition[] {
  return [
    {
      name: sessionSweepJobName,
      payloadSchema: z.object({}).loose(),
      cron: '17 * * * *',
      handler: async () => {
        await sweepExpiredSessions(db);
      },
    },
  ];
}
