// Before/after of the index and query changes proposed in docs/performance.md for the work queue and
// the dashboard counts, on a working copy of a generated data set (as generated, no bench writes).
//   node --import tsx bench/experiments/queue-dashboard.ts [--size 100000] [--seed 1]
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import pg from 'pg';
import pino from 'pino';
import { startEmbeddedPostgres } from '../../src/server/platform/db/embedded-postgres';
import { datasetDir, workingCopy } from '../lib/dataset';
import { bareSql } from '../lib/queries';

const { values } = parseArgs({
  options: { size: { type: 'string', default: '100000' }, seed: { type: 'string', default: '1' } },
});
const copy = await workingCopy(datasetDir(Number(values.size), Number(values.seed), 1));
const state = JSON.parse(fs.readFileSync(`${copy.dir}/embedded-postgres.json`, 'utf8')) as { port: number };
const pgServer = await startEmbeddedPostgres({
  dataDir: copy.dir,
  port: state.port,
  log: pino({ level: 'warn' }),
});
const pool = new pg.Pool({ connectionString: copy.connectionString, max: 1 });

const dashboardOnePass = `select
    count(*) filter (where status in ('submitted','under_review','needs_info'))::int as review,
    count(*) filter (where status in ('submitted','under_review','needs_info') and late)::int as review_overdue,
    count(*) filter (where status = 'in_verification')::int as verification,
    count(*) filter (where status = 'in_verification' and late)::int as verification_overdue,
    count(*) filter (where status = 'in_committee')::int as committee,
    count(*) filter (where status = 'in_committee' and late)::int as committee_overdue,
    count(*) filter (where status in ('approved','registered'))::int as delivery,
    count(*) filter (where status in ('approved','registered') and late)::int as delivery_overdue,
    count(*) filter (where assigned_to = $2)::int as mine,
    count(*) filter (where assigned_to = $2 and late)::int as mine_overdue,
    count(*)::int as "all", count(*) filter (where late)::int as all_overdue
  from (select status, assigned_to,
               (expected_decision_at < now() and status in ('submitted','under_review','in_verification','in_committee'))
               or stage_entered_at < now() - make_interval(days => 7) as late
          from requests
         where organization_id = $1 and status not in ('closed','withdrawn','rejected','delivered','draft')) o`;

async function timeIt(label: string, sql: string, params: unknown[]) {
  for (let i = 0; i < 3; i++) await pool.query(sql, params); // warm
  const runs: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    await pool.query(sql, params);
    runs.push(performance.now() - t);
  }
  runs.sort((a, b) => a - b);
  console.log(`${label.padEnd(60)} median ${runs[10]!.toFixed(1)} ms  max ${runs[19]!.toFixed(1)} ms`);
}

try {
  const org = (await pool.query('select id from organizations order by created_at limit 1')).rows[0].id;
  const user = (await pool.query(`select id from users where email like 'relations1@%' limit 1`)).rows[0].id;
  const counts = await pool.query(
    `select status, count(*)::int as n from requests where organization_id = $1 group by status order by 2 desc`,
    [org],
  );
  console.log(counts.rows.map((r) => `${r.status} ${r.n}`).join(', '));
  await timeIt('queue page, as is', bareSql.queue, [org]);
  await timeIt('dashboard, as is (6-way CASE join)', bareSql.dashboard, [org, user]);
  await timeIt('dashboard, one pass with FILTER', dashboardOnePass, [org, user]);
  await pool.query(`create index requests_review_queue_idx on requests (organization_id, stage_entered_at, id)
    where status in ('submitted', 'under_review', 'needs_info')`);
  await pool.query(`create index requests_open_idx on requests (organization_id, status)
    include (assigned_to, expected_decision_at, stage_entered_at)
    where status not in ('closed', 'withdrawn', 'rejected', 'delivered', 'draft')`);
  await pool.query('vacuum analyze requests');
  await timeIt('queue page, + requests_review_queue_idx', bareSql.queue, [org]);
  await timeIt('dashboard, as is, + requests_open_idx', bareSql.dashboard, [org, user]);
  await timeIt('dashboard, one pass, + requests_open_idx', dashboardOnePass, [org, user]);
} finally {
  await pool.end();
  await pgServer.stop();
  fs.rmSync(copy.dir, { recursive: true, force: true });
}
