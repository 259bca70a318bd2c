import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { staffRoles } from '../../src/shared/roles';
import { type JsonSchema, malformed, nastyValue, plausible } from '../support/json-schema-arbitrary';
import { createService, readyBeneficiary } from '../support/request-factory';
import { createOrganization, createTestApp, signIn } from '../support/test-app';

// Every write route of the API (read from /api/openapi.json, so a new route is fuzzed without being
// listed here) gets at least 500 malformed requests from a signed-in user holding every role: no
// answer may be a 500, and every 4xx is in our {"error":{code,message}} shape. Reproduce a failure
// with FUZZ_SEED=<the seed printed in the failure>.
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const perRoute = 500;
const concurrency = 6;

const { app, services } = await createTestApp({ poolMax: 10 });
const org = await createOrganization(services, [
  { fullName: 'مدير بكل الأدوار', email: 'fuzzer', roles: [...staffRoles] },
  { fullName: 'عضو لجنة', email: 'member', roles: ['committee_member', 'researcher'] },
]);
const cookie = await signIn(app, org.emails.fuzzer!);
const me = (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).json().user;

// Real records, so that plausible payloads reach the services and not only the validation.
const web = { cookie, 'x-requested-with': 'wasl' };
const postJson = async (url: string, payload: object) =>
  (await app.inject({ method: 'POST', url, headers: { cookie }, payload })).json();
const beneficiary = await readyBeneficiary(app, cookie);
const service = await createService(app, cookie, { verification: ['documents', 'field_visit'] });
const request = await postJson('/api/v1/requests', {
  beneficiaryId: beneficiary.id,
  serviceId: service.id,
  channel: 'in_person',
});
const users = (await app.inject({ method: 'GET', url: '/api/v1/users', headers: web })).json().items as {
  id: string;
}[];
const member = users.find((u) => u.id !== me.id)!;
const session = await postJson('/api/v1/committee-sessions', {
  title: 'جلسة الاختبار',
  scheduledFor: '2026-11-23T10:00:00+03:00',
  chairId: me.id,
  memberIds: [member.id],
});

// The fuzzer's own id stays out: deactivating or stripping itself would end the fuzz, not find bugs.
const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const pool = new Set<string>(
  [beneficiary.id, service.id, request.id, session.id, member.id].filter((id): id is string => Boolean(id)),
);
const ids = () => [...pool];
function harvest(body: string) {
  for (const id of body.match(uuid) ?? []) if (id !== me.id && pool.size < 300) pool.add(id);
}

interface OpenApiOperation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

interface Route {
  method: string;
  path: string;
  schema: JsonSchema | null;
  params: string[];
}

const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
const writeMethods = ['post', 'put', 'patch', 'delete'];
const routes: Route[] = Object.entries(
  openapi.paths as Record<string, Record<string, OpenApiOperation>>,
).flatMap(([path, operations]) =>
  Object.entries(operations)
    .filter(([method]) => writeMethods.includes(method))
    .map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      schema: op.requestBody?.content?.['application/json']?.schema ?? null,
      params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
    })),
);
// Upload routes read multipart themselves, so OpenAPI shows no body for them.
const uploadPaths = [
  '/api/v1/beneficiaries/{id}/documents',
  '/api/v1/verifications/{id}/photos',
  '/api/v1/policies/{id}/versions/{vid}/minutes',
];
// Signing in and out last: the fuzz signs in as itself, and the login throttle may lock the IP.
const lastPaths = ['/api/v1/setup', '/api/v1/auth/login', '/api/v1/auth/logout'];
routes.sort((a, b) => rank(a) - rank(b));
function rank(route: Route) {
  return lastPaths.indexOf(route.path) + 1 || (route.params.length ? 1 : 0) - 10;
}

interface Case {
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  label: string;
}

const paramValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.nat().map((i) => ids()[i % ids().length] ?? '') },
  { weight: 2, arbitrary: fc.uuid() },
  {
    weight: 2,
    arbitrary: fc.oneof(
      fc.constantFrom('x', 'ملف', '%00', '%E0%A4%A', '%', '..', '1012345678', 'NULL', '%20'),
      fc.integer({ min: 37, max: 400 }).map((n) => 'a'.repeat(n)),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.uuid().map((u) => u.toUpperCase()),
    ),
  },
);

const languages = fc.constantFrom('ar', 'en', 'en-US,en;q=0.9', 'fr', '');

