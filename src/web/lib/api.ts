import type { ApiErrorBody } from '../../shared/errors';
import { i18n } from '../i18n';

/** An error answered by the API (`{"error": {code, message, details}}`), or a network failure. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Per-field messages of a 400 VALIDATION_FAILED, keyed by dot path (`admin.email`). */
  get fieldErrors(): Record<string, string> {
    const fields = this.details?.fields;
    if (!fields || typeof fields !== 'object') return {};
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
      if (typeof value === 'string') out[key] = value;
      else if (Array.isArray(value) && typeof value[0] === 'string') out[key] = value[0];
    }
    return out;
  }
}

export const apiBase = '/api/v1';

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    'error' in value &&
    typeof (value as ApiErrorBody).error?.code === 'string'
  );
}

/**
 * Fetches `/api/v1{path}` with the session cookie and the UI language; throws ApiError on failure.
 * A FormData body goes as multipart/form-data (the browser sets the boundary); anything else as JSON.
 * Every request carries `X-Requested-With: wasl`: the server refuses state-changing requests that
 * could have come from another site's form (platform/http/csrf.ts), and bodiless actions and uploads
 * are not JSON.
 */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language || 'ar',
    'X-Requested-With': 'wasl',
  };
  const isForm = init.body instanceof FormData;
  if (init.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${apiBase}${path}`, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body:
        init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', i18n.t('common.networkError'));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(data)) {
      const { code, message, details } = data.error;
      throw new ApiError(response.status, code, message || translateCode(code), details);
    }
    // A proxy in front of the server may refuse a large upload before it reaches us.
    const code = response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL';
    throw new ApiError(response.status, code, translateCode(code));
  }
  return data as T;
}

function translateCode(code: string): string {
  return i18n.t(`errors.${code}`, { defaultValue: i18n.t('errors.INTERNAL') });
}

/** A message to show for any thrown value: the API's localized message, else the catalog's. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('errors.INTERNAL');
}
