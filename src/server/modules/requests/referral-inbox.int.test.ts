/**
 * The referral inbox (issue 12 item 5): the supervisor finds the referral with its question and case,
 * counted as open and — once its due time passes on the clock — overdue; answering it tells the asker
 * (an e-mail in the outbox whose Arabic subject names the request, and the answer in the asker's "sent"
 * box); someone else's inbox does not show it.
 */
import { describe, expect, it } from 'vitest';
import { createService, readyBeneficiary } from '../../../../tests/support/request-factory';
import {
  createOrganization,
  createTestApp,
  inOrganization,
  signInEach,
} from '../../../../tests/support/test-app';
import type { Clock } from '../../platform/clock';
import { outboxMessages } from '../../platform/notifications/outbox.tables';

let now = new Date('2026-12-06T07:00:00Z'); // a Sunday morning in Riyadh
const clock: Clock = { now: () => now };
const { app, services } = await createTestApp({ clock, sessionTtlHours: 24 * 30 });
const org = await createOrganization(services, [
  { fullName: 'مدير النظام', email: 'admin', roles: ['admin'] },
  { fullName: 'غدير العلاقات', email: 'officer', roles: ['relations_officer'] },
  { fullName: 'معاذ المشرف', email: 'supervisor', roles: ['supervisor'] },
  { fullName: 'سلمان المشرف', email: 'other', roles: ['supervisor'] },
]);
const cookies = await signInEach(app, org.emails);
const send = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
const me = async (who: string) => (await send(who, 'GET', '/api/v1/auth/me')).json().user.id as string;

describe('the referral inbox', () => {
  it('shows the referral to its supervisor, counts it overdue, and tells the asker the answer', async () => {
    const service = await createService(app, cookies.admin!);
    const person = await readyBeneficiary(app, cookies.officer!);
    const created = await send('officer', 'POST', '/api/v1/requests', {
      beneficiaryId: person.id,
      serviceId: service.id,
      channel: 'in_person',
    });
    expect(created.statusCode, created.body).toBe(201);
    const request = created.json();
    const referred = await send('officer', 'POST', `/api/v1/requests/${request.id}/referrals`, {
      reason: 'هل تُقبل الأرملة المقيمة لدى أهلها؟',
      assigneeId: await me('supervisor'),
      dueInDays: 1,
    });
    expect(referred.statusCode, referred.body).toBe(201);

    const inbox = async (who: string, query: string) => {
      const res = await send(who, 'GET', `/api/v1/referrals?${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const open = await inbox('supervisor', 'box=assigned&state=open');
    expect(open.items).toEqual([
      expect.objectContaining({
        reason: 'هل تُقبل الأرملة المقيمة لدى أهلها؟',
        requestNumber: request.number,
        beneficiaryName: person.fullNameAr,
        createdByName: 'غدير العلاقات',
        overdue: false,
      }),
    ]);
    expect(open.counts).toEqual({ open: 1, overdue: 0, answered: 0 });
    expect((await inbox('other', 'box=assigned&state=open')).items).toEqual([]);

    // Due at the end of the next working day (Monday); on Tuesday it is overdue.
    now = new Date('2026-12-08T09:00:00Z');
    const late = await inbox('supervisor', 'box=assigned&state=overdue');
    expect(late.items).toHaveLength(1);
    expect(late.counts).toEqual({ open: 1, overdue: 1, answered: 0 });

    const answered = await send('supervisor', 'POST', `/api/v1/referrals/${referred.json().id}/answer`, {
      answer: 'نعم إذا كانت مستقلة بالإنفاق، ويُرفق صك الإعالة',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const sent = await inbox('officer', 'box=sent&state=answered');
    expect(sent.items).toEqual([
      expect.objectContaining({
        answer: 'نعم إذا كانت مستقلة بالإنفاق، ويُرفق صك الإعالة',
        status: 'answered',
      }),
    ]);
    expect((await inbox('supervisor', 'box=assigned&state=open')).counts).toEqual({
      open: 0,
      overdue: 0,
      answered: 1,
    });
    const emails = await inOrganization(services, org.organization.id, () =>
      services.db.select().from(outboxMessages),
    );
    const told = emails.find((m) => m.relatedType === 'referral');
    expect(told).toMatchObject({ channel: 'email', recipient: org.emails.officer });
    expect(told?.subject).toContain(request.number);
    expect(told?.subject).toContain('رد على إحالتك');
    expect(told?.body).toContain('نعم إذا كانت مستقلة بالإنفاق');
  });

  it('refuses an unknown box', async () => {
    const res = await send('supervisor', 'GET', '/api/v1/referrals?box=everyone');
    expect(res.statusCode).toBe(400);
  });
});
