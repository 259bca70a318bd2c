/**
 * Reports (issue 14, item 7): the dashboard's Excel and PDF hold the figures of `GET /overview` for the
 * same query; the monthly report e-mails each manager once per month (none for a suspended association);
 * the governance evidence pack holds the policy's board decision and who has not acknowledged it.
 */
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hasPdftotext, pdftotextMissing, says } from '../../../../tests/support/pdf-text';
import { layoutText, rowSays, sheetRows as rowsOf, workbookOf } from '../../../../tests/support/report-files';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { formatNumber } from '../../../shared/digits';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { createMonthlyReports } from './monthly-report';

let now = new Date('2026-11-08T09:00:00Z');
const clock: Clock = { now: () => now };
const on = (date: string) => {
  now = new Date(`${date}T09:00:00Z`);
};
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 400 });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'المدير التنفيذي', email: 'manager', roles: ['manager'] },
  { fullName: 'نائبة المدير', email: 'deputy', roles: ['manager'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'الباحثة سلمى', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
  { fullName: 'مسؤولة الجودة', email: 'quality', roles: ['quality_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'admin', roles: ['admin'] },
  { fullName: 'مديرة الجمعية الموقوفة', email: 'manager', roles: ['manager'] },
]);
const c = await signInEach(app, staff.emails);
const basket = await createService(app, c.admin!);

const headers = (cookie: string) => ({ cookie, 'x-requested-with': 'wasl' });
const get = (url: string, cookie = c.manager!, language = 'ar') =>
  app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': language } });
const post = async (url: string, cookie: string, payload?: object) => {
  const res = await app.inject({ method: 'POST', url, headers: headers(cookie), payload });
  if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const act = (id: string, cookie: string, action: string, note?: string) =>
  post(`/api/v1/requests/${id}/transitions`, cookie, note ? { action, note } : { action });

async function newRequest(): Promise<string> {
  const b = await readyBeneficiary(app, c.officer!);
  return (
    await post('/api/v1/requests', c.officer!, {
      beneficiaryId: b.id,
      serviceId: basket.id,
      channel: 'in_person',
    })
  ).id;
}
async function toCommittee(id: string) {
  await act(id, c.officer!, 'start_review');
  await act(id, c.supervisor!, 'start_verification');
  const tasks = (await get(`/api/v1/requests/${id}/verifications`, c.researcher!)).json().items;
  for (const task of tasks) {
    await post(`/api/v1/verifications/${task.id}/complete`, c.researcher!, {
      findings: 'الوثائق مطابقة',
      recommendation: 'eligible',
      answers: { matches: true },
    });
  }
  await act(id, c.researcher!, 'send_to_committee');
}

// November 2026: three requests, one approved, one rejected, one still open; a complaint.
on('2026-11-08');
const r1 = await newRequest();
const r2 = await newRequest();
await newRequest();
await toCommittee(r1);
await toCommittee(r2);
on('2026-11-10');
await act(r1, c.committee!, 'approve', 'مستحق');
await act(r2, c.committee!, 'reject', 'لا تنطبق الشروط');
await post('/api/v1/complaints', c.officer!, {
  kind: 'complaint',
  text: 'تأخر الرد على طلبي',
  category: 'delays',
});

// The policy: approved by the board (decision م.إ/12/2026) and published; the manager acknowledges it.
const decisionNumber = 'م.إ/12/2026';
const policy = await post('/api/v1/policies', c.admin!, {
  kind: 'policy',
  titleAr: 'سياسة تنظيم العلاقة مع المستفيدين',
  titleEn: 'Beneficiary relations policy',
  body: 'تلتزم الجمعية بالرد على الطلب خلال مدة لا تقل عن أسبوعين.',
});
const versionBase = `/api/v1/policies/${policy.id}/versions/${policy.versions[0].id}`;
await post(`${versionBase}/submit`, c.admin!);
await post(`${versionBase}/approve`, c.manager!, {
  decisionNumber,
  decisionDate: '2026-11-05',
  minutesReference: 'محضر ١٢',
});
await post(`${versionBase}/publish`, c.admin!);
await post(`/api/v1/policies/${policy.id}/acknowledge`, c.manager!);
await post('/api/v1/improvement-actions', c.quality!, {
  title: 'تقليص مدة انتظار الرد على الطلبات',
  source: 'manual',
});

on('2026-11-30');
const query = '?from=2026-11-01&to=2026-11-30';

async function workbook(url: string, language = 'ar') {
  const res = await get(url, c.manager!, language);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  return workbookOf(res.rawPayload);
}
const arab = (n: number) => formatNumber(n, 'ar', 'arab', { maximumFractionDigits: 1 });

describe('dashboard exports', () => {
  it('the Excel holds the same figures as the overview for the same query, in right-to-left sheets', async () => {
    const overview = (await get(`/api/v1/dashboards/overview${query}`)).json();
    expect(overview.requests.submitted).toBe(3);
    expect(overview.requests.promise.decided).toBe(2);
    const book = await workbook(`/api/v1/dashboards/overview/export.xlsx${query}`);
    const summary = book.worksheets[0]!;
    expect(summary.views[0]?.rightToLeft).toBe(true);
    const rows = rowsOf(summary);
    expect(rows[0]).toEqual(['البند', 'القيمة']);
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('الطلبات المقدمة')).toBe(overview.requests.submitted);
    expect(value('القرارات الصادرة')).toBe(overview.requests.promise.decided);
    expect(value('القرارات الصادرة في الموعد الموعود')).toBe(overview.requests.promise.withinPromise);
    expect(value('نسبة الوفاء بالموعد')).toBe(overview.requests.promise.share);
    expect(value('طلبات مرفوضة')).toBe(overview.requests.decisions.rejected);
    expect(value('الشكاوى الواردة')).toBe(overview.complaints.received);
    expect(value('الشكاوى الواردة')).toBe(1);
    const byService = rowsOf(book.getWorksheet('الطلبات حسب الخدمة')!);
    expect(byService.slice(1)).toEqual(
      overview.requests.byService.map((s: { labelAr: string; count: number }) => [s.labelAr, s.count]),
    );
    // In English, the same numbers under English labels.
    const en = await workbook(`/api/v1/dashboards/overview/export.xlsx${query}`, 'en');
    expect(rowsOf(en.worksheets[0]!).find((r) => r[0] === 'Requests submitted')?.[1]).toBe(3);
  });

  it.skipIf(!hasPdftotext)(
    `the PDF says the overview's figures in Arabic${hasPdftotext ? '' : ` — SKIPPED: ${pdftotextMissing}`}`,
    async () => {
      const overview = (await get(`/api/v1/dashboards/overview${query}`)).json();
      const res = await get(`/api/v1/dashboards/overview/export.pdf${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const text = layoutText(res.rawPayload);
      expect(says(text, 'تقرير لوحة المؤشرات')).toBe(true);
      expect(says(text, 'من ١ نوفمبر ٢٠٢٦ إلى ٣٠ نوفمبر ٢٠٢٦'), text).toBe(true);
      expect(rowSays(text, 'الطلبات المقدمة', arab(overview.requests.submitted)), text).toBe(true);
      expect(
        rowSays(text, 'القرارات الصادرة في الموعد الموعود', arab(overview.requests.promise.withinPromise)),
      ).toBe(true);
      expect(rowSays(text, 'طلبات مرفوضة', arab(overview.requests.decisions.rejected))).toBe(true);
      expect(rowSays(text, 'الشكاوى الواردة', arab(overview.complaints.received))).toBe(true);
      expect(rowSays(text, 'الطلبات المقدمة', arab(overview.requests.submitted + 1))).toBe(false);
    },
  );

  it('are for those who read the dashboard, and are refused for a bad period', async () => {
    expect((await get(`/api/v1/dashboards/overview/export.xlsx${query}`, c.admin!)).statusCode).toBe(403);
    expect((await get(`/api/v1/dashboards/overview/export.pdf${query}`, c.researcher!)).statusCode).toBe(403);
    expect(
      (await get('/api/v1/dashboards/overview/export.xlsx?from=2026-12-01&to=2026-11-01')).statusCode,
    ).toBe(400);
    expect((await get('/api/v1/dashboards/overview/export.pdf?from=nope')).statusCode).toBe(400);
  });
});

describe('governance evidence pack', () => {
  it.skipIf(!hasPdftotext)(
    `holds the board's decision number, who has not acknowledged, the promise kept and the improvement actions${hasPdftotext ? '' : ` — SKIPPED: ${pdftotextMissing}`}`,
    async () => {
      const res = await get(`/api/v1/reports/governance-pack.pdf${query}`, c.quality!);
      expect(res.statusCode, res.body).toBe(200);
      const text = layoutText(res.rawPayload);
      expect(says(text, 'حزمة أدلة الحوكمة')).toBe(true);
      expect(says(text, decisionNumber), text).toBe(true);
      expect(says(text, 'سياسة تنظيم العلاقة مع المستفيدين')).toBe(true);
      // Staff who have not acknowledged are named; the manager who did is not among them.
      expect(says(text, 'الباحثة سلمى')).toBe(true);
      expect(says(text, 'المدير التنفيذي')).toBe(false);
      expect(rowSays(text, 'القرارات الصادرة', arab(2))).toBe(true);
      expect(rowSays(text, 'الشكاوى الواردة', arab(1))).toBe(true);
      expect(says(text, 'تقليص مدة انتظار الرد على الطلبات'), text).toBe(true);
    },
  );

  it('is for the manager, the quality officer and the auditor, and is audited', async () => {
    expect((await get(`/api/v1/reports/governance-pack.pdf${query}`, c.officer!)).statusCode).toBe(403);
    expect((await get(`/api/v1/reports/governance-pack.pdf${query}`, c.admin!)).statusCode).toBe(403);
    const res = await get(`/api/v1/reports/governance-pack.pdf${query}`);
    expect(res.statusCode).toBe(200);
    const audit = (await get('/api/v1/audit-events?action=reports.governance_pack', c.admin!)).json();
    expect(audit.items.length).toBeGreaterThanOrEqual(1);
    expect(audit.items[0]).toMatchObject({ action: 'reports.governance_pack' });
  });
});

describe('monthly report', () => {
  const monthly = createMonthlyReports({
    db: services.db,
    clock,
    organizations: services.organizations,
    dashboards: services.dashboards,
    messaging: services.messaging,
    publicUrl: 'https://wasl.example.sa',
  });
  const sent = (organizationId: string) =>
    inOrganization(services, organizationId, () =>
      services.db
        .select()
        .from(outboxMessages)
        .where(
          and(
            eq(outboxMessages.organizationId, organizationId),
            eq(outboxMessages.relatedType, 'monthly_report'),
          ),
        ),
    );

  it("e-mails each active manager last month's figures once, and nothing for a suspended association", async () => {
    await inOrganization(services, other.organization.id, () =>
      services.db.transaction((tx) =>
        services.organizations.setOrganizationStatus(tx, other.organization.id, 'suspended'),
      ),
    );
    on('2026-12-01');
    await monthly.run();
    await monthly.run();
    on('2026-12-02');
    await monthly.run();

    const messages = await sent(staff.organization.id);
    expect(messages.map((m) => m.recipient).sort()).toEqual(
      [staff.emails.deputy, staff.emails.manager].sort(),
    );
    for (const m of messages) {
      expect(m.channel).toBe('email');
      expect(m.body).toContain('نوفمبر ٢٠٢٦');
      expect(m.body).toContain('الطلبات المقدمة: ٣');
      expect(m.body).toContain('القرارات الصادرة: ٢');
      expect(m.body).toContain(
        'https://wasl.example.sa/api/v1/dashboards/overview/export.pdf?from=2026-11-01&to=2026-11-30',
      );
    }
    expect(await sent(other.organization.id)).toEqual([]);
  });
});
