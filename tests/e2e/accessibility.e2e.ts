import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shaaer } from '../../src/server/demo/demo-data';
import { type Action, can } from '../../src/shared/permissions';
import type { StaffRole } from '../../src/shared/roles';
import { repoRoot } from '../support/server-process';
import { launchBrowser, startServer } from './harness';

// Accessibility as a tested property (issue 10): every staff page each role of the first demo
// association may open, in Arabic, at a phone's and a desktop's width, with axe-core over the loaded
// page; also the open user menu, the sign-in page (refused, password shown), a missing page and the
// setup wizard. Any critical or serious violation of WCAG 2.0/2.1/2.2 A and AA (plus axe's best
// practices, label in name and target size) fails the role's test; so does a page without exactly one
// h1, two landmarks of one kind under one name, a Tab stop without a visible focus ring, or a first
// Tab stop other than the skip link. Two browser contexts work at a time (two cores).
// A11Y_REPORT=<file> writes every violation found (all impacts) as JSON; A11Y_DEBUG=1 logs each audit;
// A11Y_ROLES=manager,auditor narrows a run to those roles.

const password = 'Wasl-demo-2026';
const widths = [1280, 360] as const;
const axeSource = fs.readFileSync(path.join(repoRoot, 'node_modules/axe-core/axe.min.js'), 'utf8');
const failingImpacts = new Set(['critical', 'serious']);
const report = process.env.A11Y_REPORT;
const debug = Boolean(process.env.A11Y_DEBUG);

interface Ids {
  beneficiaryId: string;
  /** A request in verification, with an open task, and a decided one. */
  openRequestId: string;
  decidedRequestId: string;
  committeeRequestId: string;
  taskId: string;
  sessionId: string;
  serviceId: string;
  userId: string;
  /** An open inquiry (its page shows the answer form and the suggestions). */
  inquiryId: string;
  /** A complaint the manager and the quality officer may handle (its page shows every action). */
  complaintId: string;
  /** A satisfaction survey and an improvement action (created when the demo data has none). */
  surveyId: string;
  improvementId: string;
  /** A policy with a published version (the demo's seed policy, else created here). */
  policyId: string;
  /** A dispute with a beneficiary (the charter's steps; created here when the demo has none). */
  disputeId: string;
}

interface StaffPage {
  /** The route's path as src/web/app/router.tsx declares it. */
  route: string;
  path: (ids: Ids) => string;
  /** The permission the page asks for (RequirePermission); none: every role. */
  action?: Action;
}

