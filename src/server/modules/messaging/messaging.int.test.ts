import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import type { NotifyBeneficiaryInput } from './messaging.service';

// Sunday 22 November 2026, 12:00 in Riyadh (UTC+3): outside the default quiet hours 21:00–08:00.
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const { app, services } = await createTestApp({ clock });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const orgId = staff.organization.id;
const c = await signInEach(app, staff.emails);

const register = (overrides: Record<string, unknown> = {}) => registerBeneficiary(app, c.officer!, overrides);

async function consent(beneficiaryId: string, granted: boolean) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/beneficiaries/${beneficiaryId}/consents`,
    headers: { cookie: c.officer! },
    payload: { purpose: 'contact', granted, channel: 'in_person' },
  });
  expect(res.statusCode).toBe(201);
}

const approved = { number: 'R-2026-00001', service: 'سلة رمضان', link: 'https://wasl.test/p/x/requests/1' };

function notify(beneficiaryId: string, extra: Partial<NotifyBeneficiaryInput> = {}) {
  return inOrganization(services, orgId, () =>
    services.messaging.notifyBeneficiary(services.db, {
      organizationId: orgId,
      beneficiaryId,
      template: 'request_approved',
      variables: approved,
      purpose: 'service',
      relatedType: 'request',
      relatedId: beneficiaryId,
      ...extra,
    }),
  );
}

const row = (id: string) =>
  inOrganization(services, orgId, async () => {
    const [r] = await services.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
    return r!;
  });

describe('messages to a beneficiary', () => {
  it('writes an SMS in Arabic by default, in the association’s name, to the phone', async () => {
    const person = await register();
    const result = await notify(person.id);
    expect(result.skipped).toBeNull();
    const message = await row(result.messageId!);
    expect(message).toMatchObject({
      channel: 'sms',
      recipient: person.phone,
      status: 'queued',
      notBefore: null,
    });
    expect(message.body).toContain('تم قبول طلبكم رقم R-2026-00001');
    expect(message.body).toContain(staff.organization.nameAr);
    expect(message.body).toContain(approved.link);
  });

  it('writes in English by e-mail, with a subject, when the person prefers them', async () => {
    const person = await register({
      preferredLanguage: 'en',
      preferredChannel: 'email',
      email: 'huda@mail.test',
    });
    const message = await row((await notify(person.id)).messageId!);
    expect(message).toMatchObject({ channel: 'email', recipient: 'huda@mail.test' });
    expect(message.subject).toBe(staff.organization.nameEn);
    expect(message.body).toContain('your request no. R-2026-00001');
  });

  it('falls back to SMS when e-mail is preferred but no address is kept; a forced channel has none', async () => {
    const person = await register({ preferredChannel: 'email' });
    expect((await row((await notify(person.id)).messageId!)).channel).toBe('sms');
    expect(await notify(person.id, { channel: 'email' })).toEqual({ messageId: null, skipped: 'no_address' });
    const whatsapp = await row((await notify(person.id, { channel: 'whatsapp' })).messageId!);
    expect(whatsapp).toMatchObject({ channel: 'whatsapp', recipient: person.phone });
  });

  it('refuses a preferred channel that is neither a contact channel nor a messaging channel', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/beneficiaries',
      headers: { cookie: c.officer! },
      payload: {
        ...(await import('../../../../tests/support/beneficiary-factory')).beneficiaryInput(),
        preferredChannel: 'pigeon',
      },
    });
    expect(res.statusCode).toBe(400);
  });
});

describe('the beneficiary’s e-mail', () => {
  it('is validated, kept on update, and used once e-mail is preferred', async () => {
    const person = await register();
    const patch = (payload: object) =>
      app.inject({
        method: 'PATCH',
        url: `/api/v1/beneficiaries/${person.id}`,
        headers: { cookie: c.officer! },
        payload,
      });
    expect((await patch({ email: 'not-an-address' })).statusCode).toBe(400);
    const ok = await patch({ email: 'Reem@Mail.test', preferredChannel: 'email' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ preferredChannel: 'email' });
    const message = await row((await notify(person.id)).messageId!);
    expect(message).toMatchObject({ channel: 'email', recipient: ok.json().email });
  });
});

describe('outreach and consent', () => {
  it('sends outreach only with the contact consent in force, and never after it is withdrawn', async () => {
    const person = await register();
    const outreach = {
      purpose: 'outreach' as const,
      template: 'document_expiring' as const,
      variables: { name: 'x', document: 'y', date: 'z' },
    };
    expect(await notify(person.id, outreach)).toEqual({ messageId: null, skipped: 'no_consent' });
    await consent(person.id, true);
    expect((await notify(person.id, outreach)).messageId).toEqual(expect.any(String));
    await consent(person.id, false);
    expect(await notify(person.id, outreach)).toEqual({ messageId: null, skipped: 'opted_out' });
    // A service message (the answer to the person's own request) needs no marketing consent.
    expect((await notify(person.id)).skipped).toBeNull();
  });
});

describe('quiet hours', () => {
  it('holds a message written at night until the quiet hours end, local time', async () => {
    const person = await register();
    now = new Date('2026-11-22T19:30:00Z'); // 22:30 in Riyadh
    try {
      const message = await row((await notify(person.id)).messageId!);
      expect(message.status).toBe('queued');
      expect(message.notBefore?.toISOString()).toBe('2026-11-23T05:00:00.000Z'); // 08:00 in Riyadh
      now = new Date('2026-11-22T02:15:00Z'); // 05:15 in Riyadh, the same night
      const early = await row((await notify(person.id)).messageId!);
      expect(early.notBefore?.toISOString()).toBe('2026-11-22T05:00:00.000Z');
    } finally {
      now = new Date('2026-11-22T09:00:00Z');
    }
  });

  it('follows the association’s own quiet hours, and sends one-time codes at once', async () => {
    const person = await register();
    const current = await app.inject({
      method: 'GET',
      url: '/api/v1/organizations/current',
      headers: { cookie: c.admin! },
    });
    const { slug: _slug, ...settings } = current.json().settings;
    const res = await app.inject({
      method: 'PATCH',
      url: '/api/v1/organizations/current',
      headers: { cookie: c.admin! },
      payload: { settings: { ...settings, messaging: { quietHours: { start: '11:00', end: '13:30' } } } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const held = await row((await notify(person.id)).messageId!);
    expect(held.notBefore?.toISOString()).toBe('2026-11-22T10:30:00.000Z');
    const code = await inOrganization(services, orgId, () =>
      services.messaging.notifyAddress(services.db, {
        organizationId: orgId,
        channel: 'sms',
        recipient: person.phone,
        language: 'ar',
        template: 'request_approved',
        variables: approved,
        relatedType: 'portal_code',
        relatedId: person.id,
      }),
    );
    expect((await row(code.messageId)).notBefore).toBeNull();
  });
});

describe('the association’s own wording', () => {
  const templates = (cookie = c.admin!, method: 'GET' | 'PUT' = 'GET', payload?: object) =>
    app.inject({ method, url: '/api/v1/message-templates', headers: { cookie }, payload });

  it('lists every message with its default texts and the variables it may use', async () => {
    const res = await templates();
    expect(res.statusCode).toBe(200);
    const approvedTemplate = res.json().items.find((t: { key: string }) => t.key === 'request_approved');
    expect(approvedTemplate).toMatchObject({
      custom: false,
      variables: ['organization', 'number', 'service', 'link'],
    });
    expect(approvedTemplate.ar).toContain('{{number}}');
    expect(approvedTemplate.en).toContain('{{link}}');
  });

  it('refuses a text with a variable the message does not know (422, naming it); only admins change', async () => {
    const bad = await templates(c.admin!, 'PUT', {
      key: 'request_approved',
      texts: { ar: 'قُبل طلبكم {{number}} بمبلغ {{amount}}', en: 'Approved {{number}}' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'TEMPLATE_VARIABLES_UNKNOWN',
      details: { unknown: ['amount'], fields: { 'texts.ar': expect.any(String) } },
    });
    const officer = await templates(c.officer!, 'PUT', {
      key: 'request_approved',
      texts: { ar: 'نص', en: 'text' },
    });
    expect(officer.statusCode).toBe(403);
    expect((await templates(c.officer!)).statusCode).toBe(200); // read as the settings are
  });

  it('writes the next message in the association’s wording, and back to the default once reset', async () => {
    const saved = await templates(c.admin!, 'PUT', {
      key: 'request_approved',
      texts: { ar: 'أهلاً، قُبل طلبكم {{number}} في {{organization}}.', en: 'Hello, {{number}} approved.' },
    });
    expect(saved.statusCode).toBe(200);
    const person = await register();
    const own = await row((await notify(person.id)).messageId!);
    expect(own.body).toBe(`أهلاً، قُبل طلبكم R-2026-00001 في ${staff.organization.nameAr}.`);
    const reset = await templates(c.admin!, 'PUT', { key: 'request_approved', texts: null });
    expect(reset.json().items.find((t: { key: string }) => t.key === 'request_approved').custom).toBe(false);
    expect((await row((await notify(person.id)).messageId!)).body).toContain('تم قبول طلبكم');
  });
});
