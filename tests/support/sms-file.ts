import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fileSmsDriver } from '../../src/server/platform/notifications/sms-drivers';

/**
 * SMS written by the `file` driver to a fresh file, and what tests read from it: the messages, the newest
 * one to a phone (waiting for the delivery that follows the commit), the code it carries.
 */
export function smsFileOutbox() {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-sms-')), 'sms.jsonl');
  const lines = () =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as { to: string; body: string })
      : [];
  async function messageTo(phone: string, after: number): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const mine = lines()
        .slice(after)
        .filter((l) => l.to === phone);
      if (mine.length) return mine.at(-1)!.body;
      await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error(`no message reached ${phone}`);
  }
  /**
   * The code of the newest message to `phone` after `after` that carries one. Waits for it: an earlier
   * message (a decision, a registration's approval) may be delivered late, after the code was asked for.
   */
  async function codeSentTo(phone: string, after: number): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const codes = lines()
        .slice(after)
        .filter((l) => l.to === phone)
        .map((l) => l.body.match(/\d{6}/)?.[0])
        .filter((code): code is string => code !== undefined);
      if (codes.length) return codes.at(-1)!;
      await new Promise((r) => setTimeout(r, 30));
    }
    throw new Error(`no message with a code reached ${phone}`);
  }
  return { file, driver: fileSmsDriver(file), lines, messageTo, codeSentTo };
}

/** Signs a registered beneficiary in to the portal as they would: a code by SMS, then the session cookie. */
export async function portalSignIn(
  app: FastifyInstance,
  sms: ReturnType<typeof smsFileOutbox>,
  slug: string,
  person: { nationalId: string; phone: string },
): Promise<string> {
  const before = sms.lines().length;
  const asked = await app.inject({
    method: 'POST',
    url: '/api/v1/portal/otp',
    payload: { organization: slug, nationalId: person.nationalId },
  });
  if (asked.statusCode !== 202) throw new Error(`asking for a code: ${asked.statusCode} ${asked.body}`);
  const code = await sms.codeSentTo(person.phone, before);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/portal/sessions',
    payload: { organization: slug, nationalId: person.nationalId, code },
  });
  if (res.statusCode !== 200) throw new Error(`portal sign-in: ${res.statusCode} ${res.body}`);
  return `wasl_portal=${res.cookies.find((k) => k.name === 'wasl_portal')!.value}`;
}
