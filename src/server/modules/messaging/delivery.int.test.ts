import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { OutboxMessage } from '../../../shared/contracts/outbox';
import type { Clock } from '../../platform/clock';
import { deliverMessage, maxDeliveryAttempts } from '../../platform/notifications/notifications';
import { defaultSmsHttpBody, notificationDriverFor } from '../../platform/notifications/sms-drivers';
import { signatureOf } from './whatsapp-webhook';

// Messages leave through real local servers: an SMTP server (smtp-server) and a fake of the WhatsApp
// Cloud API, chosen by the configuration as in production; statuses are read through the API.

// --- a local SMTP server: every message it accepts, parsed ---
const mails: Awaited<ReturnType<typeof simpleParser>>[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, _session, callback) {
    simpleParser(stream)
      .then((mail) => {
        mails.push(mail);
        callback();
      })
      .catch(callback);
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;

// --- a fake WhatsApp Cloud API: records posts, answers with a message id, or 500 for one number ---
const posts: { url: string; authorization?: string; body: Record<string, unknown> }[] = [];
const refusedNumber = '966500000500';
let served = 0;
const whatsapp = http.createServer((req, res) => {
  let raw = '';
  req.on('data', (chunk) => {
    raw += chunk;
  });
  req.on('end', () => {
    const body = JSON.parse(raw) as Record<string, unknown>;
    posts.push({ url: req.url ?? '', authorization: req.headers.authorization, body });
    if (body.to === refusedNumber) {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"down"}}');
      return;
    }
    served += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        messaging_product: 'whatsapp',
        contacts: [{ input: body.to, wa_id: body.to }],
        messages: [{ id: `wamid.TEST${served}` }],
      }),
    );
  });
});
await new Promise<void>((resolve) => whatsapp.listen(0, '127.0.0.1', resolve));
const whatsappUrl = `http://127.0.0.1:${(whatsapp.address() as AddressInfo).port}/v21.0`;

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await new Promise<void>((resolve) => whatsapp.close(() => resolve()));
});

const appSecret = 'test-app-secret';
process.env.WHATSAPP_APP_SECRET = appSecret;
const driver = notificationDriverFor({
  SMS_DRIVER: 'outbox',
  SMS_HTTP_BODY: defaultSmsHttpBody,
  SMS_HTTP_TIMEOUT_MS: 2_000,
  EMAIL_DRIVER: 'smtp',
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  EMAIL_FROM: 'وصل <no-reply@wasl.test>',
  WHATSAPP_DRIVER: 'cloud',
  WHATSAPP_API_URL: whatsappUrl,
  WHATSAPP_TOKEN: 'test-token',
  WHATSAPP_PHONE_NUMBER_ID: '1234567890',
});

// Sunday 22 November 2026, 12:00 in Riyadh: outside quiet hours.
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const { app, services, testDb } = await createTestApp({
  clock,
  notificationDriver: driver,
  sessionTtlHours: 48,
});
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const orgId = staff.organization.id;
const c = await signInEach(app, staff.emails);

async function notifyNew(overrides: Record<string, unknown>, channel?: 'sms' | 'email' | 'whatsapp') {
  const person = await registerBeneficiary(app, c.officer!, overrides);
  const result = await inOrganization(services, orgId, () =>
    services.messaging.notifyBeneficiary(services.db, {
      organizationId: orgId,
      beneficiaryId: person.id,
      template: 'request_rejected',
      variables: {
        number: 'R-2026-00042',
        reason: 'الدخل أعلى من الحد',
        link: 'https://wasl.test/p/a/requests/1',
      },
      purpose: 'service',
      relatedType: 'request',
      relatedId: person.id,
      ...(channel ? { channel } : {}),
    }),
  );
  return result.messageId!;
}

