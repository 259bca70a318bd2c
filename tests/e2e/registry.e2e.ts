import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNationalId } from '../../src/shared/saudi/national-id';
import ar from '../../src/web/i18n/ar.json';
import { launchBrowser, startServer } from './harness';
import { api, choose, label, login, png, shot } from './ui';

// The registry journey through the Arabic UI (policy steps 1, 2 and 4): a relations officer looks a
// national ID up, registers the person with a household member and an expired ID document, has the
// declaration signed on a phone-sized screen, then finds the record again under another spelling.

const admin = { fullName: 'سارة العتيبي', email: 'admin@shaaer.org.sa', password: 'correct-horse-battery-1' };
const officer = { fullName: 'خالد الحربي', email: 'khaled@shaaer.org.sa', password: 'officer-pass-2024' };
const auditor = { fullName: 'نورة القحطاني', email: 'noura@shaaer.org.sa', password: 'auditor-pass-2024' };
const beneficiaryName = 'فاطمة أحمد عبدالله الشهري';
const nationalId = generateNationalId(1, '04477120');

describe('beneficiary registry journey (Arabic UI)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const setup = await api(server.baseUrl, '/setup', {
      method: 'POST',
      body: {
        organization: { nameAr: 'جمعية شعائر', nameEn: 'Shaaer Association' },
        admin,
      },
    });
    expect(setup.status).toBe(201);
    const cookie = await login(server.baseUrl, admin.email, admin.password);
    for (const [user, role] of [
      [officer, 'relations_officer'],
      [auditor, 'auditor'],
    ] as const) {
      const created = await api(server.baseUrl, '/users', {
        method: 'POST',
        cookie,
        body: { ...user, roles: [role] },
      });
      expect(created.status).toBe(201);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('registers, documents, signs and finds a beneficiary, and audits it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();

    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel(label(ar.fields.email)).fill(officer.email);
    await page.getByLabel(label(ar.fields.password)).fill(officer.password);
    await page.getByRole('button', { name: ar.signIn.submit, exact: true }).click();
    await page.getByText(ar.home.welcome.replace('{{name}}', officer.fullName)).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');

    // Intake, step 1: the national ID first.
    await page.getByRole('link', { name: ar.beneficiaries.nav.list, exact: true }).click();
    await page.waitForURL(/\/beneficiaries$/);
    await page.getByRole('link', { name: ar.beneficiaries.new }).click();
    await page.waitForURL(/\/beneficiaries\/new/);
    await page.getByLabel(label(ar.beneficiaries.fields.nationalId)).fill(nationalId);
    await page.getByRole('button', { name: ar.beneficiaries.intake.lookup, exact: true }).click();
    await page.getByText(ar.beneficiaries.intake.notFound).waitFor();
    await page.getByRole('button', { name: ar.beneficiaries.intake.startNew }).click();

    // Step 2: the profile, with a Hijri birth date typed in Arabic-Indic digits.
    await page.getByLabel(label(ar.beneficiaries.fields.fullNameAr)).fill(beneficiaryName);
    await page.getByLabel(label(ar.beneficiaries.fields.birthDate)).fill('١٤٠٥-٠٣-١٢');
    await page.getByText(/^يوافق /).waitFor();
    await choose(page, ar.beneficiaries.fields.gender, ar.beneficiaries.gender.female);
    await page.getByLabel(label(ar.beneficiaries.fields.phone)).fill('٠٥٠١٢٣٤٥٦٧');
    await page.getByLabel(label(ar.beneficiaries.fields.city)).fill('مكة المكرمة');
    await choose(page, ar.beneficiaries.fields.channel, 'المقابلة');
    await shot(page, 'intake-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'intake-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: ar.beneficiaries.intake.createAndContinue }).click();

    // Step 3: one household member.
    await page.waitForURL(/step=2/);
    await page.getByRole('button', { name: ar.beneficiaries.household.addMember }).click();
    await choose(page, ar.beneficiaries.household.relation, ar.beneficiaries.relations.daughter);
    await page.getByLabel(label(ar.beneficiaries.household.fullName)).fill('مريم محمد الشهري');
    await choose(page, ar.beneficiaries.fields.gender, ar.beneficiaries.gender.female);
    await page.getByRole('button', { name: ar.beneficiaries.household.add, exact: true }).click();
    await page.getByText('مريم محمد الشهري', { exact: true }).waitFor();
    await page.getByRole('button', { name: ar.beneficiaries.intake.next }).click();

    // Step 4: an ID document that has already expired is flagged at once.
    await page.waitForURL(/step=3/);
    await choose(page, ar.beneficiaries.documents.type, 'الهوية الوطنية / الإقامة');
    await page.getByLabel(label(ar.beneficiaries.documents.number)).fill(nationalId);
    await page.getByLabel(label(ar.beneficiaries.documents.expiryDate)).fill('1440-01-01');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: ar.beneficiaries.documents.upload }).click();
    const expiredBadge = page.getByText(ar.beneficiaries.documents.expired, { exact: true });
    await expiredBadge.first().waitFor();
    await page.getByText(ar.beneficiaries.documents.expiredCount_one).first().waitFor();
    await page.getByRole('button', { name: ar.beneficiaries.intake.next }).click();

    // Step 5: the declaration, signed on a phone-sized screen by drawing on the canvas.
    await page.waitForURL(/step=4/);
    await page.getByRole('link', { name: ar.beneficiaries.sign.open }).click();
    await page.waitForURL(/\/sign/);
    await page.setViewportSize({ width: 390, height: 844 });
    // Staff hand the device over (the channel is theirs, chosen before); she sees the declaration only.
    await page.getByRole('button', { name: ar.beneficiaries.sign.handOver }).click();
    await page
      .getByRole('dialog')
      .getByText(/^أقر أنا الموقعة أدناه /)
      .waitFor();
    const pad = page.locator('canvas.wasl-signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 12; i++) {
      await page.mouse.move(box.x + 30 + i * 22, box.y + box.height / 2 + (i % 2 ? -25 : 25), { steps: 3 });
    }
    await page.mouse.up();
    await page.getByRole('checkbox', { name: ar.beneficiaries.sign.agree }).check();
    await shot(page, 'sign-phone');
    await page.getByRole('button', { name: ar.beneficiaries.sign.submit }).click();
    await page.getByText(ar.beneficiaries.sign.thanks).waitFor();
    await page.getByRole('button', { name: ar.beneficiaries.sign.staffContinue }).click();

    // Back on the intake: the review lists what is missing or expired.
    await page.waitForURL(/step=5/);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByText(ar.beneficiaries.review.declarationDone).waitFor();
    await page
      .getByText(ar.beneficiaries.review.docExpired.replace('{{type}}', 'الهوية الوطنية / الإقامة'))
      .waitFor();
    await shot(page, 'review-desktop');
    await page.getByRole('button', { name: ar.beneficiaries.intake.finish }).click();

    // The profile header flags the expired document.
    await page.waitForURL(/\/beneficiaries\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: beneficiaryName }).waitFor();
    await page.getByText(ar.beneficiaries.documents.expiredCount_one).first().waitFor();
    await page.getByRole('tab', { name: ar.beneficiaries.tabs.documents }).click();
    await expiredBadge.first().waitFor();
    await shot(page, 'profile-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'profile-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Search finds her under another spelling of the same name.
    await page.getByRole('link', { name: ar.beneficiaries.nav.list, exact: true }).click();
    await page.waitForURL(/\/beneficiaries$/);
    await page
      .getByRole('searchbox', { name: label(ar.beneficiaries.search.label) })
      .fill('فاطمه احمد عبد الله');
    await page.getByText(ar.beneficiaries.search.results_one).waitFor();
    await page.getByRole('link', { name: beneficiaryName }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(page, 'search-desktop');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'search-phone');
    await context.close();

    // The auditor sees who created and who read the record.
    const cookie = await login(server.baseUrl, auditor.email, auditor.password);
    const audit = await api(server.baseUrl, '/audit-events?entityType=beneficiary&limit=200', { cookie });
    expect(audit.status).toBe(200);
    const events = (await audit.json()) as { items: { action: string; outcome: string }[] };
    const actions = new Set(events.items.map((e) => e.action));
    expect(actions.has('beneficiaries.create')).toBe(true);
    expect(actions.has('beneficiaries.read')).toBe(true);
  }, 240_000);
});
