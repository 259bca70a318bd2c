/**
 * A generated data set, made once per size and seed and kept: an embedded PostgreSQL cluster under
 * bench/.data/<size>-<seed>[-o<orgs>] (with bench-dataset.json describing it), or the database of
 * DATABASE_URL. The benchmark runs on a copy of the kept cluster, so the kept one stays as generated.
 */

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { openDatabase } from '../../src/server/platform/boot';
import { loadConfig } from '../../src/server/platform/config';
import { findFreePort } from '../../src/server/platform/db/embedded-postgres';
import { benchEmailDomain, benchPassword, type GenerateSummary, generateDatabase } from '../generate/load';

const execFileAsync = promisify(execFile);
export const benchRoot = path.resolve(import.meta.dirname, '..');
const summaryFile = 'bench-dataset.json';

export interface DatasetRequest {
  size: number;
  orgs: number;
  seed: number;
  /** Requests per beneficiary on average; unset = the generator's natural rate. */
  requestsPerBeneficiary?: number;
  anchor?: string;
  databaseUrl?: string;
  log: (message: string) => void;
}

export interface Dataset {
  summary: GenerateSummary;
  /** The kept cluster's DATA_DIR (embedded), or null with DATABASE_URL. */
  dataDir: string | null;
  /** True when this call generated it (summary.seconds then says how long it took). */
  generatedNow: boolean;
}

const quietLogger = pino({ level: 'warn' });

export function datasetDir(
  size: number,
  seed: number,
  orgs: number,
  requestsPerBeneficiary?: number,
): string {
  const rate = requestsPerBeneficiary ? `-r${requestsPerBeneficiary}` : '';
  return path.join(benchRoot, '.data', `${size}-${seed}${orgs === 1 ? '' : `-o${orgs}`}${rate}`);
}

export const todayUtc = () => new Date().toISOString().slice(0, 10);

export async function ensureDataset(req: DatasetRequest): Promise<Dataset> {
  const anchor = req.anchor ?? todayUtc();
  if (req.databaseUrl) {
    const config = loadConfig({ ...process.env, DATABASE_URL: req.databaseUrl, LOG_LEVEL: 'warn' });
    const opened = await openDatabase(config, quietLogger);
    // The generator reads and writes across associations: the owner's connection, not the app role's.
    const owner = new pg.Client({ connectionString: opened.connectionString });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ id: string; name_ar: string; n: number }>(
        `select o.id, o.name_ar, (select count(*)::int from beneficiaries b where b.organization_id = o.id) as n
           from organizations o join users u on u.organization_id = o.id
          where u.email like $1 order by u.email`,
        [`admin@org%.${benchEmailDomain}`],
      );
      if (rows.length > 0) {
        req.log(`DATABASE_URL already holds a generated data set (${rows.length} organizations); reusing it`);
        return {
          dataDir: null,
          generatedNow: false,
          summary: externalSummary(rows, req.seed, anchor),
        };
      }
      req.log(`generating ${req.size.toLocaleString('en')} beneficiaries into DATABASE_URL`);
      const summary = await generateDatabase({
        connectionString: opened.connectionString,
        beneficiaries: req.size,
        orgs: req.orgs,
        seed: req.seed,
        requestsPerBeneficiary: req.requestsPerBeneficiary,
        anchor,
        log: req.log,
      });
      return { dataDir: null, generatedNow: true, summary };
    } finally {
      await owner.end();
      await opened.close();
    }
  }

  const dir = datasetDir(req.size, req.seed, req.orgs, req.requestsPerBeneficiary);
  const file = path.join(dir, summaryFile);
  if (fs.existsSync(file)) {
    return { dataDir: dir, generatedNow: false, summary: JSON.parse(fs.readFileSync(file, 'utf8')) };
  }
  // An unfinished earlier attempt is thrown away: the data set is complete or absent.
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
  for (let d = dir; d !== benchRoot; d = path.dirname(d)) fs.chmodSync(d, 0o755);
  req.log(
    `generating ${req.size.toLocaleString('en')} beneficiaries (${req.orgs} org, seed ${req.seed}) in ${dir}`,
  );
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: '',
    DATA_DIR: dir,
    EMBEDDED_PG_PORT: String(await findFreePort()),
    LOG_LEVEL: 'warn',
  });
  const opened = await openDatabase(config, quietLogger);
  try {
    const summary = await generateDatabase({
      connectionString: opened.connectionString,
      beneficiaries: req.size,
      orgs: req.orgs,
      seed: req.seed,
      requestsPerBeneficiary: req.requestsPerBeneficiary,
      anchor,
      log: req.log,
    });
    const owner = new pg.Client({ connectionString: opened.connectionString });
    await owner.connect();
    await owner.query('checkpoint').finally(() => owner.end());
    fs.writeFileSync(file, JSON.stringify(summary, null, 2));
    return { dataDir: dir, generatedNow: true, summary };
  } finally {
    await opened.close();
  }
}

function externalSummary(rows: { id: string; name_ar: string; n: number }[], seed: number, anchor: string) {
  const handles = ['admin', 'manager', 'relations1', 'supervisor', 'researcher', 'committee', 'service'];
  return {
    seed,
    anchor,
    beneficiaries: rows.reduce((a, r) => a + r.n, 0),
    orgs: rows.map((r, i) => ({
      id: r.id,
      nameAr: r.name_ar,
      beneficiaries: r.n,
      staffEmail: Object.fromEntries(handles.map((h) => [h, `${h}@org${i + 1}.${benchEmailDomain}`])),
    })),
    password: benchPassword,
    rows: {},
    seconds: { total: 0, load: 0, indexes: 0, analyze: 0 },
  } satisfies GenerateSummary;
}

/**
 * A working copy of a kept cluster in a fresh folder under the system temp dir, on a free port.
 * `cp -a` keeps the postgres user's ownership of the cluster files.
 */
export async function workingCopy(
  dataDir: string,
): Promise<{ dir: string; connectionString: string; seconds: number }> {
  const started = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-bench-'));
  fs.chmodSync(dir, 0o755);
  await execFileAsync('cp', ['-a', `${dataDir}/.`, dir]);
  const stateFile = path.join(dir, 'embedded-postgres.json');
  const state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as {
    password: string;
    port: number;
    clusterDir: string;
  };
  if (!state.clusterDir.startsWith(`${dataDir}/`)) {
    throw new Error(`the kept cluster lives outside its DATA_DIR (${state.clusterDir}); cannot copy it`);
  }
  state.clusterDir = path.join(dir, path.relative(dataDir, state.clusterDir));
  state.port = await findFreePort();
  fs.writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
  fs.rmSync(path.join(dir, 'embedded-postgres.owner'), { force: true });
  fs.rmSync(path.join(state.clusterDir, 'postmaster.pid'), { force: true });
  const connectionString = `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${state.port}/postgres`;
  return { dir, connectionString, seconds: (Date.now() - started) / 1000 };
}
