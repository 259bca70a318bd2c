/**
 * Volunteers and donors (issue 12 item 1; policy 001: "beneficiaries, supporters, volunteers"): a register
 * with relationship status and contact consent (when it was recorded), and each one's contact history;
 * filters by kind; another association's supporter is unknown; every read is audited.
 */
import { describe, expect, it } from 'vitest';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';

const { app, services } = await createTestApp();
const org = await createOrganization(services, [
  { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'المراجع', email: 'auditor', roles: ['auditor'] },
]);
const other = await createOrganization(services, [
  { fullName: 'موظف آخر', email: 'officer', roles: ['relations_officer'] },
]);
const cookies = await signInEach(app, org.emails);
const otherCookies = await signInEach(app, other.emails);
const send = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, payload });

describe('volunteers and donors', () => {
  it('keeps each with status, consent and contact history', async () => {
    const volunteer = await send(cookies.officer!, 'POST', '/api/v1/supporters', {
      kind: 'volunteer',
      fullName: 'ريم عبدالله',
      phone: '٠٥٠١٢٣٤٥٦٧',
      interests: 'الزيارات الميدانية',
      contactConsent: true,
    });
    expect(volunteer.statusCode, volunteer.body).toBe(201);
    expect(volunteer.json()).toMatchObject({
      phone: '+966501234567',
      status: 'active',
      contactConsent: true,
    });
    expect(volunteer.json().consentRecordedAt).not.toBeNull();
    const donor = await send(cookies.officer!, 'POST', '/api/v1/supporters', {
      kind: 'donor',
      fullName: 'مؤسسة الخير',
      organizationName: 'مؤسسة الخير للأعمال',
      status: 'prospect',
    });
    expect(donor.statusCode).toBe(201);

    const id = volunteer.json().id as string;
    const contact = await send(cookies.officer!, 'POST', `/api/v1/supporters/${id}/contacts`, {
      channel: 'phone',
      summary: 'وافقت على المشاركة في توزيع السلال يوم الخميس',
    });
    expect(contact.json().contacts).toEqual([
      expect.objectContaining({ channel: 'phone', staffName: 'موظفة العلاقات' }),
    ]);
    const withdrawn = await send(cookies.officer!, 'PATCH', `/api/v1/supporters/${id}`, {
      contactConsent: false,
    });
    expect(withdrawn.json()).toMatchObject({ contactConsent: false });

    const donors = await send(cookies.auditor!, 'GET', '/api/v1/supporters?kind=donor');
    expect(donors.json().items.map((s: { fullName: string }) => s.fullName)).toEqual(['مؤسسة الخير']);
    const volunteers = await send(cookies.auditor!, 'GET', '/api/v1/supporters?kind=volunteer');
    expect(volunteers.json().items[0].lastContactAt).not.toBeNull();
    expect(
      (await send(cookies.auditor!, 'POST', '/api/v1/supporters', { kind: 'donor', fullName: 'س' }))
        .statusCode,
    ).toBe(403);

    // Another association does not know them.
    expect((await send(otherCookies.officer!, 'GET', `/api/v1/supporters/${id}`)).statusCode).toBe(404);
    expect((await send(otherCookies.officer!, 'GET', '/api/v1/supporters')).json().items).toEqual([]);
    const reads = await inOrganization(services, org.organization.id, () =>
      services.db.select().from(auditEvents),
    );
    expect(reads.some((e) => e.action === 'supporter.read')).toBe(true);
  });
});
