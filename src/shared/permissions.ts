import { type StaffRole, staffRoles } from './roles';

/**
 * The one permission table (role → allowed actions). Every server route declares one of these actions
 * (or `public` / `authenticated`), and the web app uses the same table to hide what a user may not do.
 * A test compares the route list with this table, so a route without a rule fails the build.
 */
export const actions = [
  'organization.read',
  'organization.update',
  'users.list',
  'users.create',
  'users.update',
  'audit.list',
  'outbox.list',
  'beneficiaries.read',
  'beneficiaries.create',
  'beneficiaries.update',
  'beneficiaries.read_health',
  'beneficiaries.change_status',
  'beneficiaries.upload_documents',
  'beneficiaries.record_declaration',
  'beneficiaries.record_interaction',
  'beneficiaries.review_duplicates',
  'beneficiaries.export',
  'beneficiaries.destroy',
  'services.read',
  'services.manage',
  'requests.read',
  'requests.create',
  'requests.transition',
  'requests.assign',
  'requests.refer',
  'referrals.answer',
  'rules.read',
  'rules.manage',
  'verification.read',
  'verification.work',
  'verification.schedule',
  'committee.read',
  'committee.manage',
  'committee.vote',
  'registrations.review',
  'partners.read',
  'partners.manage',
  'partners.refer',
  'campaigns.read',
  'campaigns.manage',
  'campaigns.approve',
  'appointments.read',
  'appointments.manage',
  'supporters.read',
  'supporters.manage',
  'inquiries.read',
  'inquiries.create',
  'inquiries.answer',
  'inquiries.assign',
  'knowledge.read',
  'knowledge.manage',
  'knowledge.approve',
  'complaints.read',
  'complaints.create',
  'complaints.handle',
  'surveys.read',
  'surveys.manage',
  'surveys.invite',
  'surveys.kiosk',
  'surveys.results',
  'surveys.results_all',
  'surveys.export',
  'improvements.read',
  'improvements.manage',
  'policies.read',
  'policies.manage',
  'policies.approve',
  'dashboards.read',
  'reports.governance',
  'disputes.read',
  'disputes.manage',
] as const;

export type Action = (typeof actions)[number];

/**
 * Route-level markers that are not role actions. `portal`: a beneficiary signed in to the self-service
 * portal (a portal session, never a staff one); only routes under /api/v1/portal/ may declare it.
 * `platform`: a staff member holding the platform operator right (not a role: it opens no association's
 * cases); only routes under /api/v1/platform/ may declare it.
 */
export type RouteAccess = Action | 'public' | 'authenticated' | 'portal' | 'platform';

const everyRole: readonly StaffRole[] = staffRoles;

// Case roles read beneficiaries and their requests; admin configures and does not act on cases (DESIGN.md).
const caseReaders: readonly StaffRole[] = [
  'manager',
  'relations_officer',
  'supervisor',
  'researcher',
  'committee_member',
  'service_officer',
  'quality_officer',
  'auditor',
];

