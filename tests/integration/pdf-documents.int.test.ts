/**
 * The printed documents say, in Arabic, what they are about: read back from each PDF's text layer
 * with pdftotext (tests/support/pdf-text.ts explains how the Arabic is compared) for a case decided
 * by a research committee — the decision letter, the session's minutes and the research report —
 * and the PDPL export (HTML, printed by the browser) for the same beneficiary.
 */
import { describe, expect, it } from 'vitest';
import { hasPdftotext, pdftotextMissing, says, unsaid } from '../support/pdf-text';
import { buildRichAssociation } from '../support/rich-association';
import { createTestApp } from '../support/test-app';

const { app, services } = await createTestApp();
const a = await buildRichAssociation(app, services, 'الزبرجدي');
const d = a.decided;
const organization = (
  await app.inject({
    method: 'GET',
    url: '/api/v1/organizations/current',
    headers: { cookie: a.cookies.admin },
  })
).json();

async function pdf(url: string, cookie = a.cookies.manager) {
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return res.rawPayload;
}

const skipped = hasPdftotext ? '' : ` — SKIPPED: ${pdftotextMissing}`;

describe.skipIf(!hasPdftotext)(`printed documents${skipped}`, () => {
  it('prints a decision letter naming the beneficiary, the request, the decision and its reason', async () => {
    const { missing, text } = unsaid(await pdf(`/api/v1/requests/${d.requestId}/letter.pdf`), [
      organization.nameAr,
      'إشعار بقبول طلب خدمة',
      // The factory's beneficiary is a man: the letter addresses him in the masculine.
      `المكرم ${d.beneficiaryName} (ملف رقم ${d.fileNumber})`,
      `نفيدكم بأن لجنة البحث قررت قبول طلبكم رقم ${d.requestNumber} لخدمة «سلة غذائية»`,
      // A committee's reason: the session's tally (in the association's digits), then the members' reasons.
      'السبب: قرار الجلسة الأولى: ٢ موافق، ٠ غير موافق، ٠ تأجيل (النصاب ٢)',
      `${d.decisionReason}؛ المسكن مستأجر`,
      'سيتواصل معكم مسؤول تقديم الخدمة لاستكمال إجراءات التسجيل وتقديم الخدمة',
    ]);
    expect(missing, text).toEqual([]);
    // An approval, not the rejection letter.
    expect(says(text, 'وقررت الاعتذار عن قبوله')).toBe(false);
    expect(says(text, 'إشعار بقرار طلب خدمة')).toBe(false);
  });

  it('prints the minutes of the session with the chair, the members, the case, the votes and the outcome', async () => {
    const session = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/committee-sessions/${d.sessionId}`,
        headers: { cookie: a.cookies.committee_member },
      })
    ).json();
    expect(session.status).toBe('closed');
    const chair = 'نايف الزبرجدي';
    const member = 'وجدان الزبرجدي';
    const { missing, text } = unsaid(await pdf(`/api/v1/committee-sessions/${d.sessionId}/minutes.pdf`), [
      'محضر الجلسة الأولى',
      `برئاسة ${chair}`,
      member,
      `الطلب ${d.requestNumber} (${d.beneficiaryName} — سلة غذائية) وتقرر القبول`,
      `${chair}: موافق (${d.decisionReason})`,
      `${member}: موافق (المسكن مستأجر)`,
      `اعتمد المحضر رئيس الجلسة ${chair}`,
      // The table's headers; its cells come out column by column, a wrapped name line by line.
      'المستفيد',
      'غير موافق',
      'القرار',
    ]);
    expect(missing, text).toEqual([]);
    const table = text.slice(text.lastIndexOf('اعتمد'));
    for (const cell of [d.requestNumber, 'سلة غذائية', 'القبول', ...d.beneficiaryName.split(' ')]) {
      expect(says(table, cell), cell).toBe(true);
    }
    expect(says(text, 'وتقرر الرفض')).toBe(false);
  });

  it('prints the research report with the beneficiary, the findings and the recommendation', async () => {
    const { missing, text } = unsaid(await pdf(`/api/v1/requests/${d.requestId}/research-report.pdf`), [
      `تقرير البحث الاجتماعي — الطلب ${d.requestNumber}`,
      `المستفيد: ${d.beneficiaryName} (ملف ${d.fileNumber}) — الخدمة: سلة غذائية`,
      d.reportBody,
      'الباحث: بشاير الزبرجدي',
      'المسكن مستأجر ومتواضع',
      'أجريت المقابلة مع رب الأسرة',
    ]);
    expect(missing, text).toEqual([]);
    expect(says(text, 'غير مستحق')).toBe(false);
  });

  it('exports the beneficiary’s data (PDPL) as a printable Arabic page with the file’s contents', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/beneficiaries/${d.beneficiaryId}/export.html`,
      headers: { cookie: a.cookies.manager },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html[^>]*lang="ar"[^>]*dir="rtl"|<html[^>]*dir="rtl"[^>]*lang="ar"/);
    const json = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/beneficiaries/${d.beneficiaryId}/export`,
        headers: { cookie: a.cookies.manager },
      })
    ).json();
    for (const value of [d.beneficiaryName, d.fileNumber, json.profile.nationalId, 'يزن الزبرجدي']) {
      expect(res.body, value).toContain(value);
    }
  });
});
