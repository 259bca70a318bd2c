/**
 * One synthetic beneficiary and everything recorded about them: household, documents (some expired),
 * declaration, consents, interactions, and requests in every state over two years with their history
 * and deliveries. Rows are plain objects keyed by column name, ready for the bulk loader.
 */
import { defaultChannels } from '../../src/shared/contracts/organization';
import { drawNameParts, drawResidentNationality, formatStoredName, type NameParts } from './names';
import { type Calendar, districts, drawCity, drawMobile, nationalIdFor, randomHex } from './people';
import { type Rng, weightedSampler } from './prng';

export type Row = Record<string, unknown>;
export type Tables = Record<
  | 'beneficiaries'
  | 'household_members'
  | 'beneficiary_documents'
  | 'declarations'
  | 'consents'
  | 'interactions'
  | 'requests'
  | 'request_history'
  | 'deliveries',
  Row[]
>;

export const emptyTables = (): Tables => ({
  beneficiaries: [],
  household_members: [],
  beneficiary_documents: [],
  declarations: [],
  consents: [],
  interactions: [],
  requests: [],
  request_history: [],
  deliveries: [],
});

export interface StaffIds {
  relations: string[];
  supervisor: string;
  researcher: string;
  committee: string;
  service: string;
  names: Record<string, string>;
}

export interface ServiceSpec {
  id: string;
  nameAr: string;
  requiredDocuments: string[];
  recurrence: 'one_off' | 'monthly';
  decisionDays: number;
  registrationChecklist: string[];
}

export interface OrgContext {
  id: string;
  seed: number;
  /** One stream per organization, drawn in order: a 32-bit generator per person would overlap. */
  rng: Rng;
  uuid: () => string;
  staff: StaffIds;
  services: ServiceSpec[];
  calendar: Calendar;
  /** Shared across organizations: each ID issued once per run. */
  ids: { next: number; offset: number };
  requestCounter: { value: number };
  /** Requests per beneficiary ÷ the natural rate (1 = as drawn; 300,000 requests at 100,000 ≈ 2.42). */
  requestScale: number;
}

/** Requests per beneficiary as drawn below: 75 % ask, 1–2 times, 15 % of those once more. */
export const naturalRequestsPerBeneficiary = 0.75 * (1.5 + 0.15);

const channels = defaultChannels.filter((c) => c.enabled).map((c) => c.code);
const drawChannel = weightedSampler<string>([
  ['in_person', 45],
  ['phone', 30],
  ['website', 12],
  ['social_media', 8],
  ['letters', 5],
]);
const drawCategory = weightedSampler<string>([
  ['low_income', 40],
  ['widow', 12],
  ['orphan', 10],
  ['divorcee', 10],
  ['elderly', 12],
  ['disability', 8],
  ['chronic_illness', 8],
]);
const incomeSourceNames = ['الضمان الاجتماعي', 'حساب المواطن', 'راتب تقاعدي', 'عمل جزئي', 'راتب'];
const housingTypes = ['apartment', 'villa', 'traditional_house', 'room', 'shelter'] as const;
const interactionKinds = ['intake', 'inquiry', 'follow_up', 'visit', 'call', 'other'] as const;
const schooling = ['kindergarten', 'primary', 'intermediate', 'secondary', 'university'] as const;

const fullName = (p: NameParts) => `${p.first} ${p.father} ${p.grandfather} ${p.family}`;

// A request's path through the states (DESIGN.md "Request states"), as [action, from, to].
type Step = [string, string | null, string];
const paths: Record<string, Step[]> = {};
{
  const s = (a: string, f: string | null, t: string): Step => [a, f, t];
  const submitted = [s('submit', null, 'submitted')];
  const review = [...submitted, s('start_review', 'submitted', 'under_review')];
  const verification = [...review, s('start_verification', 'under_review', 'in_verification')];
  const committee = [...verification, s('send_to_committee', 'in_verification', 'in_committee')];
  const approved = [...committee, s('approve', 'in_committee', 'approved')];
  const rejected = [...committee, s('reject', 'in_committee', 'rejected')];
  const registered = [...approved, s('complete_registration', 'approved', 'registered')];
  const delivered = [...registered, s('deliver', 'registered', 'delivered')];
  Object.assign(paths, {
    draft: [s('create', null, 'draft')],
    submitted,
    under_review: review,
    needs_info: [...review, s('request_info', 'under_review', 'needs_info')],
    in_verification: verification,
    in_committee: committee,
    approved,
    rejected,
    registered,
    delivered,
    closed: [...delivered, s('close', 'delivered', 'closed')],
    closed_rejected: [...rejected, s('close', 'rejected', 'closed')],
    withdrawn: [...review, s('withdraw', 'under_review', 'withdrawn')],
  });
}

