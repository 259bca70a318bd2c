/**
 * The texts people sign, managed as policy documents (issue 14 item 2), and the reference library
 * (item 4): publishing a declaration version writes the registry's next declaration text, so a
 * beneficiary who signed the older text is `text_changed`; publishing needs the English body; a consent
 * document names its purpose and publishing it marks consents given under an older text as to be asked
 * again; the library finds a published decision by an Arabic title written with other hamza and
 * taa-marbuta forms, and lists the documents linked from a screen.
 */
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { signDeclaration } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { seedSignedTexts } from '../../demo/demo-signed-texts';
import type { Clock } from '../../platform/clock';

const clock: Clock = { now: () => new Date('2026-11-22T09:00:00Z') };
const { app, services } = await createTestApp({ clock });
const org = await createOrganization(services, [
  { fullName: 'مديرة الجمعية', email: 'manager', roles: ['manager'] },
  { fullName: 'موظف العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const other = await createOrganization(services, [
  { fullName: 'مدير آخر', email: 'manager', roles: ['manager'] },
]);
const cookies = await signInEach(app, org.emails);
const otherCookies = await signInEach(app, other.emails);
const send = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie, 'x-requested-with': 'wasl' }, payload });

const approval = { decisionNumber: 'م.إ/9/2026', decisionDate: '2026-11-20' };

/** Creates a document and takes its first version to published (or up to `approved`). */
async function publishDocument(input: Record<string, unknown>, cookie = cookies.manager!) {
  const created = await send(cookie, 'POST', '/api/v1/policies', input);
  expect(created.statusCode, created.body).toBe(201);
  const { id, versions } = created.json() as { id: string; versions: { id: string }[] };
  const base = `/api/v1/policies/${id}/versions/${versions[0]!.id}`;
  expect((await send(cookie, 'POST', `${base}/submit`)).statusCode).toBe(200);
  expect((await send(cookie, 'POST', `${base}/approve`, approval)).statusCode).toBe(200);
  return { id, base, publish: () => send(cookie, 'POST', `${base}/publish`) };
}

