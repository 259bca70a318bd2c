/**
 * The mixed workload of issue 15, item 6: 50 connections for 60 s, each request drawn at random from
 * searches (40 %), profile reads (30 %), request creations (15 %) and transitions (15 %), as a reception
 * desk's day mixes them. Measured: p99, errors, and the server's memory every second (flat or growing).
 */
import autocannon from 'autocannon';
import { createRng } from '../generate/prng';
import { type LoadResult, loadResultOf } from '../lib/load';
import { type Fixtures, rotate } from './fixtures';

export interface MixedResult extends LoadResult {
  /** Requests of each kind sent. */
  sent: Record<string, number>;
  /** Server RSS in MB at each second of the run (from the sampler the caller passes). */
  rssMb: number[];
}

export async function runMixed(options: {
  baseUrl: string;
  cookie: string;
  fixtures: Fixtures;
  searchQueries: string[];
  submitted: string[];
  connections: number;
  durationS: number;
  seed: number;
  rssOf: () => number;
}): Promise<MixedResult> {
  const f = options.fixtures;
  const rng = createRng(options.seed ^ 0x313);
  const query = rotate(options.searchQueries);
  const profile = rotate(f.profileIds);
  const eligible = rotate(f.eligibleIds);
  const transition = rotate(options.submitted);
  const sent: Record<string, number> = { search: 0, profile: 0, create: 0, transition: 0 };
  const draw = (): { kind: string; method: 'GET' | 'POST'; path: string; body?: unknown } => {
    const x = rng.next();
    if (x < 0.4)
      return {
        kind: 'search',
        method: 'GET',
        path: `/api/v1/beneficiaries?limit=10&q=${encodeURIComponent(query())}`,
      };
    if (x < 0.7) return { kind: 'profile', method: 'GET', path: `/api/v1/beneficiaries/${profile()}` };
    if (x < 0.85)
      return {
        kind: 'create',
        method: 'POST',
        path: '/api/v1/requests',
        body: { beneficiaryId: eligible(), serviceId: f.serviceId, channel: 'in_person' },
      };
    return {
      kind: 'transition',
      method: 'POST',
      path: `/api/v1/requests/${transition()}/transitions`,
      body: { action: 'start_review' },
    };
  };
  const rssMb: number[] = [];
  const sampler = setInterval(() => rssMb.push(Math.round(options.rssOf() / 1048576)), 1000);
  try {
    const result = await autocannon({
      url: options.baseUrl,
      connections: options.connections,
      duration: options.durationS,
      pipelining: 1,
      timeout: 30,
      requests: [
        {
          setupRequest: (req) => {
            const d = draw();
            sent[d.kind]! += 1;
            return {
              ...req,
              method: d.method,
              path: d.path,
              headers: {
                cookie: options.cookie,
                ...(d.body === undefined ? {} : { 'content-type': 'application/json' }),
              },
              ...(d.body === undefined ? {} : { body: JSON.stringify(d.body) }),
            };
          },
        },
      ],
    });
    return { ...loadResultOf(result), sent, rssMb };
  } finally {
    clearInterval(sampler);
  }
}