// Every staff route of src/web/app/router.tsx (a test below keeps the two in step), with a real
// address in the demo data and the permission its page checks.
const staffPages: StaffPage[] = [
  { route: '/', path: () => '/' },
  { route: '/beneficiaries', path: () => '/beneficiaries', action: 'beneficiaries.read' },
  { route: '/beneficiaries/new', path: () => '/beneficiaries/new', action: 'beneficiaries.create' },
  {
    route: '/beneficiaries/duplicates',
    path: () => '/beneficiaries/duplicates',
    action: 'beneficiaries.review_duplicates',
  },
  {
    route: '/beneficiaries/$beneficiaryId',
    path: (ids) => `/beneficiaries/${ids.beneficiaryId}`,
    action: 'beneficiaries.read',
  },
  {
    route: '/beneficiaries/$beneficiaryId/sign',
    path: (ids) => `/beneficiaries/${ids.beneficiaryId}/sign`,
    action: 'beneficiaries.record_declaration',
  },
  { route: '/registrations', path: () => '/registrations', action: 'registrations.review' },
  { route: '/inquiries', path: () => '/inquiries', action: 'inquiries.read' },
  { route: '/inquiries/new', path: () => '/inquiries/new', action: 'inquiries.create' },
  { route: '/inquiries/$inquiryId', path: (ids) => `/inquiries/${ids.inquiryId}`, action: 'inquiries.read' },
  { route: '/knowledge', path: () => '/knowledge', action: 'knowledge.read' },
  { route: '/referrals', path: () => '/referrals', action: 'requests.read' },
  { route: '/complaints', path: () => '/complaints', action: 'complaints.read' },
  { route: '/complaints/new', path: () => '/complaints/new', action: 'complaints.create' },
  {
    route: '/complaints/$complaintId',
    path: (ids) => `/complaints/${ids.complaintId}`,
    action: 'complaints.read',
  },
  { route: '/partners', path: () => '/partners', action: 'partners.manage' },
  { route: '/campaigns', path: () => '/campaigns', action: 'campaigns.read' },
  { route: '/appointments', path: () => '/appointments', action: 'appointments.read' },
  { route: '/supporters', path: () => '/supporters', action: 'supporters.read' },
  { route: '/policies', path: () => '/policies', action: 'policies.read' },
  { route: '/policies/$policyId', path: (ids) => `/policies/${ids.policyId}`, action: 'policies.read' },
  { route: '/library', path: () => '/library', action: 'policies.read' },
  { route: '/disputes', path: () => '/disputes', action: 'disputes.read' },
  { route: '/disputes/$disputeId', path: (ids) => `/disputes/${ids.disputeId}`, action: 'disputes.read' },
  { route: '/requests', path: () => '/requests', action: 'requests.read' },
  { route: '/requests/new', path: () => '/requests/new', action: 'requests.create' },
  { route: '/requests/$requestId', path: (ids) => `/requests/${ids.openRequestId}`, action: 'requests.read' },
  {
    route: '/requests/$requestId',
    path: (ids) => `/requests/${ids.decidedRequestId}`,
    action: 'requests.read',
  },
  {
    route: '/requests/$requestId/assessment',
    path: (ids) => `/requests/${ids.committeeRequestId}/assessment`,
    action: 'verification.read',
  },
  { route: '/verifications', path: () => '/verifications', action: 'verification.work' },
  // As the app links to it: through its request (a task not among my own is found there).
  {
    route: '/verifications/$taskId',
    path: (ids) => `/verifications/${ids.taskId}?requestId=${ids.openRequestId}`,
    action: 'verification.read',
  },
  { route: '/committee', path: () => '/committee', action: 'committee.read' },
  { route: '/committee/$sessionId', path: (ids) => `/committee/${ids.sessionId}`, action: 'committee.read' },
  { route: '/services', path: () => '/services', action: 'services.read' },
  { route: '/services/new', path: () => '/services/new', action: 'services.manage' },
  { route: '/services/$serviceId', path: (ids) => `/services/${ids.serviceId}`, action: 'services.manage' },
  {
    route: '/services/$serviceId/rules',
    path: (ids) => `/services/${ids.serviceId}/rules`,
    action: 'rules.manage',
  },
  { route: '/rules', path: () => '/rules', action: 'rules.manage' },
  { route: '/users', path: () => '/users', action: 'users.list' },
  { route: '/users/new', path: () => '/users/new', action: 'users.create' },
  { route: '/users/$userId', path: (ids) => `/users/${ids.userId}`, action: 'users.list' },
  { route: '/settings', path: () => '/settings', action: 'organization.update' },
  { route: '/audit', path: () => '/audit', action: 'audit.list' },
  { route: '/outbox', path: () => '/outbox', action: 'outbox.list' },
  // The platform operator's page: no role's action; other staff see its refusal (issue 14).
  { route: '/platform', path: () => '/platform' },
  { route: '/surveys', path: () => '/surveys', action: 'surveys.read' },
  { route: '/surveys/new', path: () => '/surveys/new', action: 'surveys.manage' },
  { route: '/surveys/results', path: () => '/surveys/results', action: 'surveys.results' },
  { route: '/dashboards', path: () => '/dashboards', action: 'dashboards.read' },
  { route: '/surveys/$surveyId', path: (ids) => `/surveys/${ids.surveyId}`, action: 'surveys.read' },
  { route: '/improvement-actions', path: () => '/improvement-actions', action: 'improvements.read' },
  {
    route: '/improvement-actions/$actionId',
    path: (ids) => `/improvement-actions/${ids.improvementId}`,
    action: 'improvements.read',
  },
];

/** Pages audited outside the staff list: before setup, and before signing in. */
const publicRoutes = ['/setup', '/sign-in'];

interface Finding {
  rule: string;
  impact: string;
  help: string;
  page: string;
  role: string;
  width: number;
  targets: string[];
}

