import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Security headers of every answer (@fastify/helmet), and a stricter policy for everything under /api.
 *
 * The single-page app: scripts only from our own origin (Vite's build has no inline script); styles
 * from our origin and inline, because Mantine writes its CSS variables into <style> tags and style
 * attributes at run time; images also as data: (organization logos) and blob: (photos kept on the
 * device before upload); no frames, no plugins, no other site may frame us. No CDN anywhere.
 * No upgrade-insecure-requests: associations run Wasl on office networks over plain HTTP too, where
 * upgrading would break every asset.
 */
const spaDirectives = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'", 'data:'],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  workerSrc: ["'self'"],
};

/**
 * Everything under /api is data or a file, never a page of ours: an uploaded file opened directly,
 * or a generated letter, must not run script or reach anything, whoever crafted it. `sandbox` gives it
 * an opaque origin (no cookies, no storage, no same-origin requests). Generated HTML documents (the
 * decision letter, the PDPL export) keep their inline styles and data: logo.
 */
export const apiContentSecurityPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";
const apiHtmlContentSecurityPolicy = `${apiContentSecurityPolicy}; style-src 'unsafe-inline'; img-src data:`;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: spaDirectives },
    frameguard: { action: 'deny' },
    // same-origin, not helmet's no-referrer: with no-referrer, browsers send `Origin: null` on form
    // posts, which the CSRF check refuses.
    referrerPolicy: { policy: 'same-origin' },
    // Not for every subdomain of an association's domain: other services may live there on HTTP.
    strictTransportSecurity: { maxAge: 15_552_000, includeSubDomains: false },
  });

  app.addHook('onSend', async (request, reply) => {
    if (!isApi(request.url)) return;
    reply.header('content-security-policy', policyFor(reply));
  });
}

const isApi = (url: string) => url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');

function policyFor(reply: FastifyReply): string {
  const type = String(reply.getHeader('content-type') ?? '');
  return type.startsWith('text/html') ? apiHtmlContentSecurityPolicy : apiContentSecurityPolicy;
}

/**
 * `Content-Disposition` for a file with a name typed by a user, often Arabic: an ASCII fallback for old
 * clients, and the real name as RFC 5987 `filename*`.
 */
export function contentDisposition(type: 'attachment' | 'inline', fileName: string): string {
  // Printable ASCII only, without the characters that end or confuse a quoted parameter.
  const fallback = fileName.replace(/[^\x20-\x7E]|["\\%;]/g, '_').slice(0, 150) || 'file';
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName, fallback)}`;
}

/** encodeURIComponent leaves ' ( ) * unencoded, which RFC 5987's attr-char does not allow. */
function encodeRfc5987(value: string, fallback: string): string {
  try {
    return encodeURIComponent(value).replace(
      /['()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch {
    return encodeURIComponent(fallback); // a lone surrogate (stored before the input guard) cannot be
  }
}

/** Sends a file someone uploaded: always as a download, never rendered in our origin. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { data: Buffer; contentType: string; fileName: string },
): FastifyReply {
  return reply
    .type(file.contentType)
    .header('content-disposition', contentDisposition('attachment', file.fileName))
    .header('cache-control', 'private, no-store')
    .send(file.data);
}
