import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { scopedDatabase } from './tenant';

/** The query builder without the module tables' schema: the platform knows no module (STYLE.md). */
export type Db = NodePgDatabase;
/** A transaction handle or the database itself: repositories accept either. */
export type Tx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

// Beside this file in the sources (src/server/platform/db → src/server/migrations); from the server bundle
// `npm start` runs (dist/server/main.js, scripts/start.mjs), in the sources it was built from.
export const migrationsFolder = [
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations'),
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/server/migrations'),
].find((folder) => fs.existsSync(path.join(folder, 'meta', '_journal.json')))!;

// Arbitrary constant: the advisory lock that serialises migrations across app processes.
const migrationLockKey = 727_001;

export function connectDatabase(
  connectionString: string,
  poolMax = 10,
  connectionTimeoutMillis = 15_000,
): Database {
  // A request waiting this long for a connection fails (503-ish 500) instead of hanging forever.
  const pool = new pg.Pool({
    connectionString,
    max: poolMax,
    application_name: 'wasl',
    connectionTimeoutMillis,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  // Inside a tenant scope every query of `db` runs in that scope's transaction (platform/db/tenant.ts).
  const db = scopedDatabase(drizzle(pool));
  return { pool, db, close: () => pool.end() };
}

/** Waits until PostgreSQL accepts queries (it may still be starting or recovering). */
export async function waitForDatabase(pool: pg.Pool, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await pool.query('select 1');
      return;
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Applies the committed migrations with the owner's connection, holding an advisory lock so concurrent
 * starts are safe; `afterwards` runs under the same lock (e.g. granting the application role).
 */
export async function migrateDatabase(
  ownerConnectionString: string,
  afterwards?: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const pool = new pg.Pool({
    connectionString: ownerConnectionString,
    max: 2,
    application_name: 'wasl-migrate',
  });
  pool.on('error', () => {});
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    try {
      await migrate(drizzle(client), { migrationsFolder });
      await afterwards?.(client);
    } finally {
      await client.query('select pg_advisory_unlock($1)', [migrationLockKey]);
    }
  } finally {
    client.release();
    await pool.end();
  }
}

function journalEntries(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function migrationsApplied(pool: pg.Pool): Promise<{ applied: number; expected: number }> {
  const expected = journalEntries();
  try {
    const { rows } = await pool.query<{ n: string }>(
      'select count(*) as n from drizzle.__drizzle_migrations',
    );
    return { applied: Number(rows[0]?.n ?? 0), expected };
  } catch {
    return { applied: 0, expected };
  }
}
