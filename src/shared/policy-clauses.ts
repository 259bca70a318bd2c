import { normalizeArabicName } from './arabic/names';

/**
 * The rules Wasl enforces, each tied to the clause of the association's policy that sets it (issue 14,
 * item 1). A rule names short anchor phrases from the seed policies (`../shared/seeds/`); the clause shown
 * is the line of the association's *own* published text that holds one of them, so an association that
 * rewords or removes the clause sees that the rule no longer has a clause behind it — a prompt to review
 * the setting or the policy, never a quote the text does not contain.
 */
export const enforcedRules = [
  'channels',
  'verification',
  'referral',
  'declaration',
  'decision_body',
  'decision_days',
  'satisfaction',
] as const;
export type EnforcedRule = (typeof enforcedRules)[number];

/** Anchor phrases, matched after Arabic normalisation (hamza, taa marbuta, diacritics, spacing). */
export const ruleAnchors: Record<EnforcedRule, readonly string[]> = {
  // «القنوات المستخدمة للتواصل مع المستفيدين» — the channels list.
  channels: ['القنوات المستخدمة للتواصل'],
  // «وعلى الموظف مطابقة البيانات والتأكد من صلاحيتها وقت التقديم» — the document checks at intake.
  verification: ['صلاحيتها وقت التقديم'],
  // «فعلى الموظف إحالته لمسئول البحث الاجتماعي / للمشرف» — referral of an unclear case.
  referral: ['فعلى الموظف إحالته'],
  // «… والتوقيع عليها وأنه مسؤول مسؤولية مباشرة عن صحة المعلومات» — the signed declaration.
  declaration: ['مسؤولية مباشرة'],
  // «بأن طلبه سيرفع للجنة البحث / إلى الإدارة» — who decides.
  decision_body: ['طلبه سيرفع'],
  // «… خلال مدة لا تقل عن أسبوعين» — the decision promise (at least 14 days).
  decision_days: ['لا تقل عن أسبوعين'],
  // «التركيز على عملية قياس رضا المستفيد …» — satisfaction measured.
  satisfaction: ['قياس رضا المستفيد'],
};

export interface ClauseMatch {
  rule: EnforcedRule;
  /** The line of the text that holds the anchor, as written (trimmed), or null when none does. */
  line: string | null;
  /** 1-based line number in the text, or null. */
  lineNumber: number | null;
}

/** Finds, for every enforced rule, the first line of `body` that holds one of its anchors. */
export function findRuleClauses(body: string): ClauseMatch[] {
  const lines = body.split(/\r?\n/);
  const normalised = lines.map((line) => ` ${normalizeArabicName(line)} `);
  return enforcedRules.map((rule) => {
    const anchors = ruleAnchors[rule].map((a) => ` ${normalizeArabicName(a)} `);
    const index = normalised.findIndex((line) => anchors.some((anchor) => line.includes(anchor)));
    return index < 0
      ? { rule, line: null, lineNumber: null }
      : { rule, line: lines[index]!.trim(), lineNumber: index + 1 };
  });
}
