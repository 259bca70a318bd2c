/**
 * Arabic name search: people picked at random from the registry, their names typed with spelling
 * variants (full four-part name, and first + father + family), plus a few real typos, and first +
 * father + family followed by what the clerk also knows (the birth year, Gregorian or Hijri, or the
 * city: decision 027). Latency is measured one query at a time (no queueing), recall as "the intended
 * person is in the first 10". The same queries go to the bare route of our SQL and to the pg_trgm
 * baseline. A query that does not answer within its time limit marks its kind "stalled" and the run
 * goes on with the next kind.
 */

import { gregorianToHijri } from '../../src/shared/dates-hijri-calendar';
import { toArabicIndicDigits } from '../../src/shared/digits';
import { threePartQuery, typedVariant, typoVariant } from '../generate/names';
import { createRng } from '../generate/prng';
import { summarise } from '../lib/load';

export type SearchKind = 'full' | 'three_part' | 'three_part_hint' | 'typo';
export const searchKinds: SearchKind[] = ['full', 'three_part', 'three_part_hint', 'typo'];

export interface SearchQuery {
  kind: SearchKind;
  q: string;
  targetId: string;
}

export interface SearchPerson {
  id: string;
  name: string;
  /** YYYY-MM-DD; with `city`, what the hint queries add after the name. */
  birthDate?: string;
  city?: string;
}

export function buildSearchQueries(people: SearchPerson[], seed: number): SearchQuery[] {
  const rng = createRng(seed ^ 0x5ea7c4);
  // The hints draw from their own sequence, so the other kinds' queries stay those of earlier runs.
  const hintRng = createRng(seed ^ 0x41a7);
  const out: SearchQuery[] = [];
  people.forEach((p, i) => {
    const kind = i % 10 < 6 ? 'full' : i % 10 < 9 ? 'three_part' : 'typo';
    const q =
      kind === 'full'
        ? typedVariant(rng, p.name)
        : kind === 'three_part'
          ? typedVariant(rng, threePartQuery(p.name))
          : typoVariant(rng, p.name);
    out.push({ kind, q, targetId: p.id });
    if (kind === 'three_part' && p.birthDate && p.city) {
      const year = p.birthDate.slice(0, 4);
      const pick = hintRng.int(0, 3);
      const hint =
        pick === 0
          ? year
          : pick === 1
            ? toArabicIndicDigits(year)
            : pick === 2
              ? toArabicIndicDigits(gregorianToHijri(p.birthDate).slice(0, 4))
              : p.city;
      out.push({ kind: 'three_part_hint', q: `${q} ${hint}`, targetId: p.id });
    }
  });
  return out;
}

export interface SearchMeasure {
  kind: SearchKind;
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  recallAt10: number;
  medianMatches: number | null;
  timedOut: boolean;
  /** A query did not answer within the limit (or failed): the kind stopped there. */
  stalled?: string;
}

/**
 * Runs the queries one at a time against `fetchItems`, per kind, within `budgetMs` per kind; each query
 * may take `queryTimeoutMs` at most (its signal aborts then), after which the kind is reported stalled.
 */
export async function measureSearch(
  queries: SearchQuery[],
  budgetMs: number,
  fetchItems: (q: string, signal: AbortSignal) => Promise<{ ids: string[]; total: number | null }>,
  kinds: SearchKind[] = searchKinds,
  queryTimeoutMs = 15_000,
): Promise<SearchMeasure[]> {
  const results: SearchMeasure[] = [];
  for (const kind of kinds) {
    const mine = queries.filter((q) => q.kind === kind);
    if (mine.length === 0) continue;
    let found = 0;
    const totals: number[] = [];
    const latencies: number[] = [];
    let stalled: string | undefined;
    let timedOut = false;
    const until = performance.now() + budgetMs;
    for (const query of mine) {
      if (performance.now() > until) {
        timedOut = true;
        break;
      }
      const started = performance.now();
      try {
        const { ids, total } = await fetchItems(query.q, AbortSignal.timeout(queryTimeoutMs));
        latencies.push(performance.now() - started);
        if (ids.slice(0, 10).includes(query.targetId)) found++;
        if (total !== null) totals.push(total);
      } catch (err) {
        const e = err as Error;
        stalled =
          e.name === 'TimeoutError' || e.name === 'AbortError'
            ? `no answer within ${queryTimeoutMs / 1000} s`
            : e.message.slice(0, 200);
        break;
      }
    }
    const s = summarise(latencies);
    totals.sort((a, b) => a - b);
    results.push({
      kind,
      n: s.n,
      p50Ms: s.p50Ms,
      p95Ms: s.p95Ms,
      p99Ms: s.p99Ms,
      recallAt10: s.n ? found / s.n : Number.NaN,
      medianMatches: totals.length ? totals[Math.floor(totals.length / 2)]! : null,
      timedOut,
      ...(stalled ? { stalled } : {}),
    });
  }
  return results;
}

export const searchKindLabel: Record<SearchKind, string> = {
  full: 'full name (4 parts)',
  three_part: 'first + father + family',
  three_part_hint: 'first + father + family + birth year or city',
  typo: 'one-letter typo',
};

/** The search table alone (`npm run bench -- --search-only`). */
export function renderSearch(rows: { engine: string; measures: SearchMeasure[] }[], heading: string): string {
  const f = (v: number, digits = 1) =>
    Number.isNaN(v) ? '—' : v.toLocaleString('en', { maximumFractionDigits: digits });
  const lines = [
    heading,
    '',
    '| query typed | engine | n | p50 | p95 | p99 | recall@10 | median matches |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const { engine, measures } of rows) {
    for (const s of measures) {
      const n = `${s.n}${s.timedOut ? ' (time budget)' : ''}${s.stalled ? ` **stalled** (${s.stalled})` : ''}`;
      lines.push(
        `| ${searchKindLabel[s.kind]} | ${engine} | ${n} | ${f(s.p50Ms)} ms | ${f(s.p95Ms)} ms | ${f(s.p99Ms)} ms | ${f(s.recallAt10, 3)} | ${s.medianMatches === null ? '—' : f(s.medianMatches, 0)} |`,
      );
    }
  }
  return lines.join('\n');
}
