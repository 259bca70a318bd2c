/**
 * A seeded pseudo-random generator for the synthetic data: mulberry32 (32-bit state, fast, good
 * enough for test data, not for secrets). The generator never calls Math.random, so a seed gives the
 * same data on every machine.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A child generator with its own stream, so adding draws in one part does not shift another. */
  fork(label: string): Rng;
  /** 128 random bits as a version-4 UUID string. */
  uuid(): string;
}

export function hashString(text: string): number {
  // FNV-1a, 32 bits.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const hex = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = () => u32() / 4294967296;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    fork: (label) => createRng(hashString(`${seed}:${label}`) ^ u32()),
    uuid() {
      const b = [u32(), u32(), u32(), u32()];
      const bytes: number[] = [];
      for (const w of b) bytes.push(w >>> 24, (w >>> 16) & 255, (w >>> 8) & 255, w & 255);
      bytes[6] = (bytes[6]! & 0x0f) | 0x40;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const h = bytes.map((x) => hex[x]).join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
  return rng;
}

/**
 * Unique, deterministic UUIDs (version-4 layout): the k-th id of an organization of a run. The last
 * 32 bits are a bijective mix of k, so ids never repeat within an organization (up to 2^32), and the
 * organization's index sits in bits the version nibble does not touch, so they never repeat across
 * organizations either. Random-looking draws cannot promise that with a 32-bit generator state.
 */
export function uuidFactory(seed: number, orgIndex: number): () => string {
  if (orgIndex >= 4096) throw new RangeError('at most 4096 organizations');
  const w0 = hashString(`uuid:${seed}`);
  let k = 0;
  const mix = (x: number) => {
    // xorshift-multiply steps, each a bijection on 32-bit integers.
    let h = x >>> 0;
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
    return (h ^ (h >>> 16)) >>> 0;
  };
  const hex8 = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return () => {
    const n = k++;
    const w1 = (orgIndex & 0x0fff) | 0x4000; // bits 12-15 become the version nibble 4
    const w2 = ((mix(n ^ w0) & 0x3fffffff) | 0x80000000) >>> 0; // variant bits 10
    const w3 = mix(n);
    const h = `${hex8(w0)}${hex8(w1)}${hex8(w2)}${hex8(w3)}`;
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

/** Draws items with given weights in O(log n) per draw (cumulative table + binary search). */
export function weightedSampler<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return entries[lo]![0];
  };
}
