import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

// What the browser journeys share: the API as the web client calls it, signing in, finding fields by
// their Arabic label, and screenshots for review.

/** 1×1 transparent PNG, for document uploads. */
export const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** A call to /api/v1 as the web client makes it (JSON or multipart, with the CSRF header). */
export function api(
  baseUrl: string,
  pathname: string,
  init: { method?: string; body?: unknown; cookie?: string } = {},
): Promise<Response> {
  const isForm = init.body instanceof FormData;
  return fetch(`${baseUrl}/api/v1${pathname}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.body !== undefined && !isForm ? { 'content-type': 'application/json' } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      'x-requested-with': 'wasl', // as the web client: the CSRF check wants it on non-JSON writes
    },
    body: init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
  });
}

/** Signs in through the API and returns the session cookie header. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await api(baseUrl, '/auth/login', { method: 'POST', body: { email, password } });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** A label, followed by the required-field asterisk or not. */
export function label(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
}

/** Picks `option` in the select labelled `field`. */
export async function choose(page: Page, field: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label(field) }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Screenshots for review are written only when E2E_SCREENSHOTS names a folder. */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const shotsDir = process.env.E2E_SCREENSHOTS;
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  // Let the passing notices close so they do not cover the page.
  await page
    .waitForFunction(() => !document.querySelector('.mantine-Notification-root'), null, { timeout: 15_000 })
    .catch(() => undefined);
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shotsDir, `${name}.png`), fullPage });
}

/** The body of an answer with the expected status, or an error that shows what came instead. */
export async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/**
 * Registers a person ready to file a request, as the relations officer (`cookie`) does at the counter:
 * the profile, a valid national ID document, and the declaration signed in person.
 */
export async function registerReadyBeneficiary<T extends { id: string }>(
  baseUrl: string,
  cookie: string,
  person: unknown,
): Promise<T> {
  const beneficiary = await json<T>(
    await api(baseUrl, '/beneficiaries', { method: 'POST', cookie, body: person }),
    201,
  );
  const form = new FormData();
  form.append('type', 'national_id');
  form.append('expiryDate', '2030-01-01');
  form.append('file', new Blob([png], { type: 'image/png' }), 'id.png');
  await json(
    await api(baseUrl, `/beneficiaries/${beneficiary.id}/documents`, { method: 'POST', cookie, body: form }),
    201,
  );
  const text = await json<{ version: number }>(await api(baseUrl, '/declaration-text', { cookie }));
  await json(
    await api(baseUrl, `/beneficiaries/${beneficiary.id}/declarations`, {
      method: 'POST',
      cookie,
      body: {
        method: 'drawn',
        textVersion: text.version,
        signatureImage: `data:image/png;base64,${png.toString('base64')}`,
        agreed: true,
        channel: 'in_person',
      },
    }),
    201,
  );
  return beneficiary;
}
