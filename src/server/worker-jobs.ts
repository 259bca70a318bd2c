import {
  appointmentJobs,
  appointmentReminderJobName,
  createAppointmentReminders,
} from './modules/appointments/appointment-reminders';
import { complaintEscalationJobName, complaintJobs } from './modules/complaints/complaint-escalation';
import { createDashboardsService } from './modules/dashboards/dashboards.service';
import { createMessagingService } from './modules/messaging/messaging.service';
import {
  createOutreachService,
  expiringDocumentsJobName,
  outreachJobs,
} from './modules/messaging/outreach.service';
import { createOrganizationService } from './modules/organizations/organizations.service';
import {
  createPolicyReminders,
  policyReminderJobName,
  policyReminderJobs,
} from './modules/policies/policy-reminders';
import {
  createMonthlyReports,
  monthlyReportJobName,
  monthlyReportJobs,
} from './modules/reports/monthly-report';
import { createSurveyInvitationService } from './modules/surveys/invitations.service';
import {
  createPeriodicSurveys,
  periodicSurveyJobs,
  periodicSurveysJobName,
} from './modules/surveys/periodic-surveys';
import { createResultsService } from './modules/surveys/results.service';
import { sessionJobs, sessionSweepJobName } from './platform/auth/session-jobs';
import type { Logger, OpenedDatabase } from './platform/boot';
import { systemClock } from './platform/clock';
import { type Jobs, startJobs } from './platform/jobs/jobs';
import { type NotificationDriver, notificationJobs } from './platform/notifications/notifications';

const queues = [
  'notifications.deliver',
  'notifications.sweep',
  sessionSweepJobName,
  complaintEscalationJobName,
  expiringDocumentsJobName,
  appointmentReminderJobName,
  periodicSurveysJobName,
  policyReminderJobName,
  monthlyReportJobName,
];

/** Starts the job queue; with `work`, this process also consumes the jobs. */
export async function startWorkerJobs(
  opened: OpenedDatabase,
  log: Logger,
  work: boolean,
  driver: NotificationDriver,
): Promise<{ jobs: Jobs; stopJobs(): Promise<void> }> {
  const jobs = await startJobs({ connectionString: opened.connectionString, log, worker: work, queues });
  if (work) {
    await jobs.work([
      ...notificationJobs(opened.database.db, driver, jobs),
      ...sessionJobs(opened.database.db),
      ...complaintJobs(opened.database.db, systemClock),
      ...outreachJobs(outreachService(opened, jobs)),
      ...appointmentJobs(appointmentReminders(opened, jobs)),
      ...periodicSurveyJobs(periodicSurveys(opened, jobs)),
      ...policyReminderJobs(policyReminders(opened, jobs)),
      ...monthlyReportJobs(monthlyReports(opened, jobs)),
    ]);
  }
  return { jobs, stopJobs: () => jobs.stop() };
}

/** The daily outreach (expiring documents), on the same services the app builds. */
function outreachService(opened: OpenedDatabase, jobs: Jobs) {
  const db = opened.database.db;
  const organizations = createOrganizationService({ db });
  const messaging = createMessagingService({
    db,
    clock: systemClock,
    jobs,
    organizations,
    publicUrl: process.env.PUBLIC_URL || undefined,
  });
  return createOutreachService({ db, clock: systemClock, organizations, messaging });
}

/** The day-before reminders of counter visits, on the same services the app builds. */
function appointmentReminders(opened: OpenedDatabase, jobs: Jobs) {
  const db = opened.database.db;
  const organizations = createOrganizationService({ db });
  const messaging = createMessagingService({
    db,
    clock: systemClock,
    jobs,
    organizations,
    publicUrl: process.env.PUBLIC_URL || undefined,
  });
  return createAppointmentReminders({ db, clock: systemClock, organizations, messaging });
}

/** The daily periodic satisfaction surveys, on the same services the app builds. */
function periodicSurveys(opened: OpenedDatabase, jobs: Jobs) {
  const db = opened.database.db;
  const organizations = createOrganizationService({ db });
  const publicUrl = process.env.PUBLIC_URL || undefined;
  const messaging = createMessagingService({ db, clock: systemClock, jobs, organizations, publicUrl });
  const invitations = createSurveyInvitationService({ db, clock: systemClock, messaging, publicUrl });
  return createPeriodicSurveys({ db, clock: systemClock, organizations, invitations });
}

/** The daily reminders to acknowledge a published policy, on the same services the app builds. */
function policyReminders(opened: OpenedDatabase, jobs: Jobs) {
  const db = opened.database.db;
  const organizations = createOrganizationService({ db });
  const publicUrl = process.env.PUBLIC_URL || undefined;
  const messaging = createMessagingService({ db, clock: systemClock, jobs, organizations, publicUrl });
  return createPolicyReminders({ db, clock: systemClock, organizations, messaging });
}

/** The monthly report to managers, on the same services the app builds. */
function monthlyReports(opened: OpenedDatabase, jobs: Jobs) {
  const db = opened.database.db;
  const organizations = createOrganizationService({ db });
  const publicUrl = process.env.PUBLIC_URL || undefined;
  const messaging = createMessagingService({ db, clock: systemClock, jobs, organizations, publicUrl });
  const results = createResultsService({ db, clock: systemClock, organizations });
  const dashboards = createDashboardsService({ db, clock: systemClock, organizations, results });
  return createMonthlyReports({ db, clock: systemClock, organizations, dashboards, messaging, publicUrl });
}
