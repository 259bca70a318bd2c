/**
 * The logger's `err` serializer: what an error may put in the log. Beneficiaries' names, national ids
 * and phone numbers must never reach it, and error messages cannot be trusted with that: Drizzle's
 * DrizzleQueryError message lists the query's parameters, PostgreSQL's `detail` repeats the row
 * ("Key (national_id)=(1…) already exists"), its messages quote the input ('invalid input syntax for
 * type uuid: "…"'), and JSON.parse quotes the text it choked on. So an error is logged by what
 * identifies it — class, codes, PostgreSQL's constraint/table/column, and the stack's frames — never by
 * its message, `detail`, `params`, `query` or `where`.
 */

/** PostgreSQL error fields that name things, never values (see PostgreSQL's "Error Message Fields"). */
const pgNameFields = ['severity', 'constraint', 'table', 'column', 'schema', 'dataType', 'routine'] as const;

export interface LoggableError {
  type: string;
  /** Not the error's message: its class and code again, for log readers that show `message`. */
  message: string;
  code?: string;
  statusCode?: number;
  /** Where a validation issue was, for a response that failed its own schema (paths and codes only). */
  issues?: { path: string; code: string }[];
  stack: string;
  cause?: LoggableError;
  [pgField: string]: unknown;
}

export function loggableError(err: unknown, depth = 0): LoggableError {
  if (typeof err !== 'object' || err === null) return { type: typeof err, message: typeof err, stack: '' };
  const e = err as Record<string, unknown>;
  const type = err.constructor?.name ?? 'Object';
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : undefined;
  const out: LoggableError = { type, message: code ? `${type} ${code}` : type, stack: '' };
  if (code) out.code = code;
  if (typeof e.statusCode === 'number') out.statusCode = e.statusCode;
  for (const field of pgNameFields) if (typeof e[field] === 'string') out[field] = e[field];
  if (Array.isArray(e.issues)) {
    out.issues = e.issues.slice(0, 10).map((issue: { path?: unknown; code?: unknown }) => ({
      path: Array.isArray(issue.path) ? issue.path.map(String).join('.') : '',
      code: String(issue.code),
    }));
  }
  if (typeof e.stack === 'string') out.stack = stackFrames(e.stack);
  if (e.cause !== undefined && depth < 4) out.cause = loggableError(e.cause, depth + 1);
  return out;
}

/** The "    at …" lines only: the first lines of a stack are the message, which may hold values. */
function stackFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 15)
    .join('\n');
}
