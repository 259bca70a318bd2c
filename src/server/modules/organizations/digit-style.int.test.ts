// One digit style per association (decision 014): the setting round-trips and is validated; the
// documents and messages the server writes use it; what people type keeps its digits.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { hasPdftotext, pdfText, says } from '../../../../tests/support/pdf-text';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signIn,
} from '../../../../tests/support/test-app';
import { formatDualDate } from '../../../shared/dates';
import type { DigitStyle } from '../../../shared/digits';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

const { app, services } = await createTestApp();
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
]);
const c = {
  admin: await signIn(app, staff.emails.admin!),
  officer: await signIn(app, staff.emails.officer!),
  researcher: await signIn(app, staff.emails.researcher!),
  committee: await signIn(app, staff.emails.committee!),
};
const basket = await createService(app, c.admin);

const get = (url: string, cookie = c.admin, lang = 'ar') =>
  app.inject({ method: 'GET', url, headers: { cookie, 'accept-language': lang } });
const patch = (payload: object, lang = 'ar') =>
  app.inject({
    method: 'PATCH',
    url: '/api/v1/organizations/current',
    headers: { cookie: c.admin, 'accept-language': lang },
    payload,
  });
const settings = async () => (await get('/api/v1/organizations/current')).json().settings;
const act = (id: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: { cookie }, payload });

const arabicIndic = /[\u0660-\u0669]/;
const latin = /[0-9]/;
const other = (style: DigitStyle) => (style === 'arab' ? latin : arabicIndic);
const own = (style: DigitStyle) => (style === 'arab' ? arabicIndic : latin);

/** A request taken at the counter and approved, with a reason typed in Arabic-Indic digits. */
async function approvedRequest(reason: string) {
  const b = await readyBeneficiary(app, c.officer);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: { cookie: c.officer },
    payload: { beneficiaryId: b.id, serviceId: basket.id, channel: 'in_person' },
  });
  expect(created.statusCode, created.body).toBe(201);
  const request = created.json();
  expect((await act(request.id, c.officer, { action: 'start_review' })).statusCode).toBe(200);
  expect((await act(request.id, c.officer, { action: 'start_verification' })).statusCode).toBe(200);
  for (const task of (await get(`/api/v1/requests/${request.id}/verifications`, c.researcher)).json().items) {
    const done = await app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${task.id}/complete`,
      headers: { cookie: c.researcher },
      payload: { findings: 'الوثائق مطابقة وسارية', recommendation: 'eligible', answers: {} },
    });
    expect(done.statusCode, done.body).toBe(200);
  }
  expect((await act(request.id, c.researcher, { action: 'send_to_committee' })).statusCode).toBe(200);
  const approved = await act(request.id, c.committee, { action: 'approve', note: reason });
  expect(approved.statusCode, approved.body).toBe(200);
  return approved.json() as {
    id: string;
    number: string;
    expectedDecisionAt: string;
    decisionReason: string;
  };
}

async function smsOf(requestId: string) {
  const rows = await inOrganization(services, staff.organization.id, () =>
    services.db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, requestId)),
  );
  return rows.map((r) => r.body);
}

/** The letter's date line: "التاريخ: <Hijri> الموافق <Gregorian>". */
const dateLine = (letterHtml: string) => /<p>التاريخ: ([^<]*)<\/p>/.exec(letterHtml)?.[1] ?? '';

describe('the digit style setting', () => {
  it('is Arabic-Indic by default, in the settings and in the signed-in payload', async () => {
    expect((await settings()).digitStyle).toBe('arab');
    expect((await get('/api/v1/auth/me')).json().organization.settings.digitStyle).toBe('arab');
  });

  it('refuses an unknown style with a field message in the reader’s language, and keeps the old one', async () => {
    const current = await settings();
    const ar = await patch({ settings: { ...current, digitStyle: 'roman' } });
    expect(ar.statusCode).toBe(400);
    expect(ar.json().error.code).toBe('VALIDATION_FAILED');
    expect(ar.json().error.details.codes['settings.digitStyle']).toBe('INVALID_VALUE');
    expect(ar.json().error.details.fields['settings.digitStyle']).toMatch(/[\u0600-\u06ff]/);
    const en = await patch({ settings: { ...current, digitStyle: 7 } }, 'en');
    expect(en.statusCode).toBe(400);
    expect(en.json().error.details.fields['settings.digitStyle']).toMatch(/^[\x20-\x7e]+$/);
    expect((await settings()).digitStyle).toBe('arab');
  });

  it('round-trips Latin, is kept by a client that does not send it, and reaches the signed-in payload', async () => {
    const saved = await patch({ settings: { ...(await settings()), digitStyle: 'latn' } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().settings.digitStyle).toBe('latn');
    const { digitStyle: _omitted, ...withoutStyle } = await settings();
    expect((await patch({ settings: { ...withoutStyle, stageAlertDays: 9 } })).json().settings).toMatchObject(
      {
        digitStyle: 'latn',
        stageAlertDays: 9,
      },
    );
    expect((await get('/api/v1/auth/me', c.officer)).json().organization.settings.digitStyle).toBe('latn');
  });
});

describe('documents and messages in the association’s digits', () => {
  const issued: Record<DigitStyle, { id: string; letter: string }> = {} as never;

  for (const style of ['latn', 'arab'] as const) {
    it(`writes the SMS date, the letter date and the page numbers in ${style} digits; the typed reason as typed`, async () => {
      const current = await settings();
      expect((await patch({ settings: { ...current, digitStyle: style } })).statusCode).toBe(200);
      const reason = 'الإيجار الشهري ٥٠٠ ريال والدخل 300 ريال';
      const request = await approvedRequest(reason);
      // Free text is kept as typed, in both styles.
      expect(request.decisionReason).toBe(reason);

      const promised = formatDualDate(request.expectedDecisionAt, 'ar', { digits: style });
      const [received] = await smsOf(request.id);
      expect(received).toContain(`${promised.hijri} (${promised.gregorian})`);
      expect(promised.hijri).toMatch(own(style));
      expect(promised.hijri + promised.gregorian).not.toMatch(other(style));

      const letter = await get(`/api/v1/requests/${request.id}/letter`, c.officer);
      expect(letter.statusCode).toBe(200);
      const date = dateLine(letter.body);
      expect(date).toMatch(own(style));
      expect(date).not.toMatch(other(style));
      expect(letter.body).toContain(`السبب: ${reason}`);
      issued[style] = { id: request.id, letter: letter.body };

      const pdf = await get(`/api/v1/requests/${request.id}/letter.pdf`, c.officer);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      if (hasPdftotext) {
        // The footer, read back from the PDF's text layer.
        const text = pdfText(pdf.rawPayload);
        expect(says(text, style === 'arab' ? 'صفحة ١ من ١' : 'صفحة 1 من 1'), text).toBe(true);
        expect(says(text, style === 'arab' ? 'صفحة 1 من 1' : 'صفحة ١ من ١'), text).toBe(false);
      }
    });
  }

  it('keeps a letter as it was issued when the style changes later', async () => {
    const later = await get(`/api/v1/requests/${issued.latn.id}/letter`, c.officer);
    expect(dateLine(later.body)).toBe(dateLine(issued.latn.letter));
    expect(dateLine(later.body)).not.toMatch(arabicIndic);
  });
});