// ---------------------------------------------------------------------------------------------------
// The API, as a signed-in staff member (to pick real ids from the demo data and prepare a session).

interface Session {
  cookie: { name: string; value: string };
  userId: string;
}

async function signInApi(baseUrl: string, email: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-requested-with': 'wasl' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const setCookie = res.headers.getSetCookie().find((c) => c.includes('='));
  if (!setCookie) throw new Error(`sign-in of ${email} set no cookie`);
  const [pair] = setCookie.split(';');
  const eq = pair!.indexOf('=');
  const body = (await res.json()) as { user: { id: string } };
  return { cookie: { name: pair!.slice(0, eq), value: pair!.slice(eq + 1) }, userId: body.user.id };
}

async function api<T>(
  baseUrl: string,
  session: Session,
  url: string,
  body?: unknown,
  method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      cookie: `${session.cookie.name}=${session.cookie.value}`,
      'x-requested-with': 'wasl',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

const emailOf = (role: StaffRole) => shaaer.staff.find((s) => s.roles.includes(role))!.email;

/** Real ids from the first demo association; a committee session and an assigned task when missing. */
async function pickIds(baseUrl: string): Promise<Ids> {
  const supervisor = await signInApi(baseUrl, emailOf('supervisor'));
  const get = <T>(url: string) => api<{ items: T[] }>(baseUrl, supervisor, url).then((r) => r.items);
  const requests = await get<{ id: string; status: string; beneficiaryId: string }>('/api/v1/requests');
  const withStatus = (status: string) => {
    const found = requests.find((r) => r.status === status);
    if (!found) throw new Error(`the demo data has no request in ${status}`);
    return found;
  };
  const open = withStatus('in_verification');
  const inCommittee = withStatus('in_committee');
  const decided = withStatus('approved');
  const tasks = await get<{ id: string; assigneeId: string | null }>(
    `/api/v1/requests/${open.id}/verifications`,
  );
  const task = tasks[0];
  if (!task) throw new Error('the demo request in verification has no task');
  const researcher = await signInApi(baseUrl, emailOf('researcher'));
  // The researcher's own task list then holds one task.
  if (!task.assigneeId) {
    await api(
      baseUrl,
      supervisor,
      `/api/v1/verifications/${task.id}`,
      { assigneeId: researcher.userId },
      'PATCH',
    );
  }
  let sessionId = (await get<{ id: string }>('/api/v1/committee-sessions'))[0]?.id;
  if (!sessionId) {
    const member = await signInApi(baseUrl, emailOf('committee_member'));
    const created = await api<{ id: string }>(baseUrl, member, '/api/v1/committee-sessions', {
      title: 'جلسة اللجنة الأسبوعية',
      scheduledFor: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      chairId: member.userId,
      memberIds: [member.userId],
    });
    await api(baseUrl, member, `/api/v1/committee-sessions/${created.id}/agenda`, {
      requestId: inCommittee.id,
    });
    sessionId = created.id;
  }
  const serviceId = (await get<{ id: string }>('/api/v1/services'))[0]!.id;
  const userId = (await get<{ id: string }>('/api/v1/users/directory'))[0]!.id;
  let inquiryId = (await get<{ id: string }>('/api/v1/inquiries?status=open'))[0]?.id;
  if (!inquiryId) {
    const created = await api<{ id: string }>(baseUrl, supervisor, '/api/v1/inquiries', {
      beneficiaryId: decided.beneficiaryId,
      channel: 'phone',
      question: 'متى يبدأ صرف السلال الغذائية؟',
    });
    inquiryId = created.id;
  }
  const manager = await signInApi(baseUrl, emailOf('manager'));
  const newComplaints = await api<{ items: { id: string }[] }>(
    baseUrl,
    manager,
    '/api/v1/complaints?status=new',
  );
  const complaintId =
    newComplaints.items[0]?.id ??
    (
      await api<{ id: string }>(baseUrl, manager, '/api/v1/complaints', {
        kind: 'complaint',
        text: 'تأخر الرد على الاتصال الهاتفي',
        category: 'delays',
      })
    ).id;
  const surveyId =
    (await api<{ items: { id: string }[] }>(baseUrl, manager, '/api/v1/surveys')).items[0]?.id ??
    (
      await api<{ id: string }>(baseUrl, manager, '/api/v1/surveys', {
        nameAr: 'رضا المستفيدين بعد التسليم',
        nameEn: 'Satisfaction after delivery',
        trigger: 'delivery',
        questions: [
          { id: 'q1', kind: 'faces', labelAr: 'ما مدى رضاك عن الخدمة؟', labelEn: 'How satisfied are you?' },
          { id: 'q2', kind: 'text', labelAr: 'ملاحظاتك', labelEn: 'Your comments', required: false },
        ],
      })
    ).id;
  const improvementId =
    (await api<{ items: { id: string }[] }>(baseUrl, manager, '/api/v1/improvement-actions')).items[0]?.id ??
    (
      await api<{ id: string }>(baseUrl, manager, '/api/v1/improvement-actions', {
        title: 'تقليل وقت الانتظار عند الاستقبال',
        source: 'suggestion',
        serviceId,
      })
    ).id;
  const policyId =
    (await api<{ items: { id: string }[] }>(baseUrl, manager, '/api/v1/policies')).items[0]?.id ??
    (
      await api<{ id: string }>(baseUrl, manager, '/api/v1/policies', {
        kind: 'policy',
        titleAr: 'سياسة تنظيم العلاقة مع المستفيدين',
        titleEn: 'Beneficiary relations policy',
        body: 'تمهيد\nتلتزم الجمعية بالرد على الطلب خلال مدة لا تقل عن أسبوعين.',
      })
    ).id;
  const disputeId =
    (await api<{ items: { id: string }[] }>(baseUrl, manager, '/api/v1/disputes')).items[0]?.id ??
    (
      await api<{ id: string }>(baseUrl, manager, '/api/v1/disputes', {
        beneficiaryId: decided.beneficiaryId,
        subject: 'خلاف حول قيمة المساعدة',
        description: 'يرى المستفيد أن المبلغ أقل من المعلن.',
      })
    ).id;
  return {
    surveyId,
    improvementId,
    policyId,
    disputeId,
    inquiryId,
    complaintId,
    beneficiaryId: decided.beneficiaryId,
    openRequestId: open.id,
    decidedRequestId: decided.id,
    committeeRequestId: inCommittee.id,
    taskId: task.id,
    sessionId,
    serviceId,
    userId,
  };
}

// ---------------------------------------------------------------------------------------------------
// The browser side.

/** Counts the page's data and code requests in flight, so "loaded" means they have arrived. */
function trackRequests(page: Page): () => number {
  let inFlight = 0;
  const counts = (r: Request) => ['fetch', 'xhr', 'script', 'stylesheet'].includes(r.resourceType());
  page.on('request', (r) => {
    if (counts(r)) inFlight++;
  });
  const done = (r: Request) => {
    if (counts(r)) inFlight--;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return () => inFlight;
}

/** Waits until nothing is in flight and no loader or skeleton is visible, three checks in a row. */
async function settle(page: Page, inFlight: () => number, what: string): Promise<void> {
  const until = Date.now() + 30_000;
  let quiet = 0;
  while (quiet < 3) {
    if (Date.now() > until) throw new Error(`${what} did not finish loading in 30 s`);
    await page.waitForTimeout(100);
    const busy =
      inFlight() > 0 ||
      (await page.evaluate(() =>
        [
          ...document.querySelectorAll('.mantine-Loader-root, .mantine-Skeleton-root, [aria-busy="true"]'),
        ].some((el) => el.getClientRects().length > 0),
      ));
    quiet = busy ? 0 : quiet + 1;
  }
}

/** Client-side navigation, as a link does: the app (and axe) stay loaded between pages. */
async function navigate(page: Page, to: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(window.history.state, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
  }, to);
  await page.waitForFunction((path) => window.location.pathname === path, to.split('?')[0]);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each offending element's selector, and whether it lies in the page's <main>. */
  nodes: { target: string; inMain: boolean }[];
}

type Where = { page: string; role: string; width: number };

/**
 * What each distinct page content (the <main> element's markup at one width) was found to hold. Many
 * roles see the same content under a different navigation: axe runs once per content, and the other
 * roles' pages take over its findings inside <main> (their navigation and header are audited on their
 * own first page, and on every page whose content is new).
 */
const auditedContent = new Map<string, Finding[]>();
const counts = { axeRuns: 0, reused: 0 };

async function contentSignature(page: Page, width: number): Promise<string> {
  const markup = await page.evaluate(() => {
    const main = document.querySelector('main') ?? document.body;
    // Generated ids differ from one render to the next; what they point at is in the markup anyway.
    const ids = /\s(id|for|name|aria-(labelledby|describedby|controls|owns|activedescendant))="[^"]*"/g;
    return `${document.querySelectorAll('h1').length}|${main.innerHTML.replace(ids, '')}`;
  });
  return `${width}|${crypto.createHash('sha256').update(markup).digest('hex')}`;
}

