/**
 * Nothing of association A reaches association B, whatever B's staff call. A has a bit of everything
 * (tests/support/rich-association.ts); B has one user per role and a little data of its own. A
 * fast-check property picks any route of /api/openapi.json (so a new route is covered without being
 * listed), a role of B, A's ids for the path and for every id in the body, A's names and numbers for
 * the searches — and the answer must never be a success on A's record, never a 401 or 5xx, and must
 * never carry one of A's identifiers. Reproduce a failure with CROSS_SEED=<seed in the failure>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles } from '../../src/shared/roles';
import { registerBeneficiary } from '../support/beneficiary-factory';
import { type JsonSchema, plausible } from '../support/json-schema-arbitrary';
import { multipartForm } from '../support/multipart';
import { buildRichAssociation, type IdKind } from '../support/rich-association';
import { createOrganization, createTestApp, signIn, testPassword } from '../support/test-app';

const seed = Number(process.env.CROSS_SEED ?? Date.now() % 2 ** 31);
const numRuns = Number(process.env.CROSS_RUNS ?? 1_000);

const { app, services } = await createTestApp();
const a = await buildRichAssociation(app, services, 'الزبرجدي');

const bRoles: StaffRole[] = [...staffRoles];
const b = await createOrganization(
  services,
  bRoles.map((role) => ({ fullName: `موظف ${role} الياقوتي`, email: role, roles: [role] })),
);
const bCookies = Object.fromEntries(
  await Promise.all(bRoles.map(async (r) => [r, await signIn(app, b.emails[r]!)] as const)),
);
// B's own files, so that B's lists are not empty: whatever they show must be B's.
const bFiles = [
  await registerBeneficiary(app, bCookies.relations_officer!, { fullNameAr: 'هتان سامي الياقوتي' }),
  await registerBeneficiary(app, bCookies.relations_officer!, { fullNameAr: 'لولوة فهد الياقوتي' }),
];

// File and request numbers count per association (B-000001, R-000001), so B's own numbers also
// appear in A: only A's numbers that B does not have identify A (B's grow as B's staff create files).
const bNumbers = new Set(bFiles.map((f) => f.fileNumber));
const aIds = Object.values(a.ids).flat();
const aSecrets = [
  ...aIds,
  ...a.people.nationalIds,
  ...a.people.phones,
  ...a.people.names,
  ...Object.values(a.emails),
];
const aNumbers = [...a.people.fileNumbers, ...a.people.numbers];
const secretsNow = () => [...aSecrets, ...aNumbers.filter((n) => !bNumbers.has(n))];
// What B's searches are given to look for: A's names (and parts of them), ids and numbers.
const aSearchTerms = [
  ...a.people.names,
  ...a.people.names.map((n) => n.split(' ')[0]!),
  'الزبرجدي',
  ...a.people.nationalIds,
  ...a.people.phones,
  ...a.people.phones.map((p) => p.replace('+966', '0')),
  ...a.people.fileNumbers,
  ...a.people.numbers,
];

/** The kind of A's id that a path parameter names, by the resource the path is under. */
function kindOf(path: string, param: string): IdKind {
  if (path.startsWith('/api/v1/beneficiaries/duplicates/')) return 'duplicate';
  if (path.startsWith('/api/v1/beneficiaries/')) {
    return (
      ({ documentId: 'document', memberId: 'member', requestId: 'correction' } as const)[param] ??
      'beneficiary'
    );
  }
  if (path.startsWith('/api/v1/requests/')) return 'request';
  if (path.startsWith('/api/v1/verifications/')) return param === 'photoId' ? 'photo' : 'task';
  if (path.startsWith('/api/v1/committee-sessions/')) return param === 'requestId' ? 'request' : 'session';
  if (path.startsWith('/api/v1/services/')) return 'service';
  if (path.startsWith('/api/v1/users/')) return 'user';
  if (path.startsWith('/api/v1/referrals/')) return 'referral';
  return 'beneficiary';
}

