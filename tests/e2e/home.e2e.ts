import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hrSociety, shaaer } from '../../src/server/demo/demo-data';
import ar from '../../src/web/i18n/ar.json';
import { repoRoot } from '../support/server-process';
import { launchBrowser, startServer } from './harness';

// Each role's home page is its work (issue 10): on the demo associations, with what staff add in a
// working day (a referral, an assigned task, a committee session), each role signs in through the
// Arabic UI at a phone's width, sees its own sections, and a link on it leads to the item.
// E2E_SCREENSHOTS=<folder> keeps a full-page screenshot of each home (docs/screenshots/home-*-phone.png).

const password = 'Wasl-demo-2026';
const axeSource = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const shotsDir = process.env.E2E_SCREENSHOTS;

const account = (spec: typeof shaaer, email: string) => spec.staff.find((s) => s.email === email)!;
const people = {
  clerk: account(shaaer, 'relations@shaaer.demo'),
  supervisor: account(shaaer, 'supervisor@shaaer.demo'),
  researcher: account(shaaer, 'researcher@shaaer.demo'),
  service: account(shaaer, 'service@shaaer.demo'),
  manager: account(shaaer, 'manager@shaaer.demo'),
  admin: account(shaaer, 'admin@shaaer.demo'),
  quality: account(shaaer, 'quality@shaaer.demo'),
  auditor: account(shaaer, 'auditor@shaaer.demo'),
  chair: account(hrSociety, 'committee-chair@hrsociety.demo'),
  member: account(hrSociety, 'committee@hrsociety.demo'),
  researchOfficer: account(hrSociety, 'research-officer@hrsociety.demo'),
};
type Who = keyof typeof people;

// ---- the API, as staff would use it, for what a working day adds to the demo data ----

async function signInApi(baseUrl: string, email: string) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'wasl' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const me = (await res.json()) as { user: { id: string } };
  return { cookie, userId: me.user.id };
}

