import pino from 'pino';
import type { Config } from './config';
import { appConnectionString, assertAppRoleIsBound, grantAppRole, provisionAppRole } from './db/app-role';
import { connectDatabase, type Database, migrateDatabase, waitForDatabase } from './db/database';
import { type EmbeddedPostgres, startEmbeddedPostgres } from './db/embedded-postgres';

export type Logger = pino.Logger;

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({ level: config.LOG_LEVEL, base: { app: 'wasl' } });
}

export interface OpenedDatabase {
  /** Connected as the application role: every query bound by row-level security. */
  database: Database;
  /** The owner's connection string (migrations, the job queue's own schema, the data generator). */
  connectionString: string;
  embedded: EmbeddedPostgres | null;
  close(): Promise<void>;
}

/**
 * The database the process runs on: DATABASE_URL when given, otherwise the embedded PostgreSQL in
 * DATA_DIR (started, or shared with the Wasl process that owns it). Migrations are applied under a lock.
 */
export async function openDatabase(config: Config, log: Logger): Promise<OpenedDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let connectionString = config.DATABASE_URL;
  if (!connectionString) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.EMBEDDED_PG_PORT, log });
    connectionString = embedded.connectionString;
  }
  const ownerUrl = connectionString;
  let database: Database | null = null;
  try {
    const owner = connectDatabase(ownerUrl, 1);
    try {
      await waitForDatabase(owner.pool);
    } finally {
      await owner.close().catch(() => {});
    }
    const appRole = config.DATABASE_APP_URL
      ? decodeURIComponent(new URL(config.DATABASE_APP_URL).username)
      : null;
    await migrateDatabase(ownerUrl, (client) =>
      appRole ? grantAppRole(client, appRole) : provisionAppRole(client, ownerUrl),
    );
    database = connectDatabase(config.DATABASE_APP_URL ?? appConnectionString(ownerUrl), config.DB_POOL_MAX);
    await assertAppRoleIsBound(database.pool);
  } catch (err) {
    await database?.close().catch(() => {});
    await embedded?.stop();
    throw err;
  }
  log.info(
    {
      mode: embedded ? 'embedded' : 'external',
      role: new URL(config.DATABASE_APP_URL ?? appConnectionString(ownerUrl)).username,
    },
    'database ready, migrations applied, connected as the application role',
  );
  return {
    database,
    connectionString,
    embedded,
    async close() {
      await database.close().catch(() => {});
      await embedded?.stop();
    },
  };
}

/** Runs `shutdown` once on SIGINT/SIGTERM, then exits. */
export function onShutdownSignal(log: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 30_000);
    force.unref();
    shutdown()
      .then(() => process.exit(0))
      .catch((err) => {
        log.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
