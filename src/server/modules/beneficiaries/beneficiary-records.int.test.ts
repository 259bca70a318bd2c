import { describe, expect, it } from 'vitest';
import { beneficiaryInput, registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';

const clock: Clock = { now: () => new Date('2026-11-22T09:00:00Z') };
const { app, services } = await createTestApp({ clock });
const org = await createOrganization(services, [
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المديرة', email: 'manager', roles: ['manager'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
]);
const officer = await signIn(app, org.emails.officer!);
const manager = await signIn(app, org.emails.manager!);
const supervisor = await signIn(app, org.emails.supervisor!);

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const pngDataUrl = `data:image/png;base64,${png.toString('base64')}`;

function multipart(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const boundary = '----wasl-test-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-requested-with': 'wasl' },
  };
}

const upload = (
  id: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
  cookie = officer,
) => {
  const body = multipart(fields, file);
  return app.inject({
    method: 'POST',
    url: `/api/v1/beneficiaries/${id}/documents`,
    headers: { ...body.headers, cookie },
    payload: body.payload,
  });
};
const get = (url: string, cookie = officer) => app.inject({ method: 'GET', url, headers: { cookie } });
const postJson = (url: string, payload: object, cookie = officer) =>
  app.inject({ method: 'POST', url, headers: { cookie }, payload });

describe('documents', () => {
  it('flags an expired document at once and on the profile, judged by the Riyadh calendar', async () => {
    const b = await registerBeneficiary(app, officer);
    const res = await upload(
      b.id,
      { type: 'national_id', number: '١٢٣', expiryDateHijri: '1448-06-11' },
      { name: 'هوية.png', type: 'image/png', data: png },
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'national_id',
      expiryDate: '2026-11-21',
      expired: true,
      contentType: 'image/png',
    });
    const fresh = await upload(
      b.id,
      { type: 'lease', expiryDate: '2026-11-22' },
      { name: 'lease.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.7\n%test\n') },
    );
    expect(fresh.json().expired).toBe(false);
    expect((await get(`/api/v1/beneficiaries/${b.id}`)).json().expiredDocuments).toBe(1);
    const file = await get(`/api/v1/beneficiaries/${b.id}/documents/${res.json().id}/file`);
    expect(file.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(file.rawPayload, png)).toBe(0);
    // An uploaded file is a download under a sandbox, never a page of our origin.
    expect(file.headers['content-disposition']).toBe(
      `attachment; filename="____.png"; filename*=UTF-8''${encodeURIComponent('هوية.png')}`,
    );
    expect(file.headers['content-security-policy']).toMatch(/^sandbox; default-src 'none'/);
  });

  it('stops counting an expired ID once a valid ID is on file, and counts a kind once', async () => {
    const b = await registerBeneficiary(app, officer);
    const id = { name: 'id.png', type: 'image/png', data: png };
    await upload(b.id, { type: 'national_id', expiryDate: '2025-01-01' }, id);
    await upload(b.id, { type: 'national_id', expiryDate: '2026-11-21' }, id);
    const profile = async () => (await get(`/api/v1/beneficiaries/${b.id}`)).json().expiredDocuments;
    expect(await profile()).toBe(1); // two expired IDs: one ID to renew
    // Valid until today (Riyadh) counts as valid; the old ones stay on file, marked expired.
    const renewed = await upload(b.id, { type: 'national_id', expiryDate: '2026-11-22' }, id);
    expect(renewed.json().expired).toBe(false);
    expect(await profile()).toBe(0);
    const items = (await get(`/api/v1/beneficiaries/${b.id}/documents`)).json().items;
    expect(items.map((d: { expired: boolean }) => d.expired).sort()).toEqual([false, true, true]);
  });

  it('judges the file by its content, not its name, and refuses unknown types', async () => {
    const b = await registerBeneficiary(app, officer);
    const fake = await upload(
      b.id,
      { type: 'lease' },
      { name: 'lease.pdf', type: 'application/pdf', data: Buffer.from('MZ this is an exe') },
    );
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await upload(b.id, { type: 'lease' })).json().error.code).toBe('FILE_REQUIRED');
    const unknownType = await upload(
      b.id,
      { type: 'passport_of_mars' },
      { name: 'a.png', type: 'image/png', data: png },
    );
    expect(unknownType.json().error.code).toBe('UNKNOWN_CODE');
    expect((await get(`/api/v1/beneficiaries/${b.id}/documents`)).json().items).toEqual([]);
  });

  it('refuses a file over the size limit with 413', async () => {
    const b = await registerBeneficiary(app, officer);
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const res = await upload(
      b.id,
      { type: 'lease' },
      { name: 'big.pdf', type: 'application/pdf', data: big },
    );
    expect(res.statusCode).toBe(413);
    expect((await get(`/api/v1/beneficiaries/${b.id}/documents`)).json().items).toEqual([]);
  });
});

