// The readable difference between two versions of a policy: its lines (paragraphs) added, removed and
// unchanged, in order — jsdiff's line diff (the `diff` package), Windows line ends ignored.
import { diffLines } from 'diff';
import type { PolicyDiffPart } from '../../../shared/contracts/policies';

const linesOf = (value: string) => {
  const lines = value.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
};

/** The event-loop time one comparison may take (a request any role may make). */
export const diffTimeoutMs = 250;

export function diffPolicyText(from: string, to: string) {
  const parts: PolicyDiffPart[] = [];
  let added = 0;
  let removed = 0;
  // Two long texts with nothing in common could take long to compare, and every role may ask: past
  // 250 ms of the event loop the answer is «all of the old removed, all of the new added» (still true,
  // only less precise; the page then shows the old text struck out above the new one).
  const changes = diffLines(from, to, { stripTrailingCr: true, timeout: diffTimeoutMs }) ?? [
    { value: from, added: false, removed: true, count: 0 },
    { value: to, added: true, removed: false, count: 0 },
  ];
  for (const change of changes) {
    const lines = linesOf(change.value);
    if (lines.length === 0) continue;
    const kind = change.added ? 'added' : change.removed ? 'removed' : 'unchanged';
    if (kind === 'added') added += lines.length;
    if (kind === 'removed') removed += lines.length;
    parts.push({ kind, lines });
  }
  return { parts, added, removed };
}
