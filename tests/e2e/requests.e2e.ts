import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDualDate } from '../../src/shared/dates';
import { generateNationalId } from '../../src/shared/saudi/national-id';
import ar from '../../src/web/i18n/ar.json';
import { launchBrowser, startServer } from './harness';
import { api, choose, label, login, png, shot } from './ui';

// The request journey through the Arabic UI (policy steps 2–7 and the eligibility check): a relations
// officer takes a request at the counter and the beneficiary is promised a date; the request is
// reviewed, completed, verified by the researcher, approved by the decision body, registered against
// the service's checklist and delivered. The beneficiary is told by SMS at each step that matters.

const password = 'journey-pass-2024';
const admin = { fullName: 'سارة العتيبي', email: 'admin@birr.org.sa', password: 'correct-horse-battery-1' };
const staff = {
  officer: { fullName: 'خالد الحربي', email: 'khaled@birr.org.sa', role: 'relations_officer' },
  supervisor: { fullName: 'منيرة الدوسري', email: 'munira@birr.org.sa', role: 'supervisor' },
  researcher: { fullName: 'ريم السبيعي', email: 'reem@birr.org.sa', role: 'researcher' },
  committee: { fullName: 'عبدالرحمن القحطاني', email: 'abdulrahman@birr.org.sa', role: 'committee_member' },
  service: { fullName: 'فهد المطيري', email: 'fahad@birr.org.sa', role: 'service_officer' },
  auditor: { fullName: 'نورة الشمري', email: 'noura@birr.org.sa', role: 'auditor' },
} as const;
type StaffKey = keyof typeof staff;

const beneficiaryName = 'مريم عبدالله سعد الغامدي';
const nationalId = generateNationalId(1, '05512873');
const missingItem = 'صورة عقد الإيجار';
const approvalReason = 'تنطبق شروط الخدمة ودخل الأسرة دون الحد';
const decisionBody = 'الإدارة المختصة'; // the default decision body of a new organization
const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => values[key] ?? '');

async function expectStatus(baseUrl: string, response: Response, status: number): Promise<void> {
  if (response.status !== status) throw new Error(`${baseUrl}: ${response.status} ${await response.text()}`);
}

/** A beneficiary whose file is complete for the food basket: ID valid until 2030, declaration signed. */
async function readyBeneficiary(
  baseUrl: string,
  cookie: string,
  person: { name: string; nid: string; phone: string },
) {
  const created = await api(baseUrl, '/beneficiaries', {
    method: 'POST',
    cookie,
    body: {
      nationalId: person.nid,
      fullNameAr: person.name,
      birthDate: '1984-05-17',
      gender: 'female',
      phone: person.phone,
      nationality: 'SA',
      city: 'مكة المكرمة',
      channel: 'in_person',
    },
  });
  await expectStatus(baseUrl, created, 201);
  const { id } = (await created.json()) as { id: string };
  const form = new FormData();
  form.append('type', 'national_id');
  form.append('expiryDate', '2030-01-01');
  form.append('file', new Blob([png], { type: 'image/png' }), 'id.png');
  await expectStatus(
    baseUrl,
    await api(baseUrl, `/beneficiaries/${id}/documents`, { method: 'POST', cookie, body: form }),
    201,
  );
  const text = (await (await api(baseUrl, '/declaration-text', { cookie })).json()) as { version: number };
  const signed = await api(baseUrl, `/beneficiaries/${id}/declarations`, {
    method: 'POST',
    cookie,
    body: {
      method: 'drawn',
      textVersion: text.version,
      signatureImage: `data:image/png;base64,${png.toString('base64')}`,
      agreed: true,
      channel: 'in_person',
    },
  });
  await expectStatus(baseUrl, signed, 201);
  return id;
}

async function signIn(page: Page, baseUrl: string, who: StaffKey): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(label(ar.fields.email)).fill(staff[who].email);
  await page.getByLabel(label(ar.fields.password)).fill(password);
  await page.getByRole('button', { name: ar.signIn.submit, exact: true }).click();
  await page.getByText(ar.home.welcome.replace('{{name}}', staff[who].fullName)).waitFor();
}

async function signOut(page: Page, who: StaffKey): Promise<void> {
  await page.getByRole('button', { name: ar.userMenu.open.replace('{{name}}', staff[who].fullName) }).click();
  await page.getByRole('menuitem', { name: ar.userMenu.signOut }).click();
  await page.waitForURL(/\/sign-in/);
}

async function expectRequestStatus(page: Page, status: string): Promise<void> {
  await page.getByTestId('request-status').getByText(status, { exact: true }).waitFor();
}

