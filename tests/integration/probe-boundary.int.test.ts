import { it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../support/test-app';
import { staffRoles } from '../../src/shared/roles';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [{ fullName: 'مدير', email: 'admin', roles: [...staffRoles] }]);
const cookie = await signIn(app, org.emails.admin!);
const h = { cookie, 'x-requested-with': 'wasl' };
it('probes', async () => {
  const cases: [string, Parameters<typeof app.inject>[0]][] = [
    ['long param', { method: 'GET', url: `/api/v1/beneficiaries/${'a'.repeat(200)}`, headers: h }],
    ['bad encoding', { method: 'GET', url: '/api/v1/beneficiaries/%E0%A4%A', headers: h }],
    ['empty json', { method: 'POST', url: '/api/v1/committee-sessions/00000000-0000-4000-8000-000000000000/close', headers: { cookie, 'content-type': 'application/json' }, payload: '' }],
    ['text/plain', { method: 'POST', url: '/api/v1/beneficiaries', headers: { ...h, 'content-type': 'text/plain' }, payload: 'hi' }],
    ['nul', { method: 'POST', url: '/api/v1/beneficiaries', headers: { cookie }, payload: { fullNameAr: 'a\u0000b', x: { y: ['ok', 'b\u0001'] } } }],
    ['nul query', { method: 'GET', url: '/api/v1/beneficiaries?q=%00', headers: h }],
    ['deep', { method: 'POST', url: '/api/v1/beneficiaries', headers: { cookie, 'content-type': 'application/json' }, payload: '['.repeat(400000) + ']'.repeat(400000) }],
    ['multipart truncated', { method: 'POST', url: `/api/v1/beneficiaries/00000000-0000-4000-8000-000000000000/documents`, headers: { ...h, 'content-type': 'multipart/form-data; boundary=XX' }, payload: '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc' }],
    ['multipart no boundary', { method: 'POST', url: `/api/v1/beneficiaries/00000000-0000-4000-8000-000000000000/documents`, headers: { ...h, 'content-type': 'multipart/form-data' }, payload: 'abc' }],
    ['photo truncated', { method: 'POST', url: `/api/v1/verifications/00000000-0000-4000-8000-000000000000/photos`, headers: { ...h, 'content-type': 'multipart/form-data; boundary=XX' }, payload: '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\nabc' }],
    ['photo 2 files', { method: 'POST', url: `/api/v1/verifications/00000000-0000-4000-8000-000000000000/photos`, headers: { ...h, 'content-type': 'multipart/form-data; boundary=XX' }, payload: '--XX\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nabc\r\n--XX\r\nContent-Disposition: form-data; name="file"; filename="b.png"\r\n\r\nabc\r\n--XX--\r\n' }],
    ['long boundary', { method: 'POST', url: `/api/v1/verifications/00000000-0000-4000-8000-000000000000/photos`, headers: { ...h, 'content-type': `multipart/form-data; boundary=${'b'.repeat(300)}` }, payload: 'x' }],
    ['csrf bodiless', { method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } }],
    ['csrf origin', { method: 'POST', url: '/api/v1/beneficiaries', headers: { cookie, origin: 'https://evil.example' }, payload: {} }],
  ];
  for (const [name, opts] of cases) {
    const t = Date.now();
    const res = await app.inject(opts).catch((e) => ({ statusCode: 'THROW', body: String(e), headers: {} }));
    console.log(name, res.statusCode, Date.now() - t, 'ms', String(res.body).slice(0, 250));
  }
  const r = await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: h });
  console.log(r.headers);
  const r2 = await app.inject({ method: 'GET', url: '/healthz' });
  console.log(r2.headers);
});
