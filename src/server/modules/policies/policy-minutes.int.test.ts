/**
 * The board's minutes attached (issue 14 item 1): once a version is approved the minutes' file (PDF or
 * image) is uploaded and read back byte for byte by anyone who may read the policies; the version shows
 * it beside the decision number and date. A draft takes none (409), a file of another type is refused
 * (415, with the Arabic message), an empty form asks for the file (400), a second upload replaces the
 * first; only the approvers upload; another association's version is unknown.
 */

import { describe, expect, it } from 'vitest';
import { multipartForm, tinyPng } from '../../../../tests/support/multipart';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مديرة الجمعية', email: 'manager', roles: ['manager'] },
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'باحثة اجتماعية', email: 'researcher', roles: ['researcher'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'manager', roles: ['manager'] },
]);
const cookies = await signInEach(app, org.emails);
const otherCookies = await signInEach(app, other.emails);
const headers = (cookie: string) => ({ cookie, 'x-requested-with': 'wasl' });
const send = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: headers(cookie), payload });
const upload = (cookie: string, url: string, file: { data: Buffer; name: string; type: string }) => {
  const form = multipartForm({}, file);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...headers(cookie), 'content-type': form.type, 'accept-language': 'ar' },
    payload: form.payload,
  });
};

const pdf = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from([0, 1, 2, 250, 251, 252]),
  Buffer.from('\n%%EOF'),
]);

async function versionIn(status: 'draft' | 'approved') {
  const res = await send(cookies.admin!, 'POST', '/api/v1/policies', {
    kind: 'policy',
    titleAr: 'سياسة تنظيم العلاقة مع المستفيدين',
    titleEn: 'Beneficiary relations policy',
    body: 'تمهيد\nالخاتمة',
  });
  expect(res.statusCode, res.body).toBe(201);
  const policy = res.json() as { id: string; versions: { id: string }[] };
  const base = `/api/v1/policies/${policy.id}/versions/${policy.versions[0]!.id}`;
  if (status === 'approved') {
    expect((await send(cookies.admin!, 'POST', `${base}/submit`)).statusCode).toBe(200);
    const approval = { decisionNumber: 'م.إ/7/2026', decisionDate: '2026-03-09', minutesReference: 'محضر 7' };
    expect((await send(cookies.manager!, 'POST', `${base}/approve`, approval)).statusCode).toBe(200);
  }
  return { id: policy.id, base };
}

describe('the minutes of the board', () => {
  it('are uploaded once approved, shown on the version, and downloaded byte for byte', async () => {
    const { base, id } = await versionIn('approved');
    const res = await upload(cookies.manager!, `${base}/minutes`, {
      data: pdf,
      name: 'محضر.pdf',
      type: 'application/pdf',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [version] = res.json().versions;
    expect(version).toMatchObject({
      decisionNumber: 'م.إ/7/2026',
      decisionDate: '2026-03-09',
      minutesReference: 'محضر 7',
      minutes: { fileName: 'محضر.pdf', contentType: 'application/pdf', size: pdf.length },
    });

    // Anyone who reads the policies reads the minutes; publishing keeps them.
    expect((await send(cookies.admin!, 'POST', `${base}/publish`)).statusCode).toBe(200);
    const file = await send(cookies.researcher!, 'GET', `${base}/minutes`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain('attachment');
    expect(file.rawPayload.equals(pdf)).toBe(true);

    // A second upload (an image this time) replaces the first.
    const again = await upload(cookies.manager!, `${base}/minutes`, {
      data: tinyPng,
      name: 'scan.png',
      type: 'image/png',
    });
    expect(again.statusCode, again.body).toBe(200);
    const replaced = await send(cookies.researcher!, 'GET', `${base}/minutes`);
    expect(replaced.headers['content-type']).toBe('image/png');
    expect(replaced.rawPayload.equals(tinyPng)).toBe(true);
    const detail = (await send(cookies.researcher!, 'GET', `/api/v1/policies/${id}`)).json();
    expect(detail.versions[0].minutes).toMatchObject({ fileName: 'scan.png', size: tinyPng.length });
  });

  it('refuse another type, an empty form, a draft, a role without approval and another association', async () => {
    const { base } = await versionIn('approved');
    const text = await upload(cookies.manager!, `${base}/minutes`, {
      data: Buffer.from('<html>minutes</html>'),
      name: 'minutes.pdf',
      type: 'application/pdf',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(text.json().error.message).toMatch(/[\u0600-\u06FF]/);

    const big = Buffer.concat([pdf, Buffer.alloc(10 * 1024 * 1024)]);
    const tooBig = await upload(cookies.manager!, `${base}/minutes`, {
      data: big,
      name: 'big.pdf',
      type: 'application/pdf',
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toMatch(/[\u0600-\u06FF]/);

    const empty = await upload(cookies.manager!, `${base}/minutes`, {
      data: Buffer.alloc(0),
      name: 'empty.pdf',
      type: 'application/pdf',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error).toMatchObject({ code: 'FILE_REQUIRED' });

    // No file was kept by the refused uploads.
    expect((await send(cookies.manager!, 'GET', `${base}/minutes`)).statusCode).toBe(404);

    const file = { data: pdf, name: 'm.pdf', type: 'application/pdf' };
    const draft = await versionIn('draft');
    expect((await upload(cookies.manager!, `${draft.base}/minutes`, file)).statusCode).toBe(409);
    expect((await upload(cookies.researcher!, `${base}/minutes`, file)).statusCode).toBe(403);
    expect((await upload(otherCookies.manager!, `${base}/minutes`, file)).statusCode).toBe(404);

    expect((await upload(cookies.manager!, `${base}/minutes`, file)).statusCode).toBe(200);
    expect((await send(otherCookies.manager!, 'GET', `${base}/minutes`)).statusCode).toBe(404);
  });
});
