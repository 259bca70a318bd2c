/** The benchmark's results: one JSON document (each figure with its unit) and its Markdown table. */

import type { MixedResult } from '../scenarios/mixed';
import type { PageDataMeasure } from '../scenarios/page-data';
import { type SearchMeasure, searchKindLabel } from '../scenarios/search';
import type { LoadResult } from './load';

export interface Figure {
  value: number | null;
  unit: string;
}
export const fig = (value: number | null | undefined, unit: string): Figure => ({
  value: value === null || value === undefined || Number.isNaN(value) ? null : Math.round(value * 100) / 100,
  unit,
});

/** One core endpoint: ours, the limit (a bare route running the same SQL, same run) and ours ÷ limit. */
export interface EndpointResult {
  name: string;
  label: string;
  ours: LoadResult;
  limit: LoadResult;
  /** Requests per second, ours ÷ limit (issue 15's target: ≥ 0.5). */
  ratio: number | null;
}

export const endpointResult = (name: string, label: string, ours: LoadResult, limit: LoadResult) => ({
  name,
  label,
  ours,
  limit,
  ratio:
    limit.requestsPerSecond > 0
      ? Math.round((ours.requestsPerSecond / limit.requestsPerSecond) * 1000) / 1000
      : null,
});

export interface Results {
  date: string;
  machine: { cpus: number; cpuModel: string; memory: Figure; node: string; platform: string };
  settings: {
    size: number;
    orgs: number;
    seed: number;
    connections: number;
    serverPoolMax: number;
    durationPerRun: Figure;
    database: string;
  };
  dataset: { anchor: string; generated: boolean; generation: Figure | null; copy: Figure | null };
  startup: { toReady: Figure };
  pageData: { measures: PageDataMeasure[]; loadAverage: number[] };
  memory: { rssAtReady: Figure; rssPeakUnderLoad: Figure };
  database: { size: Figure; per100k: Figure };
  search: {
    ours: SearchMeasure[];
    oursBareSql: SearchMeasure[];
    trigramBaseline: SearchMeasure[];
  };
  /** The core endpoints at `connections` connections, search first. */
  endpoints: EndpointResult[];
  /** The mixed workload (bench/scenarios/mixed.ts). */
  mixed: MixedResult | null;
}

const n = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v)
    ? '—'
    : v.toLocaleString('en', { maximumFractionDigits: digits });
const mb = (bytes: number | null) => (bytes === null ? '—' : `${n(bytes / 1024 / 1024, 0)} MB`);

