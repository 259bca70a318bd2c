/**
 * The two associations of the seed policies (../shared/seeds), as organizations with their own
 * channels, role titles and decision body, and a few staff of each role. Used by `npm run demo`
 * and by the tests' factories, so both exercise the same code.
 */
import { randomUUID } from 'node:crypto';
import {
  defaultChannels,
  defaultOrganizationSettings,
  type OrganizationSettings,
} from '../../shared/contracts/organization';
import type { StaffRole } from '../../shared/roles';
import type { Services } from '../app';
import { inTenant } from '../platform/db/tenant';
import type { RequestContext } from '../platform/http/context';

export interface StaffSpec {
  fullName: string;
  email: string;
  roles: StaffRole[];
}

export interface OrganizationSpec {
  nameAr: string;
  nameEn: string;
  /** The portal's address, /p/<slug> (made from the English name when absent). */
  slug?: string;
  settings: Partial<OrganizationSettings>;
  staff: StaffSpec[];
}

const enabled = (codes: string[]) => defaultChannels.map((c) => ({ ...c, enabled: codes.includes(c.code) }));
const base = defaultOrganizationSettings();

// جمعية شعائر (Makkah): 5 channels; unclear cases go to the supervisor; the competent department decides.
export const shaaer: OrganizationSpec = {
  nameAr: 'جمعية شعائر لخدمة وبناء مساجد الحرم',
  nameEn: "Sha'aer Association for Haram Mosques",
  slug: 'shaaer',
  settings: {
    channels: enabled(['in_person', 'phone', 'social_media', 'letters', 'website']).filter((c) => c.enabled),
    roleTitles: { ...base.roleTitles, supervisor: { ar: 'المشرف', en: 'Supervisor' } },
    decisionBody: { kind: 'department', nameAr: 'الإدارة المختصة', nameEn: 'Competent department' },
  },
  staff: [
    { fullName: 'نورة عبدالله القحطاني', email: 'admin@shaaer.demo', roles: ['admin'] },
    { fullName: 'خالد محمد الغامدي', email: 'manager@shaaer.demo', roles: ['manager'] },
    { fullName: 'سارة أحمد الزهراني', email: 'relations@shaaer.demo', roles: ['relations_officer'] },
    { fullName: 'فهد سعيد الحربي', email: 'supervisor@shaaer.demo', roles: ['supervisor'] },
    { fullName: 'منى علي الشهري', email: 'researcher@shaaer.demo', roles: ['researcher'] },
    { fullName: 'عبدالرحمن ناصر العتيبي', email: 'decider@shaaer.demo', roles: ['committee_member'] },
    { fullName: 'ريم خالد المالكي', email: 'service@shaaer.demo', roles: ['service_officer'] },
    { fullName: 'هند سالم الدوسري', email: 'quality@shaaer.demo', roles: ['quality_officer'] },
    { fullName: 'ماجد فيصل السبيعي', email: 'auditor@shaaer.demo', roles: ['auditor'] },
  ],
};

// الجمعية السعودية للموارد البشرية: the policy's 8 channels, with WhatsApp and e-mail as their own; the social research officer takes referrals; the
// research committee decides; the policy carries the board's approval.
export const hrSociety: OrganizationSpec = {
  nameAr: 'الجمعية السعودية للموارد البشرية',
  nameEn: 'Saudi Human Resources Society',
  slug: 'hr-society',
  settings: {
    channels: defaultChannels.map((c) => ({ ...c, enabled: true })),
    roleTitles: {
      ...base.roleTitles,
      supervisor: { ar: 'مسؤول البحث الاجتماعي', en: 'Social research officer' },
      committee_member: { ar: 'عضو لجنة البحث', en: 'Research committee member' },
    },
    decisionBody: { kind: 'committee', nameAr: 'لجنة البحث', nameEn: 'Research committee' },
  },
  staff: [
    { fullName: 'عبدالله إبراهيم السلمي', email: 'admin@hrsociety.demo', roles: ['admin'] },
    { fullName: 'لطيفة حمد الراشد', email: 'manager@hrsociety.demo', roles: ['manager'] },
    { fullName: 'أحمد يوسف البقمي', email: 'relations@hrsociety.demo', roles: ['relations_officer'] },
    {
      fullName: 'مها عبدالعزيز الفيفي',
      email: 'research-officer@hrsociety.demo',
      roles: ['supervisor', 'researcher'],
    },
    { fullName: 'تركي سليمان العنزي', email: 'researcher@hrsociety.demo', roles: ['researcher'] },
    {
      fullName: 'د. سلمان راشد القرني',
      email: 'committee-chair@hrsociety.demo',
      roles: ['committee_member'],
    },
    { fullName: 'أمل ماجد الجهني', email: 'committee@hrsociety.demo', roles: ['committee_member'] },
    { fullName: 'بندر عادل الشمري', email: 'service@hrsociety.demo', roles: ['service_officer'] },
    { fullName: 'جواهر فهد المطيري', email: 'quality@hrsociety.demo', roles: ['quality_officer'] },
    { fullName: 'وليد حسن الأحمدي', email: 'auditor@hrsociety.demo', roles: ['auditor'] },
  ],
};

export const demoOrganizations = [shaaer, hrSociety];

const systemContext: RequestContext = { actor: null, ip: null, requestId: 'demo-seed', language: 'ar' };

/** Creates the organization and its staff in one transaction; returns the organization id. */
export async function seedOrganization(services: Services, spec: OrganizationSpec, password: string) {
  const db = services.db;
  const organizationId = randomUUID();
  return inTenant(db, { organizationId, userId: null }, async () => {
    const tx = db;
    const organization = await services.organizations.createOrganization(tx, systemContext, {
      ...spec,
      id: organizationId,
    });
    for (const staff of spec.staff) {
      await services.users.createAccount(tx, systemContext, organization.id, { ...staff, password });
    }
    return organization;
  });
}
