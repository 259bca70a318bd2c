import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard } from '../../src/shared/contracts/dashboards';
import { normalizeDigits } from '../../src/shared/digits';
import ar from '../../src/web/i18n/ar.json';
import { expectAccessible, openPage } from './browser';
import { launchBrowser, startServer } from './harness';
import { api, json, login, shot } from './ui';

// The dashboards (issue 14, item 6), in Chromium, in Arabic, on the demo data: the manager reads the
// share decided by the promised date (the same figure the rows behind it give), switches the months to
// the Hijri calendar, and opens the rows behind a number down to one request. axe-core on each screen,
// a phone's width without sideways scrolling. E2E_SCREENSHOTS=<folder> keeps the screenshots.

const password = 'Wasl-demo-2026';
const hijriMonths = /محرم|صفر|ربيع|جمادى|رجب|شعبان|رمضان|شوال|القعدة|الحجة/;

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let cookie: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  cookie = await login(server.baseUrl, 'manager@shaaer.demo', password);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function managerPage(width: number): Promise<Page> {
  const { page, context } = await openPage(browser, server.baseUrl, width, cookie);
  contexts.push(context);
  return page;
}

/** How many rows stand behind a metric of the default period (the drill-down's total). */
async function rowsBehind(metric: string): Promise<number> {
  const page = await json<{ total: number }>(
    await api(server.baseUrl, `/dashboards/drill?metric=${metric}&limit=1`, { cookie }),
  );
  return page.total;
}

const shareText = (page: Page) => page.getByTestId('promise-share').textContent();
const trendTable = (page: Page) => page.getByRole('table', { name: ar.dashboards.trend.caption });
const firstMonth = (page: Page) => trendTable(page).locator('tbody th').first().textContent();

describe('the dashboard', () => {
  it('shows the manager the share decided on time, Hijri months, and the rows behind a number', async () => {
    // The share, worked out from the rows behind it, not from the figure the page shows.
    const decided = await rowsBehind('decided');
    const within = await rowsBehind('within_promise');
    expect(decided).toBeGreaterThan(0);
    const expectedPercent = Math.round((within / decided) * 100);
    const overview = await json<Dashboard>(await api(server.baseUrl, '/dashboards/overview', { cookie }));
    expect(overview.requests?.promise).toMatchObject({ decided, withinPromise: within });

    const page = await managerPage(1280);
    await page.goto(`${server.baseUrl}/dashboards`);
    await page.getByRole('heading', { level: 1, name: ar.dashboards.title }).waitFor();
    await page.getByTestId('promise-share').waitFor();
    const shown = (await shareText(page)) ?? '';
    expect(normalizeDigits(shown).replace(/\D/g, '')).toBe(String(expectedPercent));
    // In the association's digits (the demo associations keep the default: Arabic-Indic).
    expect(shown).toMatch(/[٠-٩]/);
    // Charts drawn by @mantine/charts, and the same figures as a table for screen readers.
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.locator('.recharts-line-curve').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'dashboard');
    await shot(page, 'dashboards-manager-desktop');

    // Months of the Gregorian calendar first (the API's default); Hijri on request, kept in the address.
    const gregorian = (await firstMonth(page)) ?? '';
    expect(gregorian).not.toMatch(hijriMonths);
    await page.getByText(ar.period.calendars.hijri, { exact: true }).click();
    await expect.poll(() => page.url()).toContain('calendar=hijri');
    await expect.poll(async () => (await firstMonth(page)) ?? '', { timeout: 15_000 }).toMatch(hijriMonths);
    // The downloads carry the same query: the sheet holds the figures on screen.
    const href = await page.getByRole('link', { name: ar.dashboards.export.xlsx }).getAttribute('href');
    expect(href).toMatch(/^\/api\/v1\/dashboards\/overview\/export\.xlsx\?.*calendar=hijri/);
    const sheet = await api(server.baseUrl, href!.replace('/api/v1', ''), { cookie });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('content-type')).toContain('spreadsheetml');

    // The number of requests submitted opens them, each one a link to its request.
    await page
      .getByRole('button', { name: new RegExp(`${ar.dashboards.kpi.submitted}: عرض السجلات$`) })
      .click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('link').first().waitFor();
    expect(page.url()).toContain('metric=submitted');
    await expectAccessible(page, 'drill-down');
    await shot(page, 'dashboards-drill-desktop', false);
    const link = drawer.getByRole('link').first();
    const number = ((await link.textContent()) ?? '').trim();
    await link.click();
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: number }).first().waitFor();
  });

  it('fits a phone’s width, in Hijri months, with the same share', async () => {
    const page = await managerPage(360);
    await page.goto(`${server.baseUrl}/dashboards?calendar=hijri`);
    await page.getByTestId('promise-share').waitFor();
    await expect.poll(async () => (await firstMonth(page)) ?? '').toMatch(hijriMonths);
    // Nothing wider than the screen: no sideways scrolling.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'dashboard at 360 px');
    await shot(page, 'dashboards-manager-phone');
  });
});
