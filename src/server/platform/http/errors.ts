import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type ErrorCode, errorCodes } from '../../../shared/errors';
import errorsAr from '../../../shared/i18n/errors.ar.json' with { type: 'json' };
import errorsEn from '../../../shared/i18n/errors.en.json' with { type: 'json' };

export type Language = 'ar' | 'en';

const catalogs: Record<Language, Record<string, string>> = { ar: errorsAr, en: errorsEn };

/** A failure the client caused or must know about; becomes the DESIGN.md error body. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, 'NOT_FOUND');
export const forbidden = () => new AppError(403, 'FORBIDDEN');

/** Arabic unless the client asks for English first. */
export function languageOf(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'ar';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'ar';
}

export function messageFor(code: string, language: Language): string {
  return catalogs[language][code] ?? catalogs[language].INTERNAL!;
}

const knownCodes = new Set<string>(errorCodes);
const isErrorCode = (message: string): message is ErrorCode => knownCodes.has(message);

/** A validation issue that carries one of our codes (e.g. INVALID_NATIONAL_ID) names the whole error. */
function leadingCode(issues: readonly z.core.$ZodIssue[]): ErrorCode {
  return issues.map((i) => i.message).find(isErrorCode) ?? 'VALIDATION_FAILED';
}

const zodLocales = { ar: z.locales.ar(), en: z.locales.en() };

/** Per-field messages from zod issues, in the client's language. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], language: Language): Record<string, string> {
  const fields: Record<string, string> = {};
  const localeError = zodLocales[language].localeError;
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (fields[key]) continue;
    if (isErrorCode(issue.message)) {
      fields[key] = messageFor(issue.message, language);
      continue;
    }
    // Custom messages (refinements) are written in English in the schema; localise the common ones.
    const localized =
      issue.code === 'custom' ? undefined : localeError(issue as unknown as z.core.$ZodRawIssue);
    fields[key] = (typeof localized === 'string' ? localized : localized?.message) ?? issue.message;
  }
  return fields;
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: string, details?: object) {
  const language = languageOf(request);
  return reply
    .status(status)
    .send({ error: { code, message: messageFor(code, language), ...(details ? { details } : {}) } });
}

export function registerErrorHandling(
  app: FastifyInstance,
  options: { spaFallback?: (reply: FastifyReply) => FastifyReply } = {},
): void {
  app.setNotFoundHandler((request, reply) => {
    // Unknown paths outside the API are client-side routes of the single-page app.
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (options.spaFallback && request.method === 'GET' && !isApi) return options.spaFallback(reply);
    return send(reply, request, 404, 'NOT_FOUND');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = languageOf(request);
    if (error instanceof AppError) return send(reply, request, error.statusCode, error.code, error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map(
        (v) =>
          ({
            ...v.params,
            code: v.keyword,
            message: v.message,
            path: v.instancePath.split('/').filter(Boolean),
          }) as unknown as z.core.$ZodIssue,
      );
      const fields = fieldErrors(issues, language);
      return send(reply, request, 400, leadingCode(issues), { fields });
    }
    if (error instanceof z.ZodError) {
      return send(reply, request, 400, leadingCode(error.issues), {
        fields: fieldErrors(error.issues, language),
      });
    }
    const status = error.statusCode ?? 500;
    if (status === 413) return send(reply, request, 413, 'PAYLOAD_TOO_LARGE');
    if (status === 415) return send(reply, request, 415, 'UNSUPPORTED_MEDIA_TYPE');
    if (status === 429) return send(reply, request, 429, 'RATE_LIMITED');
    if (status >= 400 && status < 500) {
      // Malformed JSON and similar parser errors from Fastify itself.
      return send(reply, request, 400, 'VALIDATION_FAILED', { reason: error.code ?? 'BAD_REQUEST' });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, 500, 'INTERNAL');
  });
}
