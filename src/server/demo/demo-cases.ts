/**
 * A few services, beneficiaries and requests at different stages for each demo association, created
 * through the same services the API uses (so they carry history, audit events and notifications).
 */

import type { StaffRole } from '../../shared/roles';
import { generateNationalId } from '../../shared/saudi/national-id';
import type { Services } from '../app';
import { inTenant } from '../platform/db/tenant';
import type { ActorContext } from '../platform/http/context';

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
}