describe('the declaration as a policy document', () => {
  it('publishing a new version asks a beneficiary who signed the older text to sign again', async () => {
    const b = await registerBeneficiary(app, cookies.officer!);
    await signDeclaration(app, cookies.officer!, b.id);
    const before = await send(cookies.officer!, 'GET', `/api/v1/beneficiaries/${b.id}`);
    expect(before.json().declaration).toMatchObject({ current: true, reason: null });

    // Without the English body a text people sign is not published.
    const arOnly = await publishDocument({
      kind: 'declaration',
      titleAr: 'الإقرار بصحة البيانات',
      titleEn: 'Declaration of data correctness',
      body: 'أقر بأن جميع البيانات صحيحة وأتحمل مسؤوليتها.',
    });
    const refused = await arOnly.publish();
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('ENGLISH_TEXT_REQUIRED');
    expect(
      (await send(cookies.officer!, 'GET', `/api/v1/beneficiaries/${b.id}`)).json().declaration.current,
    ).toBe(true);

    const doc = await publishDocument({
      kind: 'declaration',
      titleAr: 'الإقرار بصحة البيانات',
      titleEn: 'Declaration of data correctness',
      body: 'أقر أنا الموقع أدناه بأن جميع البيانات والمستندات صحيحة، وأتحمل المسؤولية كاملة.',
      bodyEn:
        'I, the undersigned, declare that all data and documents are correct, and I bear full responsibility.',
    });
    const published = await doc.publish();
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json().publishedBodyEn).toContain('undersigned');

    const text = (await send(cookies.officer!, 'GET', '/api/v1/declaration-text')).json();
    expect(text.bodyAr).toContain('الموقع أدناه');
    expect(text.version).toBeGreaterThan(1);
    expect(
      (await send(cookies.officer!, 'GET', `/api/v1/beneficiaries/${b.id}`)).json().declaration,
    ).toMatchObject({
      current: false,
      reason: 'text_changed',
    });
    // A signature under the older text is refused; signing the new text makes it current again.
    const stale = await send(cookies.officer!, 'POST', `/api/v1/beneficiaries/${b.id}/declarations`, {
      method: 'typed',
      textVersion: text.version - 1,
      typedName: 'الاسم',
      agreed: true,
      channel: 'phone',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('DECLARATION_TEXT_OUTDATED');
    await signDeclaration(app, cookies.officer!, b.id);
    expect(
      (await send(cookies.officer!, 'GET', `/api/v1/beneficiaries/${b.id}`)).json().declaration.current,
    ).toBe(true);
  });
});

describe('the old declaration-text write path', () => {
  it('is gone: a new declaration text is a published declaration document, approved by the board', async () => {
    const res = await send(cookies.manager!, 'POST', '/api/v1/declaration-text', {
      bodyAr: 'أقر بصحة البيانات المقدمة وأتحمل مسؤوليتها كاملة.',
      bodyEn: 'I declare that the data I gave is correct.',
    });
    expect(res.statusCode).toBe(404);
    // The signing screens still read the text in force.
    expect((await send(cookies.officer!, 'GET', '/api/v1/declaration-text')).statusCode).toBe(200);
  });
});

describe('the demo', () => {
  it('loads the declaration in force as version 1 of a document (no one re-signs) and a demo charter', async () => {
    const before = (await send(otherCookies.manager!, 'GET', '/api/v1/declaration-text')).json();
    await seedSignedTexts(services, other.organization.id, null);
    const declarations = (
      await send(otherCookies.manager!, 'GET', '/api/v1/policies?kind=declaration')
    ).json();
    expect(declarations.items).toEqual([expect.objectContaining({ publishedVersion: 1 })]);
    const detail = (
      await send(otherCookies.manager!, 'GET', `/api/v1/policies/${declarations.items[0].id}`)
    ).json();
    expect(detail.publishedBody).toBe(before.bodyAr);
    expect(detail.publishedBodyEn).toBe(before.bodyEn);
    // The registry's text did not move: a signature given before stays current.
    expect((await send(otherCookies.manager!, 'GET', '/api/v1/declaration-text')).json().version).toBe(
      before.version,
    );
    const charter = (await send(otherCookies.manager!, 'GET', '/api/v1/charter')).json().text;
    expect(charter).toMatchObject({ versionNumber: 1 });
    expect(charter.bodyAr).toContain('نص تجريبي');
    expect(charter.bodyEn).toContain('Demo text');
  });
});

describe('consent texts', () => {
  it('a consent document names its purpose; publishing a new text marks older consents to be asked again', async () => {
    const noPurpose = await send(cookies.manager!, 'POST', '/api/v1/policies', {
      kind: 'consent',
      titleAr: 'موافقة التواصل',
      titleEn: 'Contact consent',
      body: 'أوافق على التواصل معي.',
    });
    expect(noPurpose.statusCode).toBe(400);

    const b = await registerBeneficiary(app, cookies.officer!);
    const grant = () =>
      send(cookies.officer!, 'POST', `/api/v1/beneficiaries/${b.id}/consents`, {
        purpose: 'contact',
        granted: true,
        channel: 'in_person',
      });
    expect((await grant()).statusCode).toBe(201);
    const consentsOf = async () =>
      (await send(cookies.officer!, 'GET', `/api/v1/beneficiaries/${b.id}/consents`)).json().items as {
        purpose: string;
        textVersion: number | null;
        textChanged: boolean;
      }[];
    expect((await consentsOf()).find((c) => c.purpose === 'contact')).toMatchObject({ textChanged: false });

    const doc = await publishDocument({
      kind: 'consent',
      purpose: 'contact',
      titleAr: 'موافقة التواصل',
      titleEn: 'Contact consent',
      body: 'أوافق على أن تتواصل معي الجمعية بالرسائل والاتصال.',
      bodyEn: 'I agree that the association may contact me by message and call.',
    });
    expect((await doc.publish()).statusCode).toBe(200);
    expect((await consentsOf()).find((c) => c.purpose === 'contact')).toMatchObject({
      textVersion: null,
      textChanged: true,
    });
    // The person sees it in the portal too.
    const token = await inOrganization(services, org.organization.id, () =>
      services.portalSessions.create(services.db, {
        organizationId: org.organization.id,
        beneficiaryId: b.id,
        ip: null,
        userAgent: null,
      }),
    );
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/portal/consents',
      headers: { cookie: `wasl_portal=${token}` },
    });
    expect(mine.json().items.find((c: { purpose: string }) => c.purpose === 'contact')).toMatchObject({
      granted: true,
      textChanged: true,
    });
    // Asked again, under the text in force.
    expect((await grant()).statusCode).toBe(201);
    expect((await consentsOf()).find((c) => c.purpose === 'contact')).toMatchObject({
      textVersion: 1,
      textChanged: false,
    });
  });
});

