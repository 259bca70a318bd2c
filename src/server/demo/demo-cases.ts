/**
 * A few services, beneficiaries and requests at different stages for each demo association, created
 * through the same services the API uses (so they carry history, audit events and notifications).
 */

import type { StaffRole } from '../../shared/roles';
import { generateNationalId } from '../../shared/saudi/national-id';
import type { Services } from '../app';
import { inTenant } from '../platform/db/tenant';
import type { ActorContext } from '../platform/http/context';
import { seedSatisfaction } from './demo-surveys';

// A 1×1 PNG stands in for scanned documents and drawn signatures.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const people = [
  {
    name: 'فاطمة أحمد عبدالله الشهري',
    gender: 'female',
    birthDate: '1968-03-14',
    city: 'مكة المكرمة',
    categories: ['widow'],
  },
  {
    name: 'محمد سعيد علي الغامدي',
    gender: 'male',
    birthDate: '1955-09-02',
    city: 'مكة المكرمة',
    categories: ['elderly'],
  },
  {
    name: 'نورة خالد ناصر العتيبي',
    gender: 'female',
    birthDate: '1985-12-21',
    city: 'جدة',
    categories: ['divorcee', 'low_income'],
  },
  {
    name: 'عبدالرحمن يوسف حسن الزهراني',
    gender: 'male',
    birthDate: '1979-06-30',
    city: 'الطائف',
    categories: ['disability'],
  },
  {
    name: 'مريم إبراهيم صالح الحربي',
    gender: 'female',
    birthDate: '1990-01-08',
    city: 'جدة',
    categories: ['low_income'],
  },
  {
    name: 'سالم مبارك سعد الدوسري',
    gender: 'male',
    birthDate: '1962-11-17',
    city: 'مكة المكرمة',
    categories: ['chronic_illness'],
  },
] as const;

/** Seeds one association's cases, inside that association (row-level security), in one transaction. */
export function seedCases(
  services: Services,
  organizationId: string,
  staff: { email: string; roles: StaffRole[] }[],
  offset: number,
) {
  return inTenant(services.db, { organizationId, userId: null }, () =>
    seedCasesInTenant(services, organizationId, staff, offset),
  );
}