export function renderMarkdown(r: Results): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(
    `Run ${r.date} on ${m.cpus} cores (${m.cpuModel}), ${mb(m.memory.value)} RAM, Node ${m.node}, ${m.platform}; ` +
      `${n(r.settings.size, 0)} beneficiaries in ${r.settings.orgs} organization(s), seed ${r.settings.seed}, ` +
      `${r.settings.database}, server DB_POOL_MAX=${r.settings.serverPoolMax}; ${r.settings.connections} connections × ${r.settings.durationPerRun.value} s per run.`,
  );
  lines.push('');
  lines.push('**Arabic name search** (one query at a time; recall = intended person in the first 10)');
  lines.push('');
  lines.push('| query typed | engine | n | p50 | p95 | p99 | recall@10 | median matches |');
  lines.push('|---|---|--:|--:|--:|--:|--:|--:|');
  const row = (engine: string, s: SearchMeasure) =>
    lines.push(
      `| ${searchKindLabel[s.kind]} | ${engine} | ${s.n}${s.timedOut ? ' (time budget)' : ''}${s.stalled ? ' **stalled**' : ''} | ${n(s.p50Ms)} ms | ${n(s.p95Ms)} ms | ${n(s.p99Ms)} ms | ${n(s.recallAt10, 3)} | ${s.medianMatches === null ? '—' : n(s.medianMatches, 0)} |`,
    );
  for (const s of r.search.ours) row('Wasl API (tokens + GIN, then trigram fallback)', s);
  for (const s of r.search.oursBareSql) row('bare route, same SQL', s);
  for (const s of r.search.trigramBaseline) row('baseline: pg_trgm `name_key % q`', s);
  lines.push('');
  const full = (list: SearchMeasure[]) => list.find((s) => s.kind === 'full');
  const ours = full(r.search.ours);
  const base = full(r.search.trigramBaseline);
  if (ours && base) {
    lines.push(
      `Full-name search: baseline p95 ÷ ours p95 = **${n(base.p95Ms / ours.p95Ms)}×** (ours ${n(ours.p95Ms)} ms, recall ${n(ours.recallAt10, 3)}; baseline ${n(base.p95Ms)} ms, recall ${n(base.recallAt10, 3)}).`,
    );
    lines.push('');
  }
  lines.push(renderPageData(r.pageData.measures, r.settings.size, r.pageData.loadAverage));
  lines.push('');
  lines.push(
    `**Throughput at ${r.settings.connections} connections** (ratio = ours ÷ bare-route limit, requests per second)`,
  );
  lines.push('');
  lines.push(
    '| endpoint | ours req/s | ours p50 | ours p99 | limit req/s | limit p99 | ratio | non-2xx (ours) |',
  );
  lines.push('|---|--:|--:|--:|--:|--:|--:|--:|');
  for (const e of r.endpoints) {
    lines.push(
      `| ${e.label} | ${n(e.ours.requestsPerSecond, 0)} | ${n(e.ours.p50Ms)} ms | ${n(e.ours.p99Ms)} ms | ${n(e.limit.requestsPerSecond, 0)} | ${n(e.limit.p99Ms)} ms | **${n(e.ratio, 2)}** | ${e.ours.non2xx + e.ours.errors} |`,
    );
  }
  if (r.mixed) {
    const m = r.mixed;
    const rss = m.rssMb;
    lines.push('');
    lines.push(
      `**Mixed workload**, ${r.settings.connections} connections × ${n(m.durationS, 0)} s (40 % searches, 30 % profile reads, 15 % request creations, 15 % transitions): ` +
        `${n(m.requestsPerSecond, 0)} req/s, p50 ${n(m.p50Ms)} ms, **p99 ${n(m.p99Ms)} ms** (target < 100 ms), max ${n(m.maxMs)} ms, ` +
        `non-2xx and errors ${m.non2xx + m.errors} of ${m.requests}; server RSS ${rss[0] ?? '—'} MB at the start, ` +
        `${rss.length ? Math.max(...rss) : '—'} MB at most, ${rss.at(-1) ?? '—'} MB at the end.`,
    );
  }
  lines.push('');
  lines.push('| platform | value |');
  lines.push('|---|--:|');
  lines.push(
    `| start-up to ready (embedded PostgreSQL + migrations + HTTP) | ${n(r.startup.toReady.value, 0)} ms |`,
  );
  lines.push(`| server RSS at ready | ${mb(r.memory.rssAtReady.value)} |`);
  lines.push(`| server RSS, peak under load | ${mb(r.memory.rssPeakUnderLoad.value)} |`);
  lines.push(`| database size | ${mb(r.database.size.value)} |`);
  lines.push(`| database size per 100k beneficiaries | ${mb(r.database.per100k.value)} |`);
  if (r.dataset.generation) lines.push(`| data generation (this run) | ${n(r.dataset.generation.value)} s |`);
  else lines.push('| data generation | cached (generated earlier) |');
  return lines.join('\n');
}

/** Each page's data for one user: the table, with the target where there is one and whether it is met. */
export function renderPageData(measures: PageDataMeasure[], size: number, loadAverage: number[]): string {
  const lines = [
    `**Each page's data, one user** (${n(size, 0)} beneficiaries; one page at a time over 127.0.0.1, each request-page row on requests of its own, none read twice; time until the last answer is in; machine load average ${loadAverage.map((l) => n(l, 1)).join(' → ')} during these calls)`,
    '',
    '| page | call | n | p50 | p95 | p99 | max | median size | target p95 | met |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const m of measures) {
    const met = m.targetP95Ms === null ? '—' : m.p95Ms < m.targetP95Ms ? 'yes' : '**no**';
    lines.push(
      `| ${m.page} | ${m.call} | ${m.n}${m.timedOut ? ' (time budget)' : ''} | ${n(m.p50Ms)} ms | ${n(m.p95Ms)} ms | ${n(m.p99Ms)} ms | ${n(m.maxMs)} ms | ${n(m.medianBytes / 1024)} kB | ${m.targetP95Ms === null ? '—' : `< ${m.targetP95Ms} ms`} | ${met} |`,
    );
  }
  return lines.join('\n');
}
