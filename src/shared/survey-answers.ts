import type { Answers, QuestionKind, SurveyQuestion } from './contracts/surveys';

// The rules of a survey answer, pure and without zod: the server checks with them, and the beneficiary's
// answering page (portal bundle, no zod) shows the same refusals before sending.

/**
 * Checks answers against the version's questions; returns field errors keyed by question id
 * (REQUIRED, OUT_OF_RANGE, UNKNOWN_OPTION, UNKNOWN_QUESTION, WRONG_TYPE). Shared: the page shows what
 * the server will refuse.
 */
export function answerErrors(questions: readonly SurveyQuestion[], answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) if (!known.has(id)) errors[id] = 'UNKNOWN_QUESTION';
  for (const q of questions) {
    const value = answers[q.id];
    const empty =
      value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    if (empty) {
      if (q.required) errors[q.id] = 'REQUIRED';
      continue;
    }
    const options = new Set((q.options ?? []).map((o) => o.id));
    if (q.kind === 'faces' || q.kind === 'stars') {
      if (typeof value !== 'number') errors[q.id] = 'WRONG_TYPE';
      else if (value < 1 || value > 5) errors[q.id] = 'OUT_OF_RANGE';
    } else if (q.kind === 'nps') {
      if (typeof value !== 'number') errors[q.id] = 'WRONG_TYPE';
    } else if (q.kind === 'single') {
      if (typeof value !== 'string') errors[q.id] = 'WRONG_TYPE';
      else if (!options.has(value)) errors[q.id] = 'UNKNOWN_OPTION';
    } else if (q.kind === 'multiple') {
      if (!Array.isArray(value)) errors[q.id] = 'WRONG_TYPE';
      else if (value.some((v) => !options.has(v))) errors[q.id] = 'UNKNOWN_OPTION';
    } else if (typeof value !== 'string') errors[q.id] = 'WRONG_TYPE';
  }
  return errors;
}

/** The measures kept with each response: the first faces/stars answer, the first 0–10 answer, the free text. */
export function measuresOf(
  questions: readonly SurveyQuestion[],
  answers: Answers,
): { score: number | null; nps: number | null; comment: string | null } {
  const first = (kinds: QuestionKind[]) => {
    const q = questions.find((x) => kinds.includes(x.kind) && typeof answers[x.id] === 'number');
    return q ? (answers[q.id] as number) : null;
  };
  const texts = questions
    .filter((q) => q.kind === 'text' && typeof answers[q.id] === 'string' && (answers[q.id] as string) !== '')
    .map((q) => answers[q.id] as string);
  return {
    score: first(['faces', 'stars']),
    nps: first(['nps']),
    comment: texts.length ? texts.join('\n') : null,
  };
}
