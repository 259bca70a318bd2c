import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../../tests/support/test-app';

const { app } = await createTestApp();

describe('operations endpoints', () => {
  it('answers healthz and readyz with the migrations applied', async () => {
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().migrations.applied).toBe(ready.json().migrations.expected);
  });

  it('describes every API route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
      ),
    );
    const routes = app.routeRules.filter((r) => r.url.startsWith('/api/v1'));
    for (const r of routes) expect(documented.has(`${r.method} ${r.url}`), `${r.method} ${r.url}`).toBe(true);
    expect(doc.paths['/api/v1/users'].post.requestBody).toBeDefined();
  });

  it('answers unknown API paths with a localized 404 body and never a stack trace', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/nothing-here',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'NOT_FOUND', message: 'Not found.' } });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{oops',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toMatch(/at .*\.ts/);
  });
});
