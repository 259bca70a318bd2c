// Any role may ask for a diff: two long texts with nothing in common must not hold the event loop
// past the time allowed; the answer is then «old removed, new added», still true.
import { describe, expect, it } from 'vitest';
import { diffPolicyText, diffTimeoutMs } from './policy-diff';

const text = (prefix: string, lines: number) =>
  Array.from({ length: lines }, (_, i) => `${prefix} ${i} — بند ${i} من السياسة`).join('\n');

describe('policy diff', () => {
  it('names the changed line of two close versions', () => {
    const result = diffPolicyText('أولاً\nثانياً\nثالثاً\n', 'أولاً\nثانياً معدّل\nثالثاً\n');
    expect(result).toMatchObject({ added: 1, removed: 1 });
    expect(result.parts.map((p) => p.kind)).toEqual(['unchanged', 'removed', 'added', 'unchanged']);
  });

  it('gives up after a quarter of a second on two huge unrelated texts, old removed and new added', () => {
    expect(diffTimeoutMs).toBeLessThanOrEqual(250);
    const from = text('قديم', 20_000);
    const to = text('جديد', 20_000);
    const started = performance.now();
    const result = diffPolicyText(from, to);
    const elapsed = performance.now() - started;
    // The allowed time plus splitting and counting the lines, with room for a busy machine.
    expect(elapsed).toBeLessThan(1_000);
    expect(result).toMatchObject({ added: 20_000, removed: 20_000 });
    expect(result.parts.map((p) => p.kind)).toEqual(['removed', 'added']);
    expect(result.parts[0]!.lines[0]).toBe('قديم 0 — بند 0 من السياسة');
  });
});