async function call<T>(
  baseUrl: string,
  cookie: string,
  url: string,
  body?: unknown,
  method?: string,
): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${url}`, {
    method: method ?? (body === undefined ? 'GET' : 'POST'),
    headers: {
      cookie,
      'x-requested-with': 'wasl',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

interface Req {
  id: string;
  number: string;
  status: string;
  beneficiaryId: string;
  beneficiaryName: string;
}

interface Day {
  referred: Req;
  verifying: Req;
  approved: Req;
  agendaItem: Req;
  sessionId: string;
  sessionTitle: string;
  taskId: string;
  /** Where the beneficiary of the request in verification lives. */
  city: string;
}

/** A referral, an assigned document check (association 1); a committee session tomorrow (association 2). */
async function workingDay(baseUrl: string): Promise<Day> {
  const clerk = await signInApi(baseUrl, people.clerk.email);
  const supervisor = await signInApi(baseUrl, people.supervisor.email);
  const researcher = await signInApi(baseUrl, people.researcher.email);
  const list = async (cookie: string, query: string) =>
    (await call<{ items: Req[] }>(baseUrl, cookie, `/requests?${query}&limit=50`)).items;
  const all = await list(clerk.cookie, 'queue=all');
  const withStatus = (items: Req[], status: string) => {
    const found = items.find((r) => r.status === status);
    if (!found) throw new Error(`no demo request in ${status}`);
    return found;
  };
  const referred = withStatus(all, 'under_review');
  await call(baseUrl, clerk.cookie, `/requests/${referred.id}/referrals`, {
    reason: 'يسأل المستفيد هل يلزم صك الإعالة مع الهوية',
    assigneeId: supervisor.userId,
  });
  const verifying = withStatus(all, 'in_verification');
  const [task] = (
    await call<{ items: { id: string }[] }>(
      baseUrl,
      supervisor.cookie,
      `/requests/${verifying.id}/verifications`,
    )
  ).items;
  await call(
    baseUrl,
    supervisor.cookie,
    `/verifications/${task!.id}`,
    { assigneeId: researcher.userId },
    'PATCH',
  );
  // A field visit the supervisor adds for the researcher, due in two days.
  await call(baseUrl, supervisor.cookie, `/requests/${verifying.id}/verifications`, {
    mechanism: 'field_visit',
    assigneeId: researcher.userId,
    dueOn: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
  });
  const { city } = await call<{ city: string }>(
    baseUrl,
    clerk.cookie,
    `/beneficiaries/${verifying.beneficiaryId}`,
  );

  const chair = await signInApi(baseUrl, people.chair.email);
  const member = await signInApi(baseUrl, people.member.email);
  const inCommittee = withStatus(await list(chair.cookie, 'queue=committee'), 'in_committee');
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setUTCHours(7, 0, 0, 0); // 10:00 in Riyadh
  const sessionTitle = 'جلسة لجنة البحث الأسبوعية';
  const session = await call<{ id: string }>(baseUrl, chair.cookie, '/committee-sessions', {
    title: sessionTitle,
    scheduledFor: tomorrow.toISOString(),
    chairId: chair.userId,
    memberIds: [member.userId],
  });
  await call(baseUrl, chair.cookie, `/committee-sessions/${session.id}/agenda`, {
    requestId: inCommittee.id,
  });
  return {
    referred,
    verifying,
    approved: withStatus(all, 'approved'),
    agendaItem: inCommittee,
    sessionId: session.id,
    sessionTitle,
    taskId: task!.id,
    city,
  };
}

// ---- the browser ----

const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

async function signIn(browser: Browser, baseUrl: string, who: Who) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 800 },
    locale: 'ar-SA',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(label(ar.fields.email)).fill(people[who].email);
  await page.getByLabel(label(ar.fields.password)).fill(password);
  await page.getByRole('button', { name: ar.signIn.submit, exact: true }).click();
  await page
    .getByRole('heading', { level: 1, name: fill(ar.home.welcome, { name: people[who].fullName }) })
    .waitFor();
  return { context, page };
}

/** The section titled `title` (a region named by its heading). */
const region = (page: Page, title: string) => page.getByRole('region', { name: title, exact: true });

/** Waits until no skeleton is left, then keeps the page as a phone screenshot when asked to. */
async function settled(page: Page, name: string) {
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Skeleton-root').length === 0, null, {
    timeout: 20_000,
  });
  if (!shotsDir) return;
  fs.mkdirSync(shotsDir, { recursive: true });
  await page.mouse.move(0, 0); // no hover left on a card
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shotsDir, `home-${name}-phone.png`), fullPage: true });
  // And at a desktop's width, for review; then back to the phone.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shotsDir, `home-${name}-desktop.png`), fullPage: true });
  await page.setViewportSize({ width: 360, height: 800 });
}

/** axe-core over the home page at this width: no critical or serious violation. */
async function expectAccessible(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, injected above
    const axe = (window as any).axe;
    // The page's own content: the app shell (header, menu, navigation) is audited with every page.
    const result = await axe.run(
      { include: [['main']] },
      {
        runOnly: {
          type: 'tag',
          values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'],
        },
        rules: { 'label-content-name-mismatch': { enabled: true }, 'target-size': { enabled: true } },
        resultTypes: ['violations'],
      },
    );
    return (result.violations as { id: string; impact: string; nodes: { target: string[] }[] }[]).map(
      (v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
  expect(violations.filter((v) => v.startsWith('critical') || v.startsWith('serious'))).toEqual([]);
}

describe('each role’s home page is its work (Arabic, 360 px)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;
  let day: Day;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ demo: true }), launchBrowser()]);
    day = await workingDay(server.baseUrl);
  }, 240_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('gives the clerk the counter: a search that opens the file, today’s requests, new intake', async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'clerk');
    try {
      const counter = region(page, ar.home.counter.title);
      await counter.getByRole('link', { name: ar.home.counter.newIntake }).waitFor();
      const today = region(page, ar.home.counter.todayTitle);
      await today.getByRole('link', { name: new RegExp(day.referred.number) }).waitFor();
      await settled(page, 'relations-officer');
      await expectAccessible(page);
      // The search finds the person by name and opens her file.
      const name = 'فاطمة أحمد عبدالله الشهري';
      await counter.getByRole('searchbox', { name: ar.home.counter.searchLabel }).fill('فاطمة الشهري');
      const results = counter.getByRole('list', { name: ar.home.counter.resultsLabel });
      await results.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(/\/beneficiaries\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: new RegExp(name) }).waitFor();
      // Back home, a request registered today opens its page.
      await page.goBack();
      await region(page, ar.home.counter.todayTitle)
        .getByRole('link', { name: new RegExp(day.referred.number) })
        .click();
      await page.waitForURL(new RegExp(`/requests/${day.referred.id}`));
      await page.getByRole('heading', { level: 1, name: new RegExp(day.referred.number) }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('gives the supervisor the referral waiting for an answer, which leads to the request', async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'supervisor');
    try {
      const referrals = region(page, ar.home.referrals.title);
      await referrals.getByText('يسأل المستفيد هل يلزم صك الإعالة مع الهوية').waitFor();
      await region(page, ar.home.overdueRequests.title).getByText(ar.home.overdueRequests.empty).waitFor();
      expect(await region(page, ar.home.counter.title).count()).toBe(0);
      await settled(page, 'supervisor');
      await expectAccessible(page);
      // The demo may hold an earlier referral on the same request: either link leads to it.
      await referrals
        .getByRole('link', { name: new RegExp(day.referred.number) })
        .first()
        .click();
      await page.waitForURL(new RegExp(`/requests/${day.referred.id}`));
      await page.getByRole('heading', { level: 1, name: new RegExp(day.referred.number) }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('gives the researcher the task with the beneficiary’s name and place, which opens the task', async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'researcher');
    try {
      const tasks = region(page, ar.home.tasks.title);
      const title = fill(ar.home.tasks.itemTitle, {
        mechanism: ar.verification.mechanisms.documents,
        name: day.verifying.beneficiaryName,
      });
      await tasks.getByRole('link', { name: title }).waitFor();
      await tasks.getByText(day.city).first().waitFor();
      await settled(page, 'researcher');
      await expectAccessible(page);
      await tasks.getByRole('link', { name: title }).click();
      await page.waitForURL(new RegExp(`/verifications/${day.taskId}`));
    } finally {
      await context.close();
    }
  });

  it('gives a committee member the next session and the case awaiting their vote', async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'member');
    try {
      const committee = region(page, ar.home.committee.title);
      await committee.getByRole('link', { name: day.sessionTitle }).waitFor();
      await committee.getByText(ar.home.committee.agenda_one).waitFor();
      const vote = committee.getByRole('link', { name: new RegExp(day.agendaItem.number) });
      await vote.waitFor();
      await settled(page, 'committee-member');
      await expectAccessible(page);
      await vote.click();
      await page.waitForURL(new RegExp(`/committee/${day.sessionId}`));
      await page.getByRole('heading', { level: 1, name: day.sessionTitle }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('gives the manager the numbers, each stage linking to its queue', async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'manager');
    try {
      const numbers = region(page, ar.home.numbers.title);
      // Demo association 1: submitted and under review (2), in verification, before the decision
      // body, approved (1 each); nothing late yet; six people registered this month.
      const review = numbers.getByRole('link', { name: new RegExp(`^${ar.requests.queues.review}`) });
      await review.waitFor();
      expect(await review.textContent()).toContain('٢');
      await numbers.getByText(ar.home.numbers.newBeneficiaries).waitFor();
      await settled(page, 'manager');
      await expectAccessible(page);
      await review.click();
      await page.waitForURL(/\/requests\?queue=review/);
    } finally {
      await context.close();
    }
  });

  it('gives the service officer the approved request waiting for delivery', async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'service');
    try {
      const delivery = region(page, ar.home.delivery.title);
      const link = delivery.getByRole('link', { name: new RegExp(day.approved.number) });
      await link.waitFor();
      await settled(page, 'service-officer');
      await link.click();
      await page.waitForURL(new RegExp(`/requests/${day.approved.id}`));
    } finally {
      await context.close();
    }
  });

  it('gives the admin the setup checklist and the quality officer and auditor what they can do', async () => {
    for (const [who, title, shot] of [
      ['admin', ar.home.setup.title, 'admin'],
      ['quality', ar.home.guide.quality_officer.title, 'quality-officer'],
      ['auditor', ar.home.guide.auditor.title, 'auditor'],
    ] as const) {
      const { context, page } = await signIn(browser, server.baseUrl, who);
      try {
        await region(page, title).waitFor();
        await settled(page, shot);
        await expectAccessible(page);
      } finally {
        await context.close();
      }
    }
  });

  it('shows a member of several roles the sections of each (research officer: supervisor and researcher)', async () => {
    const { context, page } = await signIn(browser, server.baseUrl, 'researchOfficer');
    try {
      await region(page, ar.home.referrals.title).waitFor();
      await region(page, ar.home.tasks.title).waitFor();
      await settled(page, 'supervisor-researcher');
    } finally {
      await context.close();
    }
  });
});
