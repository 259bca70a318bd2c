import type { z } from 'zod';
import { i18n } from './index';

/**
 * Validation messages of the shared zod schemas, in the UI language (zod's own are English). Set by
 * zod-jitless.ts, the module every `import … from 'zod'` of the web app goes through (vite.config.ts), so
 * zod is loaded with the first page that validates something, not with the sign-in page (decision 026).
 */
export const zodMessages: z.core.$ZodErrorMap = (issue) => {
  const t = i18n.t.bind(i18n);
  switch (issue.code) {
    case 'too_small': {
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1 || issue.input === ''
          ? t('validation.required')
          : t('validation.minLength', { count: Number(issue.minimum) });
      }
      if (issue.origin === 'array') return t('validation.minItems', { count: Number(issue.minimum) });
      return t('validation.min', { min: Number(issue.minimum) });
    }
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { count: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.maxItems', { count: Number(issue.maximum) });
      return t('validation.max', { max: Number(issue.maximum) });
    case 'invalid_format':
      // A required select cleared (''), or an empty field: say it is required, not that its form is wrong.
      if (issue.input === '') return t('validation.required');
      if (issue.format === 'email') return t('validation.email');
      return t('validation.format');
    case 'invalid_type':
      return issue.input === undefined ||
        issue.input === null ||
        issue.input === '' ||
        (typeof issue.input === 'number' && Number.isNaN(issue.input))
        ? t('validation.required')
        : t('validation.invalid');
    case 'invalid_value':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? t('validation.required')
        : t('validation.choose');
    default:
      return undefined;
  }
};
