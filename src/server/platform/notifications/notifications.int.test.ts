import { describe, expect, it } from 'vitest';
import { createOrganization, createTestApp, signIn } from '../../../../tests/support/test-app';
import type { OutboxMessage } from '../../../shared/contracts/outbox';
import {
  deliverMessage,
  type NotificationDriver,
  type OutgoingMessage,
  recordingDriver,
} from './notifications';

// What the outbox says happened to a message must be what happened: recorded here, or handed to a
// gateway. Messages are made and read through the API (staff invitations), as staff see them.
const { app, services } = await createTestApp();
const { emails } = await createOrganization(services);
const admin = await signIn(app, emails.admin!);

async function outbox(query = ''): Promise<OutboxMessage[]> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/outbox${query}`, headers: { cookie: admin } });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

/** Adds a colleague, which queues their invitation e-mail; returns that message. */
async function invite(email: string): Promise<OutboxMessage> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/users',
    headers: { cookie: admin },
    payload: { fullName: 'منى الزهراني', email, password: 'desert rose 2026', roles: ['researcher'] },
  });
  expect(res.statusCode).toBe(201);
  const message = (await outbox()).find((m) => m.recipient === email);
  expect(message).toMatchObject({ status: 'queued', sentAt: null });
  return message!;
}

const find = async (id: string) => (await outbox()).find((m) => m.id === id);

function gateway(): NotificationDriver & { handed: OutgoingMessage[] } {
  const handed: OutgoingMessage[] = [];
  return {
    name: 'test-gateway',
    delivers: true,
    handed,
    async deliver(message) {
      handed.push(message);
    },
  };
}

describe('outbox status', () => {
  it('marks a message recorded, with no sent time, when the driver only records it', async () => {
    const message = await invite('mona@outbox.sa');
    await deliverMessage(services.db, recordingDriver, message.id);
    expect(await find(message.id)).toMatchObject({
      status: 'recorded',
      driver: 'database',
      sentAt: null,
      attempts: 1,
    });
  });

  it('marks a message sent, with the time, when the driver hands it to a gateway', async () => {
    const driver = gateway();
    const message = await invite('reem@outbox.sa');
    await deliverMessage(services.db, driver, message.id);
    expect(driver.handed.map((m) => m.recipient)).toEqual(['reem@outbox.sa']);
    const after = await find(message.id);
    expect(after).toMatchObject({ status: 'sent', driver: 'test-gateway', attempts: 1 });
    expect(after?.sentAt).toEqual(expect.any(String));
  });

  it('does not deliver a recorded message again', async () => {
    const message = await invite('fahad@outbox.sa');
    await deliverMessage(services.db, recordingDriver, message.id);
    const driver = gateway();
    await deliverMessage(services.db, driver, message.id);
    expect(driver.handed).toEqual([]);
    expect((await find(message.id))?.status).toBe('recorded');
  });

  it('filters the outbox by the recorded status', async () => {
    const recorded = await outbox('?status=recorded');
    expect(recorded.map((m) => m.recipient).sort()).toEqual(['fahad@outbox.sa', 'mona@outbox.sa']);
  });
});
