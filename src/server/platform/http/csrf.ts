import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';

/**
 * Cross-site request forgery protection for every state-changing request (any method but GET, HEAD
 * and OPTIONS), before authentication runs. The session cookie is SameSite=Lax, which already keeps it
 * off cross-site POSTs in current browsers; this also covers older browsers and sibling subdomains
 * (same-site, so Lax cookies go along), without a token to store or rotate (docs/decisions/012).
 *
 * A request is refused (403 CSRF_REJECTED) when
 *  1. its `Sec-Fetch-Site` says it came from another origin (`same-site` or `cross-site`), or
 *  2. its `Origin` is present and is not this server's own origin (`null` included), or
 *  3. it could have been sent by a plain HTML form or `<img>`-style request: it is neither
 *     `Content-Type: application/json` nor carries `X-Requested-With: wasl`. Both need a CORS
 *     preflight, which this server never grants, so only our own pages and non-browser clients can send
 *     them. The web client sends the header on every request, multipart uploads and bodiless actions
 *     included; API clients that send JSON need nothing more.
 */

export const csrfHeader = 'x-requested-with';
export const csrfHeaderValue = 'wasl';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export type CsrfVerdict = 'ok' | 'FETCH_SITE' | 'ORIGIN' | 'CONTENT_TYPE';

export function csrfVerdict(request: FastifyRequest): CsrfVerdict {
  if (safeMethods.has(request.method)) return 'ok';
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return 'FETCH_SITE';
  const origin = request.headers.origin;
  if (origin !== undefined && !isOwnOrigin(origin, request.host)) return 'ORIGIN';
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const marked = String(request.headers[csrfHeader] ?? '').toLowerCase() === csrfHeaderValue;
  if (type !== 'application/json' && !marked) return 'CONTENT_TYPE';
  return 'ok';
}

/**
 * Compares host and port only: behind a TLS-terminating proxy without TRUST_PROXY the server sees
 * http while the browser says https, and a scheme downgrade on the same host is a cross-origin request
 * the browser marks with Sec-Fetch-Site anyway. `host` is Fastify's request.host: the Host header, or
 * X-Forwarded-Host when TRUST_PROXY is on.
 */
function isOwnOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, some redirects) and anything else that is not a URL
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return url.host === withoutDefaultPort(host.toLowerCase());
}

const withoutDefaultPort = (host: string) => host.replace(/:(80|443)$/, '');

export function registerCsrfProtection(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const verdict = csrfVerdict(request);
    if (verdict !== 'ok') throw new AppError(403, 'CSRF_REJECTED', { reason: verdict });
  });
}
