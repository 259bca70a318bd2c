import type { RouteAccess } from '../../../shared/permissions';

/**
 * What personal data a read returns (PDPL: every access to personal data is audited). A GET route's
 * permission names it by default; a route may say otherwise in its `personalData` config. A GET route
 * whose permission is not listed here and which declares nothing refuses to register, so a new kind of
 * read cannot go unaudited by oversight.
 */
export type PersonalDataKind =
  | 'beneficiary'
  | 'request'
  | 'verification'
  | 'committee'
  | 'staff'
  | 'audit'
  | 'outbox'
  | 'supporter'
  // Satisfaction answers: their comments are the beneficiaries' own words.
  | 'survey';

const byPermission: Partial<Record<RouteAccess, PersonalDataKind | false>> = {
  'beneficiaries.read': 'beneficiary',
  'beneficiaries.export': 'beneficiary',
  'beneficiaries.review_duplicates': 'beneficiary',
  'requests.read': 'request',
  'verification.read': 'verification',
  'verification.work': 'verification',
  'committee.read': 'committee',
  'users.list': 'staff',
  'audit.list': 'audit',
  'outbox.list': 'outbox',
  // Volunteers and donors are people too (PDPL).
  'supporters.read': 'supporter',
  // Disputes with beneficiaries (issue 14): whose, about what.
  'disputes.read': 'beneficiary',
  'services.read': false,
  // Satisfaction figures (hidden below 5 answers) and improvement actions: no one's data.
  'surveys.results': false,
  'improvements.read': false,
  // The association's policies, and which staff member acknowledged the published one: no one's data.
  'policies.read': false,
  'policies.manage': false,
  'rules.read': false,
  'organization.read': false,
  public: false,
  // The operator's lists hold associations and counts, never a person.
  platform: false,
  // The beneficiary's own data, read by themselves: still audited (PDPL).
  portal: 'beneficiary',
};

/** The personal data a GET route returns, or false; throws when neither it nor its permission says. */
export function personalDataOf(
  method: string,
  url: string,
  access: RouteAccess,
  declared: PersonalDataKind | false | undefined,
): PersonalDataKind | false {
  if (method !== 'GET') return false;
  if (declared !== undefined) return declared;
  const kind = byPermission[access];
  if (kind === undefined) {
    throw new Error(`GET ${url} (access ${access}) must declare the personal data it returns (personalData)`);
  }
  return kind;
}
