import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrSociety } from '../../src/server/demo/demo-data';
import ar from '../../src/web/i18n/ar.json';
import portalAr from '../../src/web/portal/i18n/ar.json';
import { launchBrowser, startServer } from './harness';
import { label, shot } from './ui';

// Satisfaction measured as a right (issue 13), in Chromium, in Arabic, on the demo data: a visitor rates
// the service with faces at the counter's kiosk (a 1280 px tablet), which thanks and resets for the next
// person; the quality officer reads the trend chart and creates an improvement action, words it as
// «قلتم، فعلنا» and publishes it; the portal shows it to anyone, without sign-in. axe-core on each screen.

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const axeSource = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const password = 'Wasl-demo-2026';
const staff = (email: string) => hrSociety.staff.find((s) => s.email === email)!;
const relations = staff('relations@hrsociety.demo');
const quality = staff('quality@hrsociety.demo');
const action = {
  title: 'تحسين صالة الانتظار (إجراء داخلي)',
  said: 'ننتظر طويلًا عند الاستقبال ولا توجد مقاعد كافية.',
  did: 'أضفنا نافذة لكبار السن وعشرة مقاعد في صالة الانتظار.',
};

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await server?.stop();
});

async function signInApi(email: string): Promise<string> {
  const res = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'wasl' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function kioskAnswers(cookie: string): Promise<number> {
  const res = await fetch(`${server.baseUrl}/api/v1/survey-results?channel=kiosk`, {
    headers: { cookie, 'x-requested-with': 'wasl' },
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { summary: { answers: number } }).summary.answers;
}

async function newPage(width: number, cookie?: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ar-SA' });
  contexts.push(context);
  if (cookie) {
    const url = new URL(server.baseUrl);
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/' };
      }),
    );
  }
  return context.newPage();
}

/** axe-core over the screen: no serious or critical violation (WCAG 2.0–2.2 A/AA and best practices). */
async function audit(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 30_000 });
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, injected above
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'],
      },
      resultTypes: ['violations'],
    });
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map(
      (v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => n.target.join(' ')) }),
    );
  });
  const failing = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(failing, `${name}: ${JSON.stringify(failing, null, 1)}`).toEqual([]);
}

describe('satisfaction measured, improvement shown', () => {
  it('lets a visitor rate the service with faces at the counter kiosk, then resets for the next one', async () => {
    const qualityCookie = await signInApi(quality.email);
    const before = await kioskAnswers(qualityCookie);
    const page = await newPage(1280, await signInApi(relations.email));
    await page.goto(`${server.baseUrl}/kiosk`);
    const welcome = page.getByRole('heading', { level: 1, name: portalAr.kiosk.welcome });
    await welcome.waitFor();
    await audit(page, 'kiosk waiting');
    await page.getByRole('button', { name: portalAr.kiosk.start }).click();
    await page.getByRole('heading', { level: 1, name: portalAr.kiosk.surveyTitle }).waitFor();
    // Five faces, each named by words (not a picture) for screen readers.
    for (const level of [1, 2, 3, 4, 5] as const)
      await expect(
        page.getByRole('radio', { name: portalAr.survey[`level${level}`], exact: true }).count(),
      ).resolves.toBe(1);
    // Sending without choosing says what is missing, and sends nothing.
    await page.getByRole('button', { name: portalAr.survey.submit }).click();
    await page.getByText(portalAr.survey.errors.REQUIRED).waitFor();
    await page.getByRole('radio', { name: portalAr.survey.level5, exact: true }).check();
    await page.getByLabel(/ملاحظاتك/).fill('استقبال لطيف وسريع');
    await audit(page, 'kiosk survey');
    await shot(page, 'kiosk-survey-desktop');
    await page.getByRole('button', { name: portalAr.survey.submit }).click();
    await page.getByRole('heading', { level: 1, name: portalAr.survey.thanks }).waitFor();
    await audit(page, 'kiosk thanks');
    expect(await kioskAnswers(qualityCookie)).toBe(before + 1);
    // A few seconds later the tablet waits for the next person.
    await welcome.waitFor({ timeout: 15_000 });
  });

  it('opens an invitation link at a phone’s width without sign-in, takes the answer once', async () => {
    // A link as a message carries it: /s/<token> (a kiosk invitation's token is one like any other).
    const res = await fetch(`${server.baseUrl}/api/v1/kiosk/invitations`, {
      method: 'POST',
      headers: {
        cookie: await signInApi(relations.email),
        'x-requested-with': 'wasl',
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    const page = await newPage(360);
    await page.goto(`${server.baseUrl}/s/${token}`);
    await page.getByRole('radio', { name: portalAr.survey.level4, exact: true }).waitFor();
    await audit(page, 'survey link');
    await page.getByRole('radio', { name: portalAr.survey.level4, exact: true }).check();
    await shot(page, 'survey-link-phone');
    await page.getByRole('button', { name: portalAr.survey.submit }).click();
    await page.getByRole('heading', { level: 1, name: portalAr.survey.thanks }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: portalAr.survey.link.answered }).waitFor();
    await audit(page, 'survey link answered');
  });

  it('shows the quality officer the trend, and publishes an improvement action to the portal', async () => {
    const page = await newPage(1280, await signInApi(quality.email));
    await page.goto(`${server.baseUrl}/surveys/results`);
    await page.getByRole('heading', { level: 1, name: ar.surveys.results.title }).waitFor();
    // The chart (drawn by @mantine/charts) and the same figures as a table for screen readers.
    await page.locator('.recharts-surface').first().waitFor();
    expect(await page.locator('.recharts-line-curve').count()).toBeGreaterThan(0);
    await expect(page.getByRole('table', { name: ar.surveys.results.trendCaption }).count()).resolves.toBe(1);
    await audit(page, 'results');
    await shot(page, 'surveys-results-quality');

    // A low score's comment leads to a new action, born of it, for its service.
    await page.getByRole('link', { name: ar.surveys.comments.improve }).first().click();
    const dialog = page.getByRole('dialog');
    await expect(
      dialog.getByRole('combobox', { name: label(ar.improvements.fields.source) }).inputValue(),
    ).resolves.toBe(ar.improvements.source.low_score);
    await dialog.getByLabel(label(ar.improvements.fields.title)).fill(action.title);
    await dialog.getByRole('button', { name: ar.improvements.create }).click();
    await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
    await page.getByLabel(ar.improvements.wording.saidAr).fill(action.said);
    await page.getByLabel(ar.improvements.wording.didAr).fill(action.did);
    await page.getByRole('switch', { name: ar.improvements.wording.publishSwitch }).click({ force: true });
    // Publishing is confirmed first: everyone will see it.
    await page.getByRole('dialog').getByRole('button', { name: ar.improvements.wording.publish }).click();
    await expect
      .poll(() => page.getByRole('switch', { name: ar.improvements.wording.publishSwitch }).isChecked())
      .toBe(true);
    await audit(page, 'improvement action');

    // The portal, at a phone's width, without signing in.
    const visitor = await newPage(360);
    await visitor.goto(`${server.baseUrl}/p/${hrSociety.slug}/you-said-we-did`);
    await visitor.getByRole('heading', { level: 1, name: portalAr.youSaid.title }).waitFor();
    await visitor.getByText(action.did).waitFor();
    await expect(visitor.getByText(action.said).count()).resolves.toBe(1);
    // The staff member's words only: the action's title is internal.
    await expect(visitor.getByText(action.title).count()).resolves.toBe(0);
    await audit(visitor, 'you said, we did');
    await shot(visitor, 'portal-you-said-we-did-phone');
  });
});
