import { type Login, loginSchema } from '../../../shared/contracts/auth';

// The sign-in form's checks: the shared zod schema, fetched once the page shows (sign-in-page.tsx), not
// before it: zod is not part of the first download (decision 026).
export type LoginField = keyof Login;

/** The schema's verdict: the parsed values, or each field's first message (as react-hook-form's zod resolver gives). */
export function checkLogin(
  input: Record<LoginField, string>,
):
  | { values: Login; errors?: undefined }
  | { values?: undefined; errors: Partial<Record<LoginField, string>> } {
  const result = loginSchema.safeParse(input);
  if (result.success) return { values: result.data };
  const errors: Partial<Record<LoginField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') as LoginField;
    errors[field] ??= issue.message;
  }
  return { errors };
}

export { applyApiFieldErrors } from '../../lib/forms';