async function seedCasesInTenant(
  services: Services,
  organizationId: string,
  staff: { email: string; roles: StaffRole[] }[],
  offset: number,
) {
  const contexts = new Map<StaffRole, ActorContext>();
  for (const s of staff) {
    const user = await services.users.findForSignIn(s.email);
    if (!user) continue;
    const ctx: ActorContext = {
      actor: {
        userId: user.id,
        organizationId,
        fullName: user.fullName,
        email: user.email,
        roles: s.roles,
        sessionId: 'demo',
      },
      ip: null,
      requestId: 'demo-seed',
      language: 'ar',
    };
    for (const role of s.roles) if (!contexts.has(role)) contexts.set(role, ctx);
  }
  const as = (role: StaffRole) => contexts.get(role)!;

  const basket = await services.catalog.createService(as('admin'), {
    nameAr: 'سلة غذائية',
    nameEn: 'Food basket',
    descriptionAr: 'سلة غذائية شهرية للأسر المحتاجة',
    targetCategories: ['widow', 'low_income', 'elderly'],
    requiredDocuments: ['national_id'],
    verification: ['documents'],
    decisionDays: 14,
    recurrence: 'monthly',
    registrationChecklist: ['توقيع محضر الاستلام'],
    active: true,
    visitMinutes: 15,
  });
  await services.catalog.createService(as('admin'), {
    nameAr: 'مساعدة إيجار',
    nameEn: 'Rent assistance',
    targetCategories: ['widow', 'divorcee', 'low_income'],
    requiredDocuments: ['national_id', 'lease'],
    verification: ['documents', 'interview', 'field_visit'],
    decisionDays: 21,
    recurrence: 'one_off',
    registrationChecklist: ['التحقق من بيانات المؤجر'],
    active: true,
    visitMinutes: 30,
  });

  const moves: Parameters<typeof services.transitions.transition>[2]['action'][][] = [
    [],
    ['start_review'],
    ['start_review', 'request_info'],
    ['start_review', 'start_verification'],
    ['start_review', 'start_verification', 'send_to_committee'],
    ['start_review', 'start_verification', 'send_to_committee', 'approve'],
  ];
  const actor: Record<string, StaffRole> = {
    start_review: 'relations_officer',
    request_info: 'relations_officer',
    start_verification: 'relations_officer',
    send_to_committee: 'researcher',
    approve: 'committee_member',
  };
  const cases: { beneficiaryId: string; requestId: string }[] = [];
  for (const [i, p] of people.entries()) {
    const b = await services.beneficiaries.registerBeneficiary(as('relations_officer'), {
      nationalId: generateNationalId(1, String(41000000 + offset * 100 + i).padStart(8, '0')),
      fullNameAr: p.name,
      birthDate: p.birthDate,
      gender: p.gender,
      phone: `+9665${String(50000000 + offset * 100 + i * 7).padStart(8, '0')}`,
      nationality: 'SA',
      city: p.city,
      categories: [...p.categories],
      channel: 'in_person',
      incomeSources: [{ source: 'الضمان الاجتماعي', monthlyAmount: 1500 + i * 250 }],
    });
    await services.beneficiaryRecords.uploadDocument(
      as('relations_officer'),
      b.id,
      { data: png, fileName: 'national-id.png' },
      {
        type: 'national_id',
        number: generateNationalId(1, String(41000000 + offset * 100 + i).padStart(8, '0')),
        expiryDate: i === 2 ? '2026-01-01' : '2031-01-01',
      },
    );
    const text = await services.beneficiaryRecords.getDeclarationText(as('relations_officer'));
    await services.beneficiaryRecords.signDeclaration(as('relations_officer'), b.id, {
      method: 'drawn',
      textVersion: text.version,
      signatureImage: `data:image/png;base64,${png.toString('base64')}`,
      agreed: true,
      channel: 'in_person',
    });
    if (i === 2) continue; // an expired ID: this one cannot submit yet, as the profile shows
    const request = await services.requests.createRequest(as('relations_officer'), {
      beneficiaryId: b.id,
      serviceId: basket.id,
      channel: 'in_person',
    });
    cases.push({ beneficiaryId: b.id, requestId: request.id });
    for (const action of moves[i]!) {
      if (action === 'send_to_committee') {
        for (const task of (await services.verification.listTasks(as('researcher'), request.id)).items) {
          await services.verification.completeTask(as('researcher'), task.id, {
            answers: { documents_match: true },
            findings: 'الوثائق مطابقة وسارية',
            recommendation: 'eligible',
          });
        }
      }
      const note =
        action === 'request_info'
          ? 'صورة صك الإعالة'
          : action === 'approve'
            ? 'تنطبق شروط الخدمة'
            : undefined;
      await services.transitions.transition(
        as(actor[action]!),
        request.id,
        {
          action,
          note,
          missingItems: action === 'request_info' ? ['صورة صك الإعالة'] : undefined,
        },
        { viaCommittee: true },
      );
    }
  }
  await seedReferralsAndPartners(services, as, cases);
  await seedSatisfaction(services, organizationId, as);
  await services.campaigns.create(as('relations_officer'), {
    serviceId: basket.id,
    title: 'تعريف بالسلة الغذائية الشهرية',
    messageAr: 'قد تكون مؤهلاً لخدمة السلة الغذائية الشهرية. تفضل بزيارتنا أو قدّم طلبك من بوابة المستفيدين.',
    messageEn: 'You may qualify for the monthly food basket. Visit us or apply in the beneficiary portal.',
    minDaysBetween: 30,
  });
}

