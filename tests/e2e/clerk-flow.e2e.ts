import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNationalId } from '../../src/shared/saudi/national-id';
import ar from '../../src/web/i18n/ar.json';
import { launchBrowser, startServer } from './harness';
import { api, label, login, png, shot } from './ui';

// The clerk's flow without detours, in the Arabic UI on a phone (issue 10, items 3 and 4): the
// declaration handed over on the phone reads in the signer's grammatical gender and ends on "thank
// you, please hand the device back" with no staff data and no national ID; the expired-ID warning
// clears once a valid ID is added; "new request" from the profile arrives with the person chosen; a
// failed save brings the failing field into view and says what is wrong.

const admin = { fullName: 'سارة العتيبي', email: 'admin@birr.org.sa', password: 'correct-horse-battery-1' };
const clerk = { fullName: 'خالد الحربي', email: 'khaled@birr.org.sa', password: 'officer-pass-2024' };
const woman = {
  nationalId: generateNationalId(1, '05512871'),
  fullNameAr: 'هيفاء سالم عبدالله الزهراني',
  gender: 'female',
  phone: '0551234567',
};
const man = {
  nationalId: generateNationalId(1, '07733412'),
  fullNameAr: 'محمد علي حسن القرني',
  gender: 'male',
  phone: '0557654321',
};

