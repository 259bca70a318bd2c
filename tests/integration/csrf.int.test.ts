import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../support/test-app';

// Cross-site request forgery (platform/http/csrf.ts): what a browser on another site can make a
// signed-in user's browser send is refused; our web client and JSON API clients keep working.
const { app, services } = await createTestApp();
const org = await createOrganization(services, [{ fullName: 'مدير', email: 'admin', roles: ['admin'] }]);
const cookie = await signIn(app, org.emails.admin!);
const host = 'wasl.example.org';

type Headers = Record<string, string>;
const createService = (headers: Headers, payload: unknown = serviceInput()) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/services',
    headers: { cookie, host, ...headers },
    payload: payload as object,
  });

let serial = 0;
function serviceInput() {
  serial += 1;
  return {
    nameAr: `خدمة ${serial}`,
    nameEn: `Service ${serial}`,
    requiredDocuments: [],
    verification: ['documents'],
    decisionDays: 14,
    registrationChecklist: [],
  };
}

function expectRefused(res: { statusCode: number; body: string }, reason: string) {
  expect(res.statusCode, res.body).toBe(403);
  expect(JSON.parse(res.body).error).toMatchObject({
    code: 'CSRF_REJECTED',
    message: expect.any(String),
    details: { reason },
  });
}

describe('state-changing requests from another origin', () => {
  it('refuses a request the browser marks as cross-site or same-site', async () => {
    expectRefused(await createService({ 'sec-fetch-site': 'cross-site' }), 'FETCH_SITE');
    // A sibling subdomain is same-site but another origin: it must not act for our users either.
    expectRefused(await createService({ 'sec-fetch-site': 'same-site' }), 'FETCH_SITE');
  });

  it('refuses an Origin that is not this server, including `null` and another port or scheme-less junk', async () => {
    expectRefused(await createService({ origin: 'https://evil.example' }), 'ORIGIN');
    expectRefused(await createService({ origin: `https://${host}.evil.example` }), 'ORIGIN');
    expectRefused(await createService({ origin: `https://${host}:8443` }), 'ORIGIN');
    expectRefused(await createService({ origin: 'null' }), 'ORIGIN');
    expectRefused(await createService({ origin: host }), 'ORIGIN');
  });

  it('accepts our own origin, with or without the default port, marked same-origin by the browser', async () => {
    const own = await createService({ origin: `https://${host}`, 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode, own.body).toBe(201);
    const withPort = await createService({ origin: `https://${host}`, host: `${host}:443` });
    expect(withPort.statusCode, withPort.body).toBe(201);
    const dev = await createService({ origin: 'http://localhost:5173', host: 'localhost:5173' });
    expect(dev.statusCode, dev.body).toBe(201);
  });

  it('does not judge safe methods: a cross-site GET is answered as usual', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/services',
      headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('requests a plain HTML form could send', () => {
  it('refuses bodiless, text/plain, url-encoded and multipart requests without our header', async () => {
    const logout = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expectRefused(logout, 'CONTENT_TYPE');
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      expectRefused(await createService({ 'content-type': type }, 'nameAr=x'), 'CONTENT_TYPE');
    }
    // The session survived every refused attempt.
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode,
    ).toBe(200);
  });

  it('lets our web client through: the X-Requested-With header on bodiless actions and uploads', async () => {
    const own = await signIn(app, org.emails.admin!);
    const logout = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: own, 'x-requested-with': 'wasl', origin: 'http://localhost', host: 'localhost' },
    });
    expect(logout.statusCode, logout.body).toBe(204);
    // With the header, a non-JSON body is judged by the route: the API does not take text/plain.
    const text = await createService({ 'content-type': 'text/plain', 'x-requested-with': 'wasl' }, 'x');
    expect(text.statusCode).toBe(415);
  });

  it('lets JSON API clients through without Origin, Sec-Fetch-Site or our header', async () => {
    const res = await createService({});
    expect(res.statusCode, res.body).toBe(201);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: org.emails.admin, password: 'test-password-123' },
    });
    expect(login.statusCode).toBe(200);
  });
});

// A second app, built with TRUST_PROXY on (read when the app is built).
const previousTrustProxy = process.env.TRUST_PROXY;
process.env.TRUST_PROXY = 'true';
const proxied = await createTestApp().finally(() => {
  process.env.TRUST_PROXY = previousTrustProxy;
});

describe('behind a proxy (TRUST_PROXY)', () => {
  it('compares the Origin with X-Forwarded-Host, the host the browser used', async () => {
    const o = await createOrganization(proxied.services, [
      { fullName: 'مدير', email: 'admin', roles: ['admin'] },
    ]);
    const c = await signIn(proxied.app, o.emails.admin!);
    const send = (headers: Headers) =>
      proxied.app.inject({
        method: 'POST',
        url: '/api/v1/services',
        headers: { cookie: c, host: '10.0.0.5:3000', 'x-forwarded-proto': 'https', ...headers },
        payload: serviceInput(),
      });
    const ok = await send({ origin: `https://${host}`, 'x-forwarded-host': host });
    expect(ok.statusCode, ok.body).toBe(201);
    expectRefused(await send({ origin: 'https://10.0.0.5:3000', 'x-forwarded-host': host }), 'ORIGIN');
  });
});
