import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  beneficiaryInput,
  nextNationalId,
  registerBeneficiary,
} from '../../../../tests/support/beneficiary-factory';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';
import { arabicNameTokens } from '../../../shared/arabic/names';
import { toArabicIndicDigits } from '../../../shared/digits';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'مسؤول الخدمة', email: 'service', roles: ['service_officer'] },
  { fullName: 'المراجع', email: 'auditor', roles: ['auditor'] },
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
]);
const other = await createOrganization(services, [
  { fullName: 'موظف أخرى', email: 'officer', roles: ['relations_officer'] },
]);
const officer = await signIn(app, org.emails.officer!);
const supervisor = await signIn(app, org.emails.supervisor!);
const service = await signIn(app, org.emails.service!);
const auditor = await signIn(app, org.emails.auditor!);
const admin = await signIn(app, org.emails.admin!);
const outsider = await signIn(app, other.emails.officer!);

const post = (payload: object, cookie = officer, lang = 'ar') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/beneficiaries',
    headers: { cookie, 'accept-language': lang },
    payload,
  });
const get = (url: string, cookie = officer) => app.inject({ method: 'GET', url, headers: { cookie } });
const search = async (q: string, cookie = officer) =>
  (await get(`/api/v1/beneficiaries?q=${encodeURIComponent(q)}`, cookie)).json();

