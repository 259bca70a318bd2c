import { describe, expect, it } from 'vitest';
import { beneficiaryInput, nextNationalId, nextPhone } from '../../../../tests/support/beneficiary-factory';
import { createService } from '../../../../tests/support/request-factory';
import { smsFileOutbox } from '../../../../tests/support/sms-file';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
} from '../../../../tests/support/test-app';
import { normalizeSaudiMobile } from '../../../shared/saudi/phone';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

const sms = smsFileOutbox();
const { app, services } = await createTestApp({ notificationDriver: sms.driver });
const { organization, emails } = await createOrganization(services, [
  { fullName: 'موظفة الاستقبال', email: 'clerk', roles: ['relations_officer'] },
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'الباحث', email: 'researcher', roles: ['researcher'] },
]);
const clerk = await signIn(app, emails.clerk!);
const admin = await signIn(app, emails.admin!);
const researcher = await signIn(app, emails.researcher!);
const slug = organization.slug;

// A real 1×1 PNG, and a text file that claims to be one.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const signaturePng = `data:image/png;base64,${png.toString('base64')}`;
const fakePng = Buffer.from('this is plain text, not an image\n');

async function registerAtCounter(overrides: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/beneficiaries',
    headers: { cookie: clerk },
    payload: beneficiaryInput(overrides),
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; nationalId: string; phone: string; fullNameAr: string };
}

const { lines: linesOf, messageTo, codeSentTo } = sms;

const askRegistrationCode = (nationalId: string, phone: string) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/portal/registrations/otp',
    payload: { organization: slug, nationalId, phone },
  });

const registerWith = (nationalId: string, code: string, overrides: Record<string, unknown> = {}) =>
  app.inject({
    method: 'POST',
    url: '/api/v1/portal/registrations',
    payload: {
      organization: slug,
      nationalId,
      code,
      fullNameAr: 'منيرة عبدالله سالم الحربي',
      gender: 'female',
      birthDate: '1979-04-02',
      nationality: 'SA',
      city: 'مكة المكرمة',
      ...overrides,
    },
  });

const portalCookie = (res: { cookies: { name: string; value: string }[] }) =>
  `wasl_portal=${res.cookies.find((c) => c.name === 'wasl_portal')!.value}`;

/** A new person, from the code to the portal session: their cookie, record id and verified phone. */
async function newPerson(overrides: Record<string, unknown> = {}, typedPhone = nextPhone()) {
  const nationalId = nextNationalId();
  const phone = normalizeSaudiMobile(typedPhone)!;
  const before = linesOf().length;
  const asked = await askRegistrationCode(nationalId, typedPhone);
  expect(asked.statusCode).toBe(202);
  const res = await registerWith(nationalId, await codeSentTo(phone, before), overrides);
  expect(res.statusCode, res.body).toBe(201);
  return { cookie: portalCookie(res), id: res.json().id as string, nationalId, phone, me: res.json() };
}

const as = (cookie: string) => ({
  get: (url: string) => app.inject({ method: 'GET', url, headers: { cookie } }),
  post: (url: string, payload?: object) =>
    app.inject({ method: 'POST', url, headers: { cookie, 'x-requested-with': 'wasl' }, payload }),
  patch: (url: string, payload: object) => app.inject({ method: 'PATCH', url, headers: { cookie }, payload }),
  delete: (url: string) =>
    app.inject({ method: 'DELETE', url, headers: { cookie, 'x-requested-with': 'wasl' } }),
});

function upload(cookie: string, type: string, file: { name: string; data: Buffer }) {
  const boundary = '----wasl-portal-test';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="type"\r\n\r\n${type}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: '/api/v1/portal/documents',
    headers: {
      cookie,
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'x-requested-with': 'wasl',
    },
    payload,
  });
}

async function signDrawn(cookie: string) {
  const declaration = await as(cookie).get('/api/v1/portal/declaration');
  expect(declaration.statusCode).toBe(200);
  return as(cookie).post('/api/v1/portal/declarations', {
    textVersion: declaration.json().version,
    signature: { kind: 'drawn', image: signaturePng },
  });
}

const smsTo = (phone: string) =>
  inOrganization(services, organization.id, async () =>
    (await services.db.select().from(outboxMessages)).filter((m) => m.recipient === phone),
  );