interface Operation {
  method: string;
  path: string;
  params: string[];
  query: { name: string; schema: JsonSchema }[];
  body: JsonSchema | null;
}
interface OpenApiOperation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
// Signing out ends B's session and neither takes an id nor returns data; everything else is called.
const operations: Operation[] = Object.entries(
  openapi.paths as Record<string, Record<string, OpenApiOperation>>,
)
  .flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      query: (op.parameters ?? [])
        .filter((p) => p.in === 'query')
        .map((p) => ({ name: p.name, schema: p.schema })),
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  )
  .filter((op) => !(op.method === 'POST' && op.path === '/api/v1/auth/logout'));
const uploads = ['/api/v1/beneficiaries/{id}/documents', '/api/v1/verifications/{id}/photos'];

const aIdOf = (kind: IdKind, pick: number, anyKind: boolean) => {
  const pool = anyKind ? aIds : a.ids[kind].length ? a.ids[kind] : aIds;
  return pool[pick % pool.length]!;
};

/** Every string that looks like an id gets one of A's; the rest stays as the schema wants it. */
function withAIds(value: unknown, pick: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => withAIds(v, pick + i));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v], i) => {
      if (k.endsWith('Id') && typeof v === 'string') return [k, aIds[(pick + i) % aIds.length]];
      if (k.endsWith('Ids') && Array.isArray(v))
        return [k, v.map((_, j) => aIds[(pick + i + j) % aIds.length])];
      return [k, withAIds(v, pick + i)];
    }),
  );
}

const call = fc
  .record({
    op: fc.constantFrom(...operations),
    role: fc.constantFrom(...bRoles),
    picks: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
    anyKind: fc.nat(9).map((n) => n < 2), // mostly an id of the right kind, sometimes any
    term: fc.constantFrom(...aSearchTerms),
    seedBody: fc.nat(),
  })
  .chain((c) =>
    (c.op.body ? plausible(c.op.body, () => aIds) : fc.constant(undefined)).map((body) => ({ ...c, body })),
  );

const seen = { withId: 0, withoutId: 0, statuses: new Map<string, number>() };

type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;

