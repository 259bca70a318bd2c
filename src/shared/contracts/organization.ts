import { z } from 'zod';
import { defaultDigitStyle, digitStyles } from '../digits';
import { staffRoles } from '../roles';
import { isoDateSchema, textSchema } from './common';
import { complaintSettingsSchemaOf, defaultComplaintSettings } from './complaints';

// قنوات التواصل — the contact channels of the two seed policies; an organization enables its own.
export const defaultChannels = [
  { code: 'in_person', labelAr: 'المقابلة', labelEn: 'In-person meeting', enabled: true },
  { code: 'phone', labelAr: 'الاتصالات الهاتفية', labelEn: 'Phone calls', enabled: true },
  { code: 'social_media', labelAr: 'وسائل التواصل الاجتماعي', labelEn: 'Social media', enabled: true },
  { code: 'letters', labelAr: 'الخطابات', labelEn: 'Letters', enabled: true },
  { code: 'website', labelAr: 'الموقع الإلكتروني للجمعية', labelEn: 'Association website', enabled: true },
  {
    code: 'assistance_requests',
    labelAr: 'خدمات طلب المساعدة',
    labelEn: 'Assistance request services',
    enabled: false,
  },
  { code: 'volunteering', labelAr: 'خدمة التطوع', labelEn: 'Volunteering service', enabled: false },
  {
    code: 'office_representatives',
    labelAr: 'مناديب المكاتب التعريفية',
    labelEn: 'Outreach office representatives',
    enabled: false,
  },
  { code: 'whatsapp', labelAr: 'واتساب', labelEn: 'WhatsApp', enabled: true },
  { code: 'email', labelAr: 'البريد الإلكتروني', labelEn: 'E-mail', enabled: true },
] as const;

type TextFactory = (min: number, max: number) => z.ZodType<string>;
const plainText: TextFactory = (min, max) => z.string().min(min).max(max);

/** The settings shape, built for input (trims) or for output (plain). */
function settingsSchema(text: TextFactory) {
  const channel = z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    labelAr: text(1, 80),
    labelEn: text(1, 80),
    enabled: z.boolean(),
  });
  const title = z.object({ ar: text(1, 80), en: text(1, 80) });
  const question = z
    .object({
      id: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
      labelAr: text(1, 200),
      labelEn: text(1, 200),
      type: z.enum(['text', 'number', 'yes_no', 'choice']),
      options: z.array(text(1, 80)).max(12).optional(),
    })
    .refine((q) => q.type !== 'choice' || (q.options?.length ?? 0) >= 2, {
      message: 'a choice question needs at least two options',
      path: ['options'],
    });
  /** Codes and question ids are referenced by records and answers: unique within their list. */
  const uniqueBy = (key: string) => (list: Record<string, unknown>[]) =>
    new Set(list.map((item) => item[key])).size === list.length;
  const labelled = z.object({
    code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/),
    labelAr: text(1, 80),
    labelEn: text(1, 80),
  });
  return z.object({
    channels: z
      .array(channel)
      .min(1)
      .max(30)
      .refine((list) => new Set(list.map((c) => c.code)).size === list.length, {
        message: 'duplicate channel code',
      }),
    roleTitles: z.partialRecord(z.enum(staffRoles), title),
    // الجهة المختصة بالقرار — a research committee or a competent department decides.
    decisionBody: z.object({
      kind: z.enum(['committee', 'department']),
      nameAr: text(1, 120),
      nameEn: text(1, 120),
    }),
    /** 0 = Sunday … 6 = Saturday (JavaScript's getUTCDay). */
    workingDays: z.array(z.number().int().min(0).max(6)).min(1).max(7),
    holidays: z.array(z.object({ date: isoDateSchema, nameAr: text(1, 80), nameEn: text(1, 80) })).max(200),
    // The policy promises an answer "within a period of no less than two weeks".
    defaultDecisionDays: z.number().int().min(14).max(365),
    // An IANA zone the runtime knows: any other makes every date computation of the association throw.
    timeZone: z.string().min(1).max(64).refine(isKnownTimeZone, { message: 'unknown time zone' }),
    // فئات المستفيدين — orphan, widow, elderly, … as the organization names them.
    beneficiaryCategories: z.array(labelled).max(50).refine(uniqueBy('code'), { message: 'duplicate code' }),
    // أنواع الوثائق — national ID, family card, income proof, lease, medical report, …
    documentTypes: z
      .array(labelled.extend({ hasExpiry: z.boolean() }))
      .max(50)
      .refine(uniqueBy('code'), { message: 'duplicate code' }),
    // A request that sits longer than this in one stage shows as overdue on the work queues.
    stageAlertDays: z.number().int().min(1).max(90),
    // The structured forms of the personal interview and the field visit (home or work).
    interviewQuestions: z
      .array(question)
      .max(40)
      .refine(uniqueBy('id'), { message: 'duplicate question id' }),
    fieldVisitChecklist: z
      .array(question)
      .max(40)
      .refine(uniqueBy('id'), { message: 'duplicate question id' }),
    // أسلوب الأرقام — Arabic-Indic (٠١٢٣) or Latin (0123) digits on every screen and document of the
    // Arabic interface (decision 014); inputs accept both.
    digitStyle: z.enum(digitStyles),
    // الرسائل النصية — the sender name the SMS gateway shows and the association's own wording of each
    // message ({{placeholders}} are filled in when a message is written).
    sms: z.object({
      senderName: z
        .string()
        .regex(/^[A-Za-z0-9 .-]{2,11}$/, { message: 'sender name: 2–11 Latin letters or digits' }),
      templates: z.partialRecord(z.enum(smsTemplateKeys), z.object({ ar: text(1, 480), en: text(1, 480) })),
    }),
    // أوقات الهدوء — messages written between start and end (association time) wait until the end.
    messaging: z.object({
      quietHours: z.object({
        start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
      }),
    }),
    // الشكاوى والمقترحات — categories and working days to answer, per kind.
    complaints: complaintSettingsSchemaOf(text),
    // الاستفسارات — working days to answer an inquiry (its due time on the working calendar).
    inquiryResponseDays: z.number().int().min(1).max(30),
    // الاستقبال — counter hours (association time) and desks: the appointment slots for counter visits.
    counter: z
      .object({
        opensAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        closesAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
        desks: z.number().int().min(1).max(50),
      })
      .refine((c) => c.opensAt < c.closesAt, { message: 'the counter closes after it opens' }),
  });
}

