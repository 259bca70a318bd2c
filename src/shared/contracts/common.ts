import { z } from 'zod';
import { normalizeDigits } from '../digits';

/**
 * Free text (names, reasons, notes, labels): kept as typed, digits included ("٥٠٠" stays "٥٠٠"), without
 * the spaces around it (decision 014).
 */
export const textSchema = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(min).max(max));

/** An identifier typed by a person (a document number): Arabic-Indic digits are stored as Latin ones. */
export const identifierSchema = (min: number, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? normalizeDigits(v).trim() : v), z.string().min(min).max(max));

export const emailSchema = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeDigits(v).trim().toLowerCase() : v),
  z.email().max(254),
);

/** NIST SP 800-63B: at least this many characters, not counting spaces around them. */
export const minPasswordLength = 12;

/**
 * Length only, counted in Unicode characters after trimming, so the web bundle stays small; the server
 * also refuses common, predictable and e-mail-based passwords (platform/auth/password-policy.ts).
 * The password is kept as typed: trimming only decides whether it is long enough.
 */
export const passwordSchema = z
  .string()
  .min(minPasswordLength) // zod counts code points; also puts the rule into the API description
  .max(200)
  .check((ctx) => {
    // Too short as typed is reported by min() already; one issue per field is enough.
    if ([...ctx.value].length < minPasswordLength || [...ctx.value.trim()].length >= minPasswordLength)
      return;
    ctx.issues.push({
      code: 'too_small',
      origin: 'string',
      minimum: minPasswordLength,
      inclusive: true,
      input: ctx.value,
    });
  });

export const uuidSchema = z.uuid();

export const idParamsSchema = z.object({ id: z.uuid() });

export const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

export const listQuerySchema = z.object({
  q: z.string().max(200).optional(),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});

export const pageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), nextCursor: z.string().nullable() });

export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * C0 control characters other than tab, line feed and carriage return, and lone UTF-16 surrogates:
 * PostgreSQL refuses NUL in text and jsonb and a lone surrogate in jsonb, so such input would fail as
 * a server error at the database instead of as a field error. The server refuses them in every JSON
 * body, query and path (platform/http/input-guard.ts); forms can say so before sending.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const unstorableCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
// Without the `u` flag the pattern sees UTF-16 code units: a high surrogate not followed by a low one,
// or a low one not preceded by a high one (String#isWellFormed is too new for some phones' browsers).
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnstorableCharacters(value: string): boolean {
  return unstorableCharacter.test(value) || loneSurrogate.test(value);
}
