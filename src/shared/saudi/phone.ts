// The mobile number as a request-body field; the rules are in phone-rules.ts.
import { z } from 'zod';
import { isSaudiMobileE164, normalizeSaudiMobile } from './phone-rules';

export * from './phone-rules';

/** Request-body field: accepts any typed form, outputs E.164; failures say `INVALID_PHONE`. */
export const mobileSchema = z.preprocess(
  (v) => (typeof v === 'string' ? (normalizeSaudiMobile(v) ?? v) : v),
  z.string().refine(isSaudiMobileE164, { message: 'INVALID_PHONE' }),
);
