import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultSmsHttpBody,
  fileSmsDriver,
  gatewayBody,
  httpSmsDriver,
  notificationDriverFor,
} from './sms-drivers';

const message = {
  channel: 'sms' as const,
  recipient: '+966501234567',
  subject: null,
  body: 'رمز الدخول: 123456\n"لا تشاركه"',
  sender: 'Wasl',
};

// A local gateway: records what it is sent, answers with the status it is told to.
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let answer = 200;
const gateway = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => {
    body += chunk;
  });
  req.on('end', () => {
    received.push({ headers: req.headers, body });
    res.writeHead(answer, { 'content-type': 'application/json' }).end('{"echo":"whatever"}');
  });
});
await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

describe('SMS drivers', () => {
  it('fills the gateway template with JSON-escaped values', () => {
    const body = JSON.parse(gatewayBody(defaultSmsHttpBody, message));
    expect(body).toEqual({ sender: 'Wasl', recipients: ['+966501234567'], body: message.body });
    expect(() => gatewayBody('{"to": {{to}}}', message)).toThrow();
  });

  it('posts each message to the gateway with its authorization, and fails on a refusal', async () => {
    const driver = httpSmsDriver({
      url,
      authorization: 'Bearer test-key',
      bodyTemplate: '{"AppSid":"x","Recipient":"{{to}}","Body":"{{body}}","SenderID":"{{sender}}"}',
      timeoutMs: 2_000,
    });
    await driver.deliver(message);
    const last = received.at(-1)!;
    expect(last.headers.authorization).toBe('Bearer test-key');
    expect(last.headers['content-type']).toBe('application/json');
    expect(JSON.parse(last.body)).toEqual({
      AppSid: 'x',
      Recipient: '+966501234567',
      Body: message.body,
      SenderID: 'Wasl',
    });
    answer = 503;
    await expect(driver.deliver(message)).rejects.toThrow(/503/);
    answer = 200;
  });

  it('appends one JSON line per message to the file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-sms-')), 'out', 'sms.jsonl');
    const driver = fileSmsDriver(file);
    await driver.deliver(message);
    await driver.deliver({ ...message, recipient: '+966509999999' });
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { to: '+966501234567', body: message.body },
      { to: '+966509999999', body: message.body },
    ]);
  });

  it('chooses the SMS driver from the configuration, and records other channels only', () => {
    const base = { SMS_HTTP_BODY: defaultSmsHttpBody, SMS_HTTP_TIMEOUT_MS: 1000 };
    expect(notificationDriverFor({ ...base, SMS_DRIVER: 'outbox' }).delivers).toBe(false);
    const file = notificationDriverFor({ ...base, SMS_DRIVER: 'file', SMS_FILE: '/tmp/x.jsonl' });
    expect(file.driverFor?.('sms').name).toBe('file');
    expect(file.driverFor?.('email').delivers).toBe(false);
    expect(() => notificationDriverFor({ ...base, SMS_DRIVER: 'file' })).toThrow(/SMS_FILE/);
    expect(() => notificationDriverFor({ ...base, SMS_DRIVER: 'http' })).toThrow(/SMS_HTTP_URL/);
    expect(() =>
      notificationDriverFor({ ...base, SMS_DRIVER: 'http', SMS_HTTP_URL: url, SMS_HTTP_BODY: '{{body}}' }),
    ).toThrow();
  });
});
