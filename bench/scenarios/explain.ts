/** EXPLAIN (ANALYZE, BUFFERS) of each endpoint's primary statement, writes rolled back. */
import type pg from 'pg';
import { threePartQuery } from '../generate/names';
import { bareSql, dashboardParams, dashboardSql, queueCountSql, searchCountSql } from '../lib/queries';
import type { Fixtures } from './fixtures';

export async function explainAll(pool: pg.Pool, f: Fixtures, fullQueries: string[], submitted: string[]) {
  const client = await pool.connect();
  const out: string[] = [];
  const explain = async (title: string, sql: string, params: unknown[]) => {
    await client.query('begin');
    try {
      const { rows } = await client.query(`explain (analyze, buffers) ${sql}`, params);
      out.push(`=== ${title}`, ...rows.map((r) => r['QUERY PLAN'] as string), '');
    } catch (err) {
      out.push(`=== ${title}`, `failed: ${err}`, '');
    } finally {
      await client.query('rollback');
    }
  };
  try {
    const full = fullQueries[0] ?? 'محمد';
    const three = threePartQuery(full);
    await explain(`search, full name: ${full}`, bareSql.search, [f.orgId, full]);
    await explain(`search count, full name: ${full}`, searchCountSql, [f.orgId, full]);
    await explain(`search, three parts: ${three}`, bareSql.search, [f.orgId, three]);
    await explain(`search count, three parts: ${three}`, searchCountSql, [f.orgId, three]);
    await explain(`baseline pg_trgm, full name: ${full}`, bareSql.searchTrigram, [f.orgId, full]);
    await explain('profile', bareSql.profile, [f.orgId, f.profileIds[0]]);
    await explain('create request', bareSql.createRequest, [
      f.orgId,
      f.eligibleIds[0],
      f.serviceId,
      f.userId,
    ]);
    await explain('transition', bareSql.transition, [f.orgId, submitted[0] ?? f.profileIds[0]]);
    await explain('work queue (review)', bareSql.queue, [f.orgId]);
    await explain('work queue count', queueCountSql, [f.orgId]);
    await explain('dashboard counts', bareSql.dashboard, [f.orgId, f.userId]);
    const params = dashboardParams(f.orgId);
    for (const [name, text] of Object.entries(dashboardSql)) {
      const values = name === 'open' ? params.open : name === 'reasons' ? params.instants : params.days;
      await explain(`dashboard overview: ${name}`, text, values);
    }
  } finally {
    client.release();
  }
  return out.join('\n');
}
