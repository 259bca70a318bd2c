/**
 * Outreach campaigns (issue 12 item 7): the audience is who the service finds eligible without an open
 * request for it; the preview says how many will receive it and who is left out — no contact consent
 * (never given, or withdrawn: an opt-out), contacted within the frequency cap; nothing is written before
 * a manager approves; approving writes one message per person, never twice, to the right person.
 */
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createService, signDeclaration, uploadDocument } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'المدير التنفيذي', email: 'manager', roles: ['manager'] },
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
]);
const cookies = await signInEach(app, org.emails);
const send = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({
    method,
    url,
    headers: { cookie: cookies[who]! },
    payload: method === 'POST' ? (payload ?? {}) : undefined,
  });
const ok = async (res: Awaited<ReturnType<typeof send>>, status = 200) => {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(status);
  return res.json();
};

const consent = (id: string, granted: boolean) =>
  send('officer', 'POST', `/api/v1/beneficiaries/${id}/consents`, {
    purpose: 'contact',
    granted,
    channel: 'in_person',
  });

describe('outreach campaigns', () => {
  it('previews, waits for a manager, then writes one message per consenting eligible person, once', async () => {
    const service = await createService(app, cookies.admin!, { targetCategories: ['widow'] });
    const widow = (extra: object = {}) =>
      registerBeneficiary(app, cookies.officer!, { categories: ['widow'], gender: 'female', ...extra });
    const willing = await widow();
    await ok(await consent(willing.id, true), 201);
    await widow(); // never asked for consent
    const optedOut = await widow();
    await ok(await consent(optedOut.id, true), 201);
    await ok(await consent(optedOut.id, false), 201);
    const notTargeted = await registerBeneficiary(app, cookies.officer!, { categories: ['elderly'] });
    await ok(await consent(notTargeted.id, true), 201);
    // Already asked for this service: not told about it.
    const applied = await widow();
    await uploadDocument(app, cookies.officer!, applied.id, 'national_id', '2030-01-01');
    await signDeclaration(app, cookies.officer!, applied.id);
    await ok(await consent(applied.id, true), 201);
    await ok(
      await send('officer', 'POST', '/api/v1/requests', {
        beneficiaryId: applied.id,
        serviceId: service.id,
        channel: 'in_person',
      }),
      201,
    );

    const draft = await ok(
      await send('officer', 'POST', '/api/v1/campaigns', {
        serviceId: service.id,
        title: 'تعريف بالسلة الغذائية',
        messageAr: 'قد تكونين مؤهلة لخدمة السلة الغذائية؛ تواصلي معنا أو قدّمي من البوابة.',
        messageEn: 'You may qualify for the food basket; contact us or apply in the portal.',
      }),
      201,
    );
    expect(draft.status).toBe('draft');
    const preview = await ok(await send('officer', 'GET', `/api/v1/campaigns/${draft.id}/preview`));
    expect(preview).toMatchObject({ eligible: 3, withoutConsent: 2, recentlyContacted: 0, willReceive: 1 });
    expect(preview.sample).toEqual([expect.objectContaining({ beneficiaryId: willing.id })]);

    // Nothing is written before approval, and only a manager approves.
    const outbox = () =>
      inOrganization(services, org.organization.id, () => services.db.select().from(outboxMessages));
    expect((await outbox()).filter((m) => m.relatedType === 'campaign')).toEqual([]);
    expect((await send('officer', 'POST', `/api/v1/campaigns/${draft.id}/approve`)).statusCode).toBe(403);

    const sent = await ok(await send('manager', 'POST', `/api/v1/campaigns/${draft.id}/approve`));
    expect(sent).toMatchObject({
      status: 'sent',
      sentCount: 1,
      skippedCount: 2,
      approvedByName: 'المدير التنفيذي',
    });
    const messages = (await outbox()).filter((m) => m.relatedType === 'campaign');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ beneficiaryId: willing.id, recipient: willing.phone });
    expect(messages[0]!.body).toContain('قد تكونين مؤهلة لخدمة السلة الغذائية');

    // Never twice: a second approval is refused and writes nothing.
    expect((await send('manager', 'POST', `/api/v1/campaigns/${draft.id}/approve`)).statusCode).toBe(409);
    expect((await outbox()).filter((m) => m.relatedType === 'campaign')).toHaveLength(1);

    // A second campaign within the frequency cap leaves the person just reached out.
    const again = await ok(
      await send('officer', 'POST', '/api/v1/campaigns', {
        serviceId: service.id,
        title: 'تذكير بالسلة الغذائية',
        messageAr: 'نذكّرك بخدمة السلة الغذائية المتاحة لدى الجمعية.',
        messageEn: 'A reminder of the food basket service at the association.',
      }),
      201,
    );
    const second = await ok(await send('manager', 'GET', `/api/v1/campaigns/${again.id}/preview`));
    expect(second).toMatchObject({ eligible: 3, recentlyContacted: 1, willReceive: 0 });
  });

  it('refuses a campaign for an unknown service', async () => {
    const res = await send('officer', 'POST', '/api/v1/campaigns', {
      serviceId: '00000000-0000-4000-8000-000000000000',
      title: 'حملة',
      messageAr: 'رسالة تجريبية طويلة بما يكفي',
      messageEn: 'A test message long enough',
    });
    expect(res.statusCode).toBe(404);
  });
});