describe('the reference library', () => {
  it('finds a published decision by an Arabic title written with hamza and taa-marbuta variants', async () => {
    const decision = await publishDocument({
      kind: 'assembly_decision',
      titleAr: 'قرار الجمعية العمومية بإقرار اللائحة الأساسية',
      titleEn: 'General assembly decision adopting the bylaws',
      body: 'قررت الجمعية العمومية إقرار اللائحة الأساسية المعتمدة من الوزارة.',
      contexts: ['committee'],
    });
    // Not published yet: not in the library.
    const before = await send(cookies.officer!, 'GET', `/api/v1/library?q=${encodeURIComponent('اللائحه')}`);
    expect(before.json().items).toEqual([]);
    expect((await decision.publish()).statusCode).toBe(200);

    for (const q of ['الجمعيه العموميه', 'باقرار اللايحه', 'إقرار']) {
      const res = await send(cookies.officer!, 'GET', `/api/v1/library?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(
        res.json().items.map((i: { id: string }) => i.id),
        q,
      ).toEqual([decision.id]);
    }
    expect(
      (await send(cookies.officer!, 'GET', `/api/v1/library?q=${encodeURIComponent('ميزانية')}`)).json()
        .items,
    ).toEqual([]);

    // Linked from the committee's screen, not from the complaints'.
    const linked = await send(cookies.officer!, 'GET', '/api/v1/library?context=committee');
    expect(linked.json().items).toEqual([
      expect.objectContaining({ id: decision.id, kind: 'assembly_decision' }),
    ]);
    expect((await send(cookies.officer!, 'GET', '/api/v1/library?context=complaints')).json().items).toEqual(
      [],
    );

    // Another association's library does not hold it.
    const theirs = await send(
      otherCookies.manager!,
      'GET',
      `/api/v1/library?q=${encodeURIComponent('اللائحة')}`,
    );
    expect(theirs.json().items).toEqual([]);
  });

  it('takes % and _ as plain characters and pages with the true total', async () => {
    for (const n of [1, 2, 3]) {
      const doc = await publishDocument({
        kind: 'procedure',
        titleAr: `إجراء الصرف رقم ${n}`,
        titleEn: `Disbursement procedure ${n}`,
        body: 'خطوات صرف المساعدة.',
      });
      expect((await doc.publish()).statusCode).toBe(200);
    }
    const library = async (query: string) =>
      (await send(cookies.officer!, 'GET', `/api/v1/library?${query}`)).json();
    for (const q of ['%', '_', '%_%']) {
      expect((await library(`q=${encodeURIComponent(q)}`)).total, q).toBe(0);
    }
    const all = await library('kind=procedure');
    expect(all).toMatchObject({ total: 3, nextCursor: null });
    const first = await library('kind=procedure&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(3);
    const second = await library(`kind=procedure&limit=2&cursor=${first.nextCursor}`);
    expect(second).toMatchObject({ total: 3, nextCursor: null });
    expect([...first.items, ...second.items].map((i: { id: string }) => i.id)).toEqual(
      all.items.map((i: { id: string }) => i.id),
    );
  });
});

describe('the policy list', () => {
  it('pages with a limit and an offset cursor, the total true', async () => {
    const list = async (query: string) =>
      (await send(cookies.officer!, 'GET', `/api/v1/policies?${query}`)).json();
    const all = await list('limit=200');
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThan(2);
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.total).toBe(all.total);
      pages.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.items.map((i: { id: string }) => i.id));
    const res = await send(cookies.officer!, 'GET', '/api/v1/policies?limit=201');
    expect(res.statusCode).toBe(400);
  });
});
