import net from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { staffRoles } from '../../src/shared/roles';
import { registerBeneficiary } from '../support/beneficiary-factory';
import { createOrganization, createTestApp, signIn } from '../support/test-app';

// What reaches the HTTP boundary that a route never planned for: every answer is ours
// ({"error":{code,message}}), never a 500, never Fastify's or node's own body.
const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير', email: 'admin', roles: [...staffRoles] },
]);
const cookie = await signIn(app, org.emails.admin!);
const web = { cookie, 'x-requested-with': 'wasl' };
const unknownId = '6f1c3c59-8f6e-4c43-9a55-2d7f1f0b9a11';
const invalidCharacters = /رموز تحكم/;

function expectError(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  return body.error as {
    code: string;
    message: string;
    details?: { fields: Record<string, string>; [key: string]: unknown };
  };
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { cookie, ...headers }, payload: payload as object });

describe('input PostgreSQL cannot store', () => {
  it('refuses NUL and control characters anywhere in a JSON body, naming the field by its dotted path', async () => {
    const b = await registerBeneficiary(app, cookie);
    const nul = expectError(
      await post(`/api/v1/beneficiaries/${b.id}/household`, { fullName: 'سعيد\u0000محمد', relation: 'son' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(Object.keys(nul.details!.fields)).toEqual(['fullName']);
    expect(nul.details!.fields.fullName).toMatch(invalidCharacters);

    const nested = expectError(
      await post('/api/v1/beneficiaries', { incomeSources: [{ source: 'راتب' }, { source: 'x\u001by' }] }),
      400,
      'VALIDATION_FAILED',
    );
    expect(nested.details!.fields).toEqual({
      'incomeSources.1.source': expect.stringMatching(invalidCharacters),
    });
  });

  it('refuses them in the query and the path, and a lone surrogate, in English when asked', async () => {
    const query = expectError(
      await app.inject({ method: 'GET', url: '/api/v1/beneficiaries?q=%E2%80%8Bx%00', headers: web }),
      400,
      'VALIDATION_FAILED',
    );
    expect(query.details!.fields).toEqual({ q: expect.stringMatching(invalidCharacters) });
    const path = expectError(
      await app.inject({ method: 'GET', url: '/api/v1/beneficiaries/abc%07', headers: web }),
      400,
      'VALIDATION_FAILED',
    );
    expect(Object.keys(path.details!.fields)).toEqual(['id']);
    const surrogate = expectError(
      await app.inject({
        method: 'POST',
        url: '/api/v1/beneficiaries',
        headers: { cookie, 'content-type': 'application/json', 'accept-language': 'en' },
        payload: '{"notes":"\\ud800"}',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(surrogate.details!.fields.notes).toMatch(/control characters/);
  });

  it('refuses JSON nested deeper than any contract, without a stack overflow', async () => {
    const deep = `${'['.repeat(300_000)}${']'.repeat(300_000)}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/beneficiaries',
      headers: { cookie, 'content-type': 'application/json' },
      payload: deep,
    });
    expect(expectError(res, 400, 'VALIDATION_FAILED').details).toMatchObject({ reason: 'NESTING_TOO_DEEP' });
  });
});

describe('errors Fastify and node answer themselves', () => {
  it('answers a path parameter over the router limit with 414 and a bad percent-encoding with 400', async () => {
    const long = await app.inject({
      method: 'GET',
      url: `/api/v1/beneficiaries/${'a'.repeat(500)}`,
      headers: web,
    });
    expectError(long, 414, 'URI_TOO_LONG');
    const bad = await app.inject({ method: 'GET', url: '/api/v1/beneficiaries/%E0%A4%A', headers: web });
    expect(expectError(bad, 400, 'BAD_REQUEST').details).toEqual({ reason: 'BAD_URL' });
  });

  it('answers unknown paths and methods with 404 in our shape', async () => {
    expectError(
      await app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: web }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await app.inject({ method: 'PROPFIND' as 'GET', url: '/api/v1/beneficiaries', headers: web }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await app.inject({ method: 'DELETE', url: '/api/v1/beneficiaries', headers: web }),
      404,
      'NOT_FOUND',
    );
  });

  it('answers malformed JSON 400, other content types 415 and a body over the limit 413', async () => {
    const json = { ...web, 'content-type': 'application/json' };
    expectError(await post('/api/v1/beneficiaries', '{"a":', json), 400, 'VALIDATION_FAILED');
    expectError(await post('/api/v1/beneficiaries', '{"__proto__":{"x":1}}', json), 400, 'VALIDATION_FAILED');
    expectError(
      await post('/api/v1/beneficiaries', '<a/>', { ...web, 'content-type': 'application/xml' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(
      await post('/api/v1/beneficiaries', 'hello', { ...web, 'content-type': 'text/plain' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const big = `{"notes":"${'x'.repeat(10 * 1024 * 1024)}"}`;
    expectError(await post('/api/v1/beneficiaries', big, json), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('treats an empty JSON body as no body: bodiless actions work, routes needing a body say so', async () => {
    const other = await signIn(app, org.emails.admin!);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: other, 'content-type': 'application/json' },
      payload: '',
    });
    expect(logout.statusCode, logout.body).toBe(204);
    const close = await post(`/api/v1/committee-sessions/${unknownId}/close`, {});
    expectError(close, 404, 'NOT_FOUND');
    const empty = await post('/api/v1/beneficiaries', '', { 'content-type': 'application/json' });
    expectError(empty, 400, 'VALIDATION_FAILED');
  });

  it('answers headers over node’s limit (431) and an unparsable request (400) in our shape over real HTTP', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const port = Number(new URL(address).port);
    try {
      const huge = await rawHttp(
        port,
        `GET /api/v1/auth/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
      );
      expect(huge.status).toBe(431);
      expect(JSON.parse(huge.body).error.code).toBe('HEADERS_TOO_LARGE');
      const longUrl = await rawHttp(
        port,
        `GET /api/v1/beneficiaries?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      );
      expect(JSON.parse(longUrl.body).error.code).toBe('HEADERS_TOO_LARGE');
      const garbage = await rawHttp(port, 'HELLO THERE\r\n\r\n');
      expect(garbage.status).toBe(400);
      expect(JSON.parse(garbage.body).error).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.any(String),
      });
    } finally {
      await app.server.close();
    }
  });
});

/** Sends bytes as they are (fetch would refuse them) and reads the status line and body. */
function rawHttp(port: number, request: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(request));
    let data = '';
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
    });
    socket.on('error', (err) => (data ? undefined : reject(err)));
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body });
    });
  });
}

const boundary = 'wasl-boundary';
const multipartHeaders = { ...web, 'content-type': `multipart/form-data; boundary=${boundary}` };
const filePart = (name = 'file', fileName = 'a.png') =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`;
const field = (name: string, value: string) =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const end = `--${boundary}--\r\n`;

describe.each([
  ['documents', `/api/v1/beneficiaries/${unknownId}/documents`, field('type', 'national_id')],
  ['photos', `/api/v1/verifications/${unknownId}/photos`, ''],
])('malformed multipart on the %s upload', (_name, url, fields) => {
  const upload = (payload: string | Buffer, headers: Record<string, string> = multipartHeaders) =>
    app.inject({ method: 'POST', url, headers, payload });

  it('answers a body cut off inside the file part with 400, not 500', async () => {
    const res = await upload(`${fields}${filePart()}\x89PNG\r\n\x1a\n`);
    expect(expectError(res, 400, 'BAD_REQUEST').details).toEqual({ reason: 'MALFORMED_MULTIPART' });
  });

  it('answers a missing or absurd boundary with 400', async () => {
    const none = await upload(`${filePart()}x\r\n${end}`, { ...web, 'content-type': 'multipart/form-data' });
    expectError(none, 400, 'BAD_REQUEST');
    const long = await upload('x', {
      ...web,
      'content-type': `multipart/form-data; boundary=${'b'.repeat(300)}`,
    });
    expectError(long, 400, 'BAD_REQUEST');
  });

  it('answers a body written with another boundary, and a text field where the file should be, with 400', async () => {
    const other = await upload(`${fields}${filePart()}x\r\n${end}`.replaceAll(boundary, 'other-boundary'));
    expect(other.statusCode).toBe(400);
    expectError(await upload(`${fields}${field('file', 'not a file')}${end}`), 400, 'FILE_REQUIRED');
  });

  it('answers two files with 400 and a JSON body with 415', async () => {
    const two = await upload(`${fields}${filePart()}x\r\n${filePart('file', 'b.png')}y\r\n${end}`);
    expect(expectError(two, 400, 'BAD_REQUEST').details).toEqual({ reason: 'TOO_MANY_PARTS' });
    const json = await app.inject({ method: 'POST', url, headers: { cookie }, payload: { file: 'x' } });
    expectError(json, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers control characters in a field or the file name with 400 naming the field', async () => {
    const res = await upload(`${fields}${filePart('file', 'a\u0001.png')}x\r\n${end}`);
    expect(expectError(res, 400, 'VALIDATION_FAILED').details!.fields).toEqual({
      file: expect.stringMatching(invalidCharacters),
    });
  });
});

describe('security headers', () => {
  it('sends a self-only policy, no framing, nosniff and a same-origin referrer outside /api', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/https:|upgrade-insecure-requests|unsafe-eval/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('sandboxes everything under /api, letting generated HTML keep only its inline styles', async () => {
    const json = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: web });
    expect(json.headers['content-security-policy']).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'none'",
    );
    const notFound: LightMyRequestResponse = await app.inject({
      method: 'GET',
      url: '/api/v1/none',
      headers: web,
    });
    expect(notFound.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
    const b = await registerBeneficiary(app, cookie);
    const html = await app.inject({
      method: 'GET',
      url: `/api/v1/beneficiaries/${b.id}/export.html`,
      headers: web,
    });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-security-policy']).toBe(
      "sandbox; default-src 'none'; frame-ancestors 'none'; style-src 'unsafe-inline'; img-src data:",
    );
  });
});
