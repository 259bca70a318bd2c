/**
 * Referring a beneficiary to a partner (issue 12 item 8): refused without the person's partner_sharing
 * consent in force (never asked, or withdrawn), allowed with it; only the chosen fields are shared and
 * their values are kept with the referral, which is on the timeline; another association's partner is
 * unknown here; the partner list is kept by the admin and the manager only.
 */
import { describe, expect, it } from 'vitest';
import { registerBeneficiary } from '../../../../tests/support/beneficiary-factory';
import { createOrganization, createTestApp, signInEach } from '../../../../tests/support/test-app';

const { app, services } = await createTestApp();

async function association() {
  const org = await createOrganization(services, [
    { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
    { fullName: 'موظفة العلاقات', email: 'officer', roles: ['relations_officer'] },
  ]);
  const cookies = await signInEach(app, org.emails);
  const send = (cookie: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url, headers: { cookie }, payload });
  return { ...org, cookies, send };
}

const a = await association();
const b = await association();

async function partnerOf(org: typeof a, nameAr: string) {
  const res = await org.send(org.cookies.admin!, 'POST', '/api/v1/partners', { nameAr, kind: 'charity' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

describe('partner referrals', () => {
  it('refuses without partner_sharing consent, then shares only the chosen fields and records them', async () => {
    const partner = await partnerOf(a, 'جمعية البر الخيرية');
    const person = await registerBeneficiary(app, a.cookies.officer!);
    const url = `/api/v1/beneficiaries/${person.id}/partner-referrals`;
    const input = {
      partnerId: partner.id,
      reason: 'احتياج سكني خارج خدمات الجمعية',
      sharedFields: ['fullName', 'phone'],
    };

    const never = await a.send(a.cookies.officer!, 'POST', url, input);
    expect(never.statusCode).toBe(409);
    expect(never.json().error.code).toBe('CONSENT_REQUIRED');

    const consent = (granted: boolean) =>
      a.send(a.cookies.officer!, 'POST', `/api/v1/beneficiaries/${person.id}/consents`, {
        purpose: 'partner_sharing',
        granted,
        channel: 'in_person',
      });
    expect((await consent(true)).statusCode).toBe(201);
    const sent = await a.send(a.cookies.officer!, 'POST', url, input);
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()).toMatchObject({
      partnerName: 'جمعية البر الخيرية',
      sharedFields: ['fullName', 'phone'],
      sharedData: { fullName: person.fullNameAr, phone: person.phone },
    });
    expect(Object.keys(sent.json().sharedData).sort()).toEqual(['fullName', 'phone']);

    const timeline = (
      await a.send(a.cookies.officer!, 'GET', `/api/v1/beneficiaries/${person.id}/timeline?group=partners`)
    ).json();
    expect(timeline.items).toEqual([
      expect.objectContaining({ kind: 'partner_referral', summary: 'جمعية البر الخيرية' }),
    ]);

    // Withdrawn: refused again, and nothing more is recorded.
    expect((await consent(false)).statusCode).toBe(201);
    const withdrawn = await a.send(a.cookies.officer!, 'POST', url, input);
    expect(withdrawn.statusCode).toBe(409);
    const list = (await a.send(a.cookies.officer!, 'GET', url)).json();
    expect(list.items).toHaveLength(1);
  });

  it('does not know another association’s partner, and keeps the list to the admin', async () => {
    const theirs = await partnerOf(b, 'جهة لدى جمعية أخرى');
    const person = await registerBeneficiary(app, a.cookies.officer!);
    await a.send(a.cookies.officer!, 'POST', `/api/v1/beneficiaries/${person.id}/consents`, {
      purpose: 'partner_sharing',
      granted: true,
      channel: 'in_person',
    });
    const res = await a.send(
      a.cookies.officer!,
      'POST',
      `/api/v1/beneficiaries/${person.id}/partner-referrals`,
      {
        partnerId: theirs.id,
        reason: 'تجربة',
        sharedFields: ['city'],
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('PARTNER_INVALID');
    const names = (await a.send(a.cookies.officer!, 'GET', '/api/v1/partners'))
      .json()
      .items.map((p: { nameAr: string }) => p.nameAr);
    expect(names).not.toContain('جهة لدى جمعية أخرى');
    const byOfficer = await a.send(a.cookies.officer!, 'POST', '/api/v1/partners', {
      nameAr: 'جهة',
      kind: 'other',
    });
    expect(byOfficer.statusCode).toBe(403);
    const twice = await a.send(a.cookies.admin!, 'POST', '/api/v1/partners', {
      nameAr: 'جمعية البر الخيرية',
      kind: 'other',
    });
    expect(twice.statusCode).toBe(409);
  });
});