/** axe-core over the page as it is now, plus the house rules axe leaves to best practice. */
async function audit(
  page: Page,
  where: Where,
  options: { include?: string; force?: boolean } = {},
): Promise<Finding[]> {
  const signature = options.include ? null : await contentSignature(page, where.width);
  const known = signature && !options.force ? auditedContent.get(signature) : undefined;
  if (known) {
    counts.reused++;
    if (debug) console.info(`reused ${where.role} ${where.page} ${where.width} ${signature}`);
    return known.map((f) => ({ ...f, ...where }));
  }
  counts.axeRuns++;
  const started = Date.now();

  // Evaluated, not added as a <script>: the app's Content-Security-Policy forbids inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (include) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe-core's global, injected above
    const axe = (window as any).axe;
    const result = await axe.run(include ? { include: [include] } : document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'],
      },
      // Off by default in axe 4.x, so asked for: a control's name contains its visible text (label in
      // name, 2.5.3), and targets of at least 24 px (2.5.8, WCAG 2.2 AA).
      rules: { 'label-content-name-mismatch': { enabled: true }, 'target-size': { enabled: true } },
      resultTypes: ['violations'],
    });
    const main = document.querySelector('main');
    return (
      result.violations as {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: unknown[]; html: string }[];
      }[]
    ).map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => {
        // The selector, and the element's opening tag (Mantine's class names alone say little).
        const tag = n.html.replace(/\s+/g, ' ').match(/^<[^>]*>/)?.[0] ?? n.html;
        const target = `${n.target.map(String).join(' ')}  ${tag.slice(0, 160)}`;
        let inMain = false;
        try {
          inMain = !!main?.contains(document.querySelector(String(n.target.at(-1))));
        } catch {
          // a selector this document cannot parse: count it as outside <main>
        }
        return { target, inMain };
      }),
    })) as AxeViolation[];
  }, options.include);

  const findings: Finding[] = [];
  const inMain: Finding[] = [];
  for (const v of violations) {
    // Two navigation regions (or two of any landmark) under one name leave a screen reader guessing.
    const landmark = v.id === 'landmark-unique' || v.id.startsWith('landmark-no-duplicate');
    const base = {
      rule: v.id,
      impact: landmark ? 'serious' : (v.impact ?? 'unknown'),
      help: v.help,
      ...where,
    };
    const inside = v.nodes.filter((n) => n.inMain).map((n) => n.target);
    const outside = v.nodes.filter((n) => !n.inMain).map((n) => n.target);
    if (inside.length) inMain.push({ ...base, targets: inside });
    if (outside.length) findings.push({ ...base, targets: outside });
  }
  if (!options.include) {
    // One h1 per page (STYLE.md); axe only calls a missing one "moderate" and does not count them.
    const h1s = await page.locator('h1').count();
    if (h1s !== 1) {
      inMain.push({
        rule: 'one-h1',
        impact: 'serious',
        help: `a page has exactly one h1 (this one has ${h1s})`,
        ...where,
        targets: ['h1'],
      });
    }
  }
  if (signature) auditedContent.set(signature, inMain);
  if (debug)
    console.info(`axe ${where.role} ${where.page} ${where.width} ${signature} ${Date.now() - started} ms`);
  return [...findings, ...inMain];
}

