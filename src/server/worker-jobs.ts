import { sessionJobs, sessionSweepJobName } from './platform/auth/session-jobs';
import type { Logger, OpenedDatabase } from './platform/boot';
import { type Jobs, startJobs } from './platform/jobs/jobs';
import { type NotificationDriver, notificationJobs } from './platform/notifications/notifications';

const queues = ['notifications.deliver', 'notifications.sweep', sessionSweepJobName];

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
    ]);
  }
  return { jobs, stopJobs: () => jobs.stop() };
}
