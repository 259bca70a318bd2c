import type { RequestStatus } from './request-machine';

/**
 * What a beneficiary reads about their request in the portal (and what staff see as "what the
 * beneficiary sees" on the request page): short, plain words, addressed to the person, with no
 * internal stage names. Many readers are elderly, so every phrase says only where the request is.
 * Who decides is not named (a committee in one association, a department in another).
 */
export interface PortalStatusWords {
  ar: string;
  en: string;
}

const words: Record<RequestStatus, PortalStatusWords> = {
  draft: { ar: 'لم يُرسل بعد', en: 'Not sent yet' },
  submitted: { ar: 'استلمنا طلبك', en: 'We have received your request' },
  under_review: { ar: 'نراجع طلبك', en: 'We are reviewing your request' },
  needs_info: { ar: 'نحتاج منك معلومات إضافية', en: 'We need more information from you' },
  in_verification: { ar: 'نتحقق من بياناتك', en: 'We are checking your information' },
  in_committee: { ar: 'طلبك لدى الجهة المختصة بالقرار', en: 'Your request is waiting for a decision' },
  approved: { ar: 'تمت الموافقة على طلبك', en: 'Your request has been approved' },
  rejected: { ar: 'لم تتم الموافقة على طلبك', en: 'Your request was not approved' },
  registered: { ar: 'اكتمل تسجيلك في الخدمة', en: 'You are registered for the service' },
  delivered: { ar: 'تم تقديم الخدمة', en: 'The service has been provided' },
  closed: { ar: 'انتهى طلبك', en: 'Your request is finished' },
  withdrawn: { ar: 'سُحب الطلب', en: 'The request was withdrawn' },
};

export function portalStatusWords(status: RequestStatus): PortalStatusWords {
  return words[status];
}
