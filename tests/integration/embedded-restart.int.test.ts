import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, isAlive } from '../../src/server/platform/db/embedded-postgres';
import { spawnServer, stopServer } from '../support/server-process';

// The embedded database as `npm start` runs it: a real server process on a fresh DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-restart-'));
fs.chmodSync(dataDir, 0o755);
const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await findFreePort()), DATABASE_URL: '' };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const setupBody = {
  organization: { nameAr: 'جمعية الاستمرار', nameEn: 'Continuity Association' },
  admin: { fullName: 'مدير', email: 'admin@restart.sa', password: 'a-long-password' },
};
const postmasterPid = () => {
  const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'));
  const file = path.join(state.clusterDir, 'postmaster.pid');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : null;
};
// PostgreSQL removes its pid file just before it exits: give the process a moment to be gone.
const goneSoon = async (pid: number) => {
  for (let i = 0; i < 50 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  return !isAlive(pid);
};

describe('embedded PostgreSQL', () => {
  it('comes back with all data after the server is killed with SIGKILL, and stops cleanly on SIGTERM', async () => {
    const first = await spawnServer(env);
    const setup = await fetch(`${first.baseUrl}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(setupBody),
    });
    expect(setup.status).toBe(201);
    const orphan = postmasterPid();
    expect(orphan).not.toBeNull();
    await stopServer(first, 'SIGKILL');
    expect(isAlive(orphan!)).toBe(true); // the postmaster outlived its server

    const second = await spawnServer(env);
    expect(second.output()).toMatch(/orphaned PostgreSQL/);
    expect(isAlive(orphan!)).toBe(false);
    const status = await (await fetch(`${second.baseUrl}/api/v1/setup`)).json();
    expect(status).toEqual({ needed: false });
    const login = await fetch(`${second.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@restart.sa', password: 'a-long-password' }),
    });
    expect(login.status).toBe(200);

    const running = postmasterPid()!;
    expect(await stopServer(second, 'SIGTERM')).toBe(0);
    expect(await goneSoon(running)).toBe(true);
    expect(postmasterPid()).toBeNull();
  });

  it('lets two servers start at once on the same DATA_DIR (one owns the database, one shares it)', async () => {
    const [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
    const [ra, rb] = await Promise.all([fetch(`${a.baseUrl}/readyz`), fetch(`${b.baseUrl}/readyz`)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect(a.output() + b.output()).toMatch(/sharing it/);
    const sharer = a.output().includes('sharing it') ? a : b;
    const owner = sharer === a ? b : a;
    expect(await stopServer(sharer)).toBe(0);
    expect((await fetch(`${owner.baseUrl}/readyz`)).status).toBe(200);
    expect(await stopServer(owner)).toBe(0);
    expect(postmasterPid()).toBeNull();
  });
});