async function outbox(query = ''): Promise<OutboxMessage[]> {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/outbox${query}`,
    headers: { cookie: c.admin! },
  });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}
const find = async (id: string) => (await outbox()).find((m) => m.id === id)!;

function webhook(payload: unknown, signature?: string) {
  const body = JSON.stringify(payload);
  return app.inject({
    method: 'POST',
    url: '/api/v1/webhooks/whatsapp',
    headers: {
      'content-type': 'application/json',
      ...(signature !== undefined ? { 'x-hub-signature-256': signature } : {}),
    },
    payload: body,
  });
}
const statusReport = (statuses: object[]) => ({
  object: 'whatsapp_business_account',
  entry: [
    { id: 'WABA', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', statuses } }] },
  ],
});

describe('e-mail through SMTP', () => {
  it('delivers the message to the SMTP server, its Arabic subject and text intact', async () => {
    const id = await notifyNew({ preferredChannel: 'email', email: 'salma@mail.test' });
    await deliverMessage(services.db, driver, id);
    const mail = mails.at(-1)!;
    expect(mail.subject).toBe(staff.organization.nameAr);
    expect(mail.text).toContain('لم يُقبل طلبكم رقم R-2026-00042');
    expect(mail.text).toContain('الدخل أعلى من الحد');
    expect((mail.to as { text: string }).text).toBe('salma@mail.test');
    expect(await find(id)).toMatchObject({ status: 'sent', driver: 'smtp', attempts: 1, lastError: null });
  });
});

describe('WhatsApp through the Cloud API', () => {
  it('posts the Cloud API message shape and keeps the id it answers with', async () => {
    const id = await notifyNew({ preferredChannel: 'whatsapp', phone: '0551234567' });
    await deliverMessage(services.db, driver, id);
    const post = posts.at(-1)!;
    expect(post.url).toBe('/v21.0/1234567890/messages');
    expect(post.authorization).toBe('Bearer test-token');
    expect(post.body).toMatchObject({
      messaging_product: 'whatsapp',
      to: '966551234567',
      type: 'text',
      biz_opaque_callback_data: id,
    });
    expect((post.body.text as { body: string }).body).toContain('R-2026-00042');
    const message = await find(id);
    expect(message).toMatchObject({ status: 'sent', driver: 'whatsapp-cloud' });
    expect(message.providerMessageId).toMatch(/^wamid\.TEST\d+$/);
  });

  it('turns sent into delivered, or failed, on a signed status report', async () => {
    const delivered = await notifyNew({ preferredChannel: 'whatsapp' });
    const failed = await notifyNew({ preferredChannel: 'whatsapp' });
    await deliverMessage(services.db, driver, delivered);
    await deliverMessage(services.db, driver, failed);
    const [a, b] = [await find(delivered), await find(failed)];
    const payload = statusReport([
      { id: a.providerMessageId, status: 'delivered', timestamp: '1', biz_opaque_callback_data: delivered },
      {
        id: b.providerMessageId,
        status: 'failed',
        timestamp: '1',
        biz_opaque_callback_data: failed,
        errors: [{ code: 131026, title: 'Message undeliverable' }],
      },
      // Not ours, or naming our message with another gateway id: nothing changes.
      { id: 'wamid.OTHER', status: 'delivered', timestamp: '1' },
      { id: 'wamid.FORGED', status: 'failed', timestamp: '1', biz_opaque_callback_data: delivered },
    ]);
    const res = await webhook(payload, signatureOf(appSecret, JSON.stringify(payload)));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ received: true, matched: 2 });
    expect(await find(delivered)).toMatchObject({ status: 'delivered' });
    expect(await find(failed)).toMatchObject({
      status: 'failed',
      lastError: expect.stringContaining('131026'),
    });
    expect((await outbox('?status=delivered')).map((m) => m.id)).toContain(delivered);
  });

  it('refuses an unsigned or wrongly signed report (401) and a signed non-report (400), never a 5xx', async () => {
    const payload = statusReport([]);
    expect((await webhook(payload)).statusCode).toBe(401);
    expect((await webhook(payload, signatureOf('another-secret', JSON.stringify(payload)))).statusCode).toBe(
      401,
    );
    expect((await webhook(payload, 'sha256=zz')).statusCode).toBe(401);
    const notReport = { entry: 'nope' };
    expect((await webhook(notReport, signatureOf(appSecret, JSON.stringify(notReport)))).statusCode).toBe(
      400,
    );
    const garbage = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks/whatsapp',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signatureOf(appSecret, '{not json'),
      },
      payload: '{not json',
    });
    expect(garbage.statusCode).toBe(400);
  });
});

describe('retries', () => {
  it('retries a message the gateway refuses, counting attempts, and ends it failed', async () => {
    const id = await notifyNew({ phone: '0500000500' }, 'whatsapp');
    for (let attempt = 1; attempt <= maxDeliveryAttempts; attempt += 1) {
      // What pg-boss does: the job fails, and is run again later.
      await expect(deliverMessage(services.db, driver, id)).rejects.toThrow(/500/);
      const message = await find(id);
      expect(message.attempts).toBe(attempt);
      expect(message.status).toBe(attempt < maxDeliveryAttempts ? 'queued' : 'failed');
      expect(message.lastError).toContain('WhatsApp API answered 500');
    }
    // A failed message is not tried again.
    const before = posts.length;
    await deliverMessage(services.db, driver, id);
    expect(posts.length).toBe(before);
    expect((await outbox('?status=failed')).map((m) => m.id)).toContain(id);
  });
});

describe('quiet hours', () => {
  it('does not hand over a message written at night before the quiet hours end', async () => {
    now = new Date('2026-11-22T20:00:00Z'); // 23:00 in Riyadh
    try {
      const id = await notifyNew({ preferredChannel: 'email', email: 'night@mail.test' });
      const before = mails.length;
      await deliverMessage(services.db, driver, id, clock); // the job, run early
      expect(await find(id)).toMatchObject({
        status: 'queued',
        attempts: 0,
        notBefore: '2026-11-23T05:00:00.000Z',
      });
      expect(mails.length).toBe(before);
      now = new Date('2026-11-23T05:00:00Z'); // 08:00: due
      await deliverMessage(services.db, driver, id, clock);
      expect(await find(id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect(mails.at(-1)?.text).toContain('R-2026-00042');
    } finally {
      now = new Date('2026-11-22T09:00:00Z');
    }
  });

  it('is left out by the sweep until it is due', async () => {
    now = new Date('2026-11-22T20:00:00Z'); // 23:00 in Riyadh
    const id = await notifyNew({});
    now = new Date('2026-11-22T09:00:00Z');
    const stale = async () =>
      (
        await services.db.execute<{ id: string }>(sql`select id from app_stale_outbox_messages(500)`)
      ).rows.map((r) => r.id);
    // Written a minute ago, as the sweep sees it (the owner moves the clock of the row).
    const owner = new pg.Client({ connectionString: testDb.ownerUrl });
    await owner.connect();
    try {
      await owner.query(
        "update outbox_messages set created_at = now() - interval '1 minute', not_before = now() + interval '1 hour' where id = $1",
        [id],
      );
      expect(await stale()).not.toContain(id);
      await owner.query("update outbox_messages set not_before = now() - interval '1 second' where id = $1", [
        id,
      ]);
      expect(await stale()).toContain(id);
    } finally {
      await owner.end();
    }
  });
});
