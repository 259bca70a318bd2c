/**
 * Counter visits (issue 12 item 1): slots as long as the service gives each visitor, within counter hours
 * on working days only, never more visits at once than desks; a confirmation when booked, and one
 * reminder the day before however often the job runs.
 */
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { createAppointmentReminders } from './appointment-reminders';

let now = new Date('2026-12-06T06:00:00Z'); // Sunday 09:00 in Riyadh
const clock: Clock = { now: () => now };
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 30 });
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة الاستقبال', email: 'officer', roles: ['relations_officer'] },
]);
const cookies = await signInEach(app, org.emails);
const send = (method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies.officer! }, payload });

describe('counter appointments', () => {
  it('offers slots of the service’s length, fills desks, confirms and reminds once', async () => {
    const service = await createService(app, cookies.admin!, { visitMinutes: 30 });
    const slots = await send('GET', `/api/v1/appointments/slots?date=2026-12-07&serviceId=${service.id}`);
    expect(slots.statusCode, slots.body).toBe(200);
    // 08:00–14:00 in 30-minute slots, two desks each.
    expect(slots.json()).toMatchObject({ workingDay: true, minutes: 30 });
    expect(slots.json().slots).toHaveLength(12);
    expect(slots.json().slots[0]).toEqual({ startsAt: '2026-12-07T05:00:00.000Z', free: 2 });
    const friday = await send('GET', '/api/v1/appointments/slots?date=2026-12-11');
    expect(friday.json()).toMatchObject({ workingDay: false, slots: [] });

    const book = (beneficiaryId: string, startsAt: string) =>
      send('POST', '/api/v1/appointments', {
        beneficiaryId,
        serviceId: service.id,
        startsAt,
        purpose: 'استلام',
      });
    const [a, b, c] = [
      await registerBeneficiary(app, cookies.officer!),
      await registerBeneficiary(app, cookies.officer!),
      await registerBeneficiary(app, cookies.officer!),
    ];
    const first = await book(a!.id, '2026-12-07T07:00:00Z'); // Monday 10:00
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ status: 'booked', endsAt: '2026-12-07T07:30:00.000Z' });
    expect((await book(b!.id, '2026-12-07T07:00:00Z')).statusCode).toBe(201);
    const full = await book(c!.id, '2026-12-07T07:15:00Z'); // overlaps both
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('SLOT_FULL');
    const late = await book(c!.id, '2026-12-07T11:00:00Z'); // 14:00: the counter has closed
    expect(late.statusCode).toBe(422);
    const after = await send('GET', `/api/v1/appointments/slots?date=2026-12-07&serviceId=${service.id}`);
    expect(
      after.json().slots.find((s: { startsAt: string }) => s.startsAt === '2026-12-07T07:00:00.000Z').free,
    ).toBe(0);

    const day = await send('GET', '/api/v1/appointments?date=2026-12-07');
    expect(
      day
        .json()
        .items.map((i: { beneficiaryId: string }) => i.beneficiaryId)
        .sort(),
    ).toEqual([a!.id, b!.id].sort());

    const outbox = async () =>
      (
        await inOrganization(services, org.organization.id, () => services.db.select().from(outboxMessages))
      ).filter((m) => m.relatedType === 'appointment');
    expect((await outbox()).map((m) => m.beneficiaryId).sort()).toEqual([a!.id, b!.id].sort());

    const reminders = createAppointmentReminders({
      db: services.db,
      clock,
      organizations: services.organizations,
      messaging: services.messaging,
    });
    // Sunday 09:00: Monday 10:00 is 25 hours away — not yet.
    expect(await reminders.remindDue()).toBe(0);
    now = new Date('2026-12-06T09:30:00Z'); // Sunday 12:30
    expect(await reminders.remindDue()).toBe(2);
    expect(await reminders.remindDue()).toBe(0);
    const messages = await outbox();
    expect(messages).toHaveLength(4);
    const reminded = messages.filter((m) => m.body.includes('نذكّركم بموعدكم'));
    expect(reminded).toHaveLength(2);
    // The service's name is in the reminder.
    for (const m of reminded) expect(m.body).toContain('سلة غذائية');

    // Attended: a second change is refused.
    const done = await send('POST', `/api/v1/appointments/${first.json().id}/status`, { status: 'attended' });
    expect(done.json().status).toBe('attended');
    expect(
      (await send('POST', `/api/v1/appointments/${first.json().id}/status`, { status: 'no_show' }))
        .statusCode,
    ).toBe(409);
  });
});
