/**
 * The server time of each page's data, for one staff member (issue #10): the calls a page makes to
 * open, one at a time (no queueing), each over many different records, so every read finds cold rows
 * rather than one cached answer. The request page's target is a p95 under 150 ms at 100,000
 * beneficiaries; the lists are reported beside it.
 */
import type pg from 'pg';
import { createRng } from '../generate/prng';
import { sequential, summarise } from '../lib/load';

export const requestPageTargetP95Ms = 150;

export interface PageDataMeasure {
  page: string;
  call: string;
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Median size of the answer, in bytes (JSON, uncompressed). */
  medianBytes: number;
  targetP95Ms: number | null;
  timedOut: boolean;
}

/** Requests of every status, drawn with the run's seed (stable across runs of one data set). */
export async function pageRequestIds(pool: pg.Pool, orgId: string, seed: number, n: number) {
  const { rows } = await pool.query<{ id: string }>(
    `select id from requests where organization_id = $1 order by md5(id::text || $2) limit $3`,
    [orgId, String(createRng(seed ^ 0x9a9e).int(1, 1_000_000)), n],
  );
  return rows.map((r) => r.id);
}

/**
 * Each page's calls, measured one after the other. `get` answers the body's size and fails on any
 * answer other than 200, so an error page is never timed as a fast one.
 */
export async function measurePageData(options: {
  requestIds: string[];
  budgetMs: number;
  get: (path: string) => Promise<number>;
}): Promise<PageDataMeasure[]> {
  const { requestIds, budgetMs, get } = options;
  const calls: { page: string; call: string; paths: string[][]; target: number | null }[] = [
    {
      page: 'Request page (/requests/:id)',
      call: 'GET /api/v1/requests/:id/page',
      paths: requestIds.map((id) => [`/api/v1/requests/${id}/page`]),
      target: requestPageTargetP95Ms,
    },
    // For comparison: the calls the page made before it had one (decision 013), here one after the other.
    {
      page: 'Request page, as before',
      call: 'GET /requests/:id, then …/verifications, …/evaluation, …/history, …/referrals',
      paths: requestIds.map((id) =>
        ['', '/verifications', '/evaluation', '/history', '/referrals'].map(
          (p) => `/api/v1/requests/${id}${p}`,
        ),
      ),
      target: null,
    },
    // The request list (/requests) opens with these two (the active services list is cached a minute).
    {
      page: 'Request list (/requests)',
      call: 'GET /api/v1/requests?queue=review&sort=oldest&limit=25',
      paths: Array.from({ length: 100 }, () => ['/api/v1/requests?queue=review&sort=oldest&limit=25']),
      target: null,
    },
    {
      page: 'Request list (/requests)',
      call: 'GET /api/v1/requests/queues',
      paths: Array.from({ length: 100 }, () => ['/api/v1/requests/queues']),
      target: null,
    },
  ];
  const out: PageDataMeasure[] = [];
  for (const c of calls) {
    // A few untimed calls first (on records not timed after): the first answers compile code and fill
    // the server's caches.
    for (const group of c.paths.slice(0, 5)) for (const p of group) await get(p);
    const sizes: number[] = [];
    const run = await sequential(c.paths.slice(5), budgetMs, async (group) => {
      let bytes = 0;
      for (const p of group) bytes += await get(p);
      sizes.push(bytes);
    });
    const s = summarise(run.latenciesMs);
    sizes.sort((a, b) => a - b);
    out.push({
      page: c.page,
      call: c.call,
      n: s.n,
      p50Ms: s.p50Ms,
      p95Ms: s.p95Ms,
      p99Ms: s.p99Ms,
      maxMs: s.maxMs,
      medianBytes: sizes[Math.floor(sizes.length / 2)] ?? Number.NaN,
      targetP95Ms: c.target,
      timedOut: run.timedOut,
    });
  }
  return out;
}
