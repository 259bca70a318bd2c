/**
 * Many associations on one install (issue 14, item 8): the administrator that setup created is the
 * platform operator; it creates a second association with its first administrator through the API,
 * whose staff see none of the first association's data; it suspends and resumes an association and
 * hands the operator right on. Audit rows are read through the owner's connection.
 */
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { multipartForm, tinyPng } from '../../../../tests/support/multipart';
import { createTestApp, sessionCookie, testPassword } from '../../../../tests/support/test-app';

const { app, testDb } = await createTestApp();
const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(() => owner.end());

type Res = Awaited<ReturnType<typeof app.inject>>;
const post = (url: string, payload: unknown, cookie?: string, language = 'ar'): Promise<Res> =>
  app.inject({
    method: 'POST',
    url,
    payload: payload as object,
    headers: { 'accept-language': language, ...(cookie ? { cookie } : {}) },
  });
const get = (url: string, cookie?: string): Promise<Res> =>
  app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const signIn = (email: string, password = testPassword) => post('/api/v1/auth/login', { email, password });

/** The entries of a tar archive (ustar, as written by tar-gzip.ts), as text by name. */
function untar(archive: Buffer): Record<string, string> {
  const files: Record<string, string> = {};
  for (let at = 0; at + 512 <= archive.length; ) {
    const name = archive
      .subarray(at, at + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (!name) break;
    const size = Number.parseInt(archive.subarray(at + 124, at + 136).toString('ascii'), 8);
    files[name] = archive.subarray(at + 512, at + 512 + size).toString('utf8');
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

const setup = await post('/api/v1/setup', {
  organization: { nameAr: 'جمعية البر الأولى', nameEn: 'First Birr' },
  admin: { fullName: 'مشغل المنصة', email: 'operator@first.sa', password: testPassword },
});
if (setup.statusCode !== 201) throw new Error(setup.body);
const firstOrgId = setup.json().organization.id as string;
const operatorLogin = await signIn('operator@first.sa');
const operator = sessionCookie(operatorLogin);

// A registrar of the first association and one beneficiary file of it.
const registrarRes = await post(
  '/api/v1/users',
  {
    fullName: 'موظفة التسجيل الأولى',
    email: 'registrar@first.sa',
    password: testPassword,
    roles: ['relations_officer'],
  },
  operator,
);
if (registrarRes.statusCode !== 201) throw new Error(registrarRes.body);
const registrarCookie = sessionCookie(await signIn('registrar@first.sa'));
const firstBeneficiary = await registerBeneficiary(app, registrarCookie);
// One document file of it, for the archive.
const form = multipartForm({ type: 'national_id', expiryDate: '2031-01-01' });
const upload = await app.inject({
  method: 'POST',
  url: `/api/v1/beneficiaries/${firstBeneficiary.id}/documents`,
  headers: { cookie: registrarCookie, 'content-type': form.type, 'x-requested-with': 'wasl' },
  payload: form.payload,
});
if (upload.statusCode !== 201) throw new Error(upload.body);

const second = {
  organization: { nameAr: 'جمعية الإحسان', nameEn: 'Ihsan Association', slug: 'ihsan' },
  admin: { fullName: 'مدير الإحسان', email: 'admin@ihsan.sa', password: testPassword },
};

describe('the platform operator', () => {
  it('is the administrator that first-run setup created, and says so in the session', () => {
    expect(operatorLogin.statusCode).toBe(200);
    expect(operatorLogin.json().user.platformOperator).toBe(true);
  });

  it('answers 401 to no one signed in and 403 to a signed-in non-operator', async () => {
    expect((await get('/api/v1/platform/organizations')).statusCode).toBe(401);
    const registrar = sessionCookie(await signIn('registrar@first.sa'));
    const res = await post('/api/v1/platform/organizations', second, registrar);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
  });

  it('refuses bad input with the fields in Arabic, and in English on request', async () => {
    const bad = {
      organization: { nameAr: 'ج', nameEn: 'I', slug: 'Not a slug!' },
      admin: { fullName: 'م', email: 'no', password: 'short' },
    };
    const ar = await post('/api/v1/platform/organizations', bad, operator);
    expect(ar.statusCode).toBe(400);
    expect(ar.json().error.message).toMatch(/[\u0600-\u06FF]/);
    expect(Object.keys(ar.json().error.details.fields)).toEqual(
      expect.arrayContaining(['organization.slug', 'organization.nameAr', 'admin.email', 'admin.password']),
    );
    // Malformed input of any shape is a 400, never a server error.
    for (const [url, payload] of [
      ['/api/v1/platform/organizations', []],
      ['/api/v1/platform/organizations', { organization: null, admin: 'x' }],
      ['/api/v1/platform/organizations/not-a-uuid/suspend', {}],
      ['/api/v1/platform/operators', { email: 'a@b.sa', grant: 'yes' }],
    ] as const) {
      expect((await post(url, payload, operator)).statusCode, url).toBe(400);
    }
    expect((await get('/api/v1/platform/organizations?limit=0', operator)).statusCode).toBe(400);
    expect((await get('/api/v1/platform/organizations?cursor=%%%', operator)).statusCode).toBe(400);
    const en = await post('/api/v1/platform/organizations', bad, operator, 'en');
    expect(en.json().error.message).not.toMatch(/[\u0600-\u06FF]/);
    // The same password policy as setup: a common password is refused on admin.password.
    const common = await post(
      '/api/v1/platform/organizations',
      { ...second, admin: { ...second.admin, password: 'password1234' } },
      operator,
    );
    expect(common.statusCode).toBe(400);
    expect(Object.keys(common.json().error.details.fields)).toEqual(['admin.password']);
  });

  it('creates a second association with its first administrator, audited in it with the operator named', async () => {
    const res = await post('/api/v1/platform/organizations', second, operator);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.organization).toMatchObject({
      nameAr: 'جمعية الإحسان',
      nameEn: 'Ihsan Association',
      slug: 'ihsan',
      status: 'active',
    });
    expect(body.admin.email).toBe('admin@ihsan.sa');
    const { rows } = await owner.query<{ actor_id: string; details: Record<string, string> }>(
      `select actor_id, details from audit_events
        where organization_id = $1 and action = 'platform.organization_create'`,
      [body.organization.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.actor_id).toBe(setup.json().user.id);
    expect(rows[0]!.details.operatorOrganizationId).toBe(firstOrgId);
    // Its default satisfaction surveys come with it (database trigger).
    const surveys = await owner.query('select 1 from surveys where organization_id = $1', [
      body.organization.id,
    ]);
    expect(surveys.rowCount).toBeGreaterThan(0);
  });

  it('answers 409 to a taken slug or e-mail', async () => {
    const slug = await post(
      '/api/v1/platform/organizations',
      { ...second, admin: { ...second.admin, email: 'other@ihsan.sa' } },
      operator,
    );
    expect(slug.statusCode).toBe(409);
    expect(slug.json().error.code).toBe('SLUG_TAKEN');
    const email = await post(
      '/api/v1/platform/organizations',
      {
        organization: { ...second.organization, slug: 'ihsan-two' },
        admin: { ...second.admin, email: 'registrar@first.sa' },
      },
      operator,
    );
    expect(email.statusCode).toBe(409);
    expect(email.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('lets the new administrator in, seeing none of the first association’s data', async () => {
    const login = await signIn('admin@ihsan.sa');
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ roles: ['admin'], platformOperator: false });
    expect(login.json().organization.slug).toBe('ihsan');
    const admin = sessionCookie(login);
    // Its own registrar, made by its administrator.
    const made = await post(
      '/api/v1/users',
      { fullName: 'مسجل الإحسان', email: 'registrar@ihsan.sa', password: testPassword, roles: ['manager'] },
      admin,
    );
    expect(made.statusCode).toBe(201);
    const staff = sessionCookie(await signIn('registrar@ihsan.sa'));
    const list = await get('/api/v1/beneficiaries', staff);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ items: [], total: 0 });
    expect((await get(`/api/v1/beneficiaries/${firstBeneficiary.id}`, staff)).statusCode).toBe(404);
    const users = await get('/api/v1/users', admin);
    expect(
      users
        .json()
        .items.map((u: { email: string }) => u.email)
        .sort(),
    ).toEqual(['admin@ihsan.sa', 'registrar@ihsan.sa']);
    // A non-operator administrator is refused the platform's routes.
    expect((await get('/api/v1/platform/organizations', admin)).statusCode).toBe(403);
  });

  it('lists every association with counts only, never a person’s name', async () => {
    const res = await get('/api/v1/platform/organizations', operator);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.nextCursor).toBeNull();
    const bySlug = Object.fromEntries(body.items.map((o: { slug: string }) => [o.slug, o]));
    expect(bySlug.ihsan).toMatchObject({ users: 2, beneficiaries: 0, status: 'active' });
    expect(bySlug['first-birr']).toMatchObject({ users: 2, beneficiaries: 1, status: 'active' });
    expect(res.body).not.toContain(firstBeneficiary.fullNameAr);
    expect(res.body).not.toContain('مدير الإحسان');
    const paged = (await get('/api/v1/platform/organizations?limit=1', operator)).json();
    expect(paged.items).toHaveLength(1);
    const rest = (
      await get(`/api/v1/platform/organizations?limit=1&cursor=${paged.nextCursor}`, operator)
    ).json();
    expect(rest.items[0].id).not.toBe(paged.items[0].id);
    // A forged cursor is refused with the field named, never a server error.
    const forged = Buffer.from('[-5]').toString('base64url');
    const refused = await get(`/api/v1/platform/organizations?cursor=${forged}`, operator);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields).toHaveProperty('cursor');
  });

  it('suspends an association: its staff cannot sign in, sessions end, its portal answers 404; resume undoes it', async () => {
    const ihsan = (await get('/api/v1/platform/organizations', operator))
      .json()
      .items.find((o: { slug: string }) => o.slug === 'ihsan');
    const admin = sessionCookie(await signIn('admin@ihsan.sa'));
    expect((await get('/api/v1/portal/organizations/ihsan')).statusCode).toBe(200);

    const own = await post(`/api/v1/platform/organizations/${firstOrgId}/suspend`, {}, operator);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('CANNOT_SUSPEND_OWN_ORGANIZATION');

    const suspended = await post(`/api/v1/platform/organizations/${ihsan.id}/suspend`, {}, operator);
    expect(suspended.statusCode).toBe(200);
    expect(suspended.json().status).toBe('suspended');
    expect((await get('/api/v1/auth/me', admin)).statusCode).toBe(401);
    const refused = await signIn('admin@ihsan.sa');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ORGANIZATION_SUSPENDED');
    expect(refused.json().error.message).toMatch(/[\u0600-\u06FF]/);
    expect((await get('/api/v1/portal/organizations/ihsan')).statusCode).toBe(404);
    expect((await get('/api/v1/public/ihsan/services')).statusCode).toBe(404);
    // The first association goes on as before.
    expect((await get('/api/v1/portal/organizations/first-birr')).statusCode).toBe(200);
    // Its slug stays taken while it is suspended.
    const again = await post(
      '/api/v1/platform/organizations',
      { ...second, admin: { ...second.admin, email: 'new@ihsan.sa' } },
      operator,
    );
    expect(again.json().error.code).toBe('SLUG_TAKEN');

    const resumed = await post(`/api/v1/platform/organizations/${ihsan.id}/resume`, {}, operator);
    expect(resumed.json().status).toBe('active');
    expect((await signIn('admin@ihsan.sa')).statusCode).toBe(200);
    expect((await get('/api/v1/portal/organizations/ihsan')).statusCode).toBe(200);
    const { rows } = await owner.query<{ action: string }>(
      `select action from audit_events where organization_id = $1 and action like 'platform.%' order by id`,
      [ihsan.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'platform.organization_create',
      'platform.organization_suspend',
      'platform.organization_resume',
    ]);
  });

  it('exports one association as a .tar.gz of JSON per table, without secrets or other associations, audited', async () => {
    const res = await get(`/api/v1/platform/organizations/${firstOrgId}/export`, operator);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    const files = untar(gunzipSync(res.rawPayload));
    const manifest = JSON.parse(files['manifest.json']!);
    expect(manifest).toMatchObject({ organizationId: firstOrgId, slug: 'first-birr' });
    expect(manifest.tables).toMatchObject({ beneficiaries: 1, users: 2 });
    // Each table is in parts (JSON arrays), listed in the manifest in order.
    const rowsOf = (table: string): Record<string, unknown>[] =>
      manifest.parts[table].flatMap((part: { name: string }) => JSON.parse(files[part.name]!));
    expect(manifest.parts.beneficiaries).toEqual([
      { name: 'tables/beneficiaries/part-000001.json', rows: 1 },
    ]);
    const beneficiaries = rowsOf('beneficiaries');
    expect(beneficiaries.map((b) => b.id)).toEqual([firstBeneficiary.id]);
    const users = rowsOf('users');
    expect(users.map((u) => u.email).sort()).toEqual(['operator@first.sa', 'registrar@first.sa']);
    expect(users.every((u) => !('password_hash' in u))).toBe(true);
    expect(Object.keys(files).filter((name) => name.startsWith('tables/sessions/'))).toEqual([]);
    expect(manifest.parts.sessions).toBeUndefined();
    // The document's file travels with its row.
    const [document] = rowsOf('beneficiary_documents') as { storage_key: string }[];
    expect(manifest).toMatchObject({ files: 1, missingFiles: [] });
    expect(files[`files/${document.storage_key}`]).toBe(tinyPng.toString('utf8'));
    // Nothing of the second association is in the first's archive.
    const everything = Object.values(files).join('\n');
    expect(everything).not.toContain('admin@ihsan.sa');
    expect(everything).not.toContain('$argon2');
    const { rows } = await owner.query<{ actor_id: string }>(
      `select actor_id from audit_events where organization_id = $1 and action = 'platform.organization_export'`,
      [firstOrgId],
    );
    expect(rows.map((r) => r.actor_id)).toEqual([setup.json().user.id]);
    const registrar = sessionCookie(await signIn('registrar@first.sa'));
    expect((await get(`/api/v1/platform/organizations/${firstOrgId}/export`, registrar)).statusCode).toBe(
      403,
    );
  });

  it('grants the operator right by e-mail and revokes it, but not from oneself', async () => {
    const admin = sessionCookie(await signIn('admin@ihsan.sa'));
    const granted = await post(
      '/api/v1/platform/operators',
      { email: 'admin@ihsan.sa', grant: true },
      operator,
    );
    expect(granted.statusCode).toBe(200);
    expect(granted.json().user.platformOperator).toBe(true);
    expect((await get('/api/v1/platform/organizations', admin)).statusCode).toBe(200);
    expect((await get('/api/v1/auth/me', admin)).json().user.platformOperator).toBe(true);
    // The right opens no case of another association.
    expect((await get(`/api/v1/beneficiaries/${firstBeneficiary.id}`, admin)).statusCode).toBe(403);

    const revoked = await post(
      '/api/v1/platform/operators',
      { email: 'admin@ihsan.sa', grant: false },
      operator,
    );
    expect(revoked.json().user.platformOperator).toBe(false);
    expect((await get('/api/v1/platform/organizations', admin)).statusCode).toBe(403);

    const self = await post(
      '/api/v1/platform/operators',
      { email: 'operator@first.sa', grant: false },
      operator,
    );
    expect(self.statusCode).toBe(409);
    const unknown = await post('/api/v1/platform/operators', { email: 'nobody@x.sa', grant: true }, operator);
    expect(unknown.statusCode).toBe(404);
  });
});
