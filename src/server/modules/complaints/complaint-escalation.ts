// Escalation to the manager (تصعيد): a complaint or suggestion still unanswered past its due time (set on
// the working calendar when it was made) is marked escalated once, with an audit event; the manager's
// list and home page show it. Runs every 15 minutes over every association, each in its own scope.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { RequestContext } from '../../platform/http/context';
import type { JobDefinition } from '../../platform/jobs/jobs';
import { markOverdueEscalated } from './complaints.repository';

export const complaintEscalationJobName = 'complaints.escalate';

const systemContext: RequestContext = { actor: null, ip: null, requestId: null, language: 'ar' };

/** Escalates what is overdue now in every association; returns how many complaints it escalated. */
export async function escalateOverdueComplaints(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const { rows } = await db.execute<{ id: string }>(
    sql`select app_complaint_escalation_organizations() as id`,
  );
  let escalated = 0;
  for (const { id: organizationId } of rows) {
    escalated += await inTenant(db, { organizationId, userId: null }, async () => {
      const marked = await markOverdueEscalated(db, organizationId, now);
      for (const complaint of marked) {
        await recordAudit(db, systemContext, {
          organizationId,
          actorName: 'system',
          action: 'complaints.escalate',
          entityType: 'complaint',
          entityId: complaint.id,
          details: { dueAt: complaint.dueAt.toISOString() },
        });
      }
      return marked.length;
    });
  }
  return escalated;
}

export function complaintJobs(db: Db, clock: Clock): JobDefinition[] {
  return [
    {
      name: complaintEscalationJobName,
      payloadSchema: z.object({}).loose(),
      cron: '*/15 * * * *',
      handler: async () => {
        await escalateOverdueComplaints(db, clock);
      },
    },
  ];
}