export const permissionTable: Record<Action, readonly StaffRole[]> = {
  // Every staff member needs the organization's names, channels and role titles to work.
  'organization.read': everyRole,
  'organization.update': ['admin'],
  'users.list': ['admin', 'manager', 'auditor'],
  'users.create': ['admin'],
  'users.update': ['admin'],
  'audit.list': ['admin', 'auditor'],
  'outbox.list': ['admin', 'manager', 'auditor'],
  'beneficiaries.read': caseReaders,
  'beneficiaries.create': ['relations_officer', 'supervisor'],
  'beneficiaries.update': ['relations_officer', 'supervisor', 'researcher'],
  // Health conditions are sensitive: only the roles that assess need (no delivery, quality or audit).
  'beneficiaries.read_health': [
    'manager',
    'relations_officer',
    'supervisor',
    'researcher',
    'committee_member',
  ],
  'beneficiaries.change_status': ['manager', 'supervisor'],
  'beneficiaries.upload_documents': ['relations_officer', 'supervisor', 'researcher'],
  'beneficiaries.record_declaration': ['relations_officer', 'supervisor'],
  'beneficiaries.record_interaction': [
    'relations_officer',
    'supervisor',
    'researcher',
    'service_officer',
    'quality_officer',
  ],
  'beneficiaries.review_duplicates': ['manager', 'supervisor'],
  // PDPL data-subject rights: access/copy, and destruction.
  'beneficiaries.export': ['manager', 'supervisor'],
  'beneficiaries.destroy': ['manager'],
  'services.read': everyRole,
  'services.manage': ['admin'],
  'requests.read': caseReaders,
  'requests.create': ['relations_officer', 'supervisor'],
  // Which transition a role may take is the state machine's rule (src/shared/requests/request-machine.ts).
  'requests.transition': [
    'manager',
    'relations_officer',
    'supervisor',
    'researcher',
    'committee_member',
    'service_officer',
  ],
  'requests.assign': ['manager', 'supervisor'],
  'requests.refer': ['relations_officer', 'supervisor', 'researcher', 'service_officer'],
  // Unclear cases are referred "to the supervisor / social research officer" (DESIGN.md, step 3), who
  // answers; referrals.service accepts only a supervisor as assignee and only the assignee's answer.
  'referrals.answer': ['supervisor'],
  'rules.read': ['admin', 'manager', 'supervisor', 'researcher', 'committee_member', 'auditor'],
  'rules.manage': ['admin'],
  'verification.read': [
    'manager',
    'supervisor',
    'researcher',
    'committee_member',
    'relations_officer',
    'auditor',
  ],
  // Document checks, interviews and field visits are the researcher's work (the supervisor may do it too).
  'verification.work': ['researcher', 'supervisor'],
  'verification.schedule': ['supervisor', 'manager', 'researcher'],
  'committee.read': ['manager', 'supervisor', 'researcher', 'committee_member', 'auditor'],
  'committee.manage': ['manager', 'supervisor', 'committee_member'],
  'committee.vote': ['committee_member'],
  // Pre-registrations made from home in the portal: whoever registers at the counter checks them, and
  // those who judge files (supervisor, manager) may too.
  'registrations.review': ['relations_officer', 'supervisor', 'manager'],
  // Partners (other bodies beneficiaries are referred to): the admin keeps the list with the manager;
  // every staff member reads it (no personal data in it); the relations officer, the supervisor and the researcher refer a
  // person to one — only with that person's partner_sharing consent (partners module).
  'partners.read': everyRole,
  'partners.manage': ['admin', 'manager'],
  'partners.refer': ['relations_officer', 'supervisor', 'researcher'],
  // Outreach campaigns: beneficiary relations draft them (with the supervisor); a manager approves
  // before anything is sent ("a manager's approval before sending"); the auditor reads.
  'campaigns.read': ['manager', 'relations_officer', 'supervisor', 'auditor'],
  'campaigns.manage': ['manager', 'relations_officer', 'supervisor'],
  'campaigns.approve': ['manager'],
  // Counter visits: booked by whoever receives people (relations, supervisor, service officer), read by
  // the manager and the auditor too.
  'appointments.read': ['manager', 'relations_officer', 'supervisor', 'service_officer', 'auditor'],
  'appointments.manage': ['relations_officer', 'supervisor', 'service_officer'],
  // Volunteers and donors ("beneficiaries, supporters, volunteers", policy 001): kept by beneficiary
  // relations with the manager; the supervisor and the auditor read.
  'supporters.read': ['manager', 'relations_officer', 'supervisor', 'auditor'],
  'supporters.manage': ['manager', 'relations_officer'],
  // Inquiries: the relations officer takes and answers them, the supervisor answers (and "explains
  // procedures"); the manager, the quality officer and the auditor follow them up, read-only. The
  // supervisor and the manager hand one to a colleague.
  'inquiries.read': ['manager', 'relations_officer', 'supervisor', 'quality_officer', 'auditor'],
  'inquiries.create': ['relations_officer', 'supervisor'],
  'inquiries.answer': ['relations_officer', 'supervisor'],
  'inquiries.assign': ['manager', 'supervisor'],
  // The knowledge base holds no one's personal data: every staff member may read the approved answers;
  // those who answer write drafts; a supervisor approves them.
  'knowledge.read': everyRole,
  'knowledge.manage': ['relations_officer', 'supervisor'],
  'knowledge.approve': ['supervisor'],
  // Complaints and suggestions: the quality officer handles them (assign, reply, close), the manager
  // sees everything and takes escalations, the relations officer logs what people say at the counter,
  // the auditor reads. A complaint about a staff member is hidden from that member (complaints module).
  'complaints.read': ['manager', 'quality_officer', 'auditor'],
  'complaints.create': ['manager', 'quality_officer', 'relations_officer'],
  'complaints.handle': ['manager', 'quality_officer'],
  // Satisfaction (issue 13): the quality officer designs the surveys with the manager and sends internal
  // ones; whoever receives people puts the counter's kiosk to work. Results are for development "not for
  // punishment or shaming": every serving role sees its own (`surveys.results`), only the quality officer,
  // the manager and the auditor see all (`surveys.results_all`, checked in the service), none ranks staff.
  'surveys.read': ['manager', 'quality_officer', 'auditor'],
  'surveys.manage': ['manager', 'quality_officer'],
  'surveys.invite': ['manager', 'quality_officer'],
  'surveys.kiosk': ['relations_officer', 'supervisor', 'service_officer', 'quality_officer'],
  'surveys.results': [
    'manager',
    'quality_officer',
    'auditor',
    'relations_officer',
    'supervisor',
    'researcher',
    'committee_member',
    'service_officer',
  ],
  'surveys.results_all': ['manager', 'quality_officer', 'auditor'],
  'surveys.export': ['manager', 'quality_officer'],
  // Improvement actions: the quality officer and the manager run them; the supervisor and the auditor follow.
  'improvements.read': ['manager', 'quality_officer', 'supervisor', 'auditor'],
  'improvements.manage': ['manager', 'quality_officer'],
  // The association's policies and governing texts (issue 14): every staff member reads and acknowledges
  // the published version; the admin and the manager draft, submit and publish; the manager records the
  // board's approving decision (number, date, minutes) — the board itself has no account.
  'policies.read': everyRole,
  'policies.manage': ['admin', 'manager'],
  'policies.approve': ['manager'],
  // Dashboards (issue 14): figures of a period, each section shown only to whoever may read its records
  // (dashboards service). The manager, the supervisor, the quality officer and the auditor follow them;
  // the relations officer sees the requests and inquiries they serve, the committee the promise it keeps.
  // Not the admin: it acts on no case, so no section would be its to see.
  'dashboards.read': [
    'manager',
    'supervisor',
    'quality_officer',
    'auditor',
    'relations_officer',
    'committee_member',
  ],
  // The governance evidence pack (issue 14): the policy's approval, who has not acknowledged it (staff
  // names), the promise kept, complaints, satisfaction, improvements — for the regulator's assessment. Those
  // who answer for governance and read every figure in it; not the admin, who reads no case figures.
  'reports.governance': ['manager', 'quality_officer', 'auditor'],
  // Disputes with beneficiaries (the charter's settlement steps): the relations officer settles amicably,
  // the supervisor and the manager (the executive director's review) carry it on; quality and the auditor read.
  'disputes.read': ['manager', 'relations_officer', 'supervisor', 'quality_officer', 'auditor'],
  'disputes.manage': ['manager', 'relations_officer', 'supervisor'],
};

/** Actions checked inside services on parts of a record (not on a whole route). */
export const recordLevelActions: readonly Action[] = ['beneficiaries.read_health', 'surveys.results_all'];

export function can(roles: readonly string[], action: Action): boolean {
  const allowed = permissionTable[action] as readonly string[];
  return roles.some((role) => allowed.includes(role));
}

export function allowedActions(roles: readonly string[]): Action[] {
  return actions.filter((action) => can(roles, action));
}
