/**
 * An association's archive streams from one snapshot without holding the association in memory
 * (issue 14, item 8): with a batch of 4 rows, a table of 3 batches arrives as 3 parts and every
 * table's row count equals the database's; a download stopped mid-way rolls the snapshot back and
 * gives its connection back. The app has ONE pooled connection (3 s wait): a leaked export connection
 * starves the next request. The archive is read with the system's `tar`, not our own reader.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { sessionCookie, testPassword } from '../../../../tests/support/test-app';
import { createTestDatabase } from '../../../../tests/support/test-database';
import { buildApp, buildServices } from '../../app';
import { systemClock } from '../../platform/clock';
import { createLocalStorage } from '../../platform/files/storage';
import { createPlatformExportService } from './platform-export.service';

const batchSize = 4;
const testDb = await createTestDatabase(1, 3_000);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-export-'));
const storage = createLocalStorage(path.join(workDir, 'files'));
const base = buildServices({ database: testDb.database, storage });
const services = {
  ...base,
  platformExport: createPlatformExportService({
    db: base.db,
    pool: testDb.database.pool,
    storage,
    clock: systemClock,
    batchSize,
  }),
};
const app = await buildApp({ database: testDb.database, services, logLevel: 'silent', webRoot: null });
await app.listen({ port: 0, host: '127.0.0.1' });
const port = (app.server.address() as AddressInfo).port;
const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(async () => {
  await owner.end();
  await app.close();
  await testDb.drop();
  fs.rmSync(workDir, { recursive: true, force: true });
});

const setup = await app.inject({
  method: 'POST',
  url: '/api/v1/setup',
  payload: {
    organization: { nameAr: 'جمعية التصدير', nameEn: 'Export Association' },
    admin: { fullName: 'مشغل المنصة', email: 'operator@export.sa', password: testPassword },
  },
});
if (setup.statusCode !== 201) throw new Error(setup.body);
const organizationId = setup.json().organization.id as string;
const login = await app.inject({
  method: 'POST',
  url: '/api/v1/auth/login',
  payload: { email: 'operator@export.sa', password: testPassword },
});
const operator = sessionCookie(login);
const staff = { fullName: 'موظفة التسجيل', email: 'registrar@export.sa', password: testPassword };
const made = await app.inject({
  method: 'POST',
  url: '/api/v1/users',
  payload: { ...staff, roles: ['relations_officer'] },
  headers: { cookie: operator },
});
if (made.statusCode !== 201) throw new Error(made.body);
const registrar = sessionCookie(
  await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: staff }),
);
const exportUrl = `/api/v1/platform/organizations/${organizationId}/export`;

type Manifest = {
  tables: Record<string, number>;
  parts: Record<string, { name: string; rows: number }[]>;
};

/** Unpacks an archive with the system's tar; its manifest and each table's rows (parts in order). */
function unpack(archive: Buffer) {
  const dir = fs.mkdtempSync(path.join(workDir, 'archive-'));
  fs.writeFileSync(path.join(dir, 'archive.tar.gz'), archive);
  execFileSync('tar', ['-xzf', 'archive.tar.gz'], { cwd: dir });
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const manifest = read('manifest.json') as Manifest;
  const rowsOf = (table: string): Record<string, unknown>[] =>
    manifest.parts[table]!.flatMap((part) => read(part.name));
  return { manifest, rowsOf, dir };
}

/** The database's own count of each exported table's rows of the association. */
async function countsInDatabase(tables: string[]) {
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const { rows } = await owner.query<{ n: number }>(
      `select count(*)::int as n from "${table}" where organization_id = $1`,
      [organizationId],
    );
    counts[table] = rows[0]!.n;
  }
  return counts;
}

