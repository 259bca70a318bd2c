/**
 * PDPL: "audit of every access to personal data". Every GET route that returns personal data is
 * called with real ids of an association that has a bit of everything, and must answer 200 and leave
 * exactly one new audit row, by the caller; reads of no one's data, and reads that find nothing,
 * leave none. The rows are counted through the owner's connection, outside row-level security.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type Action, can } from '../../src/shared/permissions';
import { multipartForm } from '../support/multipart';
import { buildRichAssociation, type StaffKey } from '../support/rich-association';
import { createTestApp, inOrganization } from '../support/test-app';

const { app, services, testDb } = await createTestApp();
const a = await buildRichAssociation(app, services, 'الزبرجدي');
// Its administrator also holds the platform operator right (issue 14), to read the operator's list.
await inOrganization(services, a.organizationId, () =>
  services.users.setPlatformOperator(services.db, a.organizationId, a.userIds.admin, true),
);
// The decided file's beneficiary, signed in to the portal: the portal's reads are theirs.
const { slug, portalCookie } = await inOrganization(services, a.organizationId, async () => ({
  slug: (await services.organizations.getOrganization(a.organizationId)).slug,
  portalCookie: `wasl_portal=${await services.portalSessions.create(services.db, {
    organizationId: a.organizationId,
    beneficiaryId: a.decided.beneficiaryId,
    ip: null,
    userAgent: null,
  })}`,
}));
// A complaint of the association: read by staff, and followed on the public page by its number.
const complaint = (
  await app.inject({
    method: 'POST',
    url: '/api/v1/complaints',
    headers: { cookie: a.cookies.manager },
    payload: { kind: 'complaint', text: 'تأخر الرد على الطلب' },
  })
).json() as { id: string; trackingNumber: string };
// A draft outreach campaign: its title and counts are no one's data; its preview names people.
const campaign = (
  await app.inject({
    method: 'POST',
    url: '/api/v1/campaigns',
    headers: { cookie: a.cookies.manager },
    payload: {
      serviceId: a.serviceId,
      title: 'تعريف بالخدمة',
      messageAr: 'قد تكون مؤهلاً لهذه الخدمة، تفضل بزيارتنا.',
      messageEn: 'You may qualify for this service; visit us.',
    },
  })
).json() as { id: string };
// A knowledge article (no one's data) and an inquiry of the decided file (its data).
const post = async <T>(cookie: string, url: string, payload: object) =>
  (await app.inject({ method: 'POST', url, headers: { cookie }, payload })).json() as T;
const article = await post<{ id: string }>(a.cookies.supervisor, '/api/v1/knowledge', {
  questionAr: 'كيف أسجل في الجمعية؟',
  answerAr: 'بزيارة مقر الجمعية بالهوية الوطنية.',
});
const inquiry = await post<{ id: string }>(a.cookies.relations_officer, '/api/v1/inquiries', {
  beneficiaryId: a.decided.beneficiaryId,
  channel: 'phone',
  question: 'متى يصدر القرار؟',
});
const supporter = await post<{ id: string }>(a.cookies.manager, '/api/v1/supporters', {
  kind: 'volunteer',
  fullName: 'سعاد متطوعة',
});
// Satisfaction surveys: a default survey (no one's data), a tablet's invitation (its link, public) and
// one for the decided file's beneficiary (theirs, in the portal).
const survey = (
  (
    await app.inject({ method: 'GET', url: '/api/v1/surveys', headers: { cookie: a.cookies.manager } })
  ).json() as {
    items: { id: string }[];
  }
).items[0]!;
const kioskLink = await post<{ token: string }>(a.cookies.supervisor, '/api/v1/kiosk/invitations', {});
const ownInvitation = await post<{ id: string }>(a.cookies.supervisor, '/api/v1/kiosk/invitations', {
  beneficiaryId: a.decided.beneficiaryId,
});
// An improvement action (no one's data: a title and the service's figures).
const improvement = await post<{ id: string }>(a.cookies.manager, '/api/v1/improvement-actions', {
  title: 'لوحات إرشادية عند المدخل',
});
// A policy (no one's data: the association's text and who acknowledged it).
const policy = await post<{ id: string; versions: { id: string }[] }>(a.cookies.manager, '/api/v1/policies', {
  kind: 'policy',
  titleAr: 'سياسة تنظيم العلاقة مع المستفيدين',
  titleEn: 'Beneficiary relations policy',
  body: 'تمهيد',
});
// Approved by the board, with its minutes attached (a file: the association's record, no one's data).
const policyVersion = `/api/v1/policies/${policy.id}/versions/${policy.versions[0]!.id}`;
await post(a.cookies.manager, `${policyVersion}/submit`, {});
await post(a.cookies.manager, `${policyVersion}/approve`, {
  decisionNumber: '7',
  decisionDate: '2026-03-09',
});
const minutesForm = multipartForm({});
const minutes = await app.inject({
  method: 'POST',
  url: `${policyVersion}/minutes`,
  headers: { cookie: a.cookies.manager, 'content-type': minutesForm.type, 'x-requested-with': 'wasl' },
  payload: minutesForm.payload,
});
if (minutes.statusCode !== 200) throw new Error(`minutes upload: ${minutes.statusCode} ${minutes.body}`);
// A dispute with the decided file's beneficiary (theirs: who, about what).
const dispute = await post<{ id: string }>(a.cookies.manager, '/api/v1/disputes', {
  beneficiaryId: a.decided.beneficiaryId,
  subject: 'خلاف حول قيمة المساعدة',
  description: 'يرى المستفيد أن المبلغ أقل من المعلن.',
});
const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(() => owner.end());

const gets = app.routeRules.filter((r) => r.method === 'GET');
const label = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

// Written from what each route returns, not from the routes' config: the reads of no one's data.
const noPersonalData = [
  'GET /healthz',
  'GET /readyz',
  'GET /api/openapi.json',
  'GET /api/v1/setup',
  'GET /api/v1/auth/me', // one's own account
  'GET /api/v1/organizations/current',
  'GET /api/v1/message-templates', // the association's wording of its messages
  'GET /api/v1/services',
  'GET /api/v1/services/:id',
  'GET /api/v1/services/:id/rules',
  'GET /api/v1/requests/queues', // counts only
  'GET /api/v1/dashboards/overview', // counts only (its drill-down lists cases: audited)
  'GET /api/v1/dashboards/overview/export.xlsx', // the same counts, as a file
  'GET /api/v1/dashboards/overview/export.pdf',
  'GET /api/v1/portal/organizations/:slug', // the association's public name and address
  'GET /api/v1/public/:slug/complaints/:trackingNumber', // a complaint's status, never who or what
  'GET /api/v1/partners', // bodies the association refers people to, with their desk contact
  'GET /api/v1/campaigns', // titles, services, counts
  'GET /api/v1/campaigns/:id',
  'GET /api/v1/appointments/slots', // times and free desks
  'GET /api/v1/knowledge', // approved answers to common questions, no one's data
  'GET /api/v1/knowledge/:id',
  'GET /api/v1/knowledge/suggest',
  'GET /api/v1/portal/knowledge',
  'GET /api/v1/public/:slug/knowledge',
  'GET /api/v1/survey-results', // figures, hidden below 5 answers
  'GET /api/v1/improvement-actions', // the association's own work, with its service's figures
  'GET /api/v1/improvement-actions/:id',
  'GET /api/v1/public/:slug/you-said-we-did', // the published wording
  'GET /api/v1/public/:slug/services', // the service guide: names, categories, documents, decision days
  'GET /api/v1/public/:slug/about', // the association's name, channels and opening hours
  'GET /api/v1/public/:slug/charter', // the charter's published text
  'GET /api/v1/surveys', // the designer's questions and counts
  'GET /api/v1/surveys/:id',
  'GET /api/v1/surveys/:id/versions',
  'GET /api/v1/survey-responses/:token', // the form a link opens: the association's and the survey's names
  'GET /api/v1/kiosk/next', // the same form, on the counter's tablet
  'GET /api/v1/policies', // the association's policies and the caller's own acknowledgement
  'GET /api/v1/policies/:id',
  'GET /api/v1/policies/:id/diff',
  'GET /api/v1/policies/:id/acknowledgements', // which staff member acknowledged (names and roles)
  'GET /api/v1/policies/:id/versions/:vid/minutes', // the board's minutes approving a version
  'GET /api/v1/public/:slug/policy', // the association's published policies
  'GET /api/v1/library', // published bylaws, decisions and procedures
  'GET /api/v1/charter', // the charter's published text
  'GET /api/v1/platform/organizations', // associations with counts of staff and files, never a name
];
// The pledge text is a template, no one's data, yet its route is audited as a beneficiary read
// (it inherits `beneficiaries.read`). Reported to the lead; listed here so the table stays honest.
const auditedWithoutPersonalData = ['GET /api/v1/declaration-text'];

/** The id a path parameter stands for, by the resource the path is under. */
function idFor(url: string, param: string): string | null {
  const d = a.decided;
  if (url.startsWith('/api/v1/portal/surveys/')) return param === 'id' ? ownInvitation.id : null;
  if (url.startsWith('/api/v1/portal/')) {
    return (
      { slug, id: url.includes('/documents/') ? d.documentId : d.requestId, memberId: d.memberId }[param] ??
      null
    );
  }
  if (url.startsWith('/api/v1/beneficiaries/duplicates/')) return a.ids.duplicate[0] ?? null;
  if (url.startsWith('/api/v1/beneficiaries/')) {
    return (
      { id: d.beneficiaryId, documentId: d.documentId, memberId: d.memberId, requestId: d.correctionId }[
        param
      ] ?? null
    );
  }
  if (url.startsWith('/api/v1/requests/')) return param === 'id' ? d.requestId : null;
  if (url.startsWith('/api/v1/verifications/')) return { id: d.taskId, photoId: d.photoId }[param] ?? null;
  if (url.startsWith('/api/v1/committee-sessions/'))
    return { id: d.sessionId, requestId: d.requestId }[param] ?? null;
  if (url.startsWith('/api/v1/services/')) return param === 'id' ? a.serviceId : null;
  if (url.startsWith('/api/v1/users/')) return param === 'id' ? a.userIds.researcher : null;
  if (url.startsWith('/api/v1/referrals/')) return param === 'id' ? a.ids.referral[0]! : null;
  if (url.startsWith('/api/v1/complaints/')) return param === 'id' ? complaint.id : null;
  if (url.startsWith('/api/v1/campaigns/')) return param === 'id' ? campaign.id : null;
  if (url.startsWith('/api/v1/knowledge/')) return param === 'id' ? article.id : null;
  if (url.startsWith('/api/v1/inquiries/')) return param === 'id' ? inquiry.id : null;
  if (url.startsWith('/api/v1/supporters/')) return param === 'id' ? supporter.id : null;
  if (url.startsWith('/api/v1/surveys/')) return param === 'id' ? survey.id : null;
  if (url.startsWith('/api/v1/survey-responses/')) return param === 'token' ? kioskLink.token : null;
  if (url.startsWith('/api/v1/improvement-actions/')) return param === 'id' ? improvement.id : null;
  if (url.startsWith('/api/v1/policies/'))
    return ({ id: policy.id, vid: policy.versions[0]!.id } as Record<string, string>)[param] ?? null;
  if (url.startsWith('/api/v1/disputes/')) return param === 'id' ? dispute.id : null;
  // The operator's archive of the association (everything of it, people included).
  if (url.startsWith('/api/v1/platform/')) return param === 'id' ? a.organizationId : null;
  if (url.startsWith('/api/v1/public/')) {
    return ({ slug, trackingNumber: complaint.trackingNumber } as Record<string, string>)[param] ?? null;
  }
  return null;
}