describe('registering a beneficiary', () => {
  it('registers with the quick fields, normalising Arabic-Indic digits, the mobile and a Hijri birth date', async () => {
    const id = nextNationalId();
    const res = await post(
      beneficiaryInput({
        nationalId: toArabicIndicDigits(id),
        phone: '٠٥٠ ١٢٣ ٤٥٦٧',
        birthDate: undefined,
        birthDateHijri: '١٤٠٠-٠٩-٠١',
        fullNameAr: 'سعاد ناصر محمد العتيبي',
        gender: 'female',
      }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      nationalId: id,
      idKind: 'citizen',
      phone: '+966501234567',
      birthDateHijri: '1400-09-01',
      birthDate: '1980-07-14',
      fileNumber: expect.stringMatching(/^B-\d{6}$/),
      declaration: { current: false, reason: 'never_signed' },
      household: { size: 1 },
    });
  });

  it('refuses an invalid national ID with INVALID_NATIONAL_ID in Arabic, and writes nothing', async () => {
    const before = (await search('')).total;
    const res = await post(beneficiaryInput({ nationalId: '1234567890' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('INVALID_NATIONAL_ID');
    expect(res.json().error.details.fields.nationalId).toMatch(/رقم الهوية/);
    expect((await search('')).total).toBe(before);
    const en = await post(beneficiaryInput({ nationalId: '3000000000' }), officer, 'en');
    expect(en.json().error.details.fields.nationalId).toMatch(/national ID/);
  });

  it('refuses a bad mobile number and an impossible Hijri date with their own codes', async () => {
    expect((await post(beneficiaryInput({ phone: '0112345678' }))).json().error.code).toBe('INVALID_PHONE');
    const hijri = await post(beneficiaryInput({ birthDate: undefined, birthDateHijri: '1447-02-30' }));
    expect(hijri.json().error.code).toBe('INVALID_HIJRI_DATE');
  });

  it('refuses the same national ID in the organization with 409 DUPLICATE_BENEFICIARY and the existing record', async () => {
    const first = await registerBeneficiary(app, officer);
    const again = await post(
      beneficiaryInput({ nationalId: first.nationalId, fullNameAr: 'اسم آخر تماما للتجربة' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'DUPLICATE_BENEFICIARY',
      details: { existing: { id: first.id, fileNumber: first.fileNumber } },
    });
    // Another organization may serve the same person.
    expect((await post(beneficiaryInput({ nationalId: first.nationalId }), outsider)).statusCode).toBe(201);
  });

  it('asks staff to acknowledge a shared phone or a close name born the same day, then records the suspicion', async () => {
    const first = await registerBeneficiary(app, officer, {
      fullNameAr: 'خالد إبراهيم عبدالرحمن الحربي',
      birthDate: '1975-03-02',
    });
    const probe = beneficiaryInput({
      fullNameAr: 'خالد ابراهيم عبد الرحمن الحربى',
      birthDate: '1975-03-02',
      phone: first.phone,
    });
    const warned = await post(probe);
    expect(warned.statusCode).toBe(409);
    expect(warned.json().error.code).toBe('POSSIBLE_DUPLICATES');
    const [match] = warned.json().error.details.matches;
    expect(match).toMatchObject({
      id: first.id,
      reasons: expect.arrayContaining(['phone', 'similar_name_same_birth_date']),
    });
    const created = await post({ ...probe, acknowledgedDuplicateIds: [first.id] });
    expect(created.statusCode).toBe(201);
    const review = (await get('/api/v1/beneficiaries/duplicates', supervisor)).json();
    const pair = review.items.find((p: { a: { id: string } }) => p.a.id === created.json().id);
    expect(pair).toMatchObject({ b: { id: first.id }, reasons: expect.arrayContaining(['phone']) });
    expect((await get('/api/v1/beneficiaries/duplicates', officer)).statusCode).toBe(403);
  });

  it('warns when the new beneficiary is already listed in another household', async () => {
    const head = await registerBeneficiary(app, officer);
    const memberId = nextNationalId();
    const added = await app.inject({
      method: 'POST',
      url: `/api/v1/beneficiaries/${head.id}/household`,
      headers: { cookie: officer },
      payload: {
        relation: 'son',
        fullName: 'ابن المستفيد',
        nationalId: memberId,
        gender: 'male',
        birthDate: '2005-01-01',
        monthlyIncome: '١٥٠٠',
      },
    });
    expect(added.statusCode).toBe(201);
    const res = await post(beneficiaryInput({ nationalId: memberId }));
    expect(res.json().error.details.matches[0]).toMatchObject({ id: head.id, reasons: ['household_member'] });
    const profile = (await get(`/api/v1/beneficiaries/${head.id}`)).json();
    expect(profile.household).toMatchObject({ size: 2, monthlyIncome: 1500, monthlyIncomePerCapita: 750 });
  });

  it('refuses categories and channels the organization does not have', async () => {
    const res = await post(
      beneficiaryInput({ categories: ['widow', 'astronaut'], channel: 'carrier_pigeon' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'UNKNOWN_CODE',
      details: { fields: { 'categories.1': expect.any(String), channel: expect.any(String) } },
    });
  });
});

describe('finding a beneficiary', () => {
  const people = [
    'أحمد عبدالله مصطفى الشهري',
    'فاطمة أحمد عبد الله الزهراني',
    'مُحَمَّد يحيى إبراهيم الغامدي',
    'عائشة علي محمد الأحمدي',
  ];
  const created: Record<string, { id: string; nationalId: string; phone: string; fileNumber: string }> = {};

  it('finds each name typed with spelling variants, diacritics, tatweel and split compounds', async () => {
    for (const name of people)
      created[name] = await registerBeneficiary(app, officer, { fullNameAr: name, city: 'الطائف' });
    const variants: [string, string][] = [
      ['احمد عبد الله مصطفي الشهري', people[0]!],
      ['إحمد عبدالله', people[0]!],
      ['فاطمه احمد عبد الله', people[1]!],
      ['فاطمة الزهرانى', people[1]!],
      ['محـــمد يحيي ابراهيم', people[2]!],
      ['محمد الغامدي', people[2]!],
      ['عايشه علي', people[3]!],
    ];
    for (const [q, expected] of variants) {
      const result = await search(q);
      expect(
        result.items.map((b: { id: string }) => b.id),
        q,
      ).toContain(created[expected]!.id);
    }
  });

  it('ranks the closest name first and pages with a total', async () => {
    await registerBeneficiary(app, officer, { fullNameAr: 'أحمد عبدالله مصطفى الشهري الثاني' });
    const result = await search('أحمد عبدالله مصطفى الشهري');
    expect(result.total).toBeGreaterThanOrEqual(2);
    expect(result.items[0].id).toBe(created[people[0]!]!.id);
    const firstPage = (await get('/api/v1/beneficiaries?q=احمد&limit=1')).json();
    expect(firstPage.items).toHaveLength(1);
    const second = (await get(`/api/v1/beneficiaries?q=احمد&limit=1&cursor=${firstPage.nextCursor}`)).json();
    expect(second.items[0].id).not.toBe(firstPage.items[0].id);
  });

  it('tolerates a real typo through trigram similarity when no record has every token', async () => {
    const result = await search('فاطمة احمد عبدالله الزهرني');
    expect(result.items.map((b: { id: string }) => b.id)).toContain(created[people[1]!]!.id);
  });

  it('finds by national ID, mobile in any form and file number, and filters by city', async () => {
    const target = created[people[3]!]!;
    expect((await search(toArabicIndicDigits(target.nationalId))).items[0].id).toBe(target.id);
    expect((await search(target.phone.replace('+966', '0'))).items[0].id).toBe(target.id);
    expect((await search(target.fileNumber.toLowerCase())).items[0].id).toBe(target.id);
    const taif = (await get('/api/v1/beneficiaries?city=الطائف&limit=200')).json();
    expect(taif.items.every((b: { city: string }) => b.city === 'الطائف')).toBe(true);
    expect(taif.total).toBeGreaterThanOrEqual(4);
  });

  it('normalises names in SQL exactly as in TypeScript', async () => {
    const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآؤئىةـًٌٍَُِّْ ٠١٢عبد الله ال ابو بن';
    const names = fc.sample(
      fc.string({ unit: fc.constantFrom(...letters), minLength: 0, maxLength: 30 }),
      300,
    );
    for (const name of [...names, ...people, 'عبد الله', 'نور الدين', 'ابو عبد الله', 'آل سعود']) {
      const result = await services.db.execute<{ tokens: string[] }>(
        sql`select wasl_name_tokens(${name}) as tokens`,
      );
      expect(result.rows[0]!.tokens, JSON.stringify(name)).toEqual(arabicNameTokens(name));
    }
  });
});

describe('who sees what', () => {
  it("answers 404 to another organization's staff for every route of the record", async () => {
    const b = await registerBeneficiary(app, officer);
    for (const url of [
      `/api/v1/beneficiaries/${b.id}`,
      `/api/v1/beneficiaries/${b.id}/household`,
      `/api/v1/beneficiaries/${b.id}/documents`,
      `/api/v1/beneficiaries/${b.id}/timeline`,
    ]) {
      expect((await get(url, outsider)).statusCode, url).toBe(404);
    }
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/beneficiaries/${b.id}`,
      headers: { cookie: outsider },
      payload: { city: 'جدة' },
    });
    expect(patch.statusCode).toBe(404);
    expect((await search(b.nationalId, outsider)).items.map((x: { id: string }) => x.id)).not.toContain(b.id);
  });

  it('hides health conditions from roles that do not need them', async () => {
    const b = await registerBeneficiary(app, officer, { healthConditions: ['سكري'] });
    expect((await get(`/api/v1/beneficiaries/${b.id}`, officer)).json().healthConditions).toEqual(['سكري']);
    const seen = (await get(`/api/v1/beneficiaries/${b.id}`, service)).json();
    expect(seen.fullNameAr).toBe(b.fullNameAr);
    expect(seen).not.toHaveProperty('healthConditions');
  });

  it('keeps the admin, who configures the organization, out of case records', async () => {
    expect((await get('/api/v1/beneficiaries', admin)).statusCode).toBe(403);
    expect((await post(beneficiaryInput(), admin)).statusCode).toBe(403);
  });

  it('audits every read of a profile, visible to the auditor', async () => {
    const b = await registerBeneficiary(app, officer);
    await get(`/api/v1/beneficiaries/${b.id}`, supervisor);
    const events = (
      await get(`/api/v1/audit-events?entityType=beneficiary&entityId=${b.id}`, auditor)
    ).json();
    const actions = events.items.map(
      (e: { action: string; actorName: string }) => `${e.action}:${e.actorName}`,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['beneficiaries.create:موظفة العلاقات', 'beneficiaries.read:المشرف']),
    );
  });
});
