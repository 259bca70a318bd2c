import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/server/platform/db/data-dir-owner';
import { findFreePort } from '../../src/server/platform/db/embedded-postgres';
import { repoRoot, spawnServer, stopServer } from '../support/server-process';

// The embedded database as `npm start` runs it: a real server process on a fresh DATA_DIR.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-restart-'));
fs.chmodSync(dataDir, 0o755);
const env = { DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await findFreePort()), DATABASE_URL: '' };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const setupBody = {
  organization: { nameAr: 'جمعية الاستمرار', nameEn: 'Continuity Association' },
  admin: { fullName: 'مدير', email: 'admin@restart.sa', password: 'continuity-2026' },
};
const postmasterPid = () => {
  const state = JSON.parse(fs.readFileSync(path.join(dataDir, 'embedded-postgres.json'), 'utf8'));
  const file = path.join(state.clusterDir, 'postmaster.pid');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : null;
};
/** Starts `src/server/main.ts` as spawnServer does, for a process expected to stop by itself. */
async function runToExit(extraEnv: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: String(await findFreePort()),
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (c) => {
    output += c;
  });
  child.stderr.on('data', (c) => {
    output += c;
  });
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(killer);
  return { code, output };
}

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
      body: JSON.stringify({ email: 'admin@restart.sa', password: 'continuity-2026' }),
    });
    expect(login.status).toBe(200);

    const running = postmasterPid()!;
    expect(await stopServer(second, 'SIGTERM')).toBe(0);
    expect(await goneSoon(running)).toBe(true);
    expect(postmasterPid()).toBeNull();
  });

  it('refuses a second server on the same DATA_DIR at once, naming the folder and the running pid, and leaves the first serving', async () => {
    const first = await spawnServer(env);
    const before = postmasterPid();
    const second = await runToExit(env);
    expect(second.code).not.toBe(0);
    expect(second.output).toContain(`DATA_DIR ${dataDir} is in use`);
    expect(second.output).toContain(`pid ${first.child.pid}`);
    expect(second.output).toContain('DATABASE_URL');
    expect(second.output).not.toMatch(/\\n\s+at |^\s+at /m); // a refusal, not a crash: no stack trace
    expect(postmasterPid()).toBe(before);
    expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);
    expect(await stopServer(first)).toBe(0);
    expect(postmasterPid()).toBeNull();
  });

  it('of two servers started at once on the same DATA_DIR, runs one and refuses the other', async () => {
    const results = await Promise.allSettled([spawnServer(env), spawnServer(env)]);
    const running = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect([running.length, refused.length]).toEqual([1, 1]);
    expect(refused[0]).toContain(`pid ${running[0]!.child.pid}`);
    expect((await fetch(`${running[0]!.baseUrl}/readyz`)).status).toBe(200);
    expect(await stopServer(running[0]!)).toBe(0);
    expect(postmasterPid()).toBeNull();
  });
});