function concrete(url: string): string | null {
  let missing = false;
  const filled = url.replace(/:([a-zA-Z]+)/g, (_, param: string) => {
    const id = idFor(url, param);
    if (!id) missing = true;
    return id ?? '';
  });
  return missing ? null : filled;
}

// The supervisor holds the open referral; the auditor reads the audit log; the manager the staff list.
const preference: StaffKey[] = ['supervisor', 'manager', 'auditor', 'researcher', 'admin'];
function readerFor(access: string): StaffKey {
  if (access === 'public' || access === 'authenticated') return 'supervisor';
  if (access === 'platform') return 'admin'; // made an operator above
  const key = preference.find((k) => can([k], access as Action));
  if (!key) throw new Error(`no staff member of the fixture may ${access}`);
  return key;
}

async function lastAuditId(): Promise<number> {
  const { rows } = await owner.query<{ id: string | null }>(
    'select max(id) as id from audit_events where organization_id = $1',
    [a.organizationId],
  );
  return Number(rows[0]!.id ?? 0);
}
async function auditSince(id: number) {
  const { rows } = await owner.query<{ action: string; actor_id: string | null; outcome: string }>(
    'select action, actor_id, outcome from audit_events where organization_id = $1 and id > $2 order by id',
    [a.organizationId, id],
  );
  return rows;
}

