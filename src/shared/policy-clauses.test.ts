import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { enforcedRules, findRuleClauses } from './policy-clauses';

const seed = (name: string) => readFileSync(new URL(`../server/demo/seeds/${name}`, import.meta.url), 'utf8');

describe('rules and the clauses that set them', () => {
  it('finds every enforced rule in both seed policies, on the line that sets it', () => {
    for (const name of ['hr-society-policy.txt', 'shaaer-policy.txt']) {
      const matches = findRuleClauses(seed(name));
      expect(matches.map((m) => m.rule)).toEqual([...enforcedRules]);
      for (const m of matches) expect(m.line, `${name}: ${m.rule}`).not.toBeNull();
      const days = matches.find((m) => m.rule === 'decision_days')!;
      expect(days.line).toContain('أسبوعين');
      expect(seed(name).split('\n')[days.lineNumber! - 1]!.trim()).toBe(days.line);
    }
  });

  it('matches through spelling variants and says so when a clause is gone', () => {
    const text = ['تمهيد', 'والرد عليه خلال مده لاتقل  عن اسبوعين.', 'الخاتمة'].join('\n');
    const [days] = findRuleClauses(text).filter((m) => m.rule === 'decision_days');
    // "لاتقل" is one word: not the clause's words, so no match — a reworded clause is not claimed.
    expect(days!.line).toBeNull();
    const variant = findRuleClauses('والرد عليه خلال مُدّة لا تَقِلّ عن اسبوعين').find(
      (m) => m.rule === 'decision_days',
    );
    expect(variant!.line).toBe('والرد عليه خلال مُدّة لا تَقِلّ عن اسبوعين');
    expect(variant!.lineNumber).toBe(1);
    expect(findRuleClauses('').every((m) => m.line === null)).toBe(true);
  });
});
