// Periodic surveys: once a day, each active `periodic` survey asks the people served in its last
// `periodDays` (a delivery of its service, or of any) who were not asked it within those days.
import { z } from 'zod';
import { localDate } from '../../../shared/calendar';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { OrganizationService } from '../organizations/organizations.service';
import type { SurveyInvitationService } from './invitations.service';
import {
  activePeriodicSurveys,
  dueForPeriodicSurvey,
  organizationsForPeriodicSurveys,
} from './periodic.repository';

export const periodicSurveysJobName = 'surveys.periodic';
const dayMs = 86_400_000;

export type PeriodicSurveys = ReturnType<typeof createPeriodicSurveys>;

export function createPeriodicSurveys(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  invitations: Pick<SurveyInvitationService, 'inviteTo'>;
}) {
  const { db, clock, organizations, invitations } = deps;

  async function inviteOrganization(organizationId: string): Promise<number> {
    return inTenant(db, { organizationId, userId: null }, async () => {
      const org = await organizations.getOrganization(organizationId, db);
      let sent = 0;
      for (const survey of await activePeriodicSurveys(db, organizationId)) {
        const days = survey.survey.periodDays ?? 30;
        const instant = new Date(clock.now().getTime() - days * dayMs);
        const since = { instant, date: localDate(instant, org.settings.timeZone) };
        for (const due of await dueForPeriodicSurvey(db, organizationId, survey.survey, since)) {
          await invitations.inviteTo(db, survey, {
            organizationId,
            beneficiaryId: due.beneficiaryId,
            serviceId: due.serviceId,
            staffId: due.staffId,
            relatedType: 'delivery',
            relatedId: due.deliveryId,
          });
          sent += 1;
        }
      }
      return sent;
    });
  }

  return {
    /** Every association, each in its own scope; returns how many were invited. */
    async run(): Promise<number> {
      let total = 0;
      for (const id of await organizationsForPeriodicSurveys(db)) total += await inviteOrganization(id);
      return total;
    },
  };
}

/** The daily job (07:00 UTC, 10:00 in Riyadh: after the default quiet hours). */
export function periodicSurveyJobs(periodic: PeriodicSurveys): JobDefinition[] {
  return [
    {
      name: periodicSurveysJobName,
      payloadSchema: z.object({}).loose(),
      cron: '0 7 * * *',
      async handler() {
        await periodic.run();
      },
    },
  ];
}
