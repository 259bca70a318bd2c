// The national ID / Iqama as a request-body field; the rules are in national-id-rules.ts.
import { z } from 'zod';
import { normalizeNationalId, validateNationalId } from './national-id-rules';

export * from './national-id-rules';

/**
 * Request-body field: accepts any typed form, outputs the normalised 10 ASCII digits. Failures carry
 * `message: 'INVALID_NATIONAL_ID'` and `params.reason` so the client can say what is wrong.
 */
export const nationalIdSchema = z.preprocess(
  (v) => (typeof v === 'string' ? normalizeNationalId(v) : v),
  z.string().superRefine((value, ctx) => {
    const result = validateNationalId(value);
    if (!result.ok) {
      ctx.addIssue({ code: 'custom', message: 'INVALID_NATIONAL_ID', params: { reason: result.reason } });
    }
  }),
);
