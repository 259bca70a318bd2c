import type { FastifyInstance } from 'fastify';
import { hasUnstorableCharacters } from '../../../shared/contracts/common';
import { AppError, languageOf, messageFor } from './errors';

/**
 * Input that cannot be stored is refused at the door, for every route at once, so no new route can
 * forget it: strings with NUL or other control characters (PostgreSQL refuses NUL in text and jsonb,
 * and would answer a 500 deep inside a service), and JSON nested deeper than any of our forms (zod and
 * the database walk nesting recursively; a 1 MB body can nest 500 000 levels).
 */

/** Deeper than any of our contracts (the eligibility rules are the deepest, at about 6). */
export const maxNesting = 32;

export type InputProblem = { path: string; kind: 'characters' | 'nesting' };

/**
 * The first string, or object key, PostgreSQL cannot store, or the first value nested too deep; null
 * when the value is fine. Iterative, so a deep value cannot overflow the stack of the check itself.
 */
export function findInputProblem(value: unknown): InputProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (hasUnstorableCharacters(item.value)) return { path: dotted(item.path), kind: 'characters' };
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.path.length >= maxNesting) return { path: dotted(item.path), kind: 'nesting' };
    const entries = Array.isArray(item.value)
      ? item.value.map((v, i) => [String(i), v] as const)
      : Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i]!;
      // A bad key is reported at its own place, with the bad characters made visible.
      if (hasUnstorableCharacters(key))
        return { path: dotted([...item.path, visible(key)]), kind: 'characters' };
      stack.push({ value: child, path: [...item.path, key] });
    }
  }
  return null;
}

const dotted = (path: string[]) => path.join('.') || '_';

// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point.
const visible = (key: string) => key.replace(/[\u0000-\u001F\uD800-\uDFFF]/g, '\uFFFD');

/** The 400 a problem answers, in the same shape as zod's field errors. */
export function inputProblemError(problem: InputProblem, language: 'ar' | 'en'): AppError {
  if (problem.kind === 'nesting') {
    return new AppError(400, 'VALIDATION_FAILED', { reason: 'NESTING_TOO_DEEP', maxNesting });
  }
  return new AppError(400, 'VALIDATION_FAILED', {
    fields: { [problem.path]: messageFor('INVALID_CHARACTERS', language) },
  });
}

export function registerInputGuard(app: FastifyInstance): void {
  // A POST without a body but labelled JSON (what many API clients send for bodiless actions such as
  // closing a session) means "no body", not a malformed one. Routes that need a body still say so.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string; // parseAs: 'string'
    if (/^\s*$/.test(text)) return done(null, undefined);
    return parseJson(request, text, done);
  });
  // The API speaks JSON (and multipart for files): a text/plain body is refused as 415 rather than
  // reaching a route as a bare string.
  app.removeContentTypeParser('text/plain');

  app.addHook('preValidation', async (request) => {
    const language = languageOf(request);
    for (const part of [request.params, request.query, request.body]) {
      const problem = findInputProblem(part);
      if (problem) throw inputProblemError(problem, language);
    }
  });
}
