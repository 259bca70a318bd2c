import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../src/web/i18n/ar.json';
import { launchBrowser, startServer } from './harness';

// The foundation journey through the Arabic UI: first-run setup, sign-in, adding a staff member,
// and the permission table hiding what that staff member may not do.

const admin = { fullName: 'سارة العتيبي', email: 'admin@birr.org.sa', password: 'correct-horse-battery-1' };
const officer = { fullName: 'خالد الحربي', email: 'khaled@birr.org.sa', password: 'officer-pass-2024' };

/** Labels carry a required-field asterisk, and some labels start others ("كلمة المرور"…). */
function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

async function expectRtl(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.waitForURL(/\/sign-in/);
  const emailInput = page.getByLabel(label(ar.fields.email));
  await emailInput.fill(email);
  await page.getByLabel(label(ar.fields.password)).fill(password);
  await page.getByRole('button', { name: ar.signIn.submit, exact: true }).click();
}

async function signOut(page: Page, fullName: string): Promise<void> {
  await page.getByRole('button', { name: ar.userMenu.open.replace('{{name}}', fullName) }).click();
  await page.getByRole('menuitem', { name: ar.userMenu.signOut }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByRole('heading', { name: ar.signIn.title }).waitFor();
}

describe('foundation journey (Arabic UI)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('sets up the association, adds a relations officer, and hides the users page from them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA' });
    // The app must work under its own Content-Security-Policy: every violation is collected per page.
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const seen = JSON.parse(sessionStorage.getItem('csp-violations') ?? '[]') as string[];
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
        sessionStorage.setItem('csp-violations', JSON.stringify(seen));
      });
    });
    const page = await context.newPage();

    // First run: every page leads to setup.
    await page.goto(server.baseUrl);
    await page.waitForURL(/\/setup$/);
    await page.getByRole('heading', { name: ar.setup.title }).waitFor();
    await expectRtl(page);

    await page.getByLabel(label(ar.setup.nameAr)).fill('جمعية البر الخيرية');
    await page.getByLabel(label(ar.setup.nameEn)).fill('Al-Birr Charity Association');
    await page.getByLabel(label(ar.fields.fullName)).fill(admin.fullName);
    await page.getByLabel(label(ar.fields.email)).fill(admin.email);
    await page.getByLabel(label(ar.fields.password)).fill(admin.password);
    await page.getByLabel(label(ar.fields.passwordConfirm)).fill(admin.password);
    await page.getByRole('button', { name: ar.setup.submit }).click();

    // Setup does not sign in: the sign-in page opens with the e-mail filled in and a success notice.
    await page.waitForURL(/\/sign-in/);
    await page.getByText(ar.setup.doneMessage).first().waitFor();
    expect(await page.getByLabel(label(ar.fields.email)).inputValue()).toBe(admin.email);

    await signIn(page, admin.email, admin.password);
    await page.getByText(ar.home.welcome.replace('{{name}}', admin.fullName)).waitFor();
    await expectRtl(page);

    // Add a relations officer.
    await page.getByRole('link', { name: ar.nav.users, exact: true }).click();
    await page.waitForURL(/\/users$/);
    await page.getByRole('link', { name: admin.fullName }).waitFor();
    await page.getByRole('link', { name: ar.users.new }).click();
    await page.waitForURL(/\/users\/new$/);
    await page.getByLabel(label(ar.fields.fullName)).fill(officer.fullName);
    await page.getByLabel(label(ar.fields.email)).fill(officer.email);
    await page.getByLabel(label(ar.fields.initialPassword)).fill(officer.password);
    await page.getByRole('checkbox', { name: ar.roles.relations_officer }).check();
    await page.getByRole('button', { name: ar.users.create, exact: true }).click();

    await page.waitForURL(/\/users$/);
    await page.getByRole('link', { name: officer.fullName }).waitFor();
    const row = page.getByRole('row').filter({ hasText: officer.email });
    expect(await row.getByText(ar.roles.relations_officer).isVisible()).toBe(true);
    expect(await row.getByText(ar.users.status.active).isVisible()).toBe(true);

    await signOut(page, admin.fullName);

    // The officer signs in: the permission table hides the users page from them.
    await signIn(page, officer.email, officer.password);
    await page.getByText(ar.home.welcome.replace('{{name}}', officer.fullName)).waitFor();
    await expectRtl(page);
    expect(await page.getByText(ar.roles.relations_officer).first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: ar.nav.home, exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: ar.nav.users, exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: ar.nav.settings, exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: ar.nav.audit, exact: true }).count()).toBe(0);

    // Typing the address does not help either: the page refuses politely.
    await page.goto(`${server.baseUrl}/users`);
    await page.getByText(ar.common.forbiddenTitle).waitFor();

    await signOut(page, officer.fullName);
    expect(await page.evaluate(() => sessionStorage.getItem('csp-violations'))).toBeNull();
    await context.close();
  }, 120_000);
});