/** The SMS messages an association may word itself (defaults: the server's message catalogue). */
export const smsTemplateKeys = ['portal_code', 'registration_code', 'already_registered'] as const;
export type SmsTemplateKey = (typeof smsTemplateKeys)[number];

/** Fills {{name}} placeholders; an unknown placeholder stays as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => values[key] ?? whole);
}

// Lists added after the first release are optional on input: a client that does not know them keeps them.
export const organizationSettingsSchema = settingsSchema(textSchema).partial({
  beneficiaryCategories: true,
  documentTypes: true,
  stageAlertDays: true,
  interviewQuestions: true,
  fieldVisitChecklist: true,
  digitStyle: true,
  sms: true,
  messaging: true,
  complaints: true,
  inquiryResponseDays: true,
  counter: true,
});
export const organizationSettingsOutputSchema = settingsSchema(plainText);

export type OrganizationSettings = z.infer<typeof organizationSettingsOutputSchema>;

export const defaultBeneficiaryCategories = [
  { code: 'orphan', labelAr: 'يتيم', labelEn: 'Orphan' },
  { code: 'widow', labelAr: 'أرملة', labelEn: 'Widow' },
  { code: 'divorcee', labelAr: 'مطلقة', labelEn: 'Divorcee' },
  { code: 'elderly', labelAr: 'مسن', labelEn: 'Elderly' },
  { code: 'disability', labelAr: 'ذو إعاقة', labelEn: 'Person with disability' },
  { code: 'low_income', labelAr: 'أسرة محدودة الدخل', labelEn: 'Low-income family' },
  { code: 'chronic_illness', labelAr: 'مريض مزمن', labelEn: 'Chronic illness' },
];

export const defaultInterviewQuestions: OrganizationSettings['interviewQuestions'] = [
  { id: 'attended', labelAr: 'حضر المستفيد المقابلة', labelEn: 'The beneficiary attended', type: 'yes_no' },
  { id: 'provider', labelAr: 'من يعيل الأسرة؟', labelEn: 'Who provides for the family?', type: 'text' },
  {
    id: 'monthly_expenses',
    labelAr: 'المصروفات الشهرية التقريبية (ريال)',
    labelEn: 'Approximate monthly expenses (SAR)',
    type: 'number',
  },
  { id: 'debts', labelAr: 'هل على الأسرة ديون؟', labelEn: 'Does the family have debts?', type: 'yes_no' },
  {
    id: 'urgency',
    labelAr: 'درجة الاحتياج',
    labelEn: 'Level of need',
    type: 'choice',
    options: ['عالية', 'متوسطة', 'منخفضة'],
  },
];

export const defaultFieldVisitChecklist: OrganizationSettings['fieldVisitChecklist'] = [
  {
    id: 'found_at_address',
    labelAr: 'وُجدت الأسرة في العنوان المسجل',
    labelEn: 'Family found at the registered address',
    type: 'yes_no',
  },
  {
    id: 'housing_condition',
    labelAr: 'حالة المسكن',
    labelEn: 'Housing condition',
    type: 'choice',
    options: ['جيدة', 'متوسطة', 'سيئة'],
  },
  { id: 'rooms', labelAr: 'عدد الغرف', labelEn: 'Number of rooms', type: 'number' },
  {
    id: 'basic_appliances',
    labelAr: 'تتوفر الأجهزة الأساسية (ثلاجة، مكيف، غسالة)',
    labelEn: 'Basic appliances available',
    type: 'yes_no',
  },
  {
    id: 'living_notes',
    labelAr: 'ملاحظات عن الظروف المعيشية',
    labelEn: 'Notes on living conditions',
    type: 'text',
  },
];

export const defaultDocumentTypes = [
  {
    code: 'national_id',
    labelAr: 'الهوية الوطنية / الإقامة',
    labelEn: 'National ID / Iqama',
    hasExpiry: true,
  },
  { code: 'family_card', labelAr: 'سجل الأسرة', labelEn: 'Family card', hasExpiry: false },
  { code: 'income_proof', labelAr: 'إثبات الدخل', labelEn: 'Proof of income', hasExpiry: true },
  { code: 'lease', labelAr: 'عقد الإيجار', labelEn: 'Lease contract', hasExpiry: true },
  { code: 'medical_report', labelAr: 'تقرير طبي', labelEn: 'Medical report', hasExpiry: true },
  {
    code: 'death_certificate',
    labelAr: 'شهادة وفاة العائل',
    labelEn: "Provider's death certificate",
    hasExpiry: false,
  },
  { code: 'bank_iban', labelAr: 'شهادة الآيبان', labelEn: 'IBAN certificate', hasExpiry: false },
];

export const defaultRoleTitles: OrganizationSettings['roleTitles'] = {
  admin: { ar: 'مدير النظام', en: 'System administrator' },
  manager: { ar: 'المدير التنفيذي', en: 'Executive director' },
  relations_officer: { ar: 'موظف علاقات المستفيدين', en: 'Beneficiary relations officer' },
  supervisor: { ar: 'المشرف', en: 'Supervisor' },
  researcher: { ar: 'الباحث الاجتماعي', en: 'Social researcher' },
  committee_member: { ar: 'عضو لجنة البحث', en: 'Research committee member' },
  service_officer: { ar: 'مسؤول تقديم الخدمة', en: 'Service delivery officer' },
  quality_officer: { ar: 'مسؤول الجودة', en: 'Quality officer' },
  auditor: { ar: 'المراجع', en: 'Auditor' },
};

export function defaultOrganizationSettings(): OrganizationSettings {
  return {
    channels: defaultChannels.map((c) => ({ ...c })),
    roleTitles: structuredClone(defaultRoleTitles),
    decisionBody: { kind: 'department', nameAr: 'الإدارة المختصة', nameEn: 'Competent department' },
    workingDays: [0, 1, 2, 3, 4],
    holidays: [],
    defaultDecisionDays: 14,
    timeZone: 'Asia/Riyadh',
    beneficiaryCategories: defaultBeneficiaryCategories.map((c) => ({ ...c })),
    documentTypes: defaultDocumentTypes.map((d) => ({ ...d })),
    stageAlertDays: 7,
    interviewQuestions: defaultInterviewQuestions.map((q) => ({ ...q })),
    fieldVisitChecklist: defaultFieldVisitChecklist.map((q) => ({ ...q })),
    digitStyle: defaultDigitStyle,
    sms: { senderName: 'Wasl', templates: {} },
    messaging: { quietHours: { start: '21:00', end: '08:00' } },
    complaints: defaultComplaintSettings(),
    inquiryResponseDays: 2,
    counter: { opensAt: '08:00', closesAt: '14:00', desks: 2 },
  };
}

/** An association's address in the portal: lower-case Latin letters and digits, hyphens between. */
export const slugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:-?[a-z0-9]){2,39}$/, { message: '3–40 Latin letters or digits, hyphens between' });

/** A slug proposed from an English name (the caller makes it unique). */
export function slugFrom(name: string): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/g, '');
  return base.length >= 3 ? base : 'association';
}

const logoSchema = z
  .string()
  .max(400_000)
  .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/, {
    message: 'logo must be a PNG, JPEG or WebP image',
  });

export const organizationSchema = z.object({
  id: z.uuid(),
  nameAr: z.string(),
  nameEn: z.string(),
  logo: z.string().nullable(),
  /** The portal's address: /p/<slug>. */
  slug: z.string(),
  settings: organizationSettingsOutputSchema.extend({ slug: z.string() }),
  updatedAt: z.string(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const updateOrganizationSchema = z.object({
  nameAr: textSchema(2, 200).optional(),
  nameEn: textSchema(2, 200).optional(),
  logo: logoSchema.nullable().optional(),
  slug: slugSchema.optional(),
  settings: organizationSettingsSchema.extend({ slug: slugSchema.optional() }).optional(),
});
export type UpdateOrganization = z.infer<typeof updateOrganizationSchema>;

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
