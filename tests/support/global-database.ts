/**
 * Once per test run: a PostgreSQL to test against (DATABASE_URL's server, or an embedded one in a
 * temporary folder) and a migrated template database that every test file clones.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { provisionAppRole } from '../../src/server/platform/db/app-role';
import { migrateDatabase } from '../../src/server/platform/db/database';
import {
  type EmbeddedPostgres,
  findFreePort,
  startEmbeddedPostgres,
} from '../../src/server/platform/db/embedded-postgres';
import { withDatabase } from './database-url';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

const quietLog = { info() {}, warn() {} };

export default async function setup(project: TestProject) {
  let embedded: EmbeddedPostgres | null = null;
  let dataDir: string | null = null;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-test-'));
    fs.chmodSync(dataDir, 0o755);
    embedded = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), log: quietLog });
    adminUrl = embedded.connectionString;
  }
  const template = `wasl_template_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`create database ${template}`);
    // Migrated by the owner; the application role (created here once per cluster) gets its grants
    // in the template, so every cloned database has them.
    const templateUrl = withDatabase(adminUrl, template);
    await migrateDatabase(templateUrl, (client) => provisionAppRole(client, templateUrl));
  } catch (err) {
    // Leave nothing running when the template cannot be built (e.g. a broken migration).
    await admin.query(`drop database if exists ${template} with (force)`).catch(() => {});
    await admin.end().catch(() => {});
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }

  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);

  return async () => {
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
    await embedded?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