// Old requests have mostly finished; recent ones are still moving.
const oldStatus = weightedSampler<string>([
  ['closed', 40],
  ['closed_rejected', 8],
  ['delivered', 18],
  ['rejected', 8],
  ['withdrawn', 8],
  ['registered', 18],
]);
const middleStatus = weightedSampler<string>([
  ['approved', 10],
  ['registered', 25],
  ['delivered', 25],
  ['rejected', 12],
  ['in_committee', 8],
  ['in_verification', 8],
  ['needs_info', 5],
  ['withdrawn', 7],
]);
const recentStatus = weightedSampler<string>([
  ['submitted', 30],
  ['under_review', 20],
  ['needs_info', 8],
  ['in_verification', 15],
  ['in_committee', 10],
  ['draft', 10],
  ['approved', 7],
]);

export function generateBeneficiary(org: OrgContext, index: number, out: Tables): void {
  const rng = org.rng;
  const cal = org.calendar;
  const staffId = () => rng.pick(org.staff.relations);
  const resident = rng.chance(0.18);
  const gender = rng.chance(0.55) ? 'female' : 'male';
  const parts = drawNameParts(rng, gender, resident);
  const id = org.uuid();
  const age = rng.int(18, 85);
  const birth = cal.date(-(age * 365.25 + rng.int(0, 364)));
  const married = age > 22 && rng.chance(0.62);
  const maritalStatus = married
    ? 'married'
    : gender === 'female' && age > 30 && rng.chance(0.5)
      ? rng.pick(['widowed', 'divorced'] as const)
      : age > 50 && rng.chance(0.3)
        ? 'widowed'
        : 'single';
  const categories = new Set<string>([drawCategory(rng)]);
  if (maritalStatus === 'widowed' && gender === 'female') categories.add('widow');
  if (age >= 65) categories.add('elderly');
  if (rng.chance(0.2)) categories.add(drawCategory(rng));
  const { city, region } = drawCity(rng);
  const registeredDay = -rng.int(1, 900);
  const createdAt = cal.at(registeredDay, rng);
  const dataVersion = rng.chance(0.06) ? 2 : 1;
  const rented = rng.chance(0.55);
  const status = rng.chance(0.94) ? 'active' : rng.pick(['inactive', 'deceased', 'blocked'] as const);
  out.beneficiaries.push({
    id,
    organization_id: org.id,
    file_number: `B-${String(index + 1).padStart(6, '0')}`,
    national_id: nationalIdFor(org.ids.next++, resident, org.ids.offset),
    full_name_ar: formatStoredName(rng, parts),
    full_name_en: null,
    gender,
    birth_date: birth,
    nationality: resident ? drawResidentNationality(rng) : 'SA',
    marital_status: maritalStatus,
    phone: drawMobile(rng),
    alt_phone: rng.chance(0.3) ? drawMobile(rng) : null,
    region,
    city,
    district: rng.pick(districts),
    address: null,
    preferred_channel: drawChannel(rng),
    preferred_language: resident && rng.chance(0.1) ? 'en' : 'ar',
    categories: [...categories].join('|'),
    income_sources: JSON.stringify(
      rng.chance(0.85) ? [{ source: rng.pick(incomeSourceNames), monthlyAmount: rng.int(8, 60) * 100 }] : [],
    ),
    housing: JSON.stringify({
      type: rng.pick(housingTypes),
      ownership: rented ? 'rented' : rng.pick(['owned', 'family', 'charity'] as const),
      ...(rented ? { monthlyRent: rng.int(8, 40) * 100 } : {}),
    }),
    health_conditions: categories.has('chronic_illness') ? 'سكري|ضغط الدم' : '',
    status,
    status_reason: status === 'active' ? null : 'تحديث من سجلات الجمعية',
    data_version: dataVersion,
    created_by: staffId(),
    created_at: createdAt,
    updated_at: createdAt,
  });

  // Household: spouse and children share the family name; children carry the father's lineage.
  const memberCount = married ? rng.int(1, 7) : maritalStatus === 'single' ? rng.int(0, 1) : rng.int(0, 4);
  const lineage =
    gender === 'male'
      ? { father: parts.first, grandfather: parts.father, family: parts.family }
      : {
          father: drawNameParts(rng, 'male', resident).first,
          grandfather: parts.first,
          family: parts.family,
        };
  for (let m = 0; m < memberCount; m++) {
    const spouse = married && m === 0;
    const g = spouse ? (gender === 'male' ? 'female' : 'male') : rng.chance(0.5) ? 'male' : 'female';
    const p = spouse ? drawNameParts(rng, g, resident) : drawNameParts(rng, g, resident, lineage);
    const childAge = Math.max(0, age - rng.int(20, 40));
    const memberAge = spouse ? age + rng.int(-8, 8) : childAge;
    out.household_members.push({
      id: org.uuid(),
      organization_id: org.id,
      beneficiary_id: id,
      relation: spouse ? 'spouse' : g === 'male' ? 'son' : 'daughter',
      full_name: fullName(p),
      national_id:
        memberAge >= 15 || rng.chance(0.5) ? nationalIdFor(org.ids.next++, resident, org.ids.offset) : null,
      birth_date: cal.date(-(memberAge * 365.25 + rng.int(0, 364))),
      gender: g,
      monthly_income: memberAge >= 22 && rng.chance(0.3) ? rng.int(10, 80) * 100 : 0,
      health: null,
      schooling: !spouse && memberAge >= 4 && memberAge <= 22 ? rng.pick(schooling) : null,
      created_at: createdAt,
    });
  }

  // Documents: the ID card always (about 8% expired), the others as the situation calls for.
  const doc = (type: string, issueDay: number, expiryDay: number | null, number: string | null) =>
    out.beneficiary_documents.push({
      id: org.uuid(),
      organization_id: org.id,
      beneficiary_id: id,
      type,
      number,
      issue_date: cal.date(issueDay),
      expiry_date: expiryDay === null ? null : cal.date(expiryDay),
      storage_key: `bench/${randomHex(rng, 32)}`,
      file_name: `${type}.pdf`,
      content_type: 'application/pdf',
      size: rng.int(40_000, 2_000_000),
      sha256: randomHex(rng, 64),
      uploaded_by: staffId(),
      uploaded_at: createdAt,
    });
  const idExpired = rng.chance(0.08);
  doc(
    'national_id',
    registeredDay - rng.int(100, 3000),
    idExpired ? -rng.int(1, 400) : rng.int(30, 3000),
    null,
  );
  if (memberCount > 0 || rng.chance(0.6)) doc('family_card', registeredDay - rng.int(30, 2000), null, null);
  if (rng.chance(0.5)) {
    const issued = registeredDay + rng.int(0, Math.max(0, -registeredDay));
    doc('income_proof', issued, issued + 365, null);
  }
  if (rented && rng.chance(0.6)) doc('lease', registeredDay - rng.int(0, 200), rng.int(-200, 500), null);
  if (categories.has('chronic_illness') || categories.has('disability')) {
    doc('medical_report', registeredDay, registeredDay + 365, null);
  }
  if (categories.has('widow') || categories.has('orphan'))
    doc('death_certificate', -rng.int(400, 5000), null, null);
  if (rng.chance(0.4))
    doc('bank_iban', registeredDay, null, `SA${randomHex(rng, 22).replace(/[a-f]/g, '0')}`);

  // Declaration: most signed at registration; some records changed since (data_version 2).
  if (rng.chance(0.88)) {
    const typed = rng.chance(0.7);
    out.declarations.push({
      id: org.uuid(),
      organization_id: org.id,
      beneficiary_id: id,
      text_version: 1,
      data_version: dataVersion === 2 && rng.chance(0.5) ? 2 : 1,
      method: typed ? 'typed' : 'drawn',
      typed_name: typed ? fullName(parts) : null,
      signature_key: typed ? null : `bench/sig-${randomHex(rng, 24)}`,
      channel: 'in_person',
      witnessed_by: staffId(),
      signed_at: createdAt,
    });
  }
  for (const purpose of ['service_delivery', 'contact'] as const) {
    out.consents.push({
      id: org.uuid(),
      organization_id: org.id,
      beneficiary_id: id,
      purpose,
      granted: purpose === 'service_delivery' || rng.chance(0.8),
      channel: 'in_person',
      recorded_by: staffId(),
      recorded_at: createdAt,
    });
  }
  const interactionCount = rng.int(1, 5);
  for (let k = 0; k < interactionCount; k++) {
    const day = k === 0 ? registeredDay : rng.int(registeredDay, 0);
    out.interactions.push({
      id: org.uuid(),
      organization_id: org.id,
      beneficiary_id: id,
      channel: k === 0 ? 'in_person' : rng.pick(channels),
      kind: k === 0 ? 'intake' : rng.pick(interactionKinds),
      summary: k === 0 ? 'registration' : 'متابعة حالة المستفيد',
      staff_id: staffId(),
      occurred_at: cal.at(day, rng),
    });
  }

  // Requests over the last two years (never before registration).
  let requestCount = rng.chance(0.25) ? 0 : rng.int(1, 2) + (rng.chance(0.15) ? 1 : 0);
  if (org.requestScale !== 1) {
    const scaled = requestCount * org.requestScale;
    requestCount = Math.floor(scaled) + (rng.chance(scaled - Math.floor(scaled)) ? 1 : 0);
  }
  for (let r = 0; r < requestCount; r++) generateRequest(org, rng, id, Math.max(registeredDay, -730), out);
}

