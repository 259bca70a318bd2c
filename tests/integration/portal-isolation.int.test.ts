/**
 * A beneficiary sees only their own file in the portal. A fast-check property picks any portal route of
 * /api/openapi.json (so a new portal route is covered without being listed), fills its path with the ids
 * of another beneficiary's records — a neighbour in the same association, or anyone's in another — and a
 * plausible body carrying those ids, and calls it as a signed-in beneficiary who is not their owner. A call
 * with an id must answer 404 (or 400/415 for a body refused before any lookup), never a success, never a
 * 5xx; no answer may carry the other person's identifiers. Reproduce a failure with PORTAL_SEED=<seed>.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../support/beneficiary-factory';
import { type JsonSchema, plausible } from '../support/json-schema-arbitrary';
import { multipartForm } from '../support/multipart';
import { buildRichAssociation } from '../support/rich-association';
import { createOrganization, createTestApp, inOrganization, signIn } from '../support/test-app';

const seed = Number(process.env.PORTAL_SEED ?? Date.now() % 2 ** 31);
const numRuns = Number(process.env.PORTAL_RUNS ?? 1_000);

const { app, services } = await createTestApp();
const a = await buildRichAssociation(app, services, 'الزبرجدي');
const d = a.decided;

// The owner of the records: the decided file of A. What identifies them and their records.
const owner = (
  await app.inject({
    method: 'GET',
    url: `/api/v1/beneficiaries/${d.beneficiaryId}`,
    headers: { cookie: a.cookies.supervisor },
  })
).json() as { nationalId: string; phone: string };
const ownerIds = [d.beneficiaryId, d.requestId, d.documentId, d.memberId, d.correctionId];
const ownerSecrets = [...ownerIds, owner.nationalId, owner.phone, d.beneficiaryName, d.decisionReason];
// File and request numbers count per association (B-000001 in A and in B): they identify the owner only
// to a neighbour in the same association.
const ownerNumbers = [d.fileNumber, d.requestNumber];

async function portalCookieFor(organizationId: string, beneficiaryId: string) {
  const token = await inOrganization(services, organizationId, () =>
    services.portalSessions.create(services.db, { organizationId, beneficiaryId, ip: null, userAgent: null }),
  );
  return `wasl_portal=${token}`;
}

// The callers: a neighbour in A, and a beneficiary of association B.
const neighbour = await registerBeneficiary(app, a.cookies.relations_officer, {
  fullNameAr: 'هتان سامي الياقوتي',
});
const b = await createOrganization(services, [
  { fullName: 'موظف ب', email: 'clerk', roles: ['relations_officer'] },
]);
const bClerk = await signIn(app, b.emails.clerk!);
const stranger = await registerBeneficiary(app, bClerk, { fullNameAr: 'لولوة فهد الياقوتي' });
const callers = {
  neighbour: await portalCookieFor(a.organizationId, neighbour.id),
  stranger: await portalCookieFor(b.organization.id, stranger.id),
};

interface Operation {
  method: string;
  path: string;
  params: string[];
  body: JsonSchema | null;
}
interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}
const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
const publicRoutes = new Set(
  app.routeRules
    .filter((r) => r.access === 'public')
    .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`),
);
// Signing out ends the caller's session and takes no id: everything else of the portal is called.
const operations: Operation[] = Object.entries(
  openapi.paths as Record<string, Record<string, OpenApiOperation>>,
)
  .filter(([path]) => path.startsWith('/api/v1/portal/'))
  .flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
      body: op.requestBody?.content?.['application/json']?.schema ?? null,
    })),
  )
  .filter((op) => !publicRoutes.has(`${op.method} ${op.path}`))
  .filter((op) => !(op.method === 'DELETE' && op.path === '/api/v1/portal/sessions/current'));
const uploads = operations.filter((op) => op.method === 'POST' && op.path.endsWith('/documents') && !op.body);

/** Every string that looks like an id becomes one of the owner's. */
function withOwnerIds(value: unknown, pick: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => withOwnerIds(v, pick + i));
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v], i) => {
      if (k.endsWith('Id') && typeof v === 'string') return [k, ownerIds[(pick + i) % ownerIds.length]];
      if (k.endsWith('Ids') && Array.isArray(v))
        return [k, v.map((_, j) => ownerIds[(pick + i + j) % ownerIds.length])];
      return [k, withOwnerIds(v, pick + i)];
    }),
  );
}

