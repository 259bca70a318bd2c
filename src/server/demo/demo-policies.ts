/**
 * Each demo association's policy «سياسة تنظيم العلاقة مع المستفيدين» as version 1 of its policy record:
 * the seed text (copied from ../shared/seeds into ./seeds, so the demo needs nothing outside the repo),
 * approved by a recorded board decision and published. The decision's number and date are demo values:
 * the seeds name the board's approval but not its number.
 */
import { readFile } from 'node:fs/promises';
import type { Services } from '../app';
import { inTenant } from '../platform/db/tenant';
import type { RequestContext } from '../platform/http/context';

const seedFiles: Record<string, string> = {
  shaaer: 'shaaer-policy.txt',
  'hr-society': 'hr-society-policy.txt',
};

const systemContext: RequestContext = { actor: null, ip: null, requestId: 'demo-seed', language: 'ar' };

/** The seed text of an association's policy, by its slug (null: no seed for it). */
export async function seedPolicyText(slug: string): Promise<string | null> {
  const file = seedFiles[slug];
  if (!file) return null;
  return readFile(new URL(`./seeds/${file}`, import.meta.url), 'utf8');
}

/** Loads the association's seed policy as its published version 1; returns the policy's id. */
export async function seedPolicy(
  services: Services,
  organizationId: string,
  slug: string,
  approvedBy: string | null,
): Promise<string | null> {
  const body = (await seedPolicyText(slug))?.trim();
  if (!body) return null;
  return inTenant(services.db, { organizationId, userId: null }, () =>
    services.policies.importPublished(services.db, systemContext, organizationId, {
      kind: 'policy',
      titleAr: 'سياسة تنظيم العلاقة مع المستفيدين',
      titleEn: 'Policy on the relationship with beneficiaries',
      reviewDate: '2026-12-31',
      body,
      decisionNumber: 'م.إ/1/2025',
      decisionDate: '2025-01-15',
      minutesReference: 'محضر اجتماع مجلس الإدارة الأول لعام 2025 (بيانات تجريبية)',
      approvedBy,
      approvedAt: new Date('2025-01-15T09:00:00Z'),
    }),
  );
}
