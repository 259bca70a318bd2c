import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { appConnectionString } from '../../src/server/platform/db/app-role';
import { connectDatabase, type Database } from '../../src/server/platform/db/database';
import { withDatabase } from './database-url';

export interface TestDatabase {
  /** Connected as the application role, as the server is: row-level security applies. */
  database: Database;
  /** The application role's URL of this database. */
  url: string;
  /** The owner's URL of this database (migrations, assertions across associations). */
  ownerUrl: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template (fast: a file copy inside PostgreSQL). */
export async function createTestDatabase(
  poolMax = 5,
  connectionTimeoutMillis = 15_000,
): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `wasl_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const ownerUrl = withDatabase(adminUrl, name);
  const url = appConnectionString(ownerUrl);
  const database = connectDatabase(url, poolMax, connectionTimeoutMillis);
  return {
    database,
    url,
    ownerUrl,
    name,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        // The application role's backends may still be exiting after the pool closed; an owner that
        // may not signal them (no pg_signal_backend) waits for them instead of failing.
        for (let attempt = 1; ; attempt++) {
          try {
            await c.query(`drop database if exists ${name} with (force)`);
            break;
          } catch (err) {
            if ((err as { code?: string }).code !== '42501' || attempt >= 20) throw err;
            await new Promise((r) => setTimeout(r, 250));
          }
        }
      } finally {
        await c.end();
      }
    },
  };
}
