import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shaaer } from '../../src/server/demo/demo-data';
import type { DigitStyle } from '../../src/shared/digits';
import ar from '../../src/web/i18n/ar.json';
import { launchBrowser, startServer } from './harness';

// One digit style per association (issue 10 item 6, decision 014), in the Arabic UI of the demo
// association: the administrator switches it on the settings page, and the screens a supervisor opens
// then show every number — dates, counts, "١٤ يوم عمل", money — in that style only. Identifiers (file and
// request numbers, national IDs, phones) stay in Latin digits, and text a person typed keeps the digits
// they typed: "٥٠٠" in a reason is shown back as "٥٠٠" under either style.

const password = 'Wasl-demo-2026';
const emailOf = (role: string) => shaaer.staff.find((s) => s.roles.includes(role as never))!.email;

const arabicIndic = /[\u0660-\u0669]/;
const latin = /[0-9]/;
const wrongDigits = (style: DigitStyle) => (style === 'arab' ? latin : arabicIndic);
const ownDigits = (style: DigitStyle) => (style === 'arab' ? arabicIndic : latin);

/** Identifiers keep Latin digits by design (decision 014): file and request numbers, national IDs, phones. */
const identifiers = /\b[BR]-\d{6}\b|\+?\d{9,}/g;

/** Screenshots for review are written only when E2E_SCREENSHOTS names a folder. */
const shotsDir = process.env.E2E_SCREENSHOTS;
async function shot(page: Page, name: string): Promise<void> {
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 900 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(shotsDir, `digits-${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

async function signInApi(baseUrl: string, email: string): Promise<{ name: string; value: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'wasl' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const [pair] = res.headers.getSetCookie()[0]!.split(';');
  const eq = pair!.indexOf('=');
  return { name: pair!.slice(0, eq), value: pair!.slice(eq + 1) };
}

async function apiGet<T>(baseUrl: string, cookie: { name: string; value: string }, url: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${url}`, {
    headers: { cookie: `${cookie.name}=${cookie.value}`, 'x-requested-with': 'wasl' },
  });
  expect(res.status, url).toBe(200);
  return (await res.json()) as T;
}

async function signedIn(
  browser: Browser,
  baseUrl: string,
  role: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ar-SA' });
  await context.addCookies([{ ...(await signInApi(baseUrl, emailOf(role))), url: baseUrl }]);
  return { context, page: await context.newPage() };
}

/** Opens a page and waits for its data: no loader or skeleton left on screen. */
async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('main').waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () => !document.querySelector('.mantine-Loader-root, .mantine-Skeleton-root, [aria-busy="true"]'),
    null,
    { timeout: 45_000, polling: 250 },
  );
}

/** The main content's text, what a screen reader hears included (labels), identifiers left out. */
async function shownText(page: Page): Promise<string> {
  const text = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const labels = [...main.querySelectorAll('[aria-label]')].map((el) => el.getAttribute('aria-label'));
    // biome-ignore lint/performance/useDomNodeTextContent: what is rendered, line by line, is the point.
    return `${main.innerText}\n${labels.join('\n')}`;
  });
  return text.replace(identifiers, '');
}

/** Every digit on the screen is in `style`; names the lines that are not. */
async function expectOnly(page: Page, style: DigitStyle, what: string): Promise<string> {
  const text = await shownText(page);
  const wrong = text.split('\n').filter((line) => wrongDigits(style).test(line));
  expect(wrong, `${what}: lines with digits of the other style`).toEqual([]);
  expect(text, `${what} shows numbers at all`).toMatch(ownDigits(style));
  return text;
}

async function chooseStyle(page: Page, baseUrl: string, style: DigitStyle): Promise<void> {
  await open(page, `${baseUrl}/settings`);
  const option = ar.settings.digits[style].replace(
    '{{sample}}',
    style === 'arab' ? '٠١٢٣٤٥٦٧٨٩' : '0123456789',
  );
  await page.getByRole('radio', { name: option }).check();
  await page.getByRole('button', { name: ar.common.save }).click();
  await page.getByText(ar.settings.saved).waitFor();
  await shot(page, `settings-${style}`);
}