const call = fc
  .record({
    op: fc.constantFrom(...operations),
    who: fc.constantFrom<keyof typeof callers>('neighbour', 'stranger'),
    picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
    seedBody: fc.nat(),
  })
  .chain((c) =>
    (c.op.body ? plausible(c.op.body, () => ownerIds) : fc.constant(undefined)).map((body) => ({
      ...c,
      body,
    })),
  );
type Call = typeof call extends fc.Arbitrary<infer T> ? T : never;

const seen = { withId: 0, notFound: 0, statuses: new Map<string, number>() };

/** The owner's id a path parameter stands for: the record its resource names, sometimes any of theirs. */
function ownerIdFor(path: string, param: string, pick: number): string {
  if (pick % 5 === 0) return ownerIds[pick % ownerIds.length]!;
  if (path.includes('/documents/')) return d.documentId;
  if (path.includes('/household/')) return d.memberId;
  if (path.includes('/corrections/')) return d.correctionId;
  if (param === 'beneficiaryId') return d.beneficiaryId;
  return d.requestId;
}

async function check(c: Call) {
  const { op, picks } = c;
  const path = op.path.replace(/\{(\w+)\}/g, (_, param: string) =>
    ownerIdFor(op.path, param, picks[op.params.indexOf(param)]!),
  );
  const headers: Record<string, string> = { cookie: callers[c.who], 'x-requested-with': 'wasl' };
  let payload: string | Buffer | undefined;
  let sent = '';
  if (uploads.includes(op)) {
    const form = multipartForm({ type: 'national_id', expiryDate: '2031-01-01' });
    headers['content-type'] = form.type;
    payload = form.payload;
  } else if (op.method !== 'GET' && op.method !== 'DELETE') {
    sent = JSON.stringify(withOwnerIds(c.body ?? {}, c.seedBody));
    headers['content-type'] = 'application/json';
    payload = sent;
  }
  const res = await app.inject({ method: op.method as 'GET', url: path, headers, payload });
  const label = `${c.who} ${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  seen.statuses.set(
    `${op.params.length ? 'id' : 'no id'} ${res.statusCode}`,
    (seen.statuses.get(`${op.params.length ? 'id' : 'no id'} ${res.statusCode}`) ?? 0) + 1,
  );
  expect(res.statusCode, label).toBeLessThan(500);
  // Signed in as a beneficiary, so never 401 or 403: another person's record is simply not there.
  expect([401, 403], label).not.toContain(res.statusCode);
  if (op.params.length) {
    seen.withId += 1;
    if (res.statusCode === 404) seen.notFound += 1;
    expect([400, 404, 415], label).toContain(res.statusCode);
  }
  const body = res.rawPayload.toString('utf8');
  const secrets = c.who === 'neighbour' ? [...ownerSecrets, ...ownerNumbers] : ownerSecrets;
  const leaked = secrets.filter((s) => body.includes(s) && !sent.includes(s));
  expect(leaked, label).toEqual([]);
}

async function ownerSnapshot() {
  const get = async (url: string) =>
    (await app.inject({ method: 'GET', url, headers: { cookie: a.cookies.manager } })).json();
  return {
    profile: await get(`/api/v1/beneficiaries/${d.beneficiaryId}`),
    request: (await get(`/api/v1/requests/${d.requestId}`)).status,
    household: (await get(`/api/v1/beneficiaries/${d.beneficiaryId}/household`)).items.length,
    documents: (await get(`/api/v1/beneficiaries/${d.beneficiaryId}/documents`)).items.length,
  };
}

describe('a beneficiary in the portal', () => {
  it('has portal routes to call, several of them with ids', () => {
    expect(operations.length).toBeGreaterThanOrEqual(20);
    expect(operations.filter((op) => op.params.length).length).toBeGreaterThanOrEqual(7);
  });

  it(`never reaches another beneficiary's records, over ${numRuns} calls (seed ${seed})`, async () => {
    const before = await ownerSnapshot();
    await fc.assert(fc.asyncProperty(call, check), { numRuns, seed, endOnFailure: true });
    console.log(`portal isolation answers: ${JSON.stringify(Object.fromEntries([...seen.statuses].sort()))}`);
    if (operations.some((op) => op.params.length)) expect(seen.notFound).toBeGreaterThan(numRuns / 10);
    expect(await ownerSnapshot()).toEqual(before);
  }, 600_000);
});