/** Opens an action from the actions panel, lets `complete` fill its modal, and confirms it. */
async function act(
  page: Page,
  action: string,
  complete?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>,
) {
  const panel = page.getByRole('region', { name: ar.requests.page.actions });
  await panel.getByRole('button', { name: action, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: action });
  await dialog.waitFor();
  if (complete) await complete(dialog);
  await dialog.getByRole('button', { name: action, exact: true }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('request journey (Arabic UI)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;
  let adminCookie: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const base = server.baseUrl;
    const setup = await api(base, '/setup', {
      method: 'POST',
      body: { organization: { nameAr: 'جمعية البر الخيرية', nameEn: 'Al-Birr Charity' }, admin },
    });
    await expectStatus(base, setup, 201);
    adminCookie = await login(base, admin.email, admin.password);
    for (const user of Object.values(staff)) {
      const created = await api(base, '/users', {
        method: 'POST',
        cookie: adminCookie,
        body: { fullName: user.fullName, email: user.email, password, roles: [user.role] },
      });
      await expectStatus(base, created, 201);
    }
    const service = await api(base, '/services', {
      method: 'POST',
      cookie: adminCookie,
      body: {
        nameAr: 'سلة غذائية',
        nameEn: 'Food basket',
        descriptionAr: 'سلة غذائية شهرية للأسر محدودة الدخل.',
        decisionDays: 14,
        requiredDocuments: ['national_id'],
        verification: ['documents'],
        registrationChecklist: ['توقيع محضر الاستلام'],
      },
    });
    await expectStatus(base, service, 201);
    const { id: serviceId } = (await service.json()) as { id: string };

    const officerCookie = await login(base, staff.officer.email, password);
    await readyBeneficiary(base, officerCookie, {
      name: beneficiaryName,
      nid: nationalId,
      phone: '0551234567',
    });
    // Two more requests, so the work queues have something to sort.
    for (const [name, body, phone] of [
      ['هند فهد ناصر العنزي', '07739120', '0562345678'],
      ['سلمى راشد علي الزهراني', '08841236', '0573456789'],
    ] as const) {
      const id = await readyBeneficiary(base, officerCookie, {
        name,
        nid: generateNationalId(1, body),
        phone,
      });
      const created = await api(base, '/requests', {
        method: 'POST',
        cookie: officerCookie,
        body: { beneficiaryId: id, serviceId, channel: 'phone' },
      });
      await expectStatus(base, created, 201);
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('takes a request at the counter and carries it to delivery, telling the beneficiary', async () => {
    const base = server.baseUrl;
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ar-SA' });
    const page = await context.newPage();

    // The relations officer takes the request.
    await signIn(page, base, 'officer');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByRole('link', { name: ar.requests.nav.list, exact: true }).click();
    await page.waitForURL(/\/requests/);
    await page.getByRole('link', { name: ar.requests.new }).click();
    await page.waitForURL(/\/requests\/new/);
    await page.getByLabel(label(ar.requests.newForm.findBeneficiary)).fill('مريم الغامدي');
    await page.getByRole('button', { name: new RegExp(beneficiaryName) }).click();
    await page.getByRole('button', { name: ar.requests.newForm.changeBeneficiary }).waitFor();
    await choose(page, ar.requests.fields.service, 'سلة غذائية');
    await choose(page, ar.requests.fields.channel, 'المقابلة');
    await page.getByRole('button', { name: ar.requests.newForm.submit, exact: true }).click();

    // The request page shows the promised date, Hijri first.
    await page.waitForURL(/\/requests\/[0-9a-f-]{36}/);
    const requestId = /\/requests\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    await page.getByText(ar.requests.page.createdTitle).waitFor();
    await expectRequestStatus(page, ar.requests.status.submitted);
    const officerCookie = await login(base, staff.officer.email, password);
    const created = (await (await api(base, `/requests/${requestId}`, { cookie: officerCookie })).json()) as {
      number: string;
      expectedDecisionAt: string;
    };
    const promised = formatDualDate(created.expectedDecisionAt, 'ar');
    await page
      .getByRole('region', { name: ar.requests.page.expectedDecision })
      .getByText(promised.hijri, { exact: true })
      .waitFor();
    await page.getByTestId('days-remaining').waitFor();

    await act(page, ar.requests.actions.start_review);
    await expectRequestStatus(page, ar.requests.status.under_review);
    await act(page, ar.requests.actions.request_info, async (dialog) => {
      await dialog
        .getByLabel(fill(ar.requests.actionForm.missingItemLine, { n: '١' }), { exact: true })
        .fill(missingItem);
    });
    await expectRequestStatus(page, ar.requests.status.needs_info);
    await page.getByText(missingItem, { exact: true }).first().waitFor();
    await act(page, ar.requests.actions.provide_info);
    await expectRequestStatus(page, ar.requests.status.under_review);
    await act(page, ar.requests.actions.start_verification);
    await expectRequestStatus(page, ar.requests.status.in_verification);
    await signOut(page, 'officer');

    // The researcher finds it in the verification queue and checks the documents.
    await signIn(page, base, 'researcher');
    await page.getByRole('link', { name: ar.requests.nav.list, exact: true }).click();
    await page.getByRole('tab', { name: new RegExp(ar.requests.queues.verification) }).waitFor();
    await page.getByRole('link', { name: created.number }).click();
    await page.waitForURL(new RegExp(requestId));
    const mechanism = ar.requests.mechanisms.documents;
    await page.getByRole('button', { name: fill(ar.requests.verification.complete, { mechanism }) }).click();
    await page.getByLabel(label(ar.requests.verification.findings)).fill('الهوية سارية ومطابقة للبيانات');
    await page
      .getByRole('radio', { name: ar.requests.verification.recommendations.eligible, exact: true })
      .check();
    await page.getByRole('button', { name: ar.requests.verification.save }).click();
    await page
      .getByTestId('verification-documents')
      .getByText(ar.requests.verification.status.done, { exact: true })
      .waitFor();
    const sendTo = fill(ar.requests.actions.send_to_committee, { body: decisionBody });
    await act(page, sendTo);
    await expectRequestStatus(page, fill(ar.requests.status.in_committee, { body: decisionBody }));
    await signOut(page, 'researcher');

    // The decision body approves, with its reason.
    await signIn(page, base, 'committee');
    await page.goto(`${base}/requests/${requestId}`);
    await act(page, ar.requests.actions.approve, async (dialog) => {
      await dialog.getByLabel(label(ar.requests.actionForm.reason)).fill(approvalReason);
    });
    await expectRequestStatus(page, ar.requests.status.approved);
    await page.getByRole('link', { name: ar.requests.page.letterPdf }).waitFor();
    await signOut(page, 'committee');

    // The service officer completes the registration checklist and delivers.
    await signIn(page, base, 'service');
    await page.goto(`${base}/requests/${requestId}`);
    await act(page, ar.requests.actions.complete_registration, async (dialog) => {
      await dialog.getByRole('checkbox', { name: 'توقيع محضر الاستلام' }).check();
    });
    await expectRequestStatus(page, ar.requests.status.registered);
    await act(page, ar.requests.actions.deliver, async (dialog) => {
      await dialog.getByLabel(label(ar.requests.actionForm.deliveryDescription)).fill('سلة غذائية كاملة');
      await dialog.getByLabel(label(ar.requests.actionForm.quantity)).fill('1');
    });
    await expectRequestStatus(page, ar.requests.status.delivered);
    expect(ar.requests.status.delivered).toBe('تم التقديم');
    await page.getByText('سلة غذائية كاملة', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(page, 'requests-request-desktop');
    await signOut(page, 'service');

    // The auditor's view of every open request, oldest first.
    await signIn(page, base, 'auditor');
    await page.getByRole('link', { name: ar.requests.nav.list, exact: true }).click();
    await page.getByRole('table').waitFor();
    await shot(page, 'requests-queues-desktop');

    // On a phone, the relations officer sees the same request in one column, without sideways scrolling.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ar-SA' });
    const phonePage = await phone.newPage();
    await signIn(phonePage, base, 'officer');
    await phonePage.goto(`${base}/requests/${requestId}`);
    await expectRequestStatus(phonePage, ar.requests.status.delivered);
    await phonePage.getByText(ar.requests.evaluation.noRules).waitFor();
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(phonePage, 'requests-request-phone');
    await phone.close();

    // The administrator keeps the catalog: the decision period of the service is changed in its form.
    await signOut(page, 'auditor');
    await page.getByLabel(label(ar.fields.email)).fill(admin.email);
    await page.getByLabel(label(ar.fields.password)).fill(admin.password);
    await page.getByRole('button', { name: ar.signIn.submit, exact: true }).click();
    await page.getByRole('link', { name: ar.services.nav.list, exact: true }).click();
    await page.getByRole('link', { name: 'سلة غذائية' }).click();
    await page.waitForURL(/\/services\/[0-9a-f-]{36}/);
    const days = page.getByLabel(label(ar.services.fields.decisionDays));
    await days.fill('20');
    await page.getByRole('button', { name: ar.common.save }).click();
    await page.getByText(ar.services.saved).waitFor();
    await shot(page, 'services-form-desktop');
    const services = (await (await api(base, '/services', { cookie: adminCookie })).json()) as {
      items: { decisionDays: number }[];
    };
    expect(services.items[0]?.decisionDays).toBe(20);

    // The beneficiary was told: the promised date, what was missing, the approval.
    const outbox = (await (await api(base, '/outbox?limit=200', { cookie: adminCookie })).json()) as {
      items: { relatedId: string | null; channel: string; body: string }[];
    };
    const told = outbox.items
      .filter((m) => m.relatedId === requestId && m.channel === 'sms')
      .map((m) => m.body);
    expect(told.some((body) => body.includes(created.number) && body.includes(promised.hijri))).toBe(true);
    expect(told.some((body) => body.includes(missingItem))).toBe(true);
    expect(told.some((body) => body.includes('تم قبول طلبكم'))).toBe(true);

    // The decision letter carries the reason (admin configures and does not read cases).
    const letter = await api(base, `/requests/${requestId}/letter`, { cookie: officerCookie });
    expect(letter.status).toBe(200);
    expect(await letter.text()).toContain(approvalReason);
    await context.close();
  });
});
