// `npm run bench [-- --size 1000000] [--seed S] [--orgs M] [--requests-per-beneficiary R] [--duration 10] [--connections 50] [--profile | --profile-only | --pages-only | --search-only]`
// Generates (or reuses) the data set, starts the server as `npm start` does, and measures search,
// each page's data for one user, the core endpoints against bare single-statement routes, start-up,
// memory, database size, and the JavaScript each sign-in screen downloads first (portal and staff).
// Prints a Markdown table and writes bench/results/latest.json. See docs/performance.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { benchRoot, ensureDataset, workingCopy } from './lib/dataset';
import { type FirstPageJs, measureSignInPages, renderFirstPageJs } from './lib/first-page-js';
import { type LoadResult, runLoad } from './lib/load';
import { rssOf, type Started, sampleRss, startBareServer, startWaslServer } from './lib/processes';
import { monotonicUs, summariseProfile } from './lib/profile';
import {
  type EndpointResult,
  endpointResult,
  fig,
  type Results,
  renderMarkdown,
  renderPageData,
} from './lib/report';
import { endpointScenarios } from './scenarios/endpoints';
import { explainAll } from './scenarios/explain';
import { type Fixtures, loadFixtures, rotate, submittedRequests } from './scenarios/fixtures';
import { runMixed } from './scenarios/mixed';
import { measurePageData, pageRequestIds } from './scenarios/page-data';
import { buildSearchQueries, measureSearch, renderSearch, type SearchPerson } from './scenarios/search';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    orgs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    // Requests per beneficiary in the generated data (the dashboards are measured at 3: 300,000 at 100,000).
    'requests-per-beneficiary': { type: 'string' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    // Seconds for each kind of search query (per engine).
    'search-budget': { type: 'string', default: '20' },
    // Seconds of the mixed workload (issue 15: 60).
    'mixed-duration': { type: 'string', default: '60' },
    // Seconds one search query may take before its kind is reported stalled.
    'search-timeout': { type: 'string', default: '15' },
    // Only the name search (ours, the bare route, the pg_trgm baseline), without pages and throughput.
    'search-only': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'profile-only': { type: 'boolean', default: false },
    // Only the server time of each page's data (one user), without search and throughput.
    'pages-only': { type: 'boolean', default: false },
    // Seconds for all the page-data measures together.
    'pages-budget': { type: 'string', default: '180' },
    // The server's DB_POOL_MAX. Its default (10) deadlocks under 50 connections: see docs/performance.md.
    pool: { type: 'string', default: '100' },
  },
});
const size = Number(values.size);
const orgs = Number(values.orgs);
const seed = Number(values.seed);
const requestsPerBeneficiary = values['requests-per-beneficiary']
  ? Number(values['requests-per-beneficiary'])
  : undefined;
const durationS = Number(values.duration);
const connections = Number(values.connections);
const searchBudgetMs = Number(values['search-budget']) * 1000;
const mixedDurationS = Number(values['mixed-duration']);
const searchTimeoutMs = Number(values['search-timeout']) * 1000;
const poolMax = Number(values.pool);
const pagesBudgetMs = Number(values['pages-budget']) * 1000;
const databaseUrl = process.env.DATABASE_URL || undefined;
const log = (m: string) => console.error(`[bench] ${m}`);
const resultsDir = path.join(benchRoot, 'results');

const cleanups: (() => Promise<void>)[] = [];
const cleanup = async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch((err) => log(`cleanup: ${err}`));
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(130));
  });
}

async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wasl_session='));
  if (!cookie) throw new Error('login answered without a session cookie');
  return cookie.split(';')[0]!;
}

