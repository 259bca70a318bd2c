import http from 'node:http';
import type { Socket } from 'node:net';
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

const issueCodes: Record<string, string> = {
  invalid_type: 'INVALID_TYPE',
  too_small: 'TOO_SMALL',
  too_big: 'TOO_BIG',
  invalid_format: 'INVALID_FORMAT',
  invalid_value: 'INVALID_VALUE',
  unrecognized_keys: 'UNKNOWN_FIELD',
  not_multiple_of: 'INVALID_VALUE',
};

/**
 * Per-field codes beside the localised messages: UPPER_SNAKE, stable, for clients that word the error
 * themselves (our own codes such as INVALID_NATIONAL_ID, else the kind of zod issue).
 */
export function fieldCodes(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
  const codes: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (codes[key]) continue;
    codes[key] = isErrorCode(issue.message) ? issue.message : (issueCodes[issue.code] ?? 'INVALID');
  }
  return codes;
}

function send(reply: FastifyReply, request: FastifyRequest, status: number, code: string, details?: object) {
  const language = languageOf(request);
  return reply
    .status(status)
    .send({ error: { code, message: messageFor(code, language), ...(details ? { details } : {}) } });
}

const tooManyParts = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * What @fastify/multipart and busboy throw, as our 4xx; null for anything else. Busboy's own errors (no
 * boundary, a boundary too long, a part cut short) carry no status and are recognised by their text.
 */
export function multipartFailure(err: unknown, maxFileBytes?: number): AppError | null {
  if (err instanceof AppError) return err;
  const { code, message, statusCode } = (err ?? {}) as {
    code?: unknown;
    message?: unknown;
    statusCode?: unknown;
  };
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new AppError(413, 'PAYLOAD_TOO_LARGE', maxFileBytes ? { maxBytes: maxFileBytes } : undefined);
  }
  if (typeof code === 'string' && tooManyParts.has(code)) {
    return new AppError(400, 'BAD_REQUEST', { reason: 'TOO_MANY_PARTS' });
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError(415, 'UNSUPPORTED_MEDIA_TYPE');
  if (code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_JSON_FIELD_ERROR') {
    return new AppError(400, 'BAD_REQUEST', { reason: 'MALFORMED_MULTIPART' });
  }
  const busboy = /^Multipart: |unexpected end of multipart data|^Boundary required|^The needle /i;
  if (statusCode === undefined && typeof message === 'string' && busboy.test(message)) {
    return new AppError(400, 'BAD_REQUEST', { reason: 'MALFORMED_MULTIPART' });
  }
  return null;
}

/** SQLSTATEs of a clash with a concurrent write: unique_violation, serialization_failure, deadlock. */
const conflictStates = new Set(['23505', '40001', '40P01']);

/** A PostgreSQL conflict, also when wrapped (Drizzle's DrizzleQueryError keeps it as `cause`). */
function isDatabaseConflict(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && conflictStates.has(code)) return true;
    e = cause;
  }
  return false;
}

/** Status codes Fastify or its plugins answer themselves, with the code we answer them with. */
const clientStatusCodes: Record<number, string> = {
  413: 'PAYLOAD_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  431: 'HEADERS_TOO_LARGE',
};

/**
 * Errors the router raises before any route or hook runs (Fastify's `frameworkErrors` option): a path
 * that is not valid percent-encoding, or a path parameter longer than maxParamLength.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return send(reply, request, 414, 'URI_TOO_LONG');
  if (error.code === 'FST_ERR_BAD_URL')
    return send(reply, request, 400, 'BAD_REQUEST', { reason: 'BAD_URL' });
  request.log.error({ err: error }, 'router error');
  return send(reply, request, 500, 'INTERNAL');
}

/**
 * Requests node's HTTP parser refuses before Fastify sees them (headers over 16 KB, a method or request
 * line it cannot parse, a timeout), answered in our shape. There is no request to read a language
 * from, so the message is the default, Arabic.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT']
        : [400, 'BAD_REQUEST'];
  const body = JSON.stringify({ error: { code, message: messageFor(code, 'ar') } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(err);
}

export function registerErrorHandling(
  app: FastifyInstance,
  options: { spaFallback?: (reply: FastifyReply, request: FastifyRequest) => FastifyReply } = {},
): void {
  app.setNotFoundHandler((request, reply) => {
    // Unknown paths outside the API are client-side routes of the single-page app.
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (options.spaFallback && request.method === 'GET' && !isApi) return options.spaFallback(reply, request);
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
      return send(reply, request, 400, leadingCode(issues), { fields, codes: fieldCodes(issues) });
    }
    if (error instanceof z.ZodError) {
      return send(reply, request, 400, leadingCode(error.issues), {
        fields: fieldErrors(error.issues, language),
        codes: fieldCodes(error.issues),
      });
    }
    if (isDatabaseConflict(error)) {
      // Two requests wrote the same thing at once (a version number, a unique key): the client may
      // retry. Logged, without values, so the race can still be found and fixed.
      request.log.warn({ err: error, route: request.routeOptions?.url ?? null }, 'database conflict');
      return send(reply, request, 409, 'CONFLICT');
    }
    const multipart = multipartFailure(error);
    if (multipart) return send(reply, request, multipart.statusCode, multipart.code, multipart.details);
    const status = error.statusCode ?? 500;
    const code = clientStatusCodes[status];
    if (code) return send(reply, request, status, code);
    if (status >= 400 && status < 500) {
      // Malformed JSON and similar parser errors from Fastify itself.
      return send(reply, request, 400, 'VALIDATION_FAILED', { reason: error.code ?? 'BAD_REQUEST' });
    }
    // The logger's err serializer (loggable-error.ts) keeps values (SQL parameters, row details) out.
    request.log.error({ err: error, route: request.routeOptions?.url ?? null }, 'unhandled error');
    return send(reply, request, 500, 'INTERNAL');
  });
}
