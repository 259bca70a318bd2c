/**
 * Issue 14 probes: the routes this issue added (dashboards, reports, disputes and the charter, the
 * platform operator, policies and the reference library, public pages) read from /api/openapi.json and
 * asked with malformed query strings and path ids by a user holding every staff role who is also the
 * platform operator: no answer is a 5xx, every 4xx is in our error shape. The fuzz test only sends
 * bodies to write routes; these are the reads.
 */
import { describe, expect, it } from 'vitest';
import { staffRoles } from '../../src/shared/roles';
import { createService, readyBeneficiary } from '../support/request-factory';
import { createTestApp, sessionCookie, testPassword } from '../support/test-app';

const { app } = await createTestApp({ poolMax: 6 });

const setup = await app.inject({
  method: 'POST',
  url: '/api/v1/setup',
  payload: {
    organization: { nameAr: 'جمعية الفحص', nameEn: 'Probe association' },
    admin: { fullName: 'مشغل المنصة', email: 'operator@probe.sa', password: testPassword },
  },
});
if (setup.statusCode !== 201) throw new Error(setup.body);
const orgId = setup.json().organization.id as string;
const login = (email: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: testPassword } });
const operator = sessionCookie(await login('operator@probe.sa'));
const web = (cookie: string) => ({ cookie, 'x-requested-with': 'wasl' });
const created = await app.inject({
  method: 'POST',
  url: '/api/v1/users',
  headers: web(operator),
  payload: { fullName: 'كل الأدوار', email: 'all@probe.sa', password: testPassword, roles: [...staffRoles] },
});
if (created.statusCode !== 201) throw new Error(created.body);
const everyRole = sessionCookie(await login('all@probe.sa'));
const slug = (
  await app.inject({ method: 'GET', url: '/api/v1/organizations/current', headers: web(everyRole) })
).json().slug as string | undefined;

const beneficiary = await readyBeneficiary(app, everyRole);
const service = await createService(app, everyRole);
const knownIds: Record<string, string> = { id: beneficiary.id, orgId };

interface OpenApiParameter {
  name: string;
  in: string;
  schema?: { type?: string; enum?: unknown[]; format?: string };
}
const openapi = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
};
const issue14 =
  /^\/api\/v1\/(dashboards|reports|disputes|platform|policies|library|public|beneficiaries\/\{id\}\/charter|charter|portal\/charter)/;
const reads = Object.entries(openapi.paths)
  .filter(([path, ops]) => issue14.test(path) && ops.get)
  .map(([path, ops]) => ({
    path,
    query: (ops.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  }));

const badValues = [
  '2026-13-45',
  '٢٠٢٦-٠١-٠١',
  '0',
  '-1',
  '1e400',
  'x',
  'a'.repeat(10_000),
  'not-a-uuid',
  '%00',
  '%E0%A4%A',
  '1900-01-01',
  '9999-12-31',
  'null',
  '[]',
  '{}',
  'ق'.repeat(600),
];

function fill(path: string, id: string) {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'slug' ? (slug ?? 'x') : (knownIds[name] ?? id),
  );
}

function judge(status: number, body: string): string | null {
  if (status >= 500) return `server error ${body.slice(0, 200)}`;
  if (status < 400) return null;
  try {
    const error = JSON.parse(body).error;
    if (typeof error?.code !== 'string' || !error.message) return 'not our error shape';
  } catch {
    return 'not JSON';
  }
  return null;
}

let sent = 0;
async function probe(url: string, cookie: string, problems: string[]) {
  sent += 1;
  const res = await app.inject({ method: 'GET', url, headers: web(cookie) });
  const problem = judge(res.statusCode, res.body);
  if (problem) problems.push(`${url.slice(0, 140)} → ${res.statusCode} ${problem}`);
  return res;
}

