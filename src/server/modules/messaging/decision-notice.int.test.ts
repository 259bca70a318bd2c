import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, signDeclaration, uploadDocument } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

// The decision reaches the beneficiary through messaging: on their channel, in their language, with
// the link to the decision letter in the portal (PUBLIC_URL).
process.env.PUBLIC_URL = 'https://wasl.test/';
const clock: Clock = { now: () => new Date('2026-11-22T09:00:00Z') }; // 12:00 in Riyadh
const { app, services } = await createTestApp({ clock });
const staff = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'الباحثة', email: 'researcher', roles: ['researcher'] },
  { fullName: 'عضو اللجنة', email: 'committee', roles: ['committee_member'] },
]);
const orgId = staff.organization.id;
const slug = staff.organization.slug;
const c = await signInEach(app, staff.emails);
const basket = await createService(app, c.admin!);

const act = (id: string, cookie: string, payload: object) =>
  app.inject({ method: 'POST', url: `/api/v1/requests/${id}/transitions`, headers: { cookie }, payload });

/** A request taken at the counter and carried to the committee, of a person with these preferences. */
async function requestInCommittee(overrides: Record<string, unknown>) {
  const b = await registerBeneficiary(app, c.officer!, overrides);
  await uploadDocument(app, c.officer!, b.id, 'national_id', '2030-01-01');
  await signDeclaration(app, c.officer!, b.id);
  const created = await app.inject({
    method: 'POST',
    url: '/api/v1/requests',
    headers: { cookie: c.officer! },
    payload: { beneficiaryId: b.id, serviceId: basket.id, channel: 'in_person' },
  });
  expect(created.statusCode).toBe(201);
  const { id, number } = created.json();
  await act(id, c.officer!, { action: 'start_review' });
  await act(id, c.officer!, { action: 'start_verification' });
  const tasks = await app.inject({
    method: 'GET',
    url: `/api/v1/requests/${id}/verifications`,
    headers: { cookie: c.researcher! },
  });
  for (const task of tasks.json().items) {
    await app.inject({
      method: 'POST',
      url: `/api/v1/verifications/${task.id}/complete`,
      headers: { cookie: c.researcher! },
      payload: { findings: 'الوثائق مطابقة', recommendation: 'eligible', answers: { matches: true } },
    });
  }
  expect((await act(id, c.researcher!, { action: 'send_to_committee' })).json().status).toBe('in_committee');
  return { id: id as string, number: number as string, beneficiary: b };
}

const decisionMessages = (requestId: string) =>
  inOrganization(services, orgId, async () =>
    (await services.db.select().from(outboxMessages).where(eq(outboxMessages.relatedId, requestId))).filter(
      (m) => m.body.includes('https://wasl.test/p/'),
    ),
  );

describe('the decision notice', () => {
  it('e-mails an approval in English to a person who prefers it, with the link to the letter', async () => {
    const r = await requestInCommittee({
      preferredChannel: 'email',
      preferredLanguage: 'en',
      email: 'amal@mail.test',
    });
    expect((await act(r.id, c.committee!, { action: 'approve', note: 'مستحق' })).json().status).toBe(
      'approved',
    );
    const [notice] = await decisionMessages(r.id);
    expect(notice).toMatchObject({
      channel: 'email',
      recipient: 'amal@mail.test',
      subject: staff.organization.nameEn,
    });
    expect(notice!.body).toContain(`request no. ${r.number}`);
    expect(notice!.body).toContain(`https://wasl.test/p/${slug}/requests/${r.id}`);
    expect(notice!.beneficiaryId).toBe(r.beneficiary.id);
  });

  it('sends a rejection by SMS in Arabic by default, with the reason and the link', async () => {
    const r = await requestInCommittee({});
    const res = await act(r.id, c.committee!, { action: 'reject', note: 'الدخل يتجاوز الحد' });
    expect(res.json().status).toBe('rejected');
    const [notice] = await decisionMessages(r.id);
    expect(notice).toMatchObject({ channel: 'sms', recipient: r.beneficiary.phone, subject: null });
    expect(notice!.body).toContain(`لم يُقبل طلبكم رقم ${r.number}`);
    expect(notice!.body).toContain('الدخل يتجاوز الحد');
    expect(notice!.body).toContain(`https://wasl.test/p/${slug}/requests/${r.id}`);
  });
});
