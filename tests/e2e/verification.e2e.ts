import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../../src/web/i18n/ar.json';
import { beneficiaryInput } from '../support/beneficiary-factory';
import { launchBrowser, startServer } from './harness';
import { api, json, label, login, png, registerReadyBeneficiary, shot } from './ui';

// Eligibility verification and the research committee through the Arabic UI (policy: آلية التأكد من
// استحقاق المستفيد للخدمة): an admin sets a rule with a preview of its impact; a researcher on a phone
// completes the interview and the field visit (with a photo, and a reload that loses nothing); the
// chair opens a session, two members vote, the chair decides and signs the minutes.

const password = 'journey-pass-2024';
const admin = { fullName: 'سارة العتيبي', email: 'admin@birr.org.sa', password: 'correct-horse-battery-1' };
const officer = { fullName: 'خالد الحربي', email: 'khaled@birr.org.sa', password };
const researcher = { fullName: 'منى الزهراني', email: 'mona@birr.org.sa', password };
// The chair also manages, so the new-session form may list the committee's members (users.list).
const chair = { fullName: 'عبدالله الدوسري', email: 'chair@birr.org.sa', password };
const memberA = { fullName: 'ريم الشمري', email: 'reem@birr.org.sa', password };
const memberB = { fullName: 'فهد المطيري', email: 'fahad@birr.org.sa', password };

/**
 * The text (a substring unless `exact`), with each digit matched in Latin or Arabic-Indic form: numbers follow the
 * association's digit style (decision 014), and this journey is about verification, not digits.
 */
function anyDigits(text: string, exact = false): RegExp {
  const arabicIndic = '٠١٢٣٤٥٦٧٨٩';
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = escaped.replace(/[0-9]/g, (d) => `[${d}${arabicIndic[Number(d)]}]`);
  return new RegExp(exact ? `^${pattern}$` : pattern);
}

