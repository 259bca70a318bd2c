import PgBoss from 'pg-boss';
import type { z } from 'zod';

/** A background job: its name, the schema of its payload and what it does. */
export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  payloadSchema: S;
  handler(payload: z.infer<S>): Promise<void>;
  /** Cron schedule (UTC), for periodic jobs. */
  cron?: string;
}

export interface Jobs {
  /** `startAfter`: not before this time (e.g. a message written in quiet hours). */
  send(name: string, payload: object, options?: { startAfter?: Date }): Promise<void>;
  /** Starts consuming the given jobs in this process. */
  work(definitions: JobDefinition[]): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A `Jobs` usable before the queue has started: each call waits for it. The server builds its routes while
 * pg-boss starts (issue 15: a 3-second start); a job sent by a request in that moment waits for the queue.
 */
export function whenStarted(starting: Promise<Jobs>): Jobs {
  starting.catch(() => {}); // the starter awaits it and reports the failure
  return {
    send: async (name, payload, options) => (await starting).send(name, payload, options),
    work: async (definitions) => (await starting).work(definitions),
    stop: async () => (await starting).stop(),
  };
}

interface Logger {
  error(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
}

/**
 * pg-boss on the application's PostgreSQL. Every process can send; only processes that call `work`
 * (the server with WORKER=inline, or `npm run worker`) consume, supervise and run schedules.
 */
export async function startJobs(options: {
  connectionString: string;
  log: Logger;
  worker: boolean;
  queues: string[];
}): Promise<Jobs> {
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema: 'pgboss',
    max: 4,
    supervise: options.worker,
    schedule: options.worker,
    application_name: 'wasl-jobs',
  } as PgBoss.ConstructorOptions);
  boss.on('error', (err) => options.log.error({ err }, 'job queue error'));
  await boss.start();
  for (const queue of options.queues) await boss.createQueue(queue);

  return {
    async send(name, payload, options = {}) {
      await boss.send(name, payload, {
        retryLimit: 5,
        retryDelay: 10,
        retryBackoff: true,
        ...(options.startAfter ? { startAfter: options.startAfter } : {}),
      });
    },
    async work(definitions) {
      for (const def of definitions) {
        await boss.work(def.name, { pollingIntervalSeconds: 1 }, async (jobs) => {
          for (const job of jobs) {
            const payload = def.payloadSchema.parse(job.data);
            await def.handler(payload);
          }
        });
        if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
}