describe('the reads issue 14 added, under malformed input', () => {
  it('lists them from the API description', () => {
    const paths = reads.map((r) => r.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/dashboards/overview',
        '/api/v1/dashboards/drill',
        '/api/v1/dashboards/overview/export.xlsx',
        '/api/v1/dashboards/overview/export.pdf',
        '/api/v1/reports/governance-pack.pdf',
        '/api/v1/disputes',
        '/api/v1/library',
        '/api/v1/platform/organizations',
        '/api/v1/public/{slug}/about',
      ]),
    );
  });

  it('answers no 5xx to a bad value in any query parameter or path id', async () => {
    const problems: string[] = [];
    sent = 0;
    for (const { path, query } of reads) {
      for (const id of [
        knownIds.id!,
        'not-a-uuid',
        '00000000-0000-0000-0000-000000000000',
        'ا'.repeat(300),
      ]) {
        await probe(fill(path, id), everyRole, problems);
        await probe(fill(path, id), operator, problems);
      }
      for (const name of query) {
        for (const value of badValues) {
          const raw = value.startsWith('%') ? value : encodeURIComponent(value);
          await probe(`${fill(path, knownIds.id!)}?${name}=${raw}`, everyRole, problems);
          await probe(`${fill(path, knownIds.id!)}?${name}=${raw}&${name}=${raw}`, everyRole, problems);
        }
      }
    }
    console.info(`probes: ${sent}`, JSON.stringify(reads.map((r) => [r.path, r.query])));
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(reads.length * 8);
  }, 300_000);

  it('refuses a period that runs backwards or lasts fifty years, with 400', async () => {
    for (const path of [
      '/api/v1/dashboards/overview',
      '/api/v1/dashboards/overview/export.xlsx',
      '/api/v1/dashboards/overview/export.pdf',
    ]) {
      const backwards = await app.inject({
        method: 'GET',
        url: `${path}?from=2026-06-01&to=2026-01-01`,
        headers: web(everyRole),
      });
      expect(backwards.statusCode, path).toBe(400);
      const long = await app.inject({
        method: 'GET',
        url: `${path}?from=1976-01-01&to=2026-01-01`,
        headers: web(everyRole),
      });
      expect(long.statusCode, path).toBe(400);
    }
    const drill = await app.inject({
      method: 'GET',
      url: `/api/v1/dashboards/drill?metric=submitted&serviceId=${service.id}&cursor=garbage&limit=0`,
      headers: web(everyRole),
    });
    expect(drill.statusCode).toBe(400);
  });

  it('refuses a forged cursor (negative, fractional, huge offset) with 400, never 500', async () => {
    const forged = [
      [-5],
      [1.5],
      [1e20],
      ['x'],
      [null],
      [[1]],
      [{}],
      ['+275760-09-13T00:00:00.000Z', '00000000-0000-0000-0000-000000000000'],
      ['-000001-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000'],
      ['0000-01-01T00:00:00.000Z', '00000000-0000-0000-0000-000000000000'],
      ['2026-01-01', 'x'],
      [1, 2],
    ].map((v) => Buffer.from(JSON.stringify(v)).toString('base64url'));
    const lists = [
      '/api/v1/dashboards/drill?metric=submitted&',
      '/api/v1/disputes?',
      '/api/v1/platform/organizations?',
      '/api/v1/library?',
      // Older lists share the same cursor decoder (platform/db/cursor.ts).
      '/api/v1/audit-events?',
      '/api/v1/complaints?',
      '/api/v1/inquiries?',
      '/api/v1/requests?',
      '/api/v1/users?',
      '/api/v1/outbox?',
      '/api/v1/referrals?',
      '/api/v1/services?',
      '/api/v1/improvement-actions?',
      '/api/v1/beneficiaries?q=x&',
      '/api/v1/knowledge?',
      '/api/v1/registrations?',
      '/api/v1/surveys?',
    ];
    const problems: string[] = [];
    for (const list of lists) {
      for (const cursor of forged) {
        const res = await probe(
          `${list}cursor=${cursor}`,
          list.includes('platform') ? operator : everyRole,
          problems,
        );
        if (res.statusCode < 500 && res.statusCode !== 400 && res.statusCode !== 200)
          problems.push(`${list} ${cursor} → ${res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every drill-down metric and both calendars at the edges of the date range without a 5xx', async () => {
    const problems: string[] = [];
    const metrics = (
      openapi as unknown as { paths: Record<string, { get: { parameters: OpenApiParameter[] } }> }
    ).paths['/api/v1/dashboards/drill']!.get.parameters.find((p) => p.name === 'metric')!.schema!
      .enum as string[];
    expect(metrics.length).toBeGreaterThan(5);
    const keys = [
      '',
      'rejected',
      'approved',
      '31+',
      'in_committee',
      'x'.repeat(100),
      service.id,
      "'; drop table requests; --",
    ];
    for (const metric of metrics) {
      for (const key of keys) {
        await probe(
          `/api/v1/dashboards/drill?metric=${metric}&key=${encodeURIComponent(key)}&limit=200`,
          everyRole,
          problems,
        );
      }
    }
    const periods = [
      'from=0001-01-01&to=0003-12-31',
      'from=1900-01-01&to=1902-12-31',
      'from=2077-01-01&to=2079-12-31',
      'from=9997-01-01&to=9999-12-31',
      'from=2026-02-29&to=2026-03-01',
      'from=2024-02-29&to=2024-02-29',
      'from=%D9%A2%D9%A0%D9%A2%D9%A6-%D9%A0%D9%A1-%D9%A0%D9%A1',
    ];
    for (const period of periods) {
      for (const calendar of ['gregory', 'hijri']) {
        for (const path of [
          '/api/v1/dashboards/overview',
          '/api/v1/dashboards/overview/export.xlsx',
          '/api/v1/dashboards/overview/export.pdf',
        ]) {
          await probe(`${path}?${period}&calendar=${calendar}&serviceId=${service.id}`, everyRole, problems);
        }
        await probe(`/api/v1/reports/governance-pack.pdf?${period}`, everyRole, problems);
        await probe(`/api/v1/dashboards/drill?metric=submitted&${period}`, everyRole, problems);
        // The satisfaction section reads the surveys' results with the same period.
        await probe(`/api/v1/survey-results?${period}&calendar=${calendar}`, everyRole, problems);
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);

  let surveyLink = '';
  it('escapes an association name full of markup on its public page, and hides it once suspended', async () => {
    const evil = '<script>alert(1)</script> "جمعية" \'<img src=x onerror=alert(2)>';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/platform/organizations',
      headers: web(operator),
      payload: {
        organization: { nameAr: evil, nameEn: evil, slug: 'evil-probe' },
        admin: { fullName: 'مدير', email: 'admin@evil-probe.sa', password: testPassword },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().organization.id as string;
    const pages = [
      '/p/evil-probe',
      '/p/evil-probe/services',
      '/p/evil-probe/charter',
      '/p/evil-probe/policy',
      '/p/evil-probe/faq',
    ];
    for (const page of pages) {
      const html = await app.inject({ method: 'GET', url: page });
      expect(html.statusCode, page).toBe(200);
      expect(html.body, page).not.toContain('<script>alert');
      expect(html.body, page).not.toContain('<img src=x');
      expect(html.body, page).toContain('&lt;script&gt;');
    }
    // A survey link of the association, taken at its kiosk before the suspension.
    const evilAdmin = sessionCookie(await login('admin@evil-probe.sa'));
    const officer = await app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: web(evilAdmin),
      payload: {
        fullName: 'مسؤول الخدمة',
        email: 'officer@evil-probe.sa',
        password: testPassword,
        roles: ['service_officer'],
      },
    });
    expect(officer.statusCode, officer.body).toBe(201);
    const kiosk = await app.inject({
      method: 'POST',
      url: '/api/v1/kiosk/invitations',
      headers: web(sessionCookie(await login('officer@evil-probe.sa'))),
      payload: {},
    });
    expect(kiosk.statusCode, kiosk.body).toBe(201);
    surveyLink = `/api/v1/survey-responses/${kiosk.json().token as string}`;
    expect((await app.inject({ method: 'GET', url: surveyLink })).statusCode).toBe(200);
    const suspended = await app.inject({
      method: 'POST',
      url: `/api/v1/platform/organizations/${id}/suspend`,
      headers: web(operator),
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const apis = ['services', 'about', 'charter', 'policy', 'knowledge', 'you-said-we-did'].map(
      (p) => `/api/v1/public/evil-probe/${p}`,
    );
    for (const url of [...pages, ...apis]) {
      const hidden = await app.inject({ method: 'GET', url });
      expect(hidden.statusCode, url).toBe(404);
      expect(hidden.body, url).not.toContain('alert');
    }
  });

  it('answers 404 to a survey link of a suspended association', async () => {
    expect(surveyLink).not.toBe('');
    const res = await app.inject({ method: 'GET', url: surveyLink });
    expect(res.statusCode).toBe(404);
    const answer = await app.inject({
      method: 'POST',
      url: surveyLink,
      headers: { 'x-requested-with': 'wasl' },
      payload: { answers: { satisfaction: 4 } },
    });
    expect(answer.statusCode).toBe(404);
  });
});