describe('declaration of data correctness', () => {
  it('is current once signed, and asks for a new signature after a material change', async () => {
    const b = await registerBeneficiary(app, officer);
    const text = (await get('/api/v1/declaration-text')).json();
    // Both grammatical genders, for the signing screen to show the signer's (src/shared/gendered-text.ts).
    expect(text).toMatchObject({ version: 1, bodyAr: expect.stringContaining('أقر أنا {الموقع|الموقعة}') });
    const drawn = await postJson(`/api/v1/beneficiaries/${b.id}/declarations`, {
      method: 'drawn',
      textVersion: 1,
      signatureImage: pngDataUrl,
      agreed: true,
      channel: 'in_person',
    });
    expect(drawn.statusCode).toBe(201);
    expect((await get(`/api/v1/beneficiaries/${b.id}`)).json().declaration).toMatchObject({
      current: true,
      reason: null,
    });

    await app.inject({
      method: 'PATCH',
      url: `/api/v1/beneficiaries/${b.id}`,
      headers: { cookie: officer },
      payload: { notes: 'ملاحظة' },
    });
    expect((await get(`/api/v1/beneficiaries/${b.id}`)).json().declaration.current).toBe(true);
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/beneficiaries/${b.id}`,
      headers: { cookie: officer },
      payload: { incomeSources: [{ source: 'ضمان', monthlyAmount: 1200 }] },
    });
    expect((await get(`/api/v1/beneficiaries/${b.id}`)).json().declaration).toMatchObject({
      current: false,
      reason: 'data_changed',
    });

    await postJson(`/api/v1/beneficiaries/${b.id}/declarations`, {
      method: 'typed',
      textVersion: 1,
      typedName: 'الاسم',
      agreed: true,
      channel: 'phone',
    });
    expect((await get(`/api/v1/beneficiaries/${b.id}`)).json().declaration.current).toBe(true);
    // A new text (a published declaration document) asks again: policies/signed-texts.int.test.ts.
  });

  it('refuses a signature without the pledge or without the signature itself', async () => {
    const b = await registerBeneficiary(app, officer);
    const noPledge = await postJson(`/api/v1/beneficiaries/${b.id}/declarations`, {
      method: 'typed',
      textVersion: 1,
      typedName: 'اسم',
      agreed: false,
      channel: 'phone',
    });
    expect(noPledge.statusCode).toBe(400);
    const noImage = await postJson(`/api/v1/beneficiaries/${b.id}/declarations`, {
      method: 'drawn',
      textVersion: 1,
      agreed: true,
      channel: 'phone',
    });
    expect(Object.keys(noImage.json().error.details.fields)).toContain('signatureImage');
  });
});

describe('consents, interactions and the timeline', () => {
  it('keeps the latest decision per purpose and shows everything on the timeline with actor and channel', async () => {
    const b = await registerBeneficiary(app, officer);
    await postJson(`/api/v1/beneficiaries/${b.id}/consents`, {
      purpose: 'contact',
      granted: true,
      channel: 'in_person',
    });
    await postJson(`/api/v1/beneficiaries/${b.id}/consents`, {
      purpose: 'contact',
      granted: false,
      channel: 'phone',
    });
    await postJson(`/api/v1/beneficiaries/${b.id}/consents`, {
      purpose: 'service_delivery',
      granted: true,
      channel: 'in_person',
    });
    const consents = (await get(`/api/v1/beneficiaries/${b.id}/consents`)).json().items;
    expect(consents).toEqual([
      expect.objectContaining({ purpose: 'service_delivery', granted: true }),
      expect.objectContaining({ purpose: 'contact', granted: false, channel: 'phone' }),
    ]);
    await postJson(`/api/v1/beneficiaries/${b.id}/interactions`, {
      channel: 'phone',
      kind: 'inquiry',
      summary: 'سأل عن موعد الصرف',
    });
    const timeline = (await get(`/api/v1/beneficiaries/${b.id}/timeline`)).json().items;
    const kinds = timeline.map((t: { kind: string }) => t.kind);
    expect(kinds).toEqual(expect.arrayContaining(['interaction', 'consent', 'created']));
    expect(timeline[0]).toMatchObject({ kind: 'interaction', channel: 'phone', actorName: 'موظفة العلاقات' });
    const intake = timeline.find((t: { summary: string }) => t.summary === 'intake');
    expect(intake).toMatchObject({ channel: 'in_person' });
  });
});

describe('data-subject rights (PDPL)', () => {
  it('exports everything held about the beneficiary as JSON and as a readable Arabic page', async () => {
    const b = await registerBeneficiary(app, officer, {
      fullNameAr: 'ريم <b>خالد</b> صالح العمري',
      notes: '<script>x</script>',
    });
    await upload(
      b.id,
      { type: 'lease' },
      { name: 'lease.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4') },
    );
    const json = await get(`/api/v1/beneficiaries/${b.id}/export`, manager);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain(b.fileNumber);
    expect(json.json()).toMatchObject({
      profile: { id: b.id },
      documents: [expect.objectContaining({ type: 'lease' })],
      // Disputes and charter acceptances are part of it (disputes.int.test.ts fills them).
      charterAcceptances: [],
      disputes: [],
    });
    const html = await get(`/api/v1/beneficiaries/${b.id}/export.html`, manager);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('dir="rtl"');
    expect(html.body).toContain('&lt;script&gt;');
    expect(html.body).not.toContain('<script>');
    expect((await get(`/api/v1/beneficiaries/${b.id}/export`, officer)).statusCode).toBe(403);
  });

  it('refuses destruction under a legal hold, then destroys personal data and keeps anonymous figures', async () => {
    const b = await registerBeneficiary(app, officer, {
      fullNameAr: 'سلمى فهد ناصر الدوسري',
      city: 'جدة',
      categories: ['widow'],
    });
    await upload(
      b.id,
      { type: 'lease' },
      { name: 'lease.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4') },
    );
    await postJson(
      `/api/v1/beneficiaries/${b.id}/legal-hold`,
      { hold: true, reason: 'قضية منظورة' },
      manager,
    );
    const refused = await postJson(
      `/api/v1/beneficiaries/${b.id}/destroy`,
      { reason: 'طلب المستفيد' },
      manager,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('LEGAL_HOLD');
    expect((await get(`/api/v1/beneficiaries/${b.id}`)).json().fullNameAr).toBe('سلمى فهد ناصر الدوسري');

    await postJson(
      `/api/v1/beneficiaries/${b.id}/legal-hold`,
      { hold: false, reason: 'انتهت القضية' },
      manager,
    );
    const destroyed = await postJson(
      `/api/v1/beneficiaries/${b.id}/destroy`,
      { reason: 'طلب المستفيد' },
      manager,
    );
    expect(destroyed.statusCode).toBe(200);
    expect(destroyed.json()).toMatchObject({
      fullNameAr: '—',
      phone: '—',
      city: 'جدة',
      categories: ['widow'],
      gender: 'male',
    });
    expect(destroyed.json().birthDate).toMatch(/-01-01$/);
    expect((await get(`/api/v1/beneficiaries/${b.id}/documents`)).json().items).toEqual([]);
    const found = (await get(`/api/v1/beneficiaries?q=${encodeURIComponent('سلمى الدوسري')}`)).json();
    expect(found.items.map((x: { id: string }) => x.id)).not.toContain(b.id);
    expect(
      (await postJson(`/api/v1/beneficiaries/${b.id}/destroy`, { reason: 'مرة أخرى' }, supervisor))
        .statusCode,
    ).toBe(403);
  });

  it('merges a duplicate pair keeping every document and interaction on the kept record', async () => {
    const a = await registerBeneficiary(app, officer);
    const twin = await app.inject({
      method: 'POST',
      url: '/api/v1/beneficiaries',
      headers: { cookie: officer },
      payload: { ...beneficiaryInput({ phone: a.phone }), acknowledgedDuplicateIds: [a.id] },
    });
    const b = twin.json();
    await upload(
      b.id,
      { type: 'lease' },
      { name: 'lease.pdf', type: 'application/pdf', data: Buffer.from('%PDF-1.4') },
    );
    await postJson(`/api/v1/beneficiaries/${b.id}/interactions`, {
      channel: 'phone',
      kind: 'call',
      summary: 'اتصال',
    });
    const pair = (await get('/api/v1/beneficiaries/duplicates', supervisor))
      .json()
      .items.find((p: { a: { id: string } }) => p.a.id === b.id);
    const merged = await postJson(
      `/api/v1/beneficiaries/duplicates/${pair.id}/merge`,
      { keepId: a.id },
      supervisor,
    );
    expect(merged.statusCode).toBe(200);
    expect((await get(`/api/v1/beneficiaries/${a.id}/documents`)).json().items).toHaveLength(1);
    const kinds = (await get(`/api/v1/beneficiaries/${a.id}/timeline`))
      .json()
      .items.map((t: { summary: string }) => t.summary);
    expect(kinds).toContain('call');
    const gone = await get(`/api/v1/beneficiaries/${b.id}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.json().error).toMatchObject({ code: 'BENEFICIARY_MERGED', details: { mergedInto: a.id } });
    expect(
      (await get('/api/v1/beneficiaries/duplicates', supervisor))
        .json()
        .items.find((p: { id: string }) => p.id === pair.id),
    ).toBeUndefined();
  });
});

describe('correction requests', () => {
  it('records a request due within 30 days and lets a supervisor resolve it once', async () => {
    const b = await registerBeneficiary(app, officer);
    const created = await postJson(`/api/v1/beneficiaries/${b.id}/correction-requests`, {
      field: 'fullNameAr',
      requestedValue: 'الاسم الصحيح كما في الهوية',
      reason: 'خطأ إملائي في اسم الأب',
      channel: 'in_person',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'open', dueAt: '2026-12-22T09:00:00.000Z' });
    const id = created.json().id;
    const url = `/api/v1/beneficiaries/${b.id}/correction-requests/${id}/resolve`;
    expect((await postJson(url, { decision: 'applied', note: 'تم التصحيح' })).statusCode).toBe(403);
    const resolved = await postJson(url, { decision: 'applied', note: 'تم التصحيح' }, supervisor);
    expect(resolved.json()).toMatchObject({ status: 'applied', resolutionNote: 'تم التصحيح' });
    expect((await postJson(url, { decision: 'rejected', note: 'مرة ثانية' }, supervisor)).statusCode).toBe(
      404,
    );
    const list = (await get(`/api/v1/beneficiaries/${b.id}/correction-requests`)).json();
    expect(list.items).toHaveLength(1);
  });
});
