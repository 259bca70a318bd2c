/**
 * Arabic name search: people picked at random from the registry, their names typed with spelling
 * variants (full four-part name, and first + father + family), plus a few real typos. Latency is
 * measured one query at a time (no queueing), recall as "the intended person is in the first 10".
 * The same queries go to the bare route of our SQL and to the pg_trgm baseline.
 */

import { threePartQuery, typedVariant, typoVariant } from '../generate/names';
import { createRng } from '../generate/prng';
import { sequential, summarise } from '../lib/load';

export interface SearchQuery {
  kind: 'full' | 'three_part' | 'typo';
  q: string;
  targetId: string;
}

export function buildSearchQueries(people: { id: string; name: string }[], seed: number): SearchQuery[] {
  const rng = createRng(seed ^ 0x5ea7c4);
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
  });
  return out;
}

export interface SearchMeasure {
  kind: SearchQuery['kind'];
  n: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  recallAt10: number;
  medianMatches: number | null;
  timedOut: boolean;
}

/** Runs the queries one at a time against `fetchItems`, per kind, within `budgetMs` per kind. */
export async function measureSearch(
  queries: SearchQuery[],
  budgetMs: number,
  fetchItems: (q: string) => Promise<{ ids: string[]; total: number | null }>,
  kinds: SearchQuery['kind'][] = ['full', 'three_part', 'typo'],
): Promise<SearchMeasure[]> {
  const results: SearchMeasure[] = [];
  for (const kind of kinds) {
    const mine = queries.filter((q) => q.kind === kind);
    let found = 0;
    const totals: number[] = [];
    const run = await sequential(mine, budgetMs, async (query) => {
      const { ids, total } = await fetchItems(query.q);
      if (ids.slice(0, 10).includes(query.targetId)) found++;
      if (total !== null) totals.push(total);
    });
    const s = summarise(run.latenciesMs);
    totals.sort((a, b) => a - b);
    results.push({
      kind,
      n: s.n,
      p50Ms: s.p50Ms,
      p95Ms: s.p95Ms,
      p99Ms: s.p99Ms,
      recallAt10: s.n ? found / s.n : Number.NaN,
      medianMatches: totals.length ? totals[Math.floor(totals.length / 2)]! : null,
      timedOut: run.timedOut,
    });
  }
  return results;
}
