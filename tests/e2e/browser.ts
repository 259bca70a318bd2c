import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { repoRoot } from '../support/server-process';

// What a browser journey needs besides the server: a page at a width, signed in with an API session's
// cookie, and axe-core over what it shows. (New journeys use these; the older ones keep their own copies.)

const axeSource = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');

/** A page of its own context at `width` px, in Arabic, carrying `cookie` (from `login`) when given. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  width: number,
  cookie?: string,
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'ar-SA' });
  if (cookie) {
    const { hostname } = new URL(baseUrl);
    await context.addCookies(
      cookie.split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: hostname, path: '/' };
      }),
    );
  }
  return { page: await context.newPage(), context };
}

/** axe-core over the screen once settled: no serious or critical violation (WCAG 2.0–2.2 A/AA, best practices). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 30_000 });
  // A drawer or dialog sliding in is half transparent: axe would measure the contrast of a frame in between.
  await page.evaluate(() =>
    Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined))),
  );
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
