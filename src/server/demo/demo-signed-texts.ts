/**
 * The texts demo beneficiaries sign, as published version 1 of their policy documents (issue 14 item 2
 * and 3): the declaration of data correctness in force (the registry's version 1, unchanged: importing
 * writes no new declaration text, so no one is asked to sign again) and a beneficiary charter. The
 * charter is a DEMO TEXT written from policy 001's line «تحديد حقوق وواجبات المتعاقدين … وتبعات التقصير
 * في الأداء، وحدود المسؤولية وطريقة تسوية الخلافات»; an association replaces it with its own.
 */
import type { Services } from '../app';
import { inTenant } from '../platform/db/tenant';
import type { RequestContext } from '../platform/http/context';
import { message } from '../platform/i18n/messages';

const systemContext: RequestContext = { actor: null, ip: null, requestId: 'demo-seed', language: 'ar' };

export const demoCharterAr = [
  '(نص تجريبي — تستبدله الجمعية بميثاقها المعتمد)',
  '',
  'أولاً: حقوق المستفيد',
  '- أن يُعامل باحترام وعدل ودون تمييز، وأن تُحفظ بياناته وسريتها ولا تُشارك إلا بموافقته أو بنص نظامي.',
  '- أن يعرف الخدمات وشروطها والمستندات المطلوبة ومدة البت في طلبه، وأن يُبلَّغ بالقرار وأسبابه.',
  '- أن يقدّم شكوى أو اقتراحاً وأن يتلقى رداً عليه.',
  '',
  'ثانياً: واجبات المستفيد',
  '- تقديم بيانات ومستندات صحيحة وكاملة، والإبلاغ عن أي تغيير يطرأ عليها.',
  '- احترام موظفي الجمعية وأنظمتها، واستخدام المساعدة فيما قُدّمت له.',
  '',
  'ثالثاً: تبعات التقصير',
  '- تقديم بيانات غير صحيحة أو إخفاء ما يؤثر في الاستحقاق يترتب عليه إيقاف الخدمة واسترداد ما صُرف دون وجه حق والمساءلة النظامية.',
  '',
  'رابعاً: حدود المسؤولية',
  '- تلتزم الجمعية بما أعلنته من خدمات في حدود مواردها وشروط الداعمين، ولا تتحمل ما يجاوز ذلك.',
  '',
  'خامساً: تسوية الخلافات',
  '1. التسوية الودية مع مسؤول علاقات المستفيدين.',
  '2. المراجعة من المدير التنفيذي.',
  '3. قرار مجلس الإدارة.',
  '4. الجهة المختصة نظاماً.',
].join('\n');

export const demoCharterEn = [
  '(Demo text — the association replaces it with its approved charter)',
  '',
  'First: the beneficiary’s rights',
  '- To be treated with respect, fairly and without discrimination; to have their data kept confidential and shared only with their consent or as the law requires.',
  '- To know the services, their conditions, the documents required and the time to decide, and to be told the decision and its reasons.',
  '- To make a complaint or a suggestion and receive an answer.',
  '',
  'Second: the beneficiary’s duties',
  '- To give correct and complete data and documents, and to report any change to them.',
  '- To respect the association’s staff and rules, and to use the aid for what it was given.',
  '',
  'Third: consequences of breach',
  '- Incorrect data, or hiding what affects eligibility, stops the service, recovers what was paid without right, and leads to legal accountability.',
  '',
  'Fourth: limits of liability',
  '- The association is bound by the services it announced, within its resources and its supporters’ conditions, and bears nothing beyond them.',
  '',
  'Fifth: settling disputes',
  '1. Amicable settlement with the beneficiary relations officer.',
  '2. Review by the executive director.',
  '3. The board’s decision.',
  '4. The competent authority.',
].join('\n');

/** The declaration in force and the demo charter, as published version 1 of their documents. */
export async function seedSignedTexts(services: Services, organizationId: string, approvedBy: string | null) {
  const approval = {
    decisionNumber: 'م.إ/2/2025',
    decisionDate: '2025-01-15',
    minutesReference: 'محضر اجتماع مجلس الإدارة الأول لعام 2025 (بيانات تجريبية)',
    approvedBy,
    approvedAt: new Date('2025-01-15T09:00:00Z'),
  };
  await inTenant(services.db, { organizationId, userId: null }, async () => {
    await services.policies.importPublished(services.db, systemContext, organizationId, {
      kind: 'declaration',
      titleAr: 'الإقرار بصحة البيانات',
      titleEn: 'Declaration of data correctness',
      body: message('ar', 'declaration.default'),
      bodyEn: message('en', 'declaration.default'),
      contexts: ['registrations'],
      ...approval,
    });
    await services.policies.importPublished(services.db, systemContext, organizationId, {
      kind: 'charter',
      titleAr: 'ميثاق المستفيد (نص تجريبي)',
      titleEn: 'Beneficiary charter (demo text)',
      body: demoCharterAr,
      bodyEn: demoCharterEn,
      contexts: ['registrations', 'complaints'],
      ...approval,
    });
  });
}