function format(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `\n[${f.impact}] ${f.rule} — ${f.help}\n  page ${f.page} · role ${f.role} · ${f.width} px\n` +
        f.targets
          .slice(0, 8)
          .map((t) => `    ${t}`)
          .join('\n') +
        (f.targets.length > 8 ? `\n    … and ${f.targets.length - 8} more` : ''),
    )
    .join('');
}

async function newPage(browser: Browser, width: number) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    locale: 'ar-SA',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  return { context, page, inFlight: trackRequests(page) };
}

/** Audits one loaded page at both widths: as it opened at 1280 px, then narrowed to a phone's. */
async function auditBothWidths(page: Page, inFlight: () => number, p: string, role: string, force = false) {
  const findings: Finding[] = [];
  for (const width of widths) {
    if (page.viewportSize()?.width !== width) {
      await page.setViewportSize({ width, height: 800 });
      await settle(page, inFlight, `${p} (${role}, ${width} px)`);
    }
    findings.push(...(await audit(page, { page: p, role, width }, { force })));
  }
  await page.setViewportSize({ width: widths[0], height: 800 });
  return findings;
}

/** Every page a role may open, in one browser context signed in as that role's demo account. */
async function auditRole(browser: Browser, baseUrl: string, ids: Ids, role: StaffRole): Promise<Finding[]> {
  const session = await signInApi(baseUrl, emailOf(role));
  const { context, page, inFlight } = await newPage(browser, widths[0]);
  try {
    await context.addCookies([{ ...session.cookie, url: baseUrl }]);
    const paths = staffPages.filter((p) => !p.action || can([role], p.action)).map((p) => p.path(ids));
    const findings: Finding[] = [];
    await page.goto(`${baseUrl}/`);
    for (const p of paths) {
      await navigate(page, p);
      await settle(page, inFlight, `${p} (${role})`);
      // The first page always in full: the role's own header and navigation are audited there.
      findings.push(...(await auditBothWidths(page, inFlight, p, role, p === paths[0])));
    }
    // The keyboard's first stops, from a fresh load: each visibly focused.
    await page.goto(`${baseUrl}/`);
    await settle(page, inFlight, `/ (${role})`);
    findings.push(...(await focusVisible(page, { page: '/ (Tab ×8)', role, width: widths[0] })));
    // The user menu while open (its items are in the page only then).
    await page.locator('.user-menu-button').click();
    await page.getByRole('menu').waitFor();
    findings.push(
      ...(await audit(
        page,
        { page: '/ (user menu open)', role, width: widths[0] },
        { include: '[role="menu"]' },
      )),
    );
    return findings;
  } finally {
    await context.close();
  }
}

