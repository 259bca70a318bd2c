import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { uploadDocument } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { createOutreachService } from './outreach.service';

// Sunday 22 November 2026, 12:00 in Riyadh: the window runs to 22 December.
let now = new Date('2026-11-22T09:00:00Z');
const clock: Clock = { now: () => now };
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 800 });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const orgId = staff.organization.id;
const c = await signInEach(app, staff.emails);
// The job's service, built as the worker builds it, on the app's own services.
const outreach = createOutreachService({
  db: services.db,
  clock,
  organizations: services.organizations,
  messaging: services.messaging,
});

async function person(consents: boolean[], overrides: Record<string, unknown> = {}) {
  const b = await registerBeneficiary(app, c.officer!, overrides);
  for (const granted of consents) {
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/beneficiaries/${b.id}/consents`,
      headers: { cookie: c.officer! },
      payload: { purpose: 'contact', granted, channel: 'in_person' },
    });
    expect(res.statusCode).toBe(201);
  }
  return b;
}

const messagesTo = (phone: string) =>
  inOrganization(services, orgId, () =>
    services.db.select().from(outboxMessages).where(eq(outboxMessages.recipient, phone)),
  );

describe('the expiring-documents reminder', () => {
  it('tells each consenting person once per document expiring within 30 days, and never twice', async () => {
    const consenting = await person([true]);
    const soon = await uploadDocument(app, c.officer!, consenting.id, 'national_id', '2026-12-10');
    await uploadDocument(app, c.officer!, consenting.id, 'family_card', '2026-12-22'); // the last day in
    await uploadDocument(app, c.officer!, consenting.id, 'income_proof', '2026-12-23'); // one day out
    await uploadDocument(app, c.officer!, consenting.id, 'lease', '2026-11-21'); // already expired
    const silent = await person([]); // never asked
    await uploadDocument(app, c.officer!, silent.id, 'national_id', '2026-12-01');
    const withdrawn = await person([true, false]); // opted out
    await uploadDocument(app, c.officer!, withdrawn.id, 'national_id', '2026-12-01');

    expect(await outreach.remindExpiringDocuments()).toEqual({ sent: 2, skipped: 2 });
    const sent = await messagesTo(consenting.phone);
    expect(sent).toHaveLength(2);
    const reminder = sent.find((m) => m.relatedId === soon.id)!;
    expect(reminder).toMatchObject({
      relatedType: 'beneficiary_document',
      status: 'queued',
      notBefore: null,
    });
    expect(reminder.body).toContain('الهوية الوطنية / الإقامة');
    expect(reminder.body).toContain('2026-12-10');
    expect(reminder.body).toContain(consenting.fullNameAr);
    expect(await messagesTo(silent.phone)).toEqual([]);
    expect(await messagesTo(withdrawn.phone)).toEqual([]);

    // A second run finds them told; the next day's brings only the document that entered the window.
    expect((await outreach.remindExpiringDocuments()).sent).toBe(0);
    now = new Date('2026-11-23T09:00:00Z');
    expect((await outreach.remindExpiringDocuments()).sent).toBe(1);
    const after = await messagesTo(consenting.phone);
    expect(after).toHaveLength(3);
    expect(new Set(after.map((m) => m.relatedId)).size).toBe(3);
  });

  it('sends the reminder once the person consents, while the document is still in the window', async () => {
    now = new Date('2026-11-23T09:00:00Z');
    const later = await person([]);
    await uploadDocument(app, c.officer!, later.id, 'national_id', '2026-12-05');
    await outreach.remindExpiringDocuments();
    expect(await messagesTo(later.phone)).toEqual([]);
    await app.inject({
      method: 'POST',
      url: `/api/v1/beneficiaries/${later.id}/consents`,
      headers: { cookie: c.officer! },
      payload: { purpose: 'contact', granted: true, channel: 'in_person' },
    });
    await outreach.remindExpiringDocuments();
    expect(await messagesTo(later.phone)).toHaveLength(1);
  });

  it('writes a reminder made during quiet hours to wait until they end', async () => {
    now = new Date('2026-11-24T19:30:00Z'); // 22:30 in Riyadh
    const night = await person([true]);
    await uploadDocument(app, c.officer!, night.id, 'national_id', '2026-12-15');
    await outreach.remindExpiringDocuments();
    const [held] = await messagesTo(night.phone);
    expect(held).toMatchObject({ status: 'queued' });
    expect(held!.notBefore?.toISOString()).toBe('2026-11-25T05:00:00.000Z'); // 08:00 in Riyadh
  });
});