/** A referral waiting for the supervisor, one answered, two partners and one person referred to one. */
async function seedReferralsAndPartners(
  services: Services,
  as: (role: StaffRole) => ActorContext,
  cases: { beneficiaryId: string; requestId: string }[],
) {
  const [first, second] = cases;
  if (!first || !second) return;
  const supervisor = as('supervisor');
  await services.referrals.refer(as('relations_officer'), second.requestId, {
    reason: 'المستفيدة تسأل هل يشمل الدعم أبناءها المتزوجين المقيمين معها؟',
    assigneeId: supervisor.actor.userId,
    dueInDays: 2,
  });
  const answered = await services.referrals.refer(as('relations_officer'), first.requestId, {
    reason: 'هل يُكتفى بصورة الهوية أم يلزم الأصل عند الاستلام؟',
    assigneeId: supervisor.actor.userId,
    dueInDays: 2,
  });
  await services.referrals.answer(
    supervisor,
    answered.id,
    'تكفي الصورة عند التسجيل، ويُطلب الأصل عند الاستلام.',
  );
  const partner = await services.partners.create(as('admin'), {
    nameAr: 'جمعية البر الخيرية',
    nameEn: 'Al-Birr Charity',
    kind: 'charity',
    contactName: 'مكتب التنسيق',
  });
  await services.partners.create(as('admin'), {
    nameAr: 'مستشفى الملك فيصل — الخدمة الاجتماعية',
    kind: 'health',
  });
  // A volunteer and a donor, with a contact each.
  const volunteer = await services.supporters.create(as('relations_officer'), {
    kind: 'volunteer',
    fullName: 'هيفاء سعد القرني',
    phone: '0555000111',
    interests: 'توزيع السلال والزيارات الميدانية',
    status: 'active',
    contactConsent: true,
  });
  await services.supporters.addContact(as('relations_officer'), volunteer.id, {
    channel: 'phone',
    summary: 'أكدت المشاركة في توزيع السلال الشهر القادم',
  });
  await services.supporters.create(as('relations_officer'), {
    kind: 'donor',
    fullName: 'مؤسسة البر للتنمية',
    organizationName: 'مؤسسة البر للتنمية',
    status: 'prospect',
    contactConsent: false,
  });
  // Approved answers to common questions, an inquiry waiting for its answer, and a suggestion.
  for (const article of [
    {
      category: 'التسجيل',
      questionAr: 'كيف أسجل في الجمعية؟',
      answerAr:
        'بزيارة مقر الجمعية بالهوية الوطنية، أو بالتسجيل المسبق من بوابة المستفيدين ثم التحقق لدى الموظف.',
      questionEn: 'How do I register with the association?',
      answerEn:
        'Visit the association with your national ID, or pre-register in the beneficiary portal and verify with staff.',
    },
    {
      category: 'الطلبات',
      questionAr: 'متى يصدر القرار في طلبي؟',
      answerAr: 'يُعرض الطلب على اللجنة ويصدر القرار خلال مدة لا تقل عن أسبوعين، ويصلك موعده برسالة نصية.',
    },
  ]) {
    const draft = await services.knowledge.create(supervisor, article);
    await services.knowledge.approve(supervisor, draft.id);
  }
  await services.inquiries.create(as('relations_officer'), {
    beneficiaryId: first.beneficiaryId,
    channel: 'phone',
    question: 'متى يصدر القرار في طلب السلة الغذائية؟',
  });
  await services.complaints.create(as('relations_officer'), {
    kind: 'suggestion',
    text: 'نقترح تخصيص وقت لكبار السن في الاستقبال صباحاً.',
    beneficiaryId: second.beneficiaryId,
    anonymous: false,
  });
  await services.beneficiaryRecords.recordConsent(as('relations_officer'), first.beneficiaryId, {
    purpose: 'partner_sharing',
    granted: true,
    channel: 'in_person',
  });
  await services.partners.refer(as('relations_officer'), first.beneficiaryId, {
    partnerId: partner.id,
    reason: 'احتياج إلى ترميم المسكن خارج خدمات الجمعية',
    sharedFields: ['fullName', 'phone', 'city'],
  });
}