/**
 * Presses Tab a few times and checks that each element reached shows where the focus is (an outline
 * or a ring), and that the first stop is the link past the navigation.
 */
async function focusVisible(page: Page, where: Where): Promise<Finding[]> {
  const unseen: string[] = [];
  let first = '';
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring =
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== 'none';
      const name = `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''}`;
      return {
        name,
        ring,
        text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
      };
    });
    if (!focused) continue;
    if (!first) first = focused.name;
    if (!focused.ring) unseen.push(`${focused.name} "${focused.text}"`);
  }
  const findings: Finding[] = [];
  if (unseen.length) {
    findings.push({
      rule: 'focus-visible',
      impact: 'serious',
      help: 'the focused element shows no outline or ring (2.4.7)',
      ...where,
      targets: unseen,
    });
  }
  if (!first.includes('skip-link')) {
    findings.push({
      rule: 'skip-link',
      impact: 'serious',
      help: 'the first Tab stop is the link to the page content, past the navigation (2.4.1)',
      ...where,
      targets: [first || '(nothing focused)'],
    });
  }
  return findings;
}

/** The pages anyone reaches without signing in: sign-in (also refused, password shown) and a 404. */
async function auditSignedOut(browser: Browser, baseUrl: string): Promise<Finding[]> {
  const { context, page, inFlight } = await newPage(browser, widths[0]);
  try {
    const findings: Finding[] = [];
    for (const p of ['/sign-in', '/no-such-page']) {
      await page.goto(`${baseUrl}${p}`);
      await settle(page, inFlight, p);
      findings.push(...(await auditBothWidths(page, inFlight, p, 'signed out')));
    }
    await page.goto(`${baseUrl}/sign-in`);
    await settle(page, inFlight, '/sign-in');
    await page.locator('input[type="email"]').fill('nobody@shaaer.demo');
    await page.locator('input[type="password"]').fill('not-the-password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('alert').first().waitFor();
    await page.locator('.mantine-PasswordInput-visibilityToggle').click();
    findings.push(...(await auditBothWidths(page, inFlight, '/sign-in (refused)', 'signed out')));
    return findings;
  } finally {
    await context.close();
  }
}

/** The first-run wizard, on an installation without an organization. */
async function auditSetup(browser: Browser, baseUrl: string): Promise<Finding[]> {
  const { context, page, inFlight } = await newPage(browser, widths[0]);
  try {
    await page.goto(`${baseUrl}/setup`);
    await settle(page, inFlight, '/setup');
    return await auditBothWidths(page, inFlight, '/setup', 'first run');
  } finally {
    await context.close();
  }
}

/** Runs the jobs two at a time (this machine has two cores); a job's error is kept as its result. */
async function runAll(jobs: Map<string, () => Promise<Finding[]>>): Promise<Map<string, Finding[] | Error>> {
  const results = new Map<string, Finding[] | Error>();
  const queue = [...jobs];
  const worker = async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const [key, run] = job;
      results.set(key, await run().catch((error: unknown) => error as Error));
    }
  };
  await Promise.all([worker(), worker()]);
  return results;
}

