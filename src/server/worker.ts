// `npm run worker`: a job worker on its own, for scale-out (run servers with WORKER=off).
import { createLogger, onShutdownSignal, openDatabase } from './platform/boot';
import { loadConfig } from './platform/config';
import { notificationDriverFor } from './platform/notifications/sms-drivers';
import { startWorkerJobs } from './worker-jobs';

const config = loadConfig();
const log = createLogger(config);
try {
  const opened = await openDatabase(config, log);
  const { stopJobs } = await startWorkerJobs(opened, log, true, notificationDriverFor(config));
  onShutdownSignal(log, async () => {
    await stopJobs();
    await opened.close();
  });
  log.info('Wasl worker is running');
} catch (err) {
  log.fatal({ err }, 'Wasl worker could not start');
  process.exit(1);
}