async function readAs(key: StaffKey | 'beneficiary', url: string) {
  const before = await lastAuditId();
  const cookie = key === 'beneficiary' ? portalCookie : a.cookies[key];
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  return { res, rows: await auditSince(before) };
}

describe('personal data reads', () => {
  it('marks as free of personal data exactly the reads that return no one’s data', () => {
    const unaudited = gets.filter((r) => r.personalData === false).map(label);
    expect(unaudited.sort()).toEqual([...noPersonalData].sort());
    for (const route of auditedWithoutPersonalData) expect(gets.map(label)).toContain(route);
  });

  it('can fill the path of every audited read with a real id', () => {
    const unfilled = gets.filter((r) => r.personalData !== false && !concrete(r.url)).map(label);
    expect(unfilled, 'routes whose path parameters this test cannot fill').toEqual([]);
  });

  it('writes exactly one audit row, by the reader, for each read of personal data', async () => {
    const audited = gets.filter((r) => r.personalData !== false);
    expect(audited.length).toBeGreaterThan(25);
    const wrong: string[] = [];
    for (const route of audited) {
      const url = concrete(route.url);
      if (!url) continue; // reported by the test above
      const reader = route.access === 'portal' ? 'beneficiary' : readerFor(route.access);
      // The drill-down needs the number it lists (issue 14's dashboards).
      const query = route.url === '/api/v1/dashboards/drill' ? '?metric=submitted' : '';
      const { res, rows } = await readAs(reader, url + query);
      const summary = `${label(route)} as ${reader} → ${res.statusCode}, audit rows: [${rows.map((r) => r.action).join(', ')}]`;
      // The beneficiary is no staff member: their rows name no user.
      const actorId = reader === 'beneficiary' ? null : a.userIds[reader];
      if (res.statusCode !== 200) wrong.push(`${summary} ${res.body.slice(0, 160)}`);
      else if (rows.length !== 1) wrong.push(summary);
      else if (rows[0]!.actor_id !== actorId || rows[0]!.outcome !== 'success') wrong.push(summary);
    }
    expect(wrong).toEqual([]);
  });

  it('writes no audit row for reads of no one’s data', async () => {
    const wrong: string[] = [];
    for (const route of gets.filter((r) => r.personalData === false)) {
      // The suggestions answer a typed question, the diff compares two versions; the portal's reads are
      // the beneficiary's.
      const version = policy.versions[0]!.id;
      const query =
        {
          '/api/v1/knowledge/suggest': '?q=التسجيل',
          '/api/v1/policies/:id/diff': `?from=${version}&to=${version}`,
        }[route.url] ?? '';
      const url = (concrete(route.url) ?? route.url) + query;
      const reader = route.access === 'portal' ? 'beneficiary' : readerFor(route.access);
      const { res, rows } = await readAs(reader, url);
      if (res.statusCode !== 200 || rows.length !== 0) {
        wrong.push(
          `${label(route)} → ${res.statusCode}, audit rows: [${rows.map((r) => r.action).join(', ')}]`,
        );
      }
    }
    expect(wrong).toEqual([]);
  });

  it('writes no audit row for a read that finds nothing', async () => {
    for (const url of [
      `/api/v1/beneficiaries/${randomUUID()}`,
      `/api/v1/beneficiaries/${randomUUID()}/documents`,
      `/api/v1/beneficiaries/${a.decided.beneficiaryId}/documents/${randomUUID()}/file`,
      `/api/v1/beneficiaries/${randomUUID()}/export`,
      `/api/v1/requests/${randomUUID()}`,
      `/api/v1/requests/${randomUUID()}/letter.pdf`,
      `/api/v1/verifications/${a.decided.taskId}/photos/${randomUUID()}`,
      `/api/v1/committee-sessions/${randomUUID()}`,
    ]) {
      const { res, rows } = await readAs('supervisor', url);
      expect(res.statusCode, url).toBe(404);
      expect(rows, url).toEqual([]);
    }
  });

  it('records a refused read as one denied row, not as a read', async () => {
    const { res, rows } = await readAs(
      'service_officer',
      `/api/v1/beneficiaries/${a.decided.beneficiaryId}/export`,
    );
    expect(res.statusCode).toBe(403);
    expect(rows).toEqual([
      { action: 'beneficiaries.export', actor_id: a.userIds.service_officer, outcome: 'denied' },
    ]);
  });
});
