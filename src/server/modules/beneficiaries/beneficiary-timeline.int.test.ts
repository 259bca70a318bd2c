/**
 * The timeline tells the whole story (issue 12): for a case taken from the counter to delivery, the
 * request, each change of its state, the verification work, the decision letter, the delivery and the
 * messages (with their true status) are on the beneficiary's timeline beside the file's own records;
 * a referral and its answer are there for the person whose request was referred; a group filter keeps
 * only its kinds; and nothing of another beneficiary appears.
 */
import { describe, expect, it } from 'vitest';
import { buildRichAssociation } from '../../../../tests/support/rich-association';
import { createTestApp } from '../../../../tests/support/test-app';
import type { TimelineItem } from '../../../shared/contracts/beneficiaries';

const { app, services } = await createTestApp();
const a = await buildRichAssociation(app, services, 'الفيروزي');

async function timeline(beneficiaryId: string, query = '', cookie = a.cookies.relations_officer) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/v1/beneficiaries/${beneficiaryId}/timeline${query}`,
    headers: { cookie },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json().items as TimelineItem[];
}

describe('the beneficiary timeline', () => {
  it('shows the request, its transitions, verification, letter, delivery and messages of a decided case', async () => {
    const items = await timeline(a.decided.beneficiaryId);
    const kinds = new Set(items.map((i) => i.kind));
    for (const kind of ['request', 'transition', 'verification', 'letter', 'delivery', 'message', 'created'])
      expect(kinds, kind).toContain(kind);
    const request = items.find((i) => i.kind === 'request')!;
    expect(request.details).toMatchObject({
      requestId: a.decided.requestId,
      number: a.decided.requestNumber,
    });
    const approved = items.find((i) => i.kind === 'transition' && i.details.to === 'approved');
    expect(approved?.details).toMatchObject({ number: a.decided.requestNumber, from: 'in_committee' });
    expect(items.find((i) => i.kind === 'letter')?.details).toMatchObject({ decision: 'approved' });
    expect(items.find((i) => i.kind === 'delivery')?.summary).toBe('سلة غذائية');
    // The outbox status as it is: the recording driver records, it never claims "sent".
    const message = items.find((i) => i.kind === 'message')!;
    expect(message.details.status).not.toBe('sent');
    // Newest first.
    const times = items.map((i) => Date.parse(i.at));
    expect([...times].sort((x, y) => y - x)).toEqual(times);
  });

  it('keeps only the chosen group and refuses an unknown one', async () => {
    const requestsOnly = await timeline(a.decided.beneficiaryId, '?group=requests');
    expect(requestsOnly.length).toBeGreaterThan(3);
    const allowed = [
      'request',
      'transition',
      'referral',
      'referral_answer',
      'verification',
      'delivery',
      'letter',
    ];
    for (const item of requestsOnly) expect(allowed).toContain(item.kind);
    const messages = await timeline(a.decided.beneficiaryId, '?group=messages');
    expect(messages.length).toBeGreaterThan(0);
    expect(new Set(messages.map((m) => m.kind))).toEqual(new Set(['message']));
    const bad = await app.inject({
      method: 'GET',
      url: `/api/v1/beneficiaries/${a.decided.beneficiaryId}/timeline?group=everything`,
      headers: { cookie: a.cookies.relations_officer },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a referral and, once answered, its answer — only on the referred person’s timeline', async () => {
    const referralId = a.ids.referral[0]!;
    const answer = await app.inject({
      method: 'POST',
      url: `/api/v1/referrals/${referralId}/answer`,
      headers: { cookie: a.cookies.supervisor },
      payload: { answer: 'تُستكمل الزيارة الميدانية أولاً ثم يُرفع الملف' },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const requestId = answer.json().requestId as string;
    const request = await app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}`,
      headers: { cookie: a.cookies.relations_officer },
    });
    const beneficiaryId = request.json().beneficiaryId ?? request.json().beneficiary?.id;
    expect(beneficiaryId).toBeTruthy();
    const items = await timeline(beneficiaryId, '?group=requests');
    expect(items.find((i) => i.kind === 'referral')?.summary).toBe('الإجراءات غير واضحة للمستفيدة');
    expect(items.find((i) => i.kind === 'referral_answer')).toMatchObject({
      summary: 'تُستكمل الزيارة الميدانية أولاً ثم يُرفع الملف',
      actorName: expect.stringContaining('معاذ'),
    });
    // The decided case's beneficiary is another person: the referral is not on their timeline.
    const other = await timeline(a.decided.beneficiaryId);
    expect(other.some((i) => i.kind === 'referral' || i.kind === 'referral_answer')).toBe(false);
  });

  it('shows a complaint to those who read complaints, never to the staff member it is about', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/complaints',
      headers: { cookie: a.cookies.manager },
      payload: {
        kind: 'complaint',
        text: 'تأخرت الموظفة في الرد على اتصالي',
        beneficiaryId: a.decided.beneficiaryId,
        aboutStaffId: a.userIds.quality_officer,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const seen = async (who: keyof typeof a.cookies) =>
      (await timeline(a.decided.beneficiaryId, '?group=contacts', a.cookies[who])).some(
        (i) => i.kind === 'complaint',
      );
    expect(await seen('manager')).toBe(true);
    expect(await seen('auditor')).toBe(true);
    expect(await seen('quality_officer')).toBe(false); // the complaint is about her
    expect(await seen('relations_officer')).toBe(false); // does not read the complaints register
  });
});
