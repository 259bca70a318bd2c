/** Load generation (autocannon on 127.0.0.1) and latency statistics. */
import autocannon from 'autocannon';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  requests: number;
  non2xx: number;
  errors: number;
  durationS: number;
}

export interface LoadSpec {
  url: string;
  method?: 'GET' | 'POST';
  connections?: number;
  durationS?: number;
  headers?: Record<string, string>;
  /** Called for each request: the path (and body) to send; lets a run rotate over ids or queries. */
  next: () => { path: string; body?: unknown };
}

export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const method = spec.method ?? 'GET';
  const headers = {
    ...(spec.headers ?? {}),
    ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
  };
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections ?? 50,
    duration: spec.durationS ?? 10,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method,
        headers,
        setupRequest: (req) => {
          const n = spec.next();
          return { ...req, path: n.path, ...(n.body === undefined ? {} : { body: JSON.stringify(n.body) }) };
        },
      },
    ],
  });
  return loadResultOf(result);
}

/** The figures of one autocannon run. */
export function loadResultOf(result: autocannon.Result): LoadResult {
  const total = result['2xx'] + result.non2xx;
  return {
    requestsPerSecond: total / result.duration,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    requests: total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    durationS: result.duration,
  };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(latenciesMs: number[]) {
  const s = [...latenciesMs].sort((a, b) => a - b);
  return {
    n: s.length,
    p50Ms: percentile(s, 50),
    p95Ms: percentile(s, 95),
    p99Ms: percentile(s, 99),
    maxMs: s.at(-1) ?? Number.NaN,
  };
}

/** One request at a time, for latency without queueing; stops at `count` or after `budgetMs`. */
export async function sequential<T>(
  items: T[],
  budgetMs: number,
  run: (item: T) => Promise<void>,
): Promise<{ latenciesMs: number[]; done: number; timedOut: boolean }> {
  const latenciesMs: number[] = [];
  const until = performance.now() + budgetMs;
  for (const item of items) {
    if (performance.now() > until) return { latenciesMs, done: latenciesMs.length, timedOut: true };
    const t = performance.now();
    await run(item);
    latenciesMs.push(performance.now() - t);
  }
  return { latenciesMs, done: latenciesMs.length, timedOut: false };
}