describe('the clerk’s flow and signing on a handed-over phone (Arabic UI)', () => {
  let server: { baseUrl: string; stop(): Promise<void> };
  let browser: Browser;
  const ids: Record<'woman' | 'man', string> = { woman: '', man: '' };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    const setup = await api(server.baseUrl, '/setup', {
      method: 'POST',
      body: { organization: { nameAr: 'جمعية البر', nameEn: 'Al-Birr Association' }, admin },
    });
    expect(setup.status).toBe(201);
    const adminCookie = await login(server.baseUrl, admin.email, admin.password);
    const created = await api(server.baseUrl, '/users', {
      method: 'POST',
      cookie: adminCookie,
      body: { ...clerk, roles: ['relations_officer'] },
    });
    expect(created.status).toBe(201);
    const cookie = await login(server.baseUrl, clerk.email, clerk.password);
    for (const [key, person] of [
      ['woman', woman],
      ['man', man],
    ] as const) {
      const res = await api(server.baseUrl, '/beneficiaries', {
        method: 'POST',
        cookie,
        body: { ...person, birthDate: '1985-03-12', nationality: 'SA', city: 'جدة', channel: 'in_person' },
      });
      expect(res.status).toBe(201);
      ids[key] = ((await res.json()) as { id: string }).id;
    }
    // Her ID on file has expired.
    const form = new FormData();
    form.set('type', 'national_id');
    form.set('number', woman.nationalId);
    form.set('expiryDate', '2020-01-01');
    form.set('file', new Blob([png], { type: 'image/png' }), 'id.png');
    const upload = await fetch(`${server.baseUrl}/api/v1/beneficiaries/${ids.woman}/documents`, {
      method: 'POST',
      headers: { cookie, 'x-requested-with': 'wasl' },
      body: form,
    });
    expect(upload.status).toBe(201);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  }, 60_000);

  async function signedIn(width = 360, height = 740): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height }, locale: 'ar-SA' });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/sign-in`);
    await page.getByLabel(label(ar.fields.email)).fill(clerk.email);
    await page.getByLabel(label(ar.fields.password)).fill(clerk.password);
    await page.getByRole('button', { name: ar.signIn.submit, exact: true }).click();
    await page.getByText(ar.home.welcome.replace('{{name}}', clerk.fullName)).waitFor();
    return { context, page };
  }

  it('hands her the declaration in the feminine, asks nothing of staff, and ends without her ID', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${server.baseUrl}/beneficiaries/${ids.woman}`);
    await page.getByRole('heading', { name: woman.fullNameAr }).waitFor();
    await page.getByRole('link', { name: ar.beneficiaries.sign.open }).first().click();
    await page.waitForURL(/\/sign$/);

    // Staff first: the channel is theirs, chosen (or left at "in person") before handing over.
    const channel = page.getByRole('combobox', { name: label(ar.beneficiaries.fields.channel) });
    expect(await channel.inputValue()).not.toBe('');
    await shot(page, 'sign-prepare-phone', false);
    await page.getByRole('button', { name: ar.beneficiaries.sign.handOver }).click();

    // Her screen: the declaration, addressed to a woman, and her name; no menu, link or staff field.
    const dialog = page.getByRole('dialog');
    const body = dialog.getByTestId('declaration-body');
    await body.waitFor();
    const text = (await body.textContent()) ?? '';
    expect(text).toMatch(/^أقر أنا الموقعة أدناه /);
    expect(text).toContain('وأنني مسؤولة مسؤولية مباشرة');
    expect(text).not.toMatch(/الموقع أدناه|مسؤول مسؤولية/);
    await dialog
      .getByText(ar.beneficiaries.sign.signer_female.replace('{{name}}', woman.fullNameAr))
      .waitFor();
    await dialog.getByRole('img', { name: ar.beneficiaries.sign.padLabel_female }).waitFor();
    expect(await dialog.getByRole('link').count()).toBe(0);
    expect(await dialog.getByRole('combobox').count()).toBe(0);
    expect(await dialog.getByText(ar.beneficiaries.fields.channel).count()).toBe(0);
    // Full screen, over the staff menu and header.
    const cover = await dialog.boundingBox();
    expect(cover).toMatchObject({ x: 0, y: 0, width: 360, height: 740 });
    expect(await dialog.innerText()).not.toContain(woman.nationalId);

    // A failed attempt says what to do, in the feminine.
    await dialog.getByRole('button', { name: ar.beneficiaries.sign.submit }).click();
    await dialog.getByText(ar.beneficiaries.sign.drawRequired_female).waitFor();
    await dialog.getByText(ar.beneficiaries.sign.agreeRequired).waitFor();

    const pad = dialog.locator('canvas.wasl-signature-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('signature pad not visible');
    await page.mouse.move(box.x + 30, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(box.x + 30 + i * 22, box.y + box.height / 2 + (i % 2 ? -25 : 25), { steps: 3 });
    }
    await page.mouse.up();
    await dialog.getByRole('checkbox', { name: ar.beneficiaries.sign.agree }).check();
    // Fixed, the messages go (a message stays only while it is true).
    expect(await dialog.getByText(ar.beneficiaries.sign.drawRequired_female).count()).toBe(0);
    expect(await dialog.getByText(ar.beneficiaries.sign.agreeRequired).count()).toBe(0);
    await dialog.getByRole('heading', { name: ar.beneficiaries.sign.title }).scrollIntoViewIfNeeded();
    await shot(page, 'registry-sign-phone', false);
    await dialog.getByRole('button', { name: ar.beneficiaries.sign.submit }).click();

    // Thank you — hand the device back: nothing of the staff's, no national ID anywhere on the page.
    await page.getByRole('heading', { name: ar.beneficiaries.sign.thanks }).waitFor();
    expect(ar.beneficiaries.sign.thanks).toBe('شكراً لك — يرجى إعادة الجهاز إلى الموظف');
    const shown = await page.locator('body').innerText();
    expect(shown).not.toContain(woman.nationalId);
    expect(await page.content()).not.toContain(woman.nationalId);
    expect(await page.getByRole('dialog').getByRole('link').count()).toBe(0);
    await shot(page, 'sign-thanks-phone', false);

    // The browser's back button does not leave the signing mode.
    await page.goBack({ timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    await page.getByRole('heading', { name: ar.beneficiaries.sign.thanks }).waitFor();
    expect(page.url()).toMatch(/\/sign$/);

    // The staff member takes the device back and continues to the profile, declaration current.
    await page.getByRole('button', { name: ar.beneficiaries.sign.staffContinue }).click();
    await page.waitForURL(new RegExp(`/beneficiaries/${ids.woman}$`));
    await page.getByRole('heading', { name: woman.fullNameAr }).waitFor();
    await page.getByText(ar.beneficiaries.declaration.current).first().waitFor();
    await context.close();
  });

  it('hands a man the declaration in the masculine', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${server.baseUrl}/beneficiaries/${ids.man}/sign`);
    await page.getByRole('button', { name: ar.beneficiaries.sign.handOver }).click();
    const dialog = page.getByRole('dialog');
    const text = (await dialog.getByTestId('declaration-body').textContent()) ?? '';
    expect(text).toMatch(/^أقر أنا الموقع أدناه /);
    expect(text).toContain('وأنني مسؤول مسؤولية مباشرة');
    expect(text).not.toMatch(/الموقعة|مسؤولة/);
    await dialog.getByText(ar.beneficiaries.sign.signer_male.replace('{{name}}', man.fullNameAr)).waitFor();
    await dialog.getByText(ar.beneficiaries.sign.typed, { exact: true }).click();
    await dialog.getByLabel(label(ar.beneficiaries.sign.typedName_male)).waitFor();
    // Staff can take the device back before a signature, to the staff step (still no ID shown).
    await dialog.getByRole('button', { name: ar.beneficiaries.sign.staffCancel }).click();
    await page.getByRole('button', { name: ar.beneficiaries.sign.handOver }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(man.nationalId);
    await context.close();
  });

  it('clears the expired-ID warning once a valid ID is added', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${server.baseUrl}/beneficiaries/${ids.woman}`);
    await page.getByRole('heading', { name: woman.fullNameAr }).waitFor();
    const warning = page.getByRole('button', { name: ar.beneficiaries.profile.expiredLink_one });
    await warning.waitFor();
    await warning.click();

    await page.getByRole('button', { name: ar.beneficiaries.documents.add }).click();
    await page.getByRole('combobox', { name: label(ar.beneficiaries.documents.type) }).click();
    await page.getByRole('option', { name: 'الهوية الوطنية / الإقامة', exact: true }).click();
    await page.getByLabel(label(ar.beneficiaries.documents.number)).fill(woman.nationalId);
    await page.getByLabel(label(ar.beneficiaries.documents.expiryDate)).fill('١٤٦٠-٠١-٠١');
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: 'id.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: ar.beneficiaries.documents.upload }).click();

    // The warning and the red badge go at once; the old ID stays on file, marked as replaced.
    await page.getByText(ar.beneficiaries.documents.superseded).waitFor();
    await warning.waitFor({ state: 'detached' });
    expect(await page.getByText(ar.beneficiaries.documents.expiredCount_one).count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: woman.fullNameAr }).waitFor();
    await page.getByRole('tab', { name: ar.beneficiaries.tabs.overview }).waitFor();
    expect(await page.getByRole('button', { name: ar.beneficiaries.profile.expiredLink_one }).count()).toBe(
      0,
    );
    await shot(page, 'profile-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('tab', { name: ar.beneficiaries.tabs.documents }).click();
    await page.getByText(ar.beneficiaries.documents.superseded).waitFor();
    await shot(page, 'profile-documents-desktop');
    await context.close();
  });

  it('starts a new request from the profile with the person already chosen', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${server.baseUrl}/beneficiaries/${ids.woman}`);
    await page.getByRole('heading', { name: woman.fullNameAr }).waitFor();
    await page.getByRole('link', { name: ar.beneficiaries.profile.newRequest }).click();
    await page.waitForURL(/\/requests\/new\?beneficiaryId=/);
    expect(new URL(page.url()).searchParams.get('beneficiaryId')).toBe(ids.woman);
    await page.getByRole('heading', { name: ar.requests.newForm.title }).waitFor();
    await page.getByRole('link', { name: woman.fullNameAr }).waitFor();
    await page.getByRole('button', { name: ar.requests.newForm.changeBeneficiary }).waitFor();
    await context.close();
  });

  it('keeps a required choice when tapped again, and shows the failing field above the fold', async () => {
    const { context, page } = await signedIn(360, 640);
    await page.goto(`${server.baseUrl}/beneficiaries/new?nid=${generateNationalId(1, '09912345')}`);
    const nationality = page.getByRole('combobox', { name: label(ar.beneficiaries.fields.nationality) });
    const preset = await nationality.inputValue();
    expect(preset).not.toBe('');
    // Tapping the preset option again keeps it (a required choice cannot be emptied).
    await nationality.click();
    await page.getByRole('option', { name: preset, exact: true }).click();
    expect(await nationality.inputValue()).toBe(preset);

    // Everything but the name: the save button is far below it on a phone.
    await page.getByLabel(label(ar.beneficiaries.fields.birthDate)).fill('١٤٠٥-٠٣-١٢');
    await page.getByRole('combobox', { name: label(ar.beneficiaries.fields.gender) }).click();
    await page.getByRole('option', { name: ar.beneficiaries.gender.female, exact: true }).click();
    await page.getByLabel(label(ar.beneficiaries.fields.phone)).fill('0501112233');
    await page.getByLabel(label(ar.beneficiaries.fields.city)).fill('جدة');
    await page.getByRole('combobox', { name: label(ar.beneficiaries.fields.channel) }).click();
    await page.getByRole('option', { name: 'المقابلة', exact: true }).click();
    const save = page.getByRole('button', { name: ar.beneficiaries.intake.createAndContinue });
    await save.scrollIntoViewIfNeeded();
    await save.click();

    // The name field is focused, in view below the fixed header, and says it is required.
    const name = page.getByLabel(label(ar.beneficiaries.fields.fullNameAr));
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.waitForTimeout(600); // the smooth scroll settles
    const box = await name.boundingBox();
    if (!box) throw new Error('name field not rendered');
    expect(box.y).toBeGreaterThanOrEqual(60);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
    await page.getByText(ar.validation.required).first().waitFor();
    expect(await page.getByText(ar.validation.format).count()).toBe(0);
    await context.close();
  });
});
