import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSaudiMobileLocal, normalizeSaudiMobile } from '../../src/shared/saudi/phone';
import ar from '../../src/web/i18n/ar.json';
import { beneficiaryInput } from '../support/beneficiary-factory';
import { launchBrowser, startServer } from './harness';
import { api, json, label, login, registerReadyBeneficiary, shot } from './ui';

// Verification from the request (issue 10, item 5) through the Arabic UI: a supervisor adds a field
// visit — which the service did not plan — from the request page, with the keyboard, for a researcher
// and by a day; the researcher finds it on a phone under their tasks with the beneficiary's name,
// district and phone. The request's history reads in words: a referral is a sentence, not `refer`
// with «مقدم → مقدم».

const password = 'journey-pass-2024';
const admin = { fullName: 'سارة العتيبي', email: 'admin@noor.org.sa', password: 'correct-horse-battery-1' };
const officer = { fullName: 'خالد الحربي', email: 'khaled@noor.org.sa', password };
const supervisor = { fullName: 'هند القحطاني', email: 'hind@noor.org.sa', password };
const researcher = { fullName: 'نورة السبيعي', email: 'noura@noor.org.sa', password };

/** Today in Riyadh plus `days`, as the date field takes it. */
function riyadhDay(days: number): string {
  return new Date(Date.now() + 3 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describe('verification added from the request page (Arabic UI)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;
  let requestId: string;
  let requestNumber: string;
  const person = beneficiaryInput({ district: 'حي الشاطئ', city: 'جدة' }) as ReturnType<
    typeof beneficiaryInput
  > & { fullNameAr: string; phone: string };
  const cookies: Record<string, string> = {};

  async function contextFor(
    email: string,
    viewport: { width: number; height: number },
  ): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, locale: 'ar-SA' });
    await context.addCookies(
      (cookies[email] ?? '')
        .split('; ')
        .filter(Boolean)
        .map((pair) => {
          const at = pair.indexOf('=');
          return { name: pair.slice(0, at), value: pair.slice(at + 1), url: server.baseUrl };
        }),
    );
    return context;
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const base = server.baseUrl;
    await json(
      await api(base, '/setup', {
        method: 'POST',
        body: { organization: { nameAr: 'جمعية النور', nameEn: 'Al-Noor Association' }, admin },
      }),
      201,
    );
    const adminCookie = await login(base, admin.email, admin.password);
    for (const [user, roles] of [
      [officer, ['relations_officer']],
      [supervisor, ['supervisor']],
      [researcher, ['researcher']],
    ] as const) {
      await json(
        await api(base, '/users', { method: 'POST', cookie: adminCookie, body: { ...user, roles } }),
        201,
      );
      cookies[user.email] = await login(base, user.email, user.password);
    }
    // A food basket checks documents only: no interview, no field visit.
    const service = await json<{ id: string }>(
      await api(base, '/services', {
        method: 'POST',
        cookie: adminCookie,
        body: {
          nameAr: 'سلة غذائية',
          nameEn: 'Food basket',
          requiredDocuments: ['national_id'],
          verification: ['documents'],
          decisionDays: 14,
        },
      }),
      201,
    );
    const oc = cookies[officer.email] ?? '';
    const beneficiary = await registerReadyBeneficiary<{ id: string }>(base, oc, person);
    const request = await json<{ id: string; number: string }>(
      await api(base, '/requests', {
        method: 'POST',
        cookie: oc,
        body: { beneficiaryId: beneficiary.id, serviceId: service.id, channel: 'in_person' },
      }),
      201,
    );
    requestId = request.id;
    requestNumber = request.number;
    // The clerk refers the submitted case to the supervisor (the event the history showed as `refer`).
    const supervisorId = (
      await json<{ user: { id: string } }>(await api(base, '/auth/me', { cookie: cookies[supervisor.email] }))
    ).user.id;
    await json(
      await api(base, `/requests/${requestId}/referrals`, {
        method: 'POST',
        cookie: oc,
        body: { reason: 'هل تُقبل أسرة بلا عائل مقيم؟', assigneeId: supervisorId, dueInDays: 3 },
      }),
      201,
    );
    for (const action of ['start_review', 'start_verification']) {
      await json(
        await api(base, `/requests/${requestId}/transitions`, {
          method: 'POST',
          cookie: oc,
          body: { action },
        }),
      );
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('adds a field visit from the request page; the researcher sees it with name, district and phone', async () => {
    const base = server.baseUrl;
    const dueOn = riyadhDay(3);

    // 1. The supervisor, on a phone, opens the request and adds a field visit with the keyboard.
    const sc = await contextFor(supervisor.email, { width: 360, height: 800 });
    const page = await sc.newPage();
    await page.goto(`${base}/requests/${requestId}`);
    const section = page.getByRole('region', { name: ar.requests.verification.title });
    await section.getByTestId('verification-documents').waitFor();
    expect(await section.getByTestId('verification-field_visit').count()).toBe(0);
    const add = section.getByRole('button', { name: ar.requests.addTask.button });
    await add.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', {
      name: ar.requests.addTask.title.replace('{{number}}', requestNumber),
    });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: ar.requests.mechanisms.field_visit }).check();
    const assignee = dialog.getByRole('combobox', { name: label(ar.requests.addTask.assignee) });
    await assignee.focus();
    await page.keyboard.type('نورة');
    await page.getByRole('option', { name: researcher.fullName }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await assignee.inputValue()).toBe(researcher.fullName);
    // A day before today is refused in words before anything is sent.
    const due = dialog.getByLabel(label(ar.requests.addTask.dueOn));
    await due.fill('2020-01-01');
    await dialog.getByRole('button', { name: ar.requests.addTask.submit }).focus();
    await page.keyboard.press('Enter');
    await dialog.getByText('التاريخ قبل اليوم').waitFor();
    await due.fill(dueOn);
    await shot(page, 'verification-add-task-phone', false);
    await dialog.getByRole('button', { name: ar.requests.addTask.submit }).focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });

    const visit = section.getByTestId('verification-field_visit');
    await visit.waitFor();
    await visit
      .getByText(ar.requests.verification.assignedTo.replace('{{name}}', researcher.fullName))
      .waitFor();
    await visit.getByText(ar.requests.verification.dueOn).waitFor();

    // 2. The history reads in words: the referral and the added visit are sentences, no codes, no «X → X».
    const history = page.getByRole('region', { name: ar.requests.page.history });
    await history
      .getByText(ar.requests.history.events.refer.replace('{{name}}', supervisor.fullName))
      .waitFor();
    await history
      .getByText(ar.requests.history.events.add_field_visit.replace('{{name}}', researcher.fullName))
      .waitFor();
    await history.getByText('هل تُقبل أسرة بلا عائل مقيم؟').waitFor();
    await shot(page, 'verification-request-added-phone');
    const historyText = await history.textContent();
    expect(historyText).not.toMatch(/\brefer\b|add_field_visit|start_review/);
    expect(historyText).not.toContain('→');
    // The referral did not change the status, so its event says nothing about a status.
    const referralEvent = history
      .getByTestId('history-event')
      .filter({ hasText: ar.requests.history.events.refer.replace('{{name}}', supervisor.fullName) });
    expect(await referralEvent.textContent()).not.toContain('تغيّرت الحالة');
    // A real change says from what to what, in words.
    await history
      .getByText(
        ar.requests.history.statusChanged
          .replace('{{from}}', ar.requests.status.submitted)
          .replace('{{to}}', ar.requests.status.under_review),
      )
      .waitFor();
    await sc.close();

    // 3. The researcher, on a phone, finds the visit among their tasks, naming the person.
    const rc = await contextFor(researcher.email, { width: 360, height: 800 });
    const phone = await rc.newPage();
    await phone.goto(`${base}/verifications`);
    await phone.getByRole('heading', { level: 1, name: ar.verification.tasks.title }).waitFor();
    expect(await phone.getByRole('heading', { level: 1 }).count()).toBe(1);
    const mine = phone.getByRole('list', { name: ar.verification.tasks.mineTitle });
    const card = mine.getByRole('listitem').filter({ hasText: ar.verification.mechanisms.field_visit });
    await card.waitFor();
    await card.getByText(person.fullNameAr, { exact: true }).waitFor();
    await card.getByText(/حي الشاطئ، جدة/).waitFor();
    await card
      .getByRole('link', {
        name: ar.verification.tasks.call
          .replace('{{name}}', person.fullNameAr)
          .replace('{{phone}}', formatSaudiMobileLocal(person.phone)),
      })
      .waitFor();
    expect(await card.getByRole('link', { name: /^اتصال/ }).getAttribute('href')).toBe(
      `tel:${normalizeSaudiMobile(person.phone)}`,
    );
    await card.getByText(ar.verification.tasks.dueOn).waitFor();
    await card.getByText(requestNumber).waitFor();

    // The document check nobody has taken waits below, without the phone; the visit is not offered.
    const open = phone.getByRole('list', { name: ar.verification.tasks.queueTitle });
    const offered = open.getByRole('listitem').filter({ hasText: requestNumber });
    await offered.filter({ hasText: ar.verification.mechanisms.documents }).waitFor();
    expect(await offered.count()).toBe(1);
    expect(await open.textContent()).not.toContain(formatSaudiMobileLocal(person.phone));
    await shot(phone, 'verification-tasks-phone');

    // Taking it moves it to my list; the list of tasks nobody has taken then says it is empty.
    await offered
      .getByRole('button', {
        name: ar.verification.tasks.takeNamed
          .replace('{{task}}', ar.verification.mechanisms.documents)
          .replace('{{name}}', person.fullNameAr),
      })
      .click();
    await mine.getByRole('listitem').filter({ hasText: ar.verification.mechanisms.documents }).waitFor();
    await phone.getByText(ar.verification.tasks.queueEmpty).waitFor();
    await phone.setViewportSize({ width: 1280, height: 800 });
    await shot(phone, 'verification-tasks-desktop');
    await rc.close();
  }, 120_000);
});
