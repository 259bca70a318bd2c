/**
 * The processes a benchmark run starts: the Wasl server exactly as `npm start` runs it (its own
 * embedded PostgreSQL in DATA_DIR, or DATABASE_URL) and the bare comparison server. Each is stopped
 * by its own PID; the server's SIGTERM handler stops its PostgreSQL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../src/server/platform/db/embedded-postgres';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface Started {
  baseUrl: string;
  child: ChildProcess;
  pid: number;
  /** From spawn to the first 200 of the readiness URL. */
  readyMs: number;
  output(): string;
  stop(): Promise<void>;
}

async function startProcess(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  timeoutMs: number,
): Promise<Started> {
  const port = env.PORT ?? String(await findFreePort());
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: port },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (c: Buffer) => {
    output = (output + c).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let finished = false;
  exited.then(() => {
    finished = true;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
  };
  const until = performance.now() + timeoutMs;
  while (performance.now() < until && !finished) {
    try {
      const res = await fetch(`${baseUrl}${readyPath}`);
      if (res.ok) {
        return {
          baseUrl,
          child,
          pid: child.pid!,
          readyMs: performance.now() - started,
          output: () => output,
          stop,
        };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  await stop();
  throw new Error(`${args.join(' ')} did not become ready:\n${output.slice(-4000)}`);
}

export function startWaslServer(
  db: { dataDir: string } | { databaseUrl: string },
  options: { cpuProfDir?: string; poolMax?: number } = {},
): Promise<Started> {
  const env: Record<string, string> = { LOG_LEVEL: 'warn', WORKER: 'inline', NODE_ENV: 'production' };
  if (options.poolMax) env.DB_POOL_MAX = String(options.poolMax);
  if ('dataDir' in db) Object.assign(env, { DATA_DIR: db.dataDir, DATABASE_URL: '' });
  else Object.assign(env, { DATABASE_URL: db.databaseUrl });
  // As `npm start` runs it (scripts/start.mjs: the server bundle, built when its sources changed); a
  // profiled run takes the TypeScript sources through tsx, so the profile names our files.
  const args = options.cpuProfDir
    ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, '--import', 'tsx', 'src/server/main.ts']
    : ['scripts/start.mjs'];
  return startProcess(args, env, '/readyz', 180_000);
}

export function startBareServer(env: {
  DATABASE_URL: string;
  ORG_ID: string;
  USER_ID: string;
  SERVICE_ID: string;
}): Promise<Started> {
  return startProcess(['--import', 'tsx', 'bench/bare-server.ts'], env, '/bare/ready', 60_000);
}

/** Resident memory of a process in bytes (Linux /proc), or null where unavailable. */
export function rssOf(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `everyMs` until stopped; reports the peak and the last sample. */
export function sampleRss(pid: number, everyMs = 250) {
  let peak = 0;
  let last = 0;
  const tick = () => {
    const v = rssOf(pid);
    if (v !== null) {
      last = v;
      peak = Math.max(peak, v);
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return { peak, last };
    },
  };
}