function jsonCases(route: Route): fc.Arbitrary<Case> {
  const body: fc.Arbitrary<{ payload?: string; type?: string; label: string }> = fc.oneof(
    {
      weight: 10,
      arbitrary: (route.schema ? malformed(route.schema, ids) : nastyValue).map(asJson('malformed')),
    },
    {
      weight: 3,
      arbitrary: (route.schema ? plausible(route.schema, ids) : fc.constant({})).map(asJson('plausible')),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        { payload: '{"a":', type: 'application/json', label: 'truncated json' },
        { payload: '{"__proto__":{"admin":true}}', type: 'application/json', label: 'proto' },
        { payload: '{"constructor":{"prototype":{"x":1}}}', type: 'application/json', label: 'constructor' },
        { payload: '\uFEFF{}', type: 'application/json', label: 'bom' },
        { payload: '', type: 'application/json', label: 'empty json' },
        { payload: '{}', type: 'application/json; charset=latin1', label: 'charset' },
        { payload: 'a=1&b=2', type: 'application/x-www-form-urlencoded', label: 'form' },
        { payload: '<x/>', type: 'application/xml', label: 'xml' },
        { payload: 'hello', type: 'text/plain', label: 'text' },
        { payload: '--b\r\n\r\nx', type: 'multipart/form-data; boundary=b', label: 'stray multipart' },
        { label: 'no body' },
      ),
    },
  );
  return fc
    .record({
      params: fc.array(paramValue, { minLength: 3, maxLength: 3 }),
      body,
      language: languages,
      query: fc.nat(20),
    })
    .map(({ params, body: b, language, query }) => ({
      url: urlOf(route, params) + (query === 0 ? '?x=%00' : query === 1 ? `?q=${'ق'.repeat(3000)}` : ''),
      headers: {
        ...web,
        'accept-language': language,
        ...(b.type ? { 'content-type': b.type } : {}),
      },
      payload: b.payload,
      label: b.label,
    }));
}

function asJson(label: string) {
  return (value: unknown) => ({ payload: JSON.stringify(value) ?? 'null', type: 'application/json', label });
}

function urlOf(route: Route, params: string[]): string {
  let i = 0;
  return route.path.replace(/\{\w+\}/g, () => params[i++] ?? '');
}

const fieldNames = [
  'type',
  'number',
  'issueDate',
  'expiryDate',
  'issueDateHijri',
  'expiryDateHijri',
  'file',
  'x',
];
const fileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), b])),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.concat([Buffer.from('ffd8ffe0', 'hex'), b])),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.concat([Buffer.from('%PDF-1.7\n'), b])),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
);

