// `npm start`: the HTTP server, with its embedded PostgreSQL unless DATABASE_URL is set, and the
// job worker inside it unless WORKER=off (then run `npm run worker` separately).
import path from 'node:path';
import { buildApp } from './app';
import { createLogger, onShutdownSignal, openDatabase } from './platform/boot';
import { loadConfig } from './platform/config';
import { createLocalStorage } from './platform/files/storage';
import { notificationDriverFor } from './platform/notifications/sms-drivers';
import { startWorkerJobs } from './worker-jobs';

const started = Date.now();
const config = loadConfig();
const log = createLogger(config);

try {
  const opened = await openDatabase(config, log);
  const notificationDriver = notificationDriverFor(config);
  const { jobs, stopJobs } = await startWorkerJobs(
    opened,
    log,
    config.WORKER === 'inline',
    notificationDriver,
  );
  const app = await buildApp({
    database: opened.database,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
    jobs,
    notificationDriver,
    ...(config.WEB_ROOT ? { webRoot: path.resolve(config.WEB_ROOT) } : {}),
    logLevel: config.LOG_LEVEL,
    secureCookies: config.COOKIE_SECURE,
    sessionTtlHours: config.SESSION_TTL_HOURS,
  });
  onShutdownSignal(log, async () => {
    await app.close(); // stop accepting, let requests in flight finish
    await stopJobs();
    await opened.close();
  });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  log.info(
    { address, startupMs: Date.now() - started, worker: config.WORKER, sms: notificationDriver.name },
    `Wasl is ready at ${address}`,
  );
} catch (err) {
  log.fatal({ err }, 'Wasl could not start');
  process.exit(1);
}
