// The day-before reminder of counter visits (pg-boss, every 30 minutes): each booked visit starting in
// the next 24 hours is reminded once, across associations, each inside its own association.
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { MessagingService } from '../messaging/messaging.service';
import type { OrganizationService } from '../organizations/organizations.service';
import { dueForReminder, organizationsWithDueAppointments, setAppointment } from './appointments.repository';
import { minute, whenText } from './appointments.service';

export const appointmentReminderJobName = 'appointments.remind';

export function createAppointmentReminders(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  messaging: MessagingService;
}) {
  const { db, clock, organizations, messaging } = deps;
  return {
    /** Reminds every booked visit of the next 24 hours once; returns how many were reminded. */
    async remindDue() {
      const now = clock.now();
      const until = new Date(now.getTime() + 24 * 60 * minute);
      let reminded = 0;
      for (const organizationId of await organizationsWithDueAppointments(db, now, until)) {
        await inTenant(db, { organizationId, userId: null }, async () => {
          const org = await organizations.getOrganization(organizationId, db);
          for (const row of await dueForReminder(db, organizationId, now, until)) {
            await messaging.notifyBeneficiary(db, {
              organizationId,
              beneficiaryId: row.beneficiaryId,
              template: 'appointment_reminder',
              variables: {
                when: whenText(org, row.startsAt),
                service: row.serviceAr
                  ? { ar: row.serviceAr, en: row.serviceEn ?? row.serviceAr }
                  : { ar: 'مراجعة', en: 'a visit' },
              },
              purpose: 'service',
              relatedType: 'appointment',
              relatedId: row.id,
            });
            await setAppointment(db, organizationId, row.id, { remindedAt: now });
            reminded += 1;
          }
        });
      }
      return reminded;
    },
  };
}

export function appointmentJobs(reminders: ReturnType<typeof createAppointmentReminders>): JobDefinition[] {
  return [
    {
      name: appointmentReminderJobName,
      payloadSchema: z.object({}).loose(),
      cron: '*/30 * * * *',
      async handler() {
        await reminders.remindDue();
      },
    },
  ];
}