async function expectComplete(archive: Buffer) {
  const { manifest, rowsOf } = unpack(archive);
  const tables = Object.keys(manifest.tables);
  // Every table with organization_id is there, but the sign-in state.
  const { rows } = await owner.query<{ table_name: string }>(
    `select distinct c.table_name from information_schema.columns c
       join information_schema.tables t using (table_schema, table_name)
      where c.table_schema = 'public' and c.column_name = 'organization_id' and t.table_type = 'BASE TABLE'`,
  );
  const signIn = ['sessions', 'portal_sessions', 'portal_codes', 'portal_locks', 'login_throttle'];
  expect(tables.sort()).toEqual(
    rows
      .map((r) => r.table_name)
      .filter((t) => !signIn.includes(t))
      .sort(),
  );
  const inArchive = Object.fromEntries(tables.map((t) => [t, rowsOf(t).length]));
  expect(inArchive).toEqual(manifest.tables);
  expect(manifest.tables).toEqual(await countsInDatabase(tables));
  for (const table of tables) {
    expect(manifest.parts[table]!.every((p) => p.rows <= batchSize)).toBe(true);
  }
  return { manifest, rowsOf };
}

/** Backends of the app's pool that are inside a transaction (the export's snapshot, while it reads). */
async function openTransactions() {
  const { rows } = await owner.query<{ query: string }>(
    `select query from pg_stat_activity
      where datname = current_database() and application_name = 'wasl' and xact_start is not null`,
  );
  return rows.map((r) => r.query);
}

async function until(check: () => Promise<boolean>, what: string) {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the streamed export of an association', () => {
  it('holds every row of every table, a table of 3 batches in 3 parts of 4', async () => {
    const registered = [];
    for (let i = 0; i < 3 * batchSize; i++) registered.push(await registerBeneficiary(app, registrar));
    const res = await app.inject({ method: 'GET', url: exportUrl, headers: { cookie: operator } });
    expect(res.statusCode).toBe(200);
    const { manifest, rowsOf } = await expectComplete(res.rawPayload);
    expect(manifest.parts.beneficiaries).toEqual(
      [1, 2, 3].map((n) => ({ name: `tables/beneficiaries/part-00000${n}.json`, rows: batchSize })),
    );
    expect(
      rowsOf('beneficiaries')
        .map((b) => b.id)
        .sort(),
    ).toEqual(registered.map((b) => b.id).sort());
    // An empty table is one part holding [].
    const empty = Object.entries(manifest.tables).find(([, n]) => n === 0)![0];
    expect(manifest.parts[empty]).toEqual([{ name: `tables/${empty}/part-000001.json`, rows: 0 }]);
    expect(rowsOf(empty)).toEqual([]);
    // The snapshot ended with the download.
    expect(await openTransactions()).toEqual([]);
  });

  it('rolls the snapshot back and frees its connection when the client goes away mid-download', async () => {
    // Enough hard-to-compress audit rows that the archive outgrows the socket buffers: the server
    // must stop and wait for a client that stopped reading, snapshot open.
    await owner.query(
      `insert into audit_events (organization_id, action, entity_type, outcome, details)
       select $1, 'bulk.test', 'bulk', 'success',
              jsonb_build_object('noise', (select string_agg(md5(random()::text || i || k), '')
                                           from generate_series(1, 8) k))
         from generate_series(1, 40000) i`,
      [organizationId],
    );
    const request = http.get({ port, path: exportUrl, headers: { cookie: operator } });
    const response = await new Promise<http.IncomingMessage>((resolve) => request.on('response', resolve));
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    // The server is stuck mid-table, inside its snapshot, on a cursor fetch.
    await until(async () => (await openTransactions()).some((q) => q.startsWith('fetch')), 'the stall');
    request.on('error', () => {});
    request.destroy();
    await until(async () => (await openTransactions()).length === 0, 'the rollback');
    // The one pooled connection serves the next requests: a list, then a whole (large) archive.
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/platform/organizations',
      headers: { cookie: operator },
    });
    expect(list.statusCode).toBe(200);
    const again = await fetch(`http://127.0.0.1:${port}${exportUrl}`, { headers: { cookie: operator } });
    expect(again.status).toBe(200);
    const { manifest } = await expectComplete(Buffer.from(await again.arrayBuffer()));
    expect(manifest.tables.audit_events).toBeGreaterThan(40_000);
  });
});