async function main() {
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown',
    memory: fig(os.totalmem(), 'bytes'),
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
  };
  log(`machine: ${machine.cpus} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${machine.cpuModel}`);

  const dataset = await ensureDataset({ size, orgs, seed, requestsPerBeneficiary, databaseUrl, log });
  if (dataset.generatedNow) log(`generated in ${dataset.summary.seconds.total.toFixed(1)} s`);
  else log(`reusing the data set generated earlier (${dataset.dataDir ?? 'DATABASE_URL'})`);

  let connectionString = databaseUrl ?? '';
  let copySeconds: number | null = null;
  let serverDb: { dataDir: string } | { databaseUrl: string } = { databaseUrl: connectionString };
  if (dataset.dataDir) {
    const copy = await workingCopy(dataset.dataDir);
    cleanups.push(async () => fs.rmSync(copy.dir, { recursive: true, force: true }));
    connectionString = copy.connectionString;
    copySeconds = copy.seconds;
    serverDb = { dataDir: copy.dir };
    log(`working copy in ${copy.dir} (${copy.seconds.toFixed(1)} s)`);
  }

  // The JavaScript each sign-in screen downloads first, read from the built web app.
  const firstPageJs = values['search-only'] ? null : webFirstPages();

  log('starting the server');
  const server = await startWaslServer(serverDb, { poolMax });
  cleanups.push(() => server.stop());
  log(`ready in ${Math.round(server.readyMs)} ms`);
  const rssAtReady = sampleRss(server.pid).stop().last;

  const pool = new pg.Pool({ connectionString, max: 3, application_name: 'wasl-bench' });
  pool.on('error', () => {});
  cleanups.push(() => pool.end());
  const dbSize = Number((await pool.query('select pg_database_size(current_database()) as n')).rows[0].n);

  const org = dataset.summary.orgs[0]!;
  const fixtures = await loadFixtures(pool, org, seed);
  log(
    `fixtures: ${fixtures.profileIds.length} profiles, ${fixtures.eligibleIds.length} eligible for the service`,
  );
  const searchPeople = await peopleToSearch(pool, fixtures.people);
  if (values['profile-only']) {
    await server.stop();
    await profileScenarios(serverDb, fixtures, org, dataset.summary.password, pool);
    return;
  }
  const bare = await startBareServer({
    DATABASE_URL: connectionString,
    ORG_ID: fixtures.orgId,
    USER_ID: fixtures.userId,
    SERVICE_ID: fixtures.serviceId,
  });
  cleanups.push(() => bare.stop());
  const cookie = await login(server.baseUrl, org.staffEmail.relations1!, dataset.summary.password);
  const headers = { cookie };

  // Search: latency and recall one query at a time (the first table of the results).
  const queries = buildSearchQueries(searchPeople, seed);
  const getJson = async (url: string, signal?: AbortSignal) => {
    const res = await fetch(url, { headers, signal });
    if (!res.ok) throw new Error(`${url} → ${res.status} ${await res.text()}`);
    return res.json() as Promise<{ items: { id: string }[]; total?: number }>;
  };
  const q = encodeURIComponent;
  const measureAllSearch = async () => {
    const searchLoad = [os.loadavg()[0]!];
    log('search: Wasl API');
    const searchOurs = await measureSearch(
      queries,
      searchBudgetMs,
      async (text, signal) => {
        const body = await getJson(`${server.baseUrl}/api/v1/beneficiaries?limit=10&q=${q(text)}`, signal);
        return { ids: body.items.map((i) => i.id), total: body.total ?? null };
      },
      undefined,
      searchTimeoutMs,
    );
    for (const m of searchOurs)
      log(
        `  ${m.kind}: p95 ${m.p95Ms.toFixed(1)} ms, recall ${m.recallAt10.toFixed(3)}${m.stalled ? ' STALLED' : ''}`,
      );
    log('search: bare route, same SQL');
    const searchBare = await measureSearch(
      queries,
      searchBudgetMs,
      async (text, signal) => {
        const body = await getJson(`${bare.baseUrl}/bare/search?q=${q(text)}`, signal);
        return { ids: body.items.map((i) => i.id), total: null };
      },
      ['full', 'three_part', 'typo'],
      searchTimeoutMs,
    );
    log('search: pg_trgm baseline');
    const searchTrigram = await measureSearch(
      queries,
      searchBudgetMs,
      async (text, signal) => {
        const body = await getJson(`${bare.baseUrl}/bare/search-trgm?q=${q(text)}`, signal);
        return { ids: body.items.map((i) => i.id), total: null };
      },
      ['full', 'three_part'],
      searchTimeoutMs,
    );
    searchLoad.push(os.loadavg()[0]!);
    return { searchOurs, searchBare, searchTrigram, searchLoad };
  };
  if (values['search-only']) {
    const { searchOurs, searchBare, searchTrigram, searchLoad } = await measureAllSearch();
    await bare.stop();
    await server.stop();
    const table = renderSearch(
      [
        { engine: 'Wasl API (tokens + GIN; vocabulary for typos; hints rank)', measures: searchOurs },
        { engine: 'bare route, token SQL only', measures: searchBare },
        { engine: 'baseline: pg_trgm `name_key % q`', measures: searchTrigram },
      ],
      `**Arabic name search**, ${size.toLocaleString('en')} beneficiaries (one query at a time; recall = intended person in the first 10; ` +
        `machine load average ${searchLoad.map((l) => l.toFixed(1)).join(' → ')} during these queries)`,
    );
    fs.mkdirSync(resultsDir, { recursive: true });
    fs.writeFileSync(
      path.join(resultsDir, `search-${size}.json`),
      `${JSON.stringify({ date: new Date().toISOString(), machine, size, seed, loadAverage: searchLoad, ours: searchOurs, bare: searchBare, trigram: searchTrigram }, null, 2)}\n`,
    );
    console.log(table);
    return;
  }
  const managerCookie = await login(server.baseUrl, org.staffEmail.manager!, dataset.summary.password);

  // Each page's data, one user, one call at a time: before the load runs, which add requests.
  log('page data: one user, one call at a time');
  const loadBefore = os.loadavg()[0]!;
  const pageData = await measurePageData({
    requestIds: await pageRequestIds(pool, fixtures.orgId, seed, 5 * 305),
    budgetMs: pagesBudgetMs,
    get: async (p) => {
      const res = await fetch(`${server.baseUrl}${p}`, { headers });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${p} → ${res.status} ${Buffer.from(body).toString()}`);
      return body.byteLength;
    },
    getAsManager: async (p) => {
      const res = await fetch(`${server.baseUrl}${p}`, { headers: { cookie: managerCookie } });
      const body = await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`GET ${p} → ${res.status} ${Buffer.from(body).toString()}`);
      return body.byteLength;
    },
  });
  // Other work on the machine shows in these latencies: the 1-minute load average, before and after.
  const pageLoadAverage = [loadBefore, os.loadavg()[0]!];
  for (const m of pageData) {
    log(`${m.call}: p50 ${m.p50Ms.toFixed(1)} ms, p95 ${m.p95Ms.toFixed(1)} ms (n ${m.n})`);
  }
  if (values['pages-only']) {
    await bare.stop();
    await server.stop();
    console.log(renderPageData(pageData, size, pageLoadAverage));
    if (firstPageJs) console.log(`\n${renderFirstPageJs(firstPageJs)}`);
    return;
  }

  const rss = sampleRss(server.pid);
  const load = async (
    target: Started,
    method: 'GET' | 'POST',
    next: () => { path: string; body?: unknown },
  ) => {
    await runLoad({ url: target.baseUrl, method, connections, durationS: 2, headers, next }); // warm-up
    const r = await runLoad({ url: target.baseUrl, method, connections, durationS, headers, next });
    if (r.requests === 0) {
      // Reported (0 req/s, no ratio) and the run goes on with the next scenario.
      log(
        `STALLED: ${target.baseUrl} answered no request in ${durationS} s at ${connections} connections ` +
          `(with DB_POOL_MAX=${poolMax}; see docs/performance.md on pool starvation)\n${target.output().slice(-2000)}`,
      );
    }
    return r;
  };

  // 1 + 4. Search: latency and recall one query at a time, then throughput.
  const { searchOurs, searchBare, searchTrigram } = await measureAllSearch();
  const fullQueries = queries.filter((x) => x.kind === 'full').map((x) => x.q);
  log('search: throughput');
  const nextOurs = rotate(fullQueries);
  const nextBare = rotate(fullQueries);
  const endpoints: EndpointResult[] = [
    endpointResult(
      'search',
      'Name search — GET /api/v1/beneficiaries?q=',
      await load(server, 'GET', () => ({ path: `/api/v1/beneficiaries?limit=10&q=${q(nextOurs())}` })),
      await load(bare, 'GET', () => ({ path: `/bare/search?q=${q(nextBare())}` })),
    ),
  ];

  // 2 + 3. Core endpoints, ours then the bare limit.
  let submitted: string[] = [];
  const scenarios = endpointScenarios(fixtures, () => submitted);
  for (const s of scenarios) {
    if (s.name === 'transition') {
      submitted = await submittedRequests(pool, fixtures, Math.max(20_000, durationS * 3000));
      log(`transition pool: ${submitted.length} submitted requests`);
    }
    log(`${s.name}: ours`);
    const ours = await load(server, s.method, s.ours);
    log(`${s.name}: bare`);
    const bareResult = await load(bare, s.method, s.bare);
    log(
      `${s.name}: ${Math.round(ours.requestsPerSecond)} req/s vs ${Math.round(bareResult.requestsPerSecond)} req/s`,
    );
    endpoints.push(endpointResult(s.name, s.label, ours, bareResult));
  }

  // 6. The mixed workload: 60 s (or --mixed-duration) at the same connections, memory sampled each second.
  log('mixed workload');
  const mixed = await runMixed({
    baseUrl: server.baseUrl,
    cookie,
    fixtures,
    searchQueries: fullQueries,
    submitted: await submittedRequests(pool, fixtures, Math.max(20_000, mixedDurationS * 500)),
    connections,
    durationS: mixedDurationS,
    seed,
    rssOf: () => rssOf(server.pid) ?? 0,
  });
  log(
    `mixed: ${Math.round(mixed.requestsPerSecond)} req/s, p99 ${mixed.p99Ms} ms, errors ${mixed.non2xx + mixed.errors}`,
  );
  const rssLoad = rss.stop();

  // EXPLAIN ANALYZE of each primary statement, kept beside the results.
  const explainFile = path.join(resultsDir, `explain-${size}.txt`);
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.writeFileSync(explainFile, await explainAll(pool, fixtures, fullQueries, submitted));
  log(`EXPLAIN ANALYZE written to ${path.relative(process.cwd(), explainFile)}`);

  const results: Results = {
    date: new Date().toISOString(),
    machine,
    settings: {
      size,
      orgs,
      seed,
      connections,
      serverPoolMax: poolMax,
      durationPerRun: fig(durationS, 's'),
      database: databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL (working copy of the cached data set)',
    },
    dataset: {
      anchor: dataset.summary.anchor,
      generated: dataset.generatedNow,
      generation: dataset.generatedNow ? fig(dataset.summary.seconds.total, 's') : null,
      copy: copySeconds === null ? null : fig(copySeconds, 's'),
    },
    startup: { toReady: fig(server.readyMs, 'ms') },
    pageData: { measures: pageData, loadAverage: pageLoadAverage },
    memory: { rssAtReady: fig(rssAtReady, 'bytes'), rssPeakUnderLoad: fig(rssLoad.peak, 'bytes') },
    database: {
      size: fig(dbSize, 'bytes'),
      per100k: fig((dbSize * 100_000) / dataset.summary.beneficiaries, 'bytes'),
    },
    search: {
      ours: searchOurs,
      oursBareSql: searchBare,
      trigramBaseline: searchTrigram,
    },
    endpoints,
    mixed,
  };
  await bare.stop();
  await server.stop();

  if (values.profile) await profileScenarios(serverDb, fixtures, org, dataset.summary.password, pool);

  fs.writeFileSync(
    path.join(resultsDir, 'latest.json'),
    `${JSON.stringify({ ...results, firstPageJs }, null, 2)}\n`,
  );
  console.log(renderMarkdown(results));
  if (firstPageJs) console.log(`\n${renderFirstPageJs(firstPageJs)}`);
}

/** The fixture people with what a clerk may also know of them (birth date, city), for the hint queries. */
async function peopleToSearch(
  pool: pg.Pool,
  people: { id: string; name: string }[],
): Promise<SearchPerson[]> {
  const { rows } = await pool.query<{ id: string; birth_date: string; city: string }>(
    'select id, birth_date::text as birth_date, city from beneficiaries where id = any($1)',
    [people.map((p) => p.id)],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return people.map((p) => ({ ...p, birthDate: byId.get(p.id)?.birth_date, city: byId.get(p.id)?.city }));
}

/** Builds the web app if its sources changed (as `npm start` does), then measures dist/web. */
function webFirstPages(): FirstPageJs[] | null {
  const root = path.resolve(benchRoot, '..');
  const build = spawnSync(process.execPath, [path.join(root, 'scripts/build-web.mjs')], { stdio: 'inherit' });
  const webRoot = path.join(root, 'dist/web');
  if (build.status !== 0 || !fs.existsSync(path.join(webRoot, 'portal.html'))) {
    log('web app not built: first-page JavaScript not measured');
    return null;
  }
  const pages = measureSignInPages(webRoot);
  for (const p of pages) log(`${p.name}: ${(p.gzipBytes / 1024).toFixed(1)} kB of gzip JavaScript`);
  return pages;
}

/** `--profile`: each API scenario again on a server under `node --cpu-prof`, summarised per area. */
async function profileScenarios(
  serverDb: { dataDir: string } | { databaseUrl: string },
  fixtures: Fixtures,
  org: { staffEmail: Record<string, string> },
  password: string,
  pool: pg.Pool,
) {
  const profDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-prof-'));
  cleanups.push(async () => fs.rmSync(profDir, { recursive: true, force: true }));
  const out: string[] = [
    `# CPU profiles of the server per scenario (${new Date().toISOString()}, ${size} beneficiaries)`,
    '',
  ];
  const people = buildSearchQueries(fixtures.people, seed).filter((x) => x.kind === 'full');
  const nextQuery = rotate(people.map((x) => x.q));
  let submitted: string[] = [];
  const scenarios = [
    {
      name: 'search',
      method: 'GET' as const,
      ours: () => ({ path: `/api/v1/beneficiaries?limit=10&q=${encodeURIComponent(nextQuery())}` }),
    },
    ...endpointScenarios(fixtures, () => submitted),
  ];
  for (const s of scenarios) {
    const dir = path.join(profDir, s.name);
    const server = await startWaslServer(serverDb, { cpuProfDir: dir, poolMax });
    if (s.name === 'transition') submitted = await submittedRequests(pool, fixtures, 30_000);
    const cookie = await login(server.baseUrl, org.staffEmail.relations1!, password);
    const headers = { cookie };
    await runLoad({
      url: server.baseUrl,
      method: s.method,
      connections,
      durationS: 2,
      headers,
      next: s.ours,
    });
    const fromUs = monotonicUs();
    const r: LoadResult = await runLoad({
      url: server.baseUrl,
      method: s.method,
      connections,
      durationS,
      headers,
      next: s.ours,
    });
    const toUs = monotonicUs();
    await server.stop();
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) {
      out.push(`## ${s.name}: no profile written`, '');
      continue;
    }
    const p = summariseProfile(path.join(dir, file), { fromUs, toUs });
    out.push(`## ${s.name} — ${Math.round(r.requestsPerSecond)} req/s, p99 ${r.p99Ms} ms`, '');
    out.push(
      `Server main thread busy ${Math.round(p.busyMs)} ms of ${Math.round(p.sampledMs)} ms sampled.`,
      '',
    );
    out.push('| area (self time) | share of busy |', '|---|--:|');
    for (const a of p.areas) out.push(`| ${a.area} | ${(a.share * 100).toFixed(1)} % |`);
    out.push('', '| function (self time) | area | share |', '|---|---|--:|');
    for (const f of p.functions) out.push(`| \`${f.name}\` | ${f.area} | ${(f.share * 100).toFixed(1)} % |`);
    out.push('');
    log(`profiled ${s.name}`);
  }
  const file = path.join(resultsDir, `profile-${size}.md`);
  fs.writeFileSync(file, `${out.join('\n')}\n`);
  log(`profiles summarised in ${path.relative(process.cwd(), file)}`);
}

const started = Date.now();
try {
  await main();
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await cleanup();
}
