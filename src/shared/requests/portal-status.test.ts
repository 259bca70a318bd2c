import { describe, expect, it } from 'vitest';
import { portalStatusWords } from './portal-status';
import { requestStatuses } from './request-machine';

describe('the words a beneficiary reads for each request status', () => {
  it('has short Arabic and English words for every status, each status its own', () => {
    const arabic = new Set<string>();
    const english = new Set<string>();
    for (const status of requestStatuses) {
      const { ar, en } = portalStatusWords(status);
      expect(ar.trim().length).toBeGreaterThan(3);
      expect(en.trim().length).toBeGreaterThan(3);
      // Short enough for one line on a phone.
      expect(ar.length).toBeLessThanOrEqual(40);
      expect(en.length).toBeLessThanOrEqual(40);
      // Arabic words are Arabic; English words carry no Arabic.
      expect(ar).toMatch(/^[\u0600-\u06FF\s]+$/);
      expect(en).not.toMatch(/[\u0600-\u06FF]/);
      arabic.add(ar);
      english.add(en);
    }
    expect(arabic.size).toBe(requestStatuses.length);
    expect(english.size).toBe(requestStatuses.length);
  });

  it('says plainly where the request is, in the words agreed for the portal', () => {
    expect(portalStatusWords('draft').ar).toBe('لم يُرسل بعد');
    expect(portalStatusWords('submitted').ar).toBe('استلمنا طلبك');
    expect(portalStatusWords('under_review').ar).toBe('نراجع طلبك');
    expect(portalStatusWords('in_verification').ar).toBe('نتحقق من بياناتك');
    expect(portalStatusWords('needs_info').ar).toBe('نحتاج منك معلومات إضافية');
    expect(portalStatusWords('approved').ar).toBe('تمت الموافقة على طلبك');
    expect(portalStatusWords('rejected').ar).toBe('لم تتم الموافقة على طلبك');
    expect(portalStatusWords('delivered').ar).toBe('تم تقديم الخدمة');
  });

  it('never names the committee or an internal stage: who decides differs between associations', () => {
    for (const status of requestStatuses) {
      const { ar, en } = portalStatusWords(status);
      expect(ar).not.toMatch(/لجنة|الباحث|committee|verification|review queue/i);
      expect(en).not.toMatch(/committee|researcher|_/i);
    }
    expect(portalStatusWords('in_committee').ar).toContain('الجهة المختصة بالقرار');
  });
});