describe('pre-registration from home', () => {
  it('takes a new person from a code on their phone to an accepted file, through a return and a resubmission', async () => {
    // Another file with the same mobile: the duplicate check must find it at submission.
    const typedPhone = nextPhone();
    const sameMobile = await registerAtCounter({ phone: typedPhone });
    const person = await newPerson(
      {},
      typedPhone.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)]!),
    );
    expect(person.me).toMatchObject({
      status: 'pending_verification',
      phone: person.phone,
      registration: { state: 'in_progress', returnReason: null },
    });
    const me = as(person.cookie);
    expect((await me.get('/api/v1/portal/me')).json().status).toBe('pending_verification');

    const profile = await me.patch('/api/v1/portal/me/profile', {
      maritalStatus: 'widowed',
      district: 'العزيزية',
      housing: { type: 'apartment', ownership: 'rented', monthlyRent: 1500 },
    });
    expect(profile.statusCode, profile.body).toBe(200);
    expect(profile.json().district).toBe('العزيزية');

    const member = await me.post('/api/v1/portal/household', {
      relation: 'son',
      fullName: 'سالم',
      gender: 'male',
      birthDate: '2012-05-01',
      schooling: 'intermediate',
    });
    expect(member.statusCode, member.body).toBe(201);
    expect((await me.get('/api/v1/portal/household')).json().items).toHaveLength(1);

    const early = await me.post('/api/v1/portal/registration/submit');
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({
      code: 'SUBMISSION_INCOMPLETE',
      details: { missing: ['national_id_document', 'declaration'] },
    });

    const idPhoto = await upload(person.cookie, 'national_id', { name: 'id.png', data: png });
    expect(idPhoto.statusCode, idPhoto.body).toBe(201);
    expect(idPhoto.json()).toMatchObject({
      type: 'national_id',
      mimeType: 'image/png',
      typeLabelAr: expect.any(String),
    });
    const disguised = await upload(person.cookie, 'national_id', { name: 'id.png', data: fakePng });
    expect(disguised.statusCode).toBe(415);
    expect(disguised.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const docs = (await me.get('/api/v1/portal/documents')).json().items;
    expect(docs.map((d: { id: string }) => d.id)).toEqual([idPhoto.json().id]);
    const file = await me.get(`/api/v1/portal/documents/${idPhoto.json().id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(png)).toBe(true);

    expect((await me.get('/api/v1/portal/declaration')).json()).toMatchObject({
      signedCurrent: false,
      reason: 'never_signed',
    });
    const signed = await signDrawn(person.cookie);
    expect(signed.statusCode, signed.body).toBe(201);
    const declaration = (await me.get('/api/v1/portal/declaration')).json();
    expect(declaration.signedCurrent).toBe(true);
    // Worded for a woman: the feminine forms of the default text.
    expect(declaration.textAr).toContain('الموقعة');

    const submitted = await me.post('/api/v1/portal/registration/submit');
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().registration).toEqual({ state: 'submitted', returnReason: null });
    // Waiting for staff: no more changes to the record from the portal.
    expect((await me.patch('/api/v1/portal/me/profile', { district: 'الشرائع' })).statusCode).toBe(409);

    // Staff see it in the queue, with the other file on the same mobile.
    const queue = await as(clerk).get('/api/v1/registrations');
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((i: { beneficiaryId: string }) => i.beneficiaryId === person.id);
    expect(item).toMatchObject({
      nationalId: person.nationalId,
      phone: person.phone,
      state: 'submitted',
      documents: 1,
      duplicateMatches: [{ id: sameMobile.id, reasons: ['phone'] }],
    });

    // A pending record is no file yet: staff cannot take a request for it.
    const service = await createService(app, admin);
    const early409 = await as(clerk).post('/api/v1/requests', {
      beneficiaryId: person.id,
      serviceId: service.id,
      channel: 'in_person',
    });
    expect(early409.statusCode).toBe(409);
    expect(early409.json().error.code).toBe('BENEFICIARY_NOT_ACTIVE');

    // Returned with a reason: the person sees it, is told by SMS, and may change the record again.
    expect(
      (await as(clerk).post(`/api/v1/registrations/${item.id}/return`, { reason: 'x' })).statusCode,
    ).toBe(400);
    const reason = 'صورة الهوية غير واضحة، أعيدي رفعها';
    const returned = await as(clerk).post(`/api/v1/registrations/${item.id}/return`, { reason });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'returned', returnReason: reason });
    expect((await me.get('/api/v1/portal/me')).json().registration).toEqual({
      state: 'returned',
      returnReason: reason,
    });
    expect((await smsTo(person.phone)).some((m) => m.body.includes(reason))).toBe(true);
    expect((await as(clerk).get('/api/v1/registrations?state=returned')).json().items).toHaveLength(1);

    expect((await upload(person.cookie, 'national_id', { name: 'id2.png', data: png })).statusCode).toBe(201);
    const again = await me.post('/api/v1/portal/registration/submit');
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().registration).toEqual({ state: 'submitted', returnReason: null });

    // Accepted: the file is active, the person is told, and a request can now be taken for them.
    const accepted = await as(clerk).post(`/api/v1/registrations/${item.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ state: 'accepted', decidedAt: expect.any(String) });
    const after = (await me.get('/api/v1/portal/me')).json();
    expect(after).toMatchObject({ status: 'active', registration: { state: 'accepted' } });
    expect((await smsTo(person.phone)).length).toBeGreaterThanOrEqual(2);
    expect((await as(clerk).post(`/api/v1/registrations/${item.id}/accept`)).statusCode).toBe(409);
    expect((await me.patch('/api/v1/portal/me/profile', { district: 'الشرائع' })).statusCode).toBe(409);
    const profileForStaff = (await as(clerk).get(`/api/v1/beneficiaries/${person.id}`)).json();
    expect(profileForStaff).toMatchObject({ status: 'active', phone: person.phone, district: 'العزيزية' });
  });

  it('sends no code for an ID already on file: its registered mobile is told instead, and the answer is the same', async () => {
    const known = await registerAtCounter();
    const typed = nextPhone();
    const freshPhone = nextPhone();
    const start = linesOf().length;
    const fresh = await askRegistrationCode(nextNationalId(), freshPhone);
    await codeSentTo(normalizeSaudiMobile(freshPhone)!, start);
    const before = linesOf().length;
    const res = await askRegistrationCode(known.nationalId, typed);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual(fresh.json());
    const notice = await messageTo(known.phone, before);
    expect(notice).not.toMatch(/\d{6}/);
    expect(
      linesOf()
        .slice(before)
        .map((l) => l.to),
    ).toEqual([known.phone]);
    expect(linesOf().some((l) => l.to === normalizeSaudiMobile(typed))).toBe(false);
  });

  it('locks an ID after five wrong codes, even for the right one', async () => {
    const nationalId = nextNationalId();
    const typed = nextPhone();
    const before = linesOf().length;
    await askRegistrationCode(nationalId, typed);
    const code = await codeSentTo(normalizeSaudiMobile(typed)!, before);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) answers.push((await registerWith(nationalId, wrong)).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 429]);
    const right = await registerWith(nationalId, code);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('CODE_LOCKED');
    // Nothing was made.
    const found = await as(clerk).get(`/api/v1/beneficiaries?q=${nationalId}`);
    expect(found.json().total).toBe(0);
  });

  it('keeps the staff queue away from portal sessions and from roles that do not review', async () => {
    const person = await newPerson();
    expect((await as(person.cookie).get('/api/v1/registrations')).statusCode).toBe(401);
    expect((await as(researcher).get('/api/v1/registrations')).statusCode).toBe(403);
  });

  it("answers 404 for another person's household member or document", async () => {
    const first = await newPerson();
    const second = await newPerson({ gender: 'male', fullNameAr: 'ماجد ناصر فهد القحطاني' });
    const member = await as(first.cookie).post('/api/v1/portal/household', {
      relation: 'daughter',
      fullName: 'ريم',
      gender: 'female',
    });
    expect(member.statusCode).toBe(201);
    const doc = await upload(first.cookie, 'national_id', { name: 'id.png', data: png });
    expect(doc.statusCode).toBe(201);
    // A phone's WebP photo is taken too, by its content (a RIFF container marked WEBP).
    const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([26, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
    const photo = await upload(first.cookie, 'family_card', { name: 'card.webp', data: webp });
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json().mimeType).toBe('image/webp');

    const other = as(second.cookie);
    expect((await other.delete(`/api/v1/portal/household/${member.json().id}`)).statusCode).toBe(404);
    expect((await other.get(`/api/v1/portal/documents/${doc.json().id}/file`)).statusCode).toBe(404);
    expect((await other.get('/api/v1/portal/documents')).json().items).toEqual([]);
    expect((await as(first.cookie).get('/api/v1/portal/household')).json().items).toHaveLength(1);
  });

  it('checks the birth date before spending the code, and refuses a second record of one ID with 409', async () => {
    const nationalId = nextNationalId();
    const phone = normalizeSaudiMobile(nextPhone())!;
    let before = linesOf().length;
    await askRegistrationCode(nationalId, phone);
    const first = await codeSentTo(phone, before);
    before = linesOf().length;
    await askRegistrationCode(nationalId, phone);
    const second = await codeSentTo(phone, before);

    const noDate = await registerWith(nationalId, second, { birthDate: undefined });
    expect(noDate.statusCode).toBe(400);
    expect((await registerWith(nationalId, second)).statusCode).toBe(201);
    // The older code still stands, but the ID has a record now.
    const twice = await registerWith(nationalId, first);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('DUPLICATE_BENEFICIARY');
    expect(twice.json().error.details ?? {}).toEqual({});
  });
});
