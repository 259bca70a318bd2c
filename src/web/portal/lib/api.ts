import { getSettings, hasText, translate } from '../i18n';

// The portal's calls to /api/v1/portal (PORTAL-API.md): the portal cookie goes along by itself; every
// call says the language and carries the CSRF header the server wants on changes.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field messages of a 400, keyed by field name. */
  get fields(): Record<string, string> {
    const fields = this.details?.fields;
    return fields && typeof fields === 'object' ? (fields as Record<string, string>) : {};
  }
}

export const portalApi = '/api/v1/portal';

/** Called when the server says the portal session is gone (401): the app goes back to signing in. */
let onSignedOut: () => void = () => {};
export function whenSignedOut(handler: () => void): void {
  onSignedOut = handler;
}

/**
 * The words shown for an error: the portal's own plain words for the codes a beneficiary meets
 * (i18n `errors.<CODE>`), else the server's localised message.
 */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (hasText(`errors.${error.code}`)) return translate(`errors.${error.code}`);
    return error.message || translate('errors.INTERNAL');
  }
  return translate('errors.INTERNAL');
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal; quiet401?: boolean } = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getSettings().language,
    'X-Requested-With': 'wasl',
  };
  const isForm = init.body instanceof FormData;
  if (init.body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${portalApi}${path}`, {
      method: init.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      body:
        init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', translate('errors.NETWORK'));
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
    const body = (data as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
      ?.error;
    const code = body?.code ?? (response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL');
    if (response.status === 401 && code === 'UNAUTHENTICATED' && !init.quiet401) onSignedOut();
    throw new ApiError(response.status, code, body?.message ?? translate('errors.INTERNAL'), body?.details);
  }
  return data as T;
}

export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body });