async function check(c: Call) {
  const { op, role, picks } = c;
  const path = op.path.replace(/\{(\w+)\}/g, (_, param: string) =>
    aIdOf(kindOf(op.path, param), picks[op.params.indexOf(param)]!, c.anyKind),
  );
  const query = op.query
    .map(({ name }) => {
      if (name === 'q') return `q=${encodeURIComponent(c.term)}`;
      if (name.endsWith('Id')) return `${name}=${aIds[picks[3]! % aIds.length]}`;
      return name === 'limit' ? 'limit=100' : null;
    })
    .filter(Boolean)
    .join('&');
  const headers: Record<string, string> = { cookie: bCookies[role]!, 'x-requested-with': 'wasl' };
  let payload: string | Buffer | undefined;
  let sent = '';
  if (uploads.includes(op.path)) {
    const form = multipartForm({ type: 'national_id', expiryDate: '2031-01-01' });
    headers['content-type'] = form.type;
    payload = form.payload;
  } else if (op.method !== 'GET' && op.method !== 'DELETE') {
    sent = JSON.stringify(withAIds(c.body ?? {}, c.seedBody));
    headers['content-type'] = 'application/json';
    payload = sent;
  }
  const res = await app.inject({
    method: op.method as 'GET',
    url: query ? `${path}?${query}` : path,
    headers,
    payload,
  });
  const label = `${role} ${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  const key = `${op.params.length ? 'A id' : 'no id'} ${res.statusCode}`;
  seen.statuses.set(key, (seen.statuses.get(key) ?? 0) + 1);
  // Signed in, so never 401 — but for signing in with credentials that are not someone's, for the
  // beneficiary's portal, which a staff session does not open (portal-isolation.int.test.ts covers it),
  // and for a gateway's webhook, which a session does not sign (only the gateway's signature does).
  const portal = op.path.startsWith('/api/v1/portal/');
  const webhook = op.path.startsWith('/api/v1/webhooks/');
  if (op.path !== '/api/v1/auth/login' && !portal && !webhook) expect(res.statusCode, label).not.toBe(401);
  expect(res.statusCode, label).toBeLessThan(500);
  if (op.params.length) {
    seen.withId += 1;
    // 400 and 415 are a body refused before any lookup; 403 the role's rule; 404 "no such record".
    expect(portal ? [400, 401, 404, 415] : [400, 403, 404, 415], label).toContain(res.statusCode);
  } else seen.withoutId += 1;
  // What B sent in the body may come back (B may register the same person); nothing else of A may.
  const body = res.rawPayload.toString('utf8');
  if (res.statusCode === 201) {
    for (const m of body.matchAll(/"(?:fileNumber|number)":"([BR]-\d+)"/g)) bNumbers.add(m[1]!);
  }
  const leaked = secretsNow().filter((s) => body.includes(s) && !sent.includes(s));
  expect(leaked, label).toEqual([]);
}

async function snapshotOfA() {
  const get = async (url: string) =>
    (await app.inject({ method: 'GET', url, headers: { cookie: a.cookies.manager } })).json();
  const requests = await get('/api/v1/requests?limit=100');
  return {
    beneficiaries: (await get('/api/v1/beneficiaries?limit=100')).total,
    requests: requests.items.map((r: { id: string; status: string }) => `${r.id} ${r.status}`).sort(),
    users: (await get('/api/v1/users?limit=100')).items.map(
      (u: { id: string; status: string; roles: string[] }) => `${u.id} ${u.status} ${u.roles.join(',')}`,
    ),
    household: (await get(`/api/v1/beneficiaries/${a.decided.beneficiaryId}/household`)).items.length,
    session: (await get(`/api/v1/committee-sessions/${a.decided.sessionId}`)).status,
  };
}

describe('association B and association A', () => {
  it('knows every operation of the OpenAPI document and dozens of A’s identifiers', () => {
    expect(operations.length).toBeGreaterThan(80);
    expect(aSecrets.length).toBeGreaterThan(40);
    expect(operations.filter((o) => o.params.length).length).toBeGreaterThan(50);
  });

  it(`never shows or changes A's records, over ${numRuns} calls by B's staff (seed ${seed})`, async () => {
    const before = await snapshotOfA();
    await fc.assert(fc.asyncProperty(call, check), { numRuns, seed, endOnFailure: true });
    console.log(
      `cross-association answers: ${JSON.stringify(Object.fromEntries([...seen.statuses].sort()))}`,
    );
    expect(seen.withId + seen.withoutId).toBe(numRuns);
    expect(seen.withId).toBeGreaterThan(numRuns / 2);
    // Enough calls got past the role check to reach a lookup (404) or a list (200).
    expect(seen.statuses.get('A id 404') ?? 0).toBeGreaterThan(numRuns / 10);
    expect(seen.statuses.get('no id 200') ?? 0).toBeGreaterThan(numRuns / 50);
    expect(await snapshotOfA()).toEqual(before);
  }, 300_000);

  // A public route called with a session cookie runs in the session's association: signing in to
  // another association, or first-run setup, then fails with 500 instead of answering.
  it('lets someone signed in to B sign in as a staff member of A, and refuses setup with 409', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '10.20.30.40', // not the address the property's failed sign-ins throttled
      headers: { cookie: bCookies.relations_officer! },
      payload: { email: a.emails.auditor, password: testPassword },
    });
    expect(login.statusCode, login.body).toBe(200);
    expect(login.json().user.id).toBe(a.userIds.auditor);
    const setup = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      headers: { cookie: bCookies.admin! },
      payload: {
        organization: { nameAr: 'جمعية ثالثة', nameEn: 'Third association' },
        admin: {
          fullName: 'مدير ثالث',
          email: 'third@example.sa',
          password: 'correct-horse-battery-staple-9',
        },
      },
    });
    expect(setup.statusCode, setup.body).toBe(409);
    expect(setup.json().error.code).toBe('ALREADY_SET_UP');
  });

  it('finds none of A’s people by name, national id, mobile or file number in B’s search', async () => {
    for (const term of aSearchTerms) {
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/beneficiaries?q=${encodeURIComponent(term)}`,
        headers: { cookie: bCookies.manager! },
      });
      expect(res.statusCode, term).toBe(200);
      const found = res.json().items.map((i: { id: string }) => i.id);
      expect(
        found.filter((id: string) => aIds.includes(id)),
        term,
      ).toEqual([]);
    }
  });
});
