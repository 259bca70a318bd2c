import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Browser, chromium } from 'playwright-core';
import { afterAll } from 'vitest';
import { findFreePort } from '../../src/server/platform/db/embedded-postgres';
import { withDatabase } from '../support/database-url';
import { repoRoot, spawnServer, stopServer } from '../support/server-process';

export interface StartServerOptions {
  /**
   * Seed the demo associations first (`npm run demo`: src/server/demo/demo.ts, staff of every role,
   * beneficiaries, requests at several stages) into the same database, before the server starts (the
   * embedded PostgreSQL takes one process per DATA_DIR at a time).
   */
  demo?: boolean;
  /** More environment for the server, e.g. `SMS_DRIVER=file` and `SMS_FILE` to read one-time codes. */
  env?: Record<string, string>;
}

/** Runs `npm run demo` against the given environment and waits for it to end. */
function seedDemo(env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/server/demo/demo.ts'],
      { cwd: repoRoot, env: { ...process.env, ...env }, timeout: 150_000, maxBuffer: 8 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`demo seeding failed: ${error.message}\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

export const chromiumPath = '/usr/bin/chromium';

/**
 * A fresh Wasl server for one journey: its own embedded PostgreSQL in a temporary DATA_DIR, or a
 * fresh database on DATABASE_URL's server when that is set; with `demo`, holding the demo data.
 * Stopped after the file's tests.
 */
export async function startServer(
  options: StartServerOptions = {},
): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-e2e-'));
  fs.chmodSync(dataDir, 0o755);
  const env: Record<string, string> = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...options.env };
  let dropDatabase = async () => {};
  if (process.env.DATABASE_URL) {
    const name = `wasl_e2e_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    env.DATABASE_URL = withDatabase(process.env.DATABASE_URL, name);
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    env.DATABASE_URL = '';
    env.EMBEDDED_PG_PORT = String(await findFreePort());
  }
  let server: Awaited<ReturnType<typeof spawnServer>>;
  try {
    if (options.demo) await seedDemo(env);
    server = await spawnServer(env);
  } catch (error) {
    await dropDatabase().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await stopServer(server);
    await dropDatabase();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  afterAll(stop);
  return { baseUrl: server.baseUrl, stop };
}

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  afterAll(() => browser.close());
  return browser;
}