describe('eligibility verification and committee journey (Arabic UI)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;
  let serviceId: string;
  let requestId: string;
  let requestNumber: string;
  let beneficiaryName: string;
  const cookies: Record<string, string> = {};

  /** A browser context signed in as `email` (the session cookie from the API), Arabic by default. */
  async function contextFor(
    email: string,
    viewport = { width: 1280, height: 800 },
    extra: Parameters<Browser['newContext']>[0] = {},
  ): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport, locale: 'ar-SA', ...extra });
    const cookie = cookies[email] ?? '';
    await context.addCookies(
      cookie
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
        body: { organization: { nameAr: 'جمعية البر', nameEn: 'Al-Birr Association' }, admin },
      }),
      201,
    );
    const adminCookie = await login(base, admin.email, admin.password);
    cookies[admin.email] = adminCookie;
    for (const [user, roles] of [
      [officer, ['relations_officer']],
      [researcher, ['researcher']],
      [chair, ['committee_member', 'manager']],
      [memberA, ['committee_member']],
      [memberB, ['committee_member']],
    ] as const) {
      await json(
        await api(base, '/users', { method: 'POST', cookie: adminCookie, body: { ...user, roles } }),
        201,
      );
      cookies[user.email] = await login(base, user.email, user.password);
    }

    // لجنة البحث decides in this organization.
    const org = await json<{ settings: Record<string, unknown> }>(
      await api(base, '/organizations/current', { cookie: adminCookie }),
    );
    await json(
      await api(base, '/organizations/current', {
        method: 'PATCH',
        cookie: adminCookie,
        body: {
          settings: {
            ...org.settings,
            decisionBody: { kind: 'committee', nameAr: 'لجنة البحث', nameEn: 'Research committee' },
          },
        },
      }),
    );
    const service = await json<{ id: string }>(
      await api(base, '/services', {
        method: 'POST',
        cookie: adminCookie,
        body: {
          nameAr: 'ترميم منزل',
          nameEn: 'Home repair',
          requiredDocuments: ['national_id'],
          verification: ['interview', 'field_visit'],
          decisionDays: 14,
        },
      }),
      201,
    );
    serviceId = service.id;

    // The relations officer registers the family, attaches a valid ID, has the declaration signed and
    // files the request, which goes to verification.
    const oc = cookies[officer.email] ?? '';
    const beneficiary = await registerReadyBeneficiary<{ id: string; fullNameAr: string }>(
      base,
      oc,
      beneficiaryInput(),
    );
    beneficiaryName = beneficiary.fullNameAr;
    const request = await json<{ id: string }>(
      await api(base, '/requests', {
        method: 'POST',
        cookie: oc,
        body: { beneficiaryId: beneficiary.id, serviceId, channel: 'in_person' },
      }),
      201,
    );
    requestId = request.id;
    for (const action of ['start_review', 'start_verification']) {
      await json(
        await api(base, `/requests/${requestId}/transitions`, {
          method: 'POST',
          cookie: oc,
          body: { action },
        }),
      );
    }
    requestNumber = (
      await json<{ number: string }>(await api(base, `/requests/${requestId}`, { cookie: oc }))
    ).number;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  it('sets a rule, verifies on a phone, and decides in a committee session', async () => {
    const base = server.baseUrl;

    // 1. The admin sets a rule on the service, previews its impact, then saves a version.
    const adminContext = await contextFor(admin.email);
    const adminPage = await adminContext.newPage();
    await adminPage.goto(`${base}/`);
    expect(await adminPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await adminPage.getByRole('link', { name: ar.verification.nav.rules, exact: true }).click();
    await adminPage
      .getByRole('link', { name: ar.verification.rules.editNamed.replace('{{service}}', 'ترميم منزل') })
      .click();
    await adminPage.waitForURL(/\/services\/.+\/rules$/);
    await adminPage.getByRole('button', { name: ar.verification.rules.add }).click();
    await adminPage.getByRole('menuitem', { name: ar.verification.kinds.document_valid }).click();
    await adminPage.getByRole('button', { name: ar.verification.rules.preview }).click();
    await adminPage.getByRole('heading', { name: ar.verification.rules.whatIf.title }).waitFor();
    await shot(adminPage, 'verification-rules-what-if');
    await adminPage.getByRole('button', { name: ar.verification.rules.save }).click();
    await adminPage
      .getByText(anyDigits(ar.verification.rules.version.replace('{{version}}', '1'), true))
      .waitFor();
    await adminContext.close();

    // 2. The researcher, on a phone, finds the request's tasks and completes the interview.
    const phone = await contextFor(
      researcher.email,
      { width: 390, height: 844 },
      {
        geolocation: { latitude: 21.4225, longitude: 39.8262 },
        permissions: ['geolocation'],
        hasTouch: true,
      },
    );
    const page = await phone.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('button', { name: ar.nav.open }).click();
    await page.getByRole('link', { name: ar.verification.nav.tasks, exact: true }).click();
    await page.waitForURL(/\/verifications$/);
    // Nobody has taken the two tasks the service plans: they wait under «مهام لم يستلمها أحد».
    await page.getByRole('heading', { name: ar.verification.tasks.queueTitle }).waitFor();
    await page.getByText(requestNumber).first().waitFor();
    const openNamed = (task: string) =>
      ar.verification.tasks.openNamed.replace('{{task}}', task).replace('{{name}}', beneficiaryName);
    const interviewName = ar.verification.mechanisms.interview;
    await page.getByRole('link', { name: openNamed(interviewName) }).click();
    await page.waitForURL(/\/verifications\/.+requestId=/);
    const group = (name: string) => page.getByRole('radiogroup', { name: label(name) });
    await group('حضر المستفيد المقابلة')
      .getByRole('radio', { name: ar.verification.task.yes, exact: true })
      .check();
    await page.getByLabel('من يعيل الأسرة؟').fill('الأم، من راتب الضمان الاجتماعي');
    await page.getByLabel('المصروفات الشهرية التقريبية (ريال)').fill('2500');
    await group('هل على الأسرة ديون؟')
      .getByRole('radio', { name: ar.verification.task.no, exact: true })
      .check();
    await group('درجة الاحتياج').getByRole('radio', { name: 'عالية', exact: true }).check();
    await page
      .getByLabel(label(ar.verification.task.findings))
      .fill('حضرت الأم المقابلة وقدمت ما يثبت الحاجة.');
    await group(ar.verification.task.recommendation)
      .getByRole('radio', { name: ar.verification.recommendations.eligible, exact: true })
      .check();
    await page.getByText(/المسودة محفوظة على هذا الجهاز/).waitFor();
    await page.getByRole('button', { name: ar.verification.task.send }).click();
    await page.getByRole('heading', { name: ar.verification.task.resultTitle }).waitFor();

    // 3. The field visit: checklist, a photo, the location; a reload loses nothing; then send.
    await page.getByRole('link', { name: ar.verification.task.backToTasks }).click();
    const visitName = ar.verification.mechanisms.field_visit;
    await page.getByRole('link', { name: openNamed(visitName) }).click();
    await page.getByRole('heading', { name: ar.verification.task.checklistTitle }).waitFor();
    await group('وُجدت الأسرة في العنوان المسجل')
      .getByRole('radio', { name: ar.verification.task.yes, exact: true })
      .check();
    await group('حالة المسكن').getByRole('radio', { name: 'سيئة', exact: true }).check();
    await page.getByLabel('عدد الغرف').fill('2');
    await group('تتوفر الأجهزة الأساسية (ثلاجة، مكيف، غسالة)')
      .getByRole('radio', { name: ar.verification.task.no, exact: true })
      .check();
    await page.getByLabel('ملاحظات عن الظروف المعيشية').fill('تسربات في السقف وتشققات في الجدران.');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'roof.png', mimeType: 'image/png', buffer: png });
    await page
      .getByRole('img', { name: anyDigits(ar.verification.task.photoAlt.replace('{{n}}', '1')) })
      .waitFor();
    await page.getByRole('button', { name: ar.verification.task.locationButton }).click();
    await page.getByText(/سُجّل الموقع/).waitFor();
    await page.getByLabel(label(ar.verification.task.findings)).fill('المنزل يحتاج ترميماً عاجلاً للسقف.');
    await group(ar.verification.task.recommendation)
      .getByRole('radio', { name: ar.verification.recommendations.eligible, exact: true })
      .check();
    await page.reload();
    await page
      .getByRole('img', { name: anyDigits(ar.verification.task.photoAlt.replace('{{n}}', '1')) })
      .waitFor();
    expect(await page.getByLabel(label(ar.verification.task.findings)).inputValue()).toBe(
      'المنزل يحتاج ترميماً عاجلاً للسقف.',
    );
    await page.getByText(/سُجّل الموقع/).waitFor();
    await shot(page, 'verification-field-visit-phone');
    await page.getByRole('button', { name: ar.verification.task.send }).click();
    await page.getByRole('heading', { name: ar.verification.task.resultTitle }).waitFor();
    await page
      .getByRole('img', { name: anyDigits(ar.verification.task.photoAlt.replace('{{n}}', '1')) })
      .waitFor();
    const drafts = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('wasl.verification-draft.')),
    );
    expect(drafts).toEqual([]);
    await phone.close();

    // Every step done: the researcher sends the case to the committee.
    await json(
      await api(base, `/requests/${requestId}/transitions`, {
        method: 'POST',
        cookie: cookies[researcher.email],
        body: { action: 'send_to_committee', note: 'اكتمل التحقق' },
      }),
    );

    // 4. The chair opens a session with the two other members and puts the request on its agenda.
    const chairContext = await contextFor(chair.email);
    const chairPage = await chairContext.newPage();
    await chairPage.goto(`${base}/`);
    await chairPage.getByRole('link', { name: ar.committee.nav.list, exact: true }).click();
    await chairPage.getByRole('button', { name: ar.committee.new.button }).click();
    await chairPage.getByLabel(label(ar.committee.new.sessionTitle)).fill('الجلسة الأولى لعام ١٤٤٧');
    await chairPage.getByRole('combobox', { name: label(ar.committee.new.chair) }).click();
    await chairPage.getByRole('option', { name: chair.fullName }).click();
    const members = chairPage.getByRole('combobox', { name: label(ar.committee.new.members) });
    for (const member of [memberA, memberB]) {
      await members.click();
      await chairPage.getByRole('option', { name: member.fullName }).click();
    }
    await chairPage.keyboard.press('Escape');
    await chairPage.getByRole('button', { name: ar.committee.new.create }).click();
    await chairPage.waitForURL(/\/committee\/[0-9a-f-]{36}$/);
    const sessionUrl = chairPage.url();
    await chairPage.getByRole('combobox', { name: ar.committee.agenda.pick }).click();
    await chairPage.getByRole('option', { name: new RegExp(requestNumber) }).click();
    await chairPage.getByRole('button', { name: ar.committee.agenda.add }).click();
    await chairPage.getByRole('listitem', { name: requestNumber }).waitFor();

    // Deciding before anyone votes is refused: no quorum.
    await chairPage.getByRole('button', { name: ar.committee.item.decide }).click();
    await chairPage
      .getByRole('alert')
      .getByText(/النصاب/)
      .waitFor();

    // 5. Two members vote to approve, each with a reason.
    for (const member of [memberA, memberB]) {
      const context = await contextFor(member.email);
      const memberPage = await context.newPage();
      await memberPage.goto(sessionUrl);
      const form = memberPage.getByRole('form', {
        name: ar.committee.vote.formLabel.replace('{{number}}', requestNumber),
      });
      await form.getByRole('radio', { name: ar.committee.votes.approve, exact: true }).check();
      await form
        .getByLabel(label(ar.committee.vote.reason))
        .fill('الحاجة ثابتة بالمقابلة والزيارة الميدانية.');
      await form.getByRole('button', { name: ar.committee.vote.submit }).click();
      await memberPage.getByRole('button', { name: ar.committee.vote.change }).waitFor();
      await context.close();
    }

    // 6. The chair records the decision, then closes the session and signs the minutes.
    await chairPage.reload();
    await chairPage
      .getByText(anyDigits(ar.committee.item.quorate.replace('{{cast}}', '2').replace('{{quorum}}', '2')))
      .waitFor();
    await chairPage.getByRole('button', { name: ar.committee.item.decide }).click();
    await chairPage.getByText(ar.committee.outcomes.approved, { exact: true }).waitFor();
    await shot(chairPage, 'committee-session-desktop');
    await chairPage.getByRole('button', { name: ar.committee.close.button }).click();
    await chairPage.getByRole('button', { name: ar.committee.close.confirm }).click();
    await chairPage.getByRole('heading', { name: ar.committee.minutes.title }).waitFor();
    await chairPage.getByText(/اعتمد المحضر رئيس الجلسة/).waitFor();
    const pdfHref = await chairPage
      .getByRole('link', { name: ar.committee.minutes.pdf })
      .getAttribute('href');
    const head = await chairPage.evaluate(async (href) => {
      const response = await fetch(href ?? '');
      const bytes = new Uint8Array(await response.arrayBuffer());
      return String.fromCharCode(...bytes.slice(0, 4));
    }, pdfHref);
    expect(head).toBe('%PDF');
    await shot(chairPage, 'committee-minutes-desktop');

    // 7. The request is approved, and its assessment explains the rule it was judged by.
    const decided = await json<{ status: string }>(
      await api(base, `/requests/${requestId}`, { cookie: cookies[chair.email] }),
    );
    expect(decided.status).toBe('approved');
    await chairPage.goto(`${base}/requests/${requestId}/assessment`);
    const evaluation = chairPage.getByRole('region', { name: ar.verification.evaluation.title });
    await evaluation.getByText(ar.verification.kinds.document_valid).waitFor();
    await evaluation.getByText(ar.verification.outcomes.pass, { exact: true }).waitFor();
    await evaluation.getByText('الهوية الوطنية / الإقامة سارية').waitFor();
    expect(await chairPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(chairPage, 'verification-assessment-desktop');
    await chairContext.close();
  }, 170_000);
});