const roles = [...new Set(shaaer.staff.flatMap((s) => s.roles))].filter(
  (role) => !process.env.A11Y_ROLES || process.env.A11Y_ROLES.split(',').includes(role),
);

describe('accessibility: every staff page, every role, Arabic, 360 and 1280 px (axe-core)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let firstRun: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;
  let results: Map<string, Finding[] | Error>;

  beforeAll(async () => {
    const started = Date.now();
    [server, firstRun, browser] = await Promise.all([
      startServer({ demo: true }),
      startServer(),
      launchBrowser(),
    ]);
    const ids = await pickIds(server.baseUrl);
    const jobs = new Map<string, () => Promise<Finding[]>>();
    // The roles with the most pages first, so the two lanes end close together.
    const pageCount = (role: StaffRole) =>
      staffPages.filter((p) => !p.action || can([role], p.action)).length;
    for (const role of [...roles].sort((a, b) => pageCount(b) - pageCount(a))) {
      jobs.set(role, () => auditRole(browser, server.baseUrl, ids, role));
    }
    jobs.set('signed out', () => auditSignedOut(browser, server.baseUrl));
    jobs.set('first run', () => auditSetup(browser, firstRun.baseUrl));
    results = await runAll(jobs);
    const all = [...results.values()].flatMap((r) => (r instanceof Error ? [] : r));
    if (report) fs.writeFileSync(report, JSON.stringify(all, null, 1));
    console.info(
      `accessibility sweep: ${counts.axeRuns} axe runs, ${counts.reused} pages with content already audited, ` +
        `${all.length} findings, ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.stop(), firstRun?.stop()]);
  }, 60_000);

  it('audits every route the router declares', () => {
    const source = fs.readFileSync(path.join(repoRoot, 'src/web/app/router.tsx'), 'utf8');
    const declared = [...source.matchAll(/\bpath: '([^']+)'/g)].map((m) => m[1]!).sort();
    const audited = [...new Set([...staffPages.map((p) => p.route), ...publicRoutes])].sort();
    expect(declared.length).toBeGreaterThan(20);
    expect(audited).toEqual(declared);
  });

  for (const key of [...roles, 'signed out', 'first run']) {
    it(
      key === 'first run'
        ? 'the setup wizard'
        : key === 'signed out'
          ? 'sign-in and not-found pages'
          : `every page a ${key} may open`,
      () => {
        const result = results.get(key);
        if (result instanceof Error) throw result;
        const failing = (result ?? []).filter((f) => failingImpacts.has(f.impact));
        expect(result).toBeDefined();
        expect(failing.length, format(failing)).toBe(0);
      },
    );
  }
});