describe('one digit style per association (Arabic UI)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };
  let supervisor: { context: BrowserContext; page: Page };
  let requestId: string;
  let beneficiaryId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    admin = await signedIn(browser, server.baseUrl, 'admin');
    supervisor = await signedIn(browser, server.baseUrl, 'supervisor');
    const cookie = await signInApi(server.baseUrl, emailOf('supervisor'));
    const requests = await apiGet<{ items: { id: string; status: string; beneficiaryId: string }[] }>(
      server.baseUrl,
      cookie,
      '/requests?limit=200',
    );
    const open = requests.items.find((r) => r.status === 'in_verification') ?? requests.items[0]!;
    requestId = open.id;
    beneficiaryId = open.beneficiaryId;
  });

  // The server and its embedded PostgreSQL are this file's to stop (they outlived the run before).
  afterAll(async () => {
    await admin?.context.close().catch(() => undefined);
    await supervisor?.context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  for (const style of ['latn', 'arab'] as const) {
    it(`shows dates, counts and working days only in ${style} digits once the association chooses them`, async () => {
      await chooseStyle(admin.page, server.baseUrl, style);
      const { page } = supervisor;
      const days = (n: number) =>
        ar.services.workingDays_many.replace(
          '{{count, number}}',
          style === 'arab' ? n.toLocaleString('ar-SA-u-nu-arab') : String(n),
        );

      await open(page, `${server.baseUrl}/services`);
      const services = await expectOnly(page, style, '/services');
      expect(services).toContain(days(14));
      await shot(page, `services-${style}`);

      await open(page, `${server.baseUrl}/requests/${requestId}`);
      await expectOnly(page, style, 'the request page');
      // A date (Hijri and Gregorian, <time> elements) in the style.
      const dates = await page.locator('main time').allInnerTexts();
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date).toMatch(ownDigits(style));
      await shot(page, `request-${style}`);

      await open(page, `${server.baseUrl}/beneficiaries/${beneficiaryId}`);
      await expectOnly(page, style, 'the beneficiary profile');
    });
  }

  it('accepts Arabic-Indic digits typed or pasted in number fields, and keeps them numbers', async () => {
    // A page of its own: the unsaved form is left behind when it closes.
    const page = await admin.context.newPage();
    await open(page, `${server.baseUrl}/services/new`);
    const field = (name: string) =>
      page.getByRole('textbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
    const days = field(ar.services.fields.decisionDays);
    await days.fill('');
    await days.pressSequentially('٢١');
    await expect.poll(() => days.inputValue()).toBe('21');
    const budget = field(ar.services.fields.budgetPerPeriod);
    await budget.click();
    // As a paste or an on-screen keyboard delivers it: the whole text at once, Arabic separators included.
    await page.keyboard.insertText('١٢٬٥٠٠٫٥');
    await expect.poll(() => budget.inputValue()).toBe('12,500.5');
    await budget.blur();
    await expect.poll(() => budget.inputValue()).toBe('12,500.5');
    await shot(page, 'number-fields');
    await page.close({ runBeforeUnload: false });
  });

  it('keeps "٥٠٠" typed in a reason as "٥٠٠", also for an association writing Latin digits', async () => {
    await chooseStyle(admin.page, server.baseUrl, 'latn');
    const { page } = supervisor;
    await open(page, `${server.baseUrl}/beneficiaries/${beneficiaryId}`);
    await page.getByRole('button', { name: ar.beneficiaries.statusChange.title }).click();
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('combobox', { name: new RegExp(`^${ar.beneficiaries.statusChange.newStatus}`) })
      .click();
    await page.getByRole('option', { name: ar.beneficiaries.status.inactive, exact: true }).click();
    const reason = 'انتقلت الأسرة إلى مدينة تبعد ٥٠٠ كم';
    await dialog
      .getByRole('textbox', { name: new RegExp(`^${ar.beneficiaries.statusChange.reason}`) })
      .fill(reason);
    await dialog.getByRole('button', { name: ar.beneficiaries.statusChange.submit }).click();
    await page.getByText(ar.beneficiaries.statusChange.done).waitFor();
    const shown = ar.beneficiaries.profile.statusReason.replace('{{reason}}', reason);
    await expect.poll(() => page.getByText(shown, { exact: true }).count()).toBe(1);
    await page.reload();
    await page.getByText(shown, { exact: true }).waitFor();
    expect(await page.getByText(shown.replace('٥٠٠', '500')).count()).toBe(0);
    await shot(page, 'typed-reason-latn');
  });
});
