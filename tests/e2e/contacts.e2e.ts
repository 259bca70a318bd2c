import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrSociety } from '../../src/server/demo/demo-data';
import ar from '../../src/web/i18n/ar.json';
import { launchBrowser, startServer } from './harness';

// Every channel answered (issue 12), in Chromium at a phone's width, in Arabic, on the demo data: a
// relations officer logs a WhatsApp inquiry for a beneficiary, picks the approved answer the knowledge
// base suggests while the question is typed, and sends it; the supervisor (the social research officer)
// answers a referral from the inbox; the beneficiary's timeline then shows the inquiry with its answer,
// the referral's answer and the message with its true status.

const password = 'Wasl-demo-2026';
const staff = (email: string) => hrSociety.staff.find((s) => s.email === email)!;
const officer = staff('relations@hrsociety.demo');
const supervisor = staff('research-officer@hrsociety.demo');
// The demo's second case: a request with an open referral to the supervisor.
const person = 'محمد سعيد علي الغامدي';
const article = {
  questionAr: 'ما المستندات المطلوبة لخدمة مساعدة الإيجار؟',
  answerAr: 'صورة الهوية الوطنية وعقد الإيجار الساري، ويُستكمل الباقي عند الزيارة.',
};

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ demo: true });
  browser = await launchBrowser();
  await keepQuietHoursAway();
  // The approved answer the officer will be offered: written and approved by the supervisor.
  const cookie = await signInApi(supervisor.email);
  const draft = await api<{ id: string }>(cookie, '/knowledge', { ...article, category: 'الخدمات' });
  await api(cookie, `/knowledge/${draft.id}/approve`, {});
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function signInApi(email: string) {
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

/**
 * Messages written in the association's quiet hours wait until they end (21:00–08:00 by default): the
 * answer's message would stay "queued" whenever this file runs at night. Its quiet hours are moved to a
 * window that starts six hours from now, whatever the time of day the tests run at.
 */
async function keepQuietHoursAway() {
  const cookie = await signInApi('admin@hrsociety.demo');
  const res = await fetch(`${server.baseUrl}/api/v1/organizations/current`, { headers: { cookie } });
  const { slug: _slug, ...settings } = (await res.json()).settings;
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: settings.timeZone,
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date()),
  );
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  const patched = await fetch(`${server.baseUrl}/api/v1/organizations/current`, {
    method: 'PATCH',
    headers: { cookie, 'x-requested-with': 'wasl', 'content-type': 'application/json' },
    body: JSON.stringify({
      settings: {
        ...settings,
        messaging: { ...settings.messaging, quietHours: { start: at(hour + 6), end: at(hour + 7) } },
      },
    }),
  });
  if (!patched.ok) throw new Error(`quiet hours: ${patched.status} ${await patched.text()}`);
}

async function api<T>(cookie: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.baseUrl}/api/v1${url}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, 'x-requested-with': 'wasl', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(email: string, fullName: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ar-SA' });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/sign-in`);
  await page.getByLabel(exactly(ar.fields.email)).fill(email);
  await page.getByLabel(exactly(ar.fields.password)).fill(password);
  await page.getByRole('button', { name: ar.signIn.submit, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: fill(ar.home.welcome, { name: fullName }) }).waitFor();
  return page;
}

describe('every channel answered', () => {
  let inquiryUrl = '';

  it('a relations officer logs a WhatsApp inquiry, uses the suggested approved answer and sends it', async () => {
    const page = await signIn(officer.email, officer.fullName);
    await page.goto(`${server.baseUrl}/inquiries/new`);
    await page.getByRole('heading', { level: 1, name: ar.inquiries.form.title }).waitFor();

    await page.getByRole('combobox', { name: exactly(ar.inquiries.form.channel) }).click();
    await page.getByRole('option', { name: 'واتساب', exact: true }).click();
    const who = page.getByRole('combobox', { name: exactly(ar.inquiries.form.findPerson) });
    await who.fill('محمد سعيد الغامدي');
    await page
      .getByRole('option', { name: new RegExp(person) })
      .first()
      .click();

    // Typed as people type: without hamza, ه for ة — the approved answer is still suggested.
    await page
      .getByRole('textbox', { name: exactly(ar.inquiries.form.question) })
      .fill('ايش المستندات المطلوبه لمساعده الايجار');
    const use = page.getByRole('button', {
      name: fill(ar.inquiries.suggestions.useFor, { question: article.questionAr }),
    });
    await use.waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: ar.inquiries.form.submit, exact: true }).click();
    await page.waitForURL(/\/inquiries\/[0-9a-f-]{36}$/);
    inquiryUrl = page.url();

    await page
      .getByRole('button', { name: fill(ar.inquiries.suggestions.useFor, { question: article.questionAr }) })
      .click();
    const answer = page.getByRole('textbox', { name: exactly(ar.inquiries.answerForm.label) });
    await expect.poll(() => answer.inputValue()).toBe(article.answerAr);
    await page.getByRole('button', { name: ar.inquiries.answerForm.send, exact: true }).click();

    // The message's status is the outbox's own: with no WhatsApp gateway configured, recorded, not "sent".
    const status = page.getByTestId('answer-message-status');
    await status.waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => status.locator('[data-status]').getAttribute('data-status'), { timeout: 15_000 })
      .toBe('recorded');
    await expect.poll(() => status.textContent()).toContain(ar.inquiries.message.recorded);
    await page.context().close();
  });

  it('the supervisor answers the referral from the inbox', async () => {
    const page = await signIn(supervisor.email, supervisor.fullName);
    await page.goto(`${server.baseUrl}/referrals`);
    await page.getByRole('heading', { level: 1, name: ar.referrals.title }).waitFor();
    const card = page.getByRole('listitem').filter({ hasText: person });
    await card
      .getByRole('textbox', { name: exactly(ar.referrals.answerLabel) })
      .fill('نعم، يشملهم الدعم ما داموا يقيمون معها ويُثبت ذلك كتاب العمدة.');
    await card.getByRole('button', { name: ar.referrals.send, exact: true }).click();
    await page.getByText(ar.referrals.empty.assigned.open).waitFor({ timeout: 15_000 });
    await page.context().close();
  });

  it('the beneficiary’s timeline shows the inquiry with its answer, the message and the referral’s answer', async () => {
    expect(inquiryUrl).not.toBe('');
    const page = await signIn(officer.email, officer.fullName);
    await page.goto(inquiryUrl);
    await page
      .getByRole('link', { name: new RegExp(person) })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: person }).waitFor();
    await page.getByRole('tab', { name: ar.beneficiaries.tabs.timeline }).click();
    const timeline = page.getByRole('tabpanel', { name: ar.beneficiaries.tabs.timeline });
    await timeline
      .getByText(ar.beneficiaries.timeline.kinds.inquiry, { exact: true })
      .first()
      .waitFor({ timeout: 15_000 });
    await expect.poll(() => timeline.textContent()).toContain(article.answerAr);
    await expect
      .poll(() => timeline.textContent())
      .toContain(ar.beneficiaries.timeline.kinds.referral_answer);
    await expect.poll(() => timeline.textContent()).toContain('يشملهم الدعم');
    await expect.poll(() => timeline.textContent()).toContain(ar.outbox.statuses.recorded);
    // The group filter keeps the contacts only.
    await page.getByText(ar.beneficiaries.timeline.groups.contacts, { exact: true }).click();
    await expect
      .poll(() => timeline.textContent())
      .not.toContain(ar.beneficiaries.timeline.kinds.referral_answer);
    await page.context().close();
  });
});