function generateRequest(org: OrgContext, rng: Rng, beneficiaryId: string, earliestDay: number, out: Tables) {
  const cal = org.calendar;
  const service = rng.pick(org.services);
  const startDay = rng.int(earliestDay, -1);
  const age = -startDay;
  let pathKey = age > 120 ? oldStatus(rng) : age > 30 ? middleStatus(rng) : recentStatus(rng);
  if (service.recurrence === 'one_off' && pathKey === 'registered' && age > 120) pathKey = 'closed';
  const steps = paths[pathKey]!;
  const status = steps[steps.length - 1]![2];
  const id = org.uuid();
  const actors: Record<string, string> = {
    submit: rng.pick(org.staff.relations),
    start_review: rng.pick(org.staff.relations),
    request_info: org.staff.supervisor,
    start_verification: org.staff.supervisor,
    send_to_committee: org.staff.researcher,
    approve: org.staff.committee,
    reject: org.staff.committee,
    complete_registration: org.staff.service,
    deliver: org.staff.service,
    close: org.staff.service,
    withdraw: rng.pick(org.staff.relations),
    create: rng.pick(org.staff.relations),
  };
  // Spread the steps between the start and today (or over a few weeks for old requests).
  const span = Math.min(age - 0.5, Math.max(3, steps.length * rng.int(3, 12)));
  let t = cal.at(startDay, rng).getTime();
  const stepMs = (span * 86_400_000) / Math.max(1, steps.length);
  let decidedAt: Date | null = null;
  let decidedBy: string | null = null;
  let lastAt = new Date(t);
  for (const [action, from, to] of steps) {
    const at = new Date(t);
    out.request_history.push({
      id: org.uuid(),
      organization_id: org.id,
      request_id: id,
      from_status: from,
      to_status: to,
      action,
      actor_id: actors[action],
      actor_name: org.staff.names[actors[action]!],
      note: action === 'reject' ? 'لا تنطبق شروط الخدمة' : null,
      at,
    });
    if (action === 'approve' || action === 'reject') {
      decidedAt = at;
      decidedBy = actors[action]!;
    }
    if (action === 'deliver' || (action === 'complete_registration' && service.recurrence === 'monthly')) {
      const n = action === 'deliver' ? 1 : Math.min(12, Math.floor((cal.anchorMs - t) / (30 * 86_400_000)));
      for (let d = 0; d < n; d++) {
        out.deliveries.push({
          id: org.uuid(),
          organization_id: org.id,
          request_id: id,
          delivered_on: new Date(t + d * 30 * 86_400_000).toISOString().slice(0, 10),
          description: service.nameAr,
          quantity: 1,
          amount: rng.int(3, 30) * 100,
          delivered_by: org.staff.service,
          created_at: new Date(t + d * 30 * 86_400_000),
        });
      }
    }
    lastAt = at;
    t += stepMs * (0.5 + rng.next());
  }
  const submittedAt = status === 'draft' ? null : cal.at(startDay, rng);
  const number = `R-${String(++org.requestCounter.value).padStart(6, '0')}`;
  out.requests.push({
    id,
    organization_id: org.id,
    number,
    beneficiary_id: beneficiaryId,
    service_id: service.id,
    channel: drawChannel(rng),
    status,
    return_to: status === 'needs_info' ? 'under_review' : null,
    submitted_at: submittedAt,
    expected_decision_at: submittedAt
      ? new Date(submittedAt.getTime() + Math.ceil((service.decisionDays * 7) / 5) * 86_400_000)
      : null,
    assigned_to: status === 'draft' || rng.chance(0.3) ? null : rng.pick(org.staff.relations),
    decided_by: decidedBy,
    decision_reason: decidedBy
      ? pathKey.includes('reject')
        ? 'لا تنطبق شروط الخدمة'
        : 'مستوفٍ للشروط'
      : null,
    decided_at: decidedAt,
    registration_checklist: JSON.stringify(
      ['registered', 'delivered', 'closed'].includes(status) ? service.registrationChecklist : [],
    ),
    stage_entered_at: lastAt,
    created_by: actors.submit,
    created_at: cal.at(startDay, rng),
    updated_at: lastAt,
  });
}
