// The daily reminders. A published policy: each active staff member who has not acknowledged it gets an
// e-mail (through messaging), at most once per version per day — the day on the association's calendar.
// A review date that has come: those who manage the policies are told once (again for a new date).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { formatDualDate } from '../../../shared/dates';
import { permissionTable } from '../../../shared/permissions';
import type { Clock } from '../../platform/clock';
import { localToday } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { MessagingService } from '../messaging/messaging.service';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  activeStaffWithRoles,
  claimReminder,
  claimReviewReminder,
  documentsDueForReview,
  publishedVersions,
  staffAcknowledgements,
} from './policies.repository';

export const policyReminderJobName = 'policies.acknowledgement-reminders';

export type PolicyReminders = ReturnType<typeof createPolicyReminders>;

async function organizationsForReminders(db: Db): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`select app_organizations_for_policy_reminders() as id`);
  return result.rows.map((r) => r.id);
}

export function createPolicyReminders(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  messaging: Pick<MessagingService, 'notifyAddress'>;
}) {
  const { db, clock, organizations, messaging } = deps;

  /** One association, in its own scope; returns how many were reminded. */
  function remindOrganization(organizationId: string): Promise<number> {
    return inTenant(db, { organizationId, userId: null }, async () => {
      const org = await organizations.getOrganization(organizationId, db);
      const day = localToday(clock, org.settings.timeZone);
      let sent = 0;
      for (const { version, document } of await publishedVersions(db, organizationId)) {
        for (const staff of await staffAcknowledgements(db, organizationId, version.id)) {
          if (staff.acknowledgedAt !== null) continue;
          if (
            !(await claimReminder(db, { organizationId, versionId: version.id, userId: staff.userId, day }))
          )
            continue;
          await messaging.notifyAddress(db, {
            organizationId,
            channel: 'email',
            recipient: staff.email,
            language: 'ar',
            template: 'policy_acknowledgement',
            variables: {
              title: { ar: document.titleAr, en: document.titleEn },
              version: String(version.number),
            },
            relatedType: 'policy_version',
            relatedId: version.id,
          });
          sent += 1;
        }
      }
      return sent + (await remindReviews(organizationId, day, org.settings.timeZone));
    });
  }

  /** A document whose review date has come: those who manage the policies are told, once per date. */
  async function remindReviews(organizationId: string, day: string, timeZone: string): Promise<number> {
    let sent = 0;
    for (const document of await documentsDueForReview(db, organizationId, day)) {
      if (!(await claimReviewReminder(db, organizationId, document.id, document.reviewDate!))) continue;
      const date = (language: 'ar' | 'en') =>
        formatDualDate(`${document.reviewDate}T12:00:00Z`, language, { timeZone }).gregorian;
      for (const staff of await activeStaffWithRoles(
        db,
        organizationId,
        permissionTable['policies.manage'],
      )) {
        await messaging.notifyAddress(db, {
          organizationId,
          channel: 'email',
          recipient: staff.email,
          language: 'ar',
          template: 'policy_review_due',
          variables: {
            title: { ar: document.titleAr, en: document.titleEn },
            date: { ar: date('ar'), en: date('en') },
          },
          relatedType: 'policy_document',
          relatedId: document.id,
        });
        sent += 1;
      }
    }
    return sent;
  }

  return {
    remindOrganization,
    /** Every association; returns how many staff members were reminded. */
    async run(): Promise<number> {
      let total = 0;
      for (const id of await organizationsForReminders(db)) total += await remindOrganization(id);
      return total;
    },
  };
}

/** The daily job (06:00 UTC, 09:00 in Riyadh: the start of the working day). */
export function policyReminderJobs(reminders: PolicyReminders): JobDefinition[] {
  return [
    {
      name: policyReminderJobName,
      payloadSchema: z.object({}).loose(),
      cron: '0 6 * * *',
      async handler() {
        await reminders.run();
      },
    },
  ];
}
