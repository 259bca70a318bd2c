/**
 * The demo associations' reference library (issue 14 item 4): a bylaws excerpt, a board decision and a
 * procedure, each published version 1 and marked as DEMO TEXT. The procedure restates policy 001's steps
 * for receiving a beneficiary («ويتم التعامل مع المستفيد على مختلف المستويات…»); the bylaws and the
 * decision are placeholders an association replaces with its own approved texts.
 */
import type { Services } from '../app';
import { inTenant } from '../platform/db/tenant';
import type { RequestContext } from '../platform/http/context';

const systemContext: RequestContext = { actor: null, ip: null, requestId: 'demo-seed', language: 'ar' };

const documents = [
  {
    kind: 'bylaws' as const,
    titleAr: 'اللائحة الأساسية للجمعية (مقتطف تجريبي)',
    titleEn: 'Association bylaws (demo excerpt)',
    contexts: ['committee' as const, 'registrations' as const],
    body: [
      '(نص تجريبي — تستبدله الجمعية بلائحتها الأساسية المعتمدة من الوزارة)',
      'المادة الأولى: أهداف الجمعية — تقديم الخدمات للمستفيدين من الفئات المستحقة وفق شروط كل خدمة.',
      'المادة الثانية: مجلس الإدارة — يعتمد المجلس السياسات واللوائح الداخلية ويراجعها.',
      'المادة الثالثة: لجنة البحث — تدرس طلبات المستفيدين وترفع توصياتها بالقبول أو الرفض.',
    ].join('\n'),
  },
  {
    kind: 'board_decision' as const,
    titleAr: 'قرار مجلس الإدارة باعتماد سياسة تنظيم العلاقة مع المستفيدين (تجريبي)',
    titleEn: 'Board decision approving the beneficiary relations policy (demo)',
    contexts: ['committee' as const],
    body: [
      '(نص تجريبي)',
      'قرر مجلس الإدارة في اجتماعه الأول لعام 2025 اعتماد سياسة تنظيم العلاقة مع المستفيدين، وتعميمها على',
      'جميع الموظفين، ومراجعتها سنوياً.',
    ].join('\n'),
  },
  {
    kind: 'procedure' as const,
    titleAr: 'إجراء استقبال المستفيد وإنهاء معاملته',
    titleEn: 'Procedure: receiving a beneficiary and completing the request',
    contexts: ['registrations' as const, 'complaints' as const],
    body: [
      '1. استقبال المستفيد بلباقة واحترام والإجابة على جميع الاستفسارات وإعطاء المراجع الوقت الكافي.',
      '2. التأكد من تقديم المراجع كافة المعلومات المطلوبة، ومطابقة البيانات والتأكد من صلاحيتها وقت التقديم.',
      '3. في حال عدم وضوح الإجراءات للمستفيد يُحال إلى المختص للإجابة على تساؤلاته وإيضاح الجوانب التنظيمية.',
      '4. التأكد من صحة البيانات المقدمة وتوقيع المستفيد عليها.',
      '5. توضيح أن الطلب سيُرفع إلى الجهة المختصة لدراسته والرد عليه خلال مدة لا تقل عن أسبوعين.',
      '6. استكمال إجراءات التسجيل مع اكتمال الطلبات، ثم تقديم الخدمة اللازمة.',
    ].join('\n'),
  },
];

/** Publishes the demo library documents as version 1 (approved by the demo board decision). */
export async function seedLibrary(services: Services, organizationId: string, approvedBy: string | null) {
  await inTenant(services.db, { organizationId, userId: null }, async () => {
    for (const doc of documents) {
      await services.policies.importPublished(services.db, systemContext, organizationId, {
        ...doc,
        decisionNumber: 'م.إ/2/2025',
        decisionDate: '2025-01-15',
        minutesReference: 'محضر اجتماع مجلس الإدارة الأول لعام 2025 (بيانات تجريبية)',
        approvedBy,
        approvedAt: new Date('2025-01-15T09:00:00Z'),
      });
    }
  });
}