function multipartCases(route: Route): fc.Arbitrary<Case> {
  const text = fc.oneof(
    fc.constantFrom('national_id', '2030-01-01', '1448-06-11', ''),
    fc.string({ maxLength: 30 }),
    // JSON for objects: fast-check's dictionaries may have no prototype, which String() cannot convert.
    nastyValue.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))),
  );
  return fc
    .record({
      params: fc.array(paramValue, { minLength: 1, maxLength: 1 }),
      boundary: fc.constantFrom('fuzz', 'x'.repeat(70), 'b'.repeat(300), 'a b', '"quoted"'),
      declared: fc.constantFrom('same', 'other', 'none', 'mixed'),
      fields: fc.array(fc.tuple(fc.constantFrom(...fieldNames), text), { maxLength: 25 }),
      files: fc.array(
        fc.record({
          name: fc.constantFrom('file', 'file', 'photo'),
          fileName: fc.oneof(
            fc.constantFrom('صورة.png', 'a.pdf', '', '../../x.png', 'a\u0000.png'),
            fc.string({ maxLength: 20 }),
          ),
          data: fileBytes,
        }),
        { maxLength: 3 },
      ),
      cut: fc.option(fc.nat(), { freq: 2 }),
      language: languages,
    })
    .map(({ params, boundary, declared, fields, files, cut, language }) => {
      const parts = [
        ...fields.map(([k, v]) =>
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
        ),
        ...files.flatMap((f) => [
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="${f.name}"; filename="${f.fileName}"\r\nContent-Type: image/png\r\n\r\n`,
          ),
          f.data,
          Buffer.from('\r\n'),
        ]),
        Buffer.from(`--${boundary}--\r\n`),
      ];
      const whole = Buffer.concat(parts);
      const payload = cut === null ? whole : whole.subarray(0, cut % (whole.length + 1));
      const type = {
        same: `multipart/form-data; boundary=${boundary}`,
        other: 'multipart/form-data; boundary=something-else',
        none: 'multipart/form-data',
        mixed: `multipart/mixed; boundary=${boundary}`,
      }[declared];
      return {
        url: urlOf(route, params),
        headers: { ...web, 'accept-language': language, 'content-type': type },
        payload,
        label: `multipart ${declared}${cut === null ? '' : ' cut'}`,
      };
    });
}

/** The 10 MB body every route must refuse with 413 (uploads: a file just over their limit). */
function hugeCase(route: Route, upload: boolean): Case {
  const url = urlOf(route, [...ids(), ...ids()]);
  if (!upload) {
    return {
      url,
      headers: { ...web, 'content-type': 'application/json' },
      payload: `{"notes":"${'x'.repeat(10 * 1024 * 1024)}"}`,
      label: '10 MB json',
    };
  }
  const head = '--big\r\nContent-Disposition: form-data; name="file"; filename="big.png"\r\n\r\n';
  const file = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(10 * 1024 * 1024)]);
  return {
    url,
    headers: { ...web, 'content-type': 'multipart/form-data; boundary=big' },
    payload: Buffer.concat([Buffer.from(head), file, Buffer.from('\r\n--big--\r\n')]),
    label: '10 MB file',
  };
}

async function runLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

describe('the API under malformed input', () => {
  it(`answers no 500 and only our error shape to ${perRoute} malformed requests per write route`, async () => {
    for (const path of uploadPaths)
      expect(
        routes.some((r) => r.path === path),
        path,
      ).toBe(true);
    const started = Date.now();
    // One example per route and kind of failure, with how often it happened.
    const failures = new Map<string, { count: number; example: string }>();
    const statuses = new Map<number, number>();
    let sent = 0;
    for (const [index, route] of routes.entries()) {
      const upload = uploadPaths.includes(route.path);
      const arbitrary = upload
        ? fc.oneof({ weight: 4, arbitrary: multipartCases(route) }, jsonCases(route))
        : jsonCases(route);
      const cases = [
        ...fc.sample(arbitrary, { numRuns: perRoute, seed: seed + index }),
        hugeCase(route, upload),
      ];
      // The logout route ends the session it is sent with: give it one of its own.
      const routeCookie =
        route.path === '/api/v1/auth/logout' ? await signIn(app, org.emails.fuzzer!) : cookie;
      const routeStarted = Date.now();
      await runLimited(cases, concurrency, async (c) => {
        const res = await app.inject({
          method: route.method as 'POST',
          url: c.url,
          headers: { ...c.headers, cookie: routeCookie },
          payload: c.payload,
        });
        sent += 1;
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const problem = judge(res.statusCode, res.body);
        if (problem) {
          const key = `${route.method} ${route.path} → ${res.statusCode} ${problem}`;
          const seen = failures.get(key) ?? {
            count: 0,
            example: `${c.url.slice(0, 120)} [${c.label}] ${res.body.slice(0, 200)} | sent ${String(c.payload ?? '').slice(0, 300)}`,
          };
          failures.set(key, { ...seen, count: seen.count + 1 });
        }
        if (res.statusCode < 300) harvest(res.body);
      });
      // FUZZ_PROGRESS=<file> shows where the time goes while the test runs.
      if (process.env.FUZZ_PROGRESS) {
        fs.appendFileSync(
          process.env.FUZZ_PROGRESS,
          `${route.method} ${route.path} ${Date.now() - routeStarted} ms\n`,
        );
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.info(
      `fuzz: ${sent} requests to ${routes.length} write routes in ${seconds} s (seed ${seed});`,
      Object.fromEntries([...statuses].sort(([a], [b]) => a - b)),
    );
    expect(sent).toBeGreaterThanOrEqual(routes.length * perRoute);
    const report = [...failures].map(([key, f]) => `${key} ×${f.count}: ${f.example}`);
    expect(report, `seed ${seed}`).toEqual([]);
  }, 900_000);
});

function judge(status: number, body: string): string | null {
  if (status >= 500) return 'server error';
  if (status < 400) return null;
  try {
    const error = JSON.parse(body).error;
    if (typeof error?.code !== 'string' || typeof error?.message !== 'string' || !error.message) {
      return 'not our error shape';
    }
  } catch {
    return 'not JSON';
  }
  return null;
}
