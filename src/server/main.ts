// `npm start`: the HTTP server, with its embedded PostgreSQL unless DATABASE_URL is set, and the
// job worker inside it unless WORKER=off (then run `npm run worker` separately).
import path from 'node:path';
import { createLogger, onShutdownSignal, openDatabase } from './platform/boot';
import { loadConfig } from './platform/config';

const started = Date.now();
// When each step of the start was done (ms after the process began its own code), in the "ready" line.
const phases: Record<string, number> = {};
const mark = (name: string) => {
  phases[name] = Date.now() - started;
};
const config = loadConfig();
const log = createLogger(config);

// PostgreSQL starts (another process) while this one loads the application's modules: the two take
// about as long as each other, so the start takes the longer of them instead of their sum (issue 15).
const opening = openDatabase(config, log).then((opened) => {
  mark('database');
  return opened;
});
opening.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
try {
  const [
    { buildApp },
    { createLocalStorage },
    { notificationDriverFor },
    { startWorkerJobs },
    { whenStarted },
  ] = await Promise.all([
    import('./app'),
    import('./platform/files/storage'),
    import('./platform/notifications/sms-drivers'),
    import('./worker-jobs'),
    import('./platform/jobs/jobs'),
  ]).catch(async (err) => {
    await (await opening.catch(() => null))?.close(); // a module failed to load: stop PostgreSQL again
    throw err;
  });
  mark('modules');
  const opened = await opening;
  const notificationDriver = notificationDriverFor(config);
  // The job queue starts (mostly waiting on the database) while the routes are built (CPU).
  const jobsStarting = startWorkerJobs(opened, log, config.WORKER === 'inline', notificationDriver).then(
    (started) => {
      mark('jobs');
      return started;
    },
  );
  const app = await buildApp({
    database: opened.database,
    storage: createLocalStorage(path.join(config.dataDir, 'files')),
    jobs: whenStarted(jobsStarting.then((started) => started.jobs)),
    notificationDriver,
    ...(config.WEB_ROOT ? { webRoot: path.resolve(config.WEB_ROOT) } : {}),
    logLevel: config.LOG_LEVEL,
    secureCookies: config.COOKIE_SECURE,
    sessionTtlHours: config.SESSION_TTL_HOURS,
  });
  mark('app');
  const { stopJobs } = await jobsStarting.catch(async (err) => {
    await opened.close();
    throw err;
  });
  onShutdownSignal(log, async () => {
    await app.close(); // stop accepting, let requests in flight finish
    await stopJobs();
    await opened.close();
  });
  const address = await app.listen({ host: config.HOST, port: config.PORT });
  log.info(
    { address, startupMs: Date.now() - started, phases, worker: config.WORKER, sms: notificationDriver.name },
    `Wasl is ready at ${address}`,
  );
} catch (err) {
  log.fatal({ err }, 'Wasl could not start');
  process.exit(1);
}
