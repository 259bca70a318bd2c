/**
 * Route × role, against a table written by hand from DESIGN.md ("Who uses it" and the request-state
 * table) — not from `can()` or the permission table, so a wrong row there fails here. Each route is
 * called with a random UUID for every id and an empty JSON body, as one user per staff role (a single
 * role each): a role the table does not name must get exactly 403; a role it names must get the
 * route's own answer to that payload (400 validation, 404 unknown id, 200 …), worked out per route.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type StaffRole, staffRoles } from '../../src/shared/roles';
import { registerBeneficiary } from '../support/beneficiary-factory';
import { createOrganization, createTestApp, inOrganization, signIn } from '../support/test-app';

// `platform`: no association role opens it, only the platform operator right (checked below).
type Who = 'public' | 'signed-in' | 'portal' | 'platform' | readonly StaffRole[];
interface Expected {
  who: Who;
  /** What a caller the table allows gets for a random id and `{}`. */
  status: number;
}

// Written out, not imported, so that a new role must be placed in this table deliberately.
const everyone = [
  'admin',
  'manager',
  'relations_officer',
  'supervisor',
  'researcher',
  'committee_member',
  'service_officer',
  'quality_officer',
  'auditor',
] as const satisfies readonly StaffRole[];
// "admin configures the organization and does not act on cases unless it also holds a case role";
// every other role works with case files (the auditor reads everything, read-only; the manager
// "sees everything of the org"; the quality officer follows up complaints and surveys on them).
const caseRoles = everyone.filter((r) => r !== 'admin');
// Who registers a file and its requests: the relations officer "registers them and their requests",
// and the state table gives `submit` (a staff-created request starts at submitted) to it alone. The
// code also lets the supervisor do both — reported to the lead, kept here until decided.
const registrars = ['relations_officer', 'supervisor'] as const;
// Who edits a file: the registrars, and the researcher, who corrects data found in document checks,
// interviews and field visits.
const fileEditors = ['relations_officer', 'supervisor', 'researcher'] as const;
// Every contact is an interaction, recorded by whoever meets the beneficiary.
const contactRoles = [
  'relations_officer',
  'supervisor',
  'researcher',
  'service_officer',
  'quality_officer',
] as const;
// Staff oversight (users, notifications sent): admin manages, manager sees everything, auditor reads.
const oversight = ['admin', 'manager', 'auditor'] as const;
// Judgement calls on a file (status, duplicates, PDPL access/copy requests): the manager and the supervisor.
const fileJudges = ['manager', 'supervisor'] as const;
// Eligibility work: documents, interviews, field visits, research reports ("researcher"; the
// supervisor is the social research officer).
const verifiers = ['researcher', 'supervisor'] as const;
const verificationReaders = [
  'manager',
  'relations_officer',
  'supervisor',
  'researcher',
  'committee_member',
  'auditor',
] as const;
const committeeReaders = ['manager', 'supervisor', 'researcher', 'committee_member', 'auditor'] as const;
const committeeOrganisers = ['manager', 'supervisor', 'committee_member'] as const;
const rulesReaders = ['admin', 'manager', 'supervisor', 'researcher', 'committee_member', 'auditor'] as const;
// The request-state table: the union of the staff roles in its "who may" column.
const transitionRoles = [
  'manager',
  'relations_officer',
  'supervisor',
  'researcher',
  'committee_member',
  'service_officer',
] as const;

const appointmentReaders = [
  'manager',
  'relations_officer',
  'supervisor',
  'service_officer',
  'auditor',
] as const;
const pub = (status: number): Expected => ({ who: 'public', status });
const anyStaff = (status: number): Expected => ({ who: 'signed-in', status });
const dashboardReaders = [
  'manager',
  'supervisor',
  'quality_officer',
  'auditor',
  'relations_officer',
  'committee_member',
] as const;
const only = (who: readonly StaffRole[], status: number): Expected => ({ who, status });
const operator = (status: number): Expected => ({ who: 'platform', status });

const table: Record<string, Expected> = {
  'GET /healthz': pub(200),
  'GET /readyz': pub(200),
  'GET /api/openapi.json': pub(200),
  'GET /api/v1/setup': pub(200),
  'POST /api/v1/setup': pub(400),
  'POST /api/v1/auth/login': pub(400),
  // The beneficiary's portal: its way in is public; everything else needs a portal session (below).
  'GET /api/v1/portal/organizations/:slug': pub(404),
  'POST /api/v1/portal/otp': pub(400),
  'POST /api/v1/portal/sessions': pub(400),
  // Pre-registration from home: asking for a code to the typed phone, and registering with it.
  'POST /api/v1/portal/registrations/otp': pub(400),
  'POST /api/v1/portal/registrations': pub(400),
  'GET /api/v1/auth/me': anyStaff(200),
  'POST /api/v1/auth/logout': anyStaff(204),
  'GET /api/v1/users/directory': anyStaff(200),
  'GET /api/v1/referrals/mine': anyStaff(200),
  // The referral inbox: whoever reads requests sees the referrals assigned to them or asked by them.
  'GET /api/v1/referrals': only(caseRoles, 200),
  // Partners: a list without personal data that everyone reads; the admin and the manager keep it;
  // those who work a file refer a person to one (their consent is checked inside).
  'GET /api/v1/partners': only(everyone, 200),
  'POST /api/v1/partners': only(['admin', 'manager'], 400),
  'PATCH /api/v1/partners/:id': only(['admin', 'manager'], 404),
  'GET /api/v1/beneficiaries/:id/partner-referrals': only(caseRoles, 404),
  'POST /api/v1/beneficiaries/:id/partner-referrals': only(
    ['relations_officer', 'supervisor', 'researcher'],
    400,
  ),
  // Outreach campaigns: relations staff and the supervisor draft, a manager approves, the auditor reads.
  'GET /api/v1/campaigns': only(['manager', 'relations_officer', 'supervisor', 'auditor'], 200),
  'POST /api/v1/campaigns': only(['manager', 'relations_officer', 'supervisor'], 400),
  'GET /api/v1/campaigns/:id': only(['manager', 'relations_officer', 'supervisor', 'auditor'], 404),
  'GET /api/v1/campaigns/:id/preview': only(['manager', 'relations_officer', 'supervisor', 'auditor'], 404),
  'POST /api/v1/campaigns/:id/approve': only(['manager'], 404),
  'POST /api/v1/campaigns/:id/cancel': only(['manager', 'relations_officer', 'supervisor'], 404),
  // Volunteers and donors: kept by relations staff with the manager; the supervisor and the auditor read.
  'GET /api/v1/supporters': only(['manager', 'relations_officer', 'supervisor', 'auditor'], 200),
  'POST /api/v1/supporters': only(['manager', 'relations_officer'], 400),
  'GET /api/v1/supporters/:id': only(['manager', 'relations_officer', 'supervisor', 'auditor'], 404),
  'PATCH /api/v1/supporters/:id': only(['manager', 'relations_officer'], 400),
  'POST /api/v1/supporters/:id/contacts': only(['manager', 'relations_officer'], 400),
  // The association's policies (issue 14): every staff member reads and acknowledges the published
  // version; the admin and the manager draft and publish; the manager records the board's approval.
  'GET /api/v1/policies': only(everyone, 200),
  'POST /api/v1/policies': only(['admin', 'manager'], 400),
  'GET /api/v1/policies/:id': only(everyone, 404),
  'PATCH /api/v1/policies/:id': only(['admin', 'manager'], 400), // an empty change is refused
  'POST /api/v1/policies/:id/versions': only(['admin', 'manager'], 404), // no field is required
  'PATCH /api/v1/policies/:id/versions/:vid': only(['admin', 'manager'], 400),
  'POST /api/v1/policies/:id/versions/:vid/submit': only(['admin', 'manager'], 404),
  'POST /api/v1/policies/:id/versions/:vid/approve': only(['manager'], 400),
  'POST /api/v1/policies/:id/versions/:vid/publish': only(['admin', 'manager'], 404),
  // The board's minutes as a file: uploaded by the approvers, read by all (a JSON body is not multipart).
  'POST /api/v1/policies/:id/versions/:vid/minutes': only(['manager'], 415),
  'GET /api/v1/policies/:id/versions/:vid/minutes': only(everyone, 404),
  'GET /api/v1/policies/:id/diff': only(everyone, 400), // from and to are required
  'POST /api/v1/policies/:id/acknowledge': only(everyone, 404),
  'GET /api/v1/policies/:id/acknowledgements': only(['admin', 'manager'], 404),
  // The reference library (published bylaws, decisions, procedures): every staff member reads it.
  'GET /api/v1/library': only(everyone, 200),
  // Disputes (the charter's steps): relations settles amicably, the supervisor and the manager carry it
  // on; quality and the auditor read. The charter is read by the case roles and accepted at the counter
  // by those who register files (as the declaration).
  'GET /api/v1/disputes': only(
    ['manager', 'relations_officer', 'supervisor', 'quality_officer', 'auditor'],
    200,
  ),
  'POST /api/v1/disputes': only(['manager', 'relations_officer', 'supervisor'], 400),
  'GET /api/v1/disputes/:id': only(
    ['manager', 'relations_officer', 'supervisor', 'quality_officer', 'auditor'],
    404,
  ),
  'POST /api/v1/disputes/:id/steps': only(['manager', 'relations_officer', 'supervisor'], 400),
  'POST /api/v1/disputes/:id/close': only(['manager', 'relations_officer', 'supervisor'], 400),
  'GET /api/v1/charter': only(caseRoles, 200),
  'GET /api/v1/beneficiaries/:id/charter': only(caseRoles, 404),
  'POST /api/v1/beneficiaries/:id/charter': only(registrars, 400),
  // Dashboards (issue 14): those who follow the work up — the manager, the supervisor, the quality officer,
  // the auditor — the relations officer for what they serve, the committee for the promise it keeps; not
  // the admin (no case role), nor the researcher and the service officer (their queues are their view).
  'GET /api/v1/dashboards/overview': only(dashboardReaders, 200),
  'GET /api/v1/dashboards/drill': only(dashboardReaders, 400), // metric is required
  // Reports (issue 14): the dashboard's Excel and PDF for whoever reads it; the governance evidence pack
  // (the policy's approval, staff who have not acknowledged it, the figures) for those who answer for
  // governance — the manager, the quality officer, the auditor; not the admin (no case figures).
  'GET /api/v1/dashboards/overview/export.xlsx': only(dashboardReaders, 200),
  'GET /api/v1/dashboards/overview/export.pdf': only(dashboardReaders, 200),
  'GET /api/v1/reports/governance-pack.pdf': only(['manager', 'quality_officer', 'auditor'], 200),
  // Counter visits: booked by those who receive people; the manager and the auditor read the diary.
  'GET /api/v1/appointments/slots': only(appointmentReaders, 200),
  'GET /api/v1/appointments': only(appointmentReaders, 200),
  'POST /api/v1/appointments': only(['relations_officer', 'supervisor', 'service_officer'], 400),
  'POST /api/v1/appointments/:id/status': only(['relations_officer', 'supervisor', 'service_officer'], 400),
  // Every staff member's home page: its sections follow the caller's roles (workspace.int.test.ts).
  'GET /api/v1/workspace/home': anyStaff(200),

  'GET /api/v1/organizations/current': only(everyone, 200),
  'PATCH /api/v1/organizations/current': only(['admin'], 200), // nothing to change is a no-op
  'GET /api/v1/users': only(oversight, 200),
  'POST /api/v1/users': only(['admin'], 400), // "admin only"
  'GET /api/v1/users/:id': only(oversight, 404),
  'PATCH /api/v1/users/:id': only(['admin'], 400), // an empty change is refused
  // "auditor: read-only, including the audit log". DESIGN is silent on admin and manager; the code
  // gives it to admin (security) and not to the manager — reported, kept.
  'GET /api/v1/audit-events': only(['admin', 'auditor'], 200),
  'GET /api/v1/outbox': only(oversight, 200),
  // The association's wording of its messages: read as its settings are, changed by the admin.
  'GET /api/v1/message-templates': only(everyone, 200),
  'PUT /api/v1/message-templates': only(['admin'], 400),
  // WhatsApp's status reports: no session, but a signature (none here: 401).
  'POST /api/v1/webhooks/whatsapp': pub(401),

  'GET /api/v1/beneficiaries': only(caseRoles, 200),
  'POST /api/v1/beneficiaries': only(registrars, 400),
  'GET /api/v1/beneficiaries/:id': only(caseRoles, 404),
  'PATCH /api/v1/beneficiaries/:id': only(fileEditors, 400), // an empty change is refused
  'POST /api/v1/beneficiaries/:id/status': only(fileJudges, 400),
  'GET /api/v1/beneficiaries/:id/household': only(caseRoles, 404),
  'POST /api/v1/beneficiaries/:id/household': only(fileEditors, 400),
  'DELETE /api/v1/beneficiaries/:id/household/:memberId': only(fileEditors, 404),
  'GET /api/v1/beneficiaries/duplicates': only(fileJudges, 200),
  'POST /api/v1/beneficiaries/duplicates/:id/dismiss': only(fileJudges, 400),
  'POST /api/v1/beneficiaries/duplicates/:id/merge': only(fileJudges, 400),
  'GET /api/v1/beneficiaries/:id/export': only(fileJudges, 404),
  'GET /api/v1/beneficiaries/:id/export.html': only(fileJudges, 404),
  'POST /api/v1/beneficiaries/:id/legal-hold': only(['manager'], 400),
  'POST /api/v1/beneficiaries/:id/destroy': only(['manager'], 400),
  'GET /api/v1/beneficiaries/:id/correction-requests': only(caseRoles, 404),
  'POST /api/v1/beneficiaries/:id/correction-requests': only(fileEditors, 400),
  'POST /api/v1/beneficiaries/:id/correction-requests/:requestId/resolve': only(fileJudges, 400),
  'GET /api/v1/beneficiaries/:id/documents': only(caseRoles, 404),
  'POST /api/v1/beneficiaries/:id/documents': only(fileEditors, 415), // a JSON body is not multipart
  'GET /api/v1/beneficiaries/:id/documents/:documentId/file': only(caseRoles, 404),
  'GET /api/v1/beneficiaries/:id/declarations': only(caseRoles, 404),
  'POST /api/v1/beneficiaries/:id/declarations': only(registrars, 400),
  'GET /api/v1/beneficiaries/:id/consents': only(caseRoles, 404),
  'POST /api/v1/beneficiaries/:id/consents': only(fileEditors, 400),
  'POST /api/v1/beneficiaries/:id/interactions': only(contactRoles, 400),
  'GET /api/v1/beneficiaries/:id/timeline': only(caseRoles, 404),
  // The pledge text is organization configuration (admin publishes it) and no one's personal data;
  // DESIGN would let admin read what it publishes — the code does not (reported, kept).
  'GET /api/v1/declaration-text': only(caseRoles, 200),

  'GET /api/v1/services': only(everyone, 200),
  'POST /api/v1/services': only(['admin'], 400),
  'GET /api/v1/services/:id': only(everyone, 404),
  'PATCH /api/v1/services/:id': only(['admin'], 404), // every field optional: the lookup answers
  'GET /api/v1/services/:id/rules': only(rulesReaders, 404),
  'PUT /api/v1/services/:id/rules': only(['admin'], 400),
  'POST /api/v1/services/:id/rules/what-if': only(['admin'], 400),

  'GET /api/v1/requests': only(caseRoles, 200),
  'GET /api/v1/requests/queues': only(caseRoles, 200),
  'POST /api/v1/requests': only(registrars, 400),
  'GET /api/v1/requests/:id': only(caseRoles, 404),
  'GET /api/v1/requests/:id/page': only(caseRoles, 404),
  'POST /api/v1/requests/:id/transitions': only(transitionRoles, 400),
  'GET /api/v1/requests/:id/history': only(caseRoles, 404),
  'GET /api/v1/requests/:id/deliveries': only(caseRoles, 404),
  'POST /api/v1/requests/:id/assign': only(fileJudges, 400),
  'GET /api/v1/requests/:id/letter': only(caseRoles, 404),
  'GET /api/v1/requests/:id/letter.pdf': only(caseRoles, 404),
  'GET /api/v1/requests/:id/referrals': only(caseRoles, 404),
  // Step 3: whoever meets an unclear case refers it …
  'POST /api/v1/requests/:id/referrals': only(
    ['relations_officer', 'supervisor', 'researcher', 'service_officer'],
    400,
  ),
  // … "to the supervisor / social research officer", who answers it.
  'POST /api/v1/referrals/:id/answer': only(['supervisor'], 400),

  'GET /api/v1/requests/:id/evaluation': only(verificationReaders, 404),
  'GET /api/v1/requests/:id/verifications': only(verificationReaders, 404),
  'GET /api/v1/requests/:id/fraud-signals': only(verificationReaders, 404),
  'POST /api/v1/requests/:id/fraud-signals/dismiss': only(verifiers, 400),
  'GET /api/v1/requests/:id/research-report': only(verificationReaders, 404),
  'PUT /api/v1/requests/:id/research-report': only(verifiers, 400),
  'GET /api/v1/requests/:id/research-report.pdf': only(verificationReaders, 404),
  'GET /api/v1/verifications/mine': only(verifiers, 200),
  'GET /api/v1/verifications/available': only(verifiers, 200),
  // Whoever schedules verification work may add an interview or a field visit to a request.
  'POST /api/v1/requests/:id/verifications': only(['manager', 'supervisor', 'researcher'], 400),
  'PATCH /api/v1/verifications/:id': only(['manager', 'supervisor', 'researcher'], 404),
  'POST /api/v1/verifications/:id/complete': only(verifiers, 400),
  'POST /api/v1/verifications/:id/photos': only(verifiers, 415),
  'GET /api/v1/verifications/:id/photos': only(verificationReaders, 404),
  'GET /api/v1/verifications/:id/photos/:photoId': only(verificationReaders, 404),

  'GET /api/v1/committee-sessions': only(committeeReaders, 200),
  'POST /api/v1/committee-sessions': only(committeeOrganisers, 400),
  'GET /api/v1/committee-sessions/:id': only(committeeReaders, 404),
  'POST /api/v1/committee-sessions/:id/agenda': only(committeeOrganisers, 400),
  // "committee_member: reviews cases, votes, records decisions".
  'POST /api/v1/committee-sessions/:id/items/:requestId/votes': only(['committee_member'], 400),
  'POST /api/v1/committee-sessions/:id/items/:requestId/decide': only(['committee_member'], 404),
  'POST /api/v1/committee-sessions/:id/close': only(['committee_member'], 404),
  'GET /api/v1/committee-sessions/:id/minutes.pdf': only(committeeReaders, 404),

  // Pre-registrations from the portal are checked by whoever registers files at the counter (the
  // relations officer "registers them"), and by those who judge files (supervisor, manager).
  'GET /api/v1/registrations': only(['relations_officer', 'supervisor', 'manager'], 200),
  'POST /api/v1/registrations/:id/accept': only(['relations_officer', 'supervisor', 'manager'], 404),
  'POST /api/v1/registrations/:id/return': only(['relations_officer', 'supervisor', 'manager'], 400),

  // Complaints and suggestions (issue 12): "quality_officer: surveys, complaints, suggestions, improvement
  // actions" handles them; the manager "sees everything" and takes escalations; the relations officer,
  // who receives people on every channel, logs what they say but does not read the register (complaints
  // name colleagues); the auditor reads. The public form and tracking page need no sign-in.
  'GET /api/v1/complaints': only(['manager', 'quality_officer', 'auditor'], 200),
  'GET /api/v1/complaints/:id': only(['manager', 'quality_officer', 'auditor'], 404),
  'POST /api/v1/complaints': only(['manager', 'quality_officer', 'relations_officer'], 400),
  'POST /api/v1/complaints/:id/assign': only(['manager', 'quality_officer'], 400),
  'POST /api/v1/complaints/:id/reply': only(['manager', 'quality_officer'], 400),
  'POST /api/v1/complaints/:id/close': only(['manager', 'quality_officer'], 400),
  'POST /api/v1/complaints/:id/improvement-action': only(['manager', 'quality_officer'], 400),
  'POST /api/v1/public/:slug/complaints': pub(400),
  'GET /api/v1/public/:slug/complaints/:trackingNumber': pub(404),

  // Inquiries (issue 12): the relations officer "answers inquiries" and takes them on every channel; the
  // supervisor "explains procedures" and answers too; the manager "sees everything", the quality officer
  // follows contacts up and the auditor reads. Handing one to a colleague is the supervisor's or the
  // manager's call, as with requests.
  'POST /api/v1/inquiries': only(registrars, 400),
  'GET /api/v1/inquiries': only(
    ['manager', 'relations_officer', 'supervisor', 'quality_officer', 'auditor'],
    200,
  ),
  'GET /api/v1/inquiries/:id': only(
    ['manager', 'relations_officer', 'supervisor', 'quality_officer', 'auditor'],
    404,
  ),
  'POST /api/v1/inquiries/:id/assign': only(fileJudges, 400),
  'POST /api/v1/inquiries/:id/answer': only(registrars, 400),
  // The knowledge base is approved answers, no one's data: every staff member reads it; those who answer
  // write drafts; "supervisor … approves KB" (the draft → approved by a supervisor).
  'GET /api/v1/knowledge': only(everyone, 200),
  'GET /api/v1/knowledge/suggest': only(everyone, 400), // no question typed
  'GET /api/v1/knowledge/:id': only(everyone, 404),
  'POST /api/v1/knowledge': only(registrars, 400),
  'PATCH /api/v1/knowledge/:id': only(registrars, 400), // an empty change is refused
  'POST /api/v1/knowledge/:id/approve': only(['supervisor'], 404),
  // Published on the association's public page, without sign-in (an unknown slug: 404).
  'GET /api/v1/public/:slug/knowledge': pub(404),

  // Satisfaction results (issue 13): policy 002 "for development, not for punishment": everyone who
  // serves people sees the results of their own service (the service scopes it); only the manager and
  // the quality officer take the answers away in a workbook.
  'GET /api/v1/survey-results': only(caseRoles, 200),
  'GET /api/v1/survey-comments': only(caseRoles, 200),
  'GET /api/v1/survey-results/export.xlsx': only(['manager', 'quality_officer'], 200),
  // Improvement actions: "quality_officer: … improvement actions" and the manager run them; the
  // supervisor follows them up; the auditor reads. «قلتم، فعلنا» is public (an unknown slug: 404).
  'GET /api/v1/improvement-actions': only(['manager', 'quality_officer', 'supervisor', 'auditor'], 200),
  'GET /api/v1/improvement-actions/:id': only(['manager', 'quality_officer', 'supervisor', 'auditor'], 404),
  'POST /api/v1/improvement-actions': only(['manager', 'quality_officer'], 400),
  'PATCH /api/v1/improvement-actions/:id': only(['manager', 'quality_officer'], 400), // {} changes nothing
  'GET /api/v1/public/:slug/you-said-we-did': pub(404),
  // The public service guide and the association's card (issue 14): an unknown slug answers 404.
  'GET /api/v1/public/:slug/services': pub(404),
  'GET /api/v1/public/:slug/about': pub(404),
  'GET /api/v1/public/:slug/charter': pub(404),
  'GET /api/v1/public/:slug/policy': pub(404),

  // Satisfaction surveys (issue 13): "quality_officer: surveys" designs them with the manager, who "sees
  // everything"; the auditor reads. The tablet at the counter is run by whoever serves people there.
  'GET /api/v1/surveys': only(['manager', 'quality_officer', 'auditor'], 200),
  'POST /api/v1/surveys': only(['manager', 'quality_officer'], 400),
  'GET /api/v1/surveys/:id': only(['manager', 'quality_officer', 'auditor'], 404),
  'PATCH /api/v1/surveys/:id': only(['manager', 'quality_officer'], 404), // {} changes nothing
  'GET /api/v1/surveys/:id/versions': only(['manager', 'quality_officer', 'auditor'], 404),
  'POST /api/v1/surveys/:id/invitations': only(['manager', 'quality_officer'], 400),
  'POST /api/v1/kiosk/invitations': only(
    ['relations_officer', 'supervisor', 'service_officer', 'quality_officer'],
    201, // {}: an anonymous walk-in's invitation
  ),
  'GET /api/v1/kiosk/next': only(
    ['relations_officer', 'supervisor', 'service_officer', 'quality_officer'],
    200,
  ),
  // The invitation's link, without sign-in (a token of no one: 404).
  'GET /api/v1/survey-responses/:token': pub(404),
  'POST /api/v1/survey-responses/:token': pub(400),

  // The platform operator (issue 14): a right of its own, not a role — every staff role gets 403.
  'GET /api/v1/platform/organizations': operator(200),
  'POST /api/v1/platform/organizations': operator(400),
  'POST /api/v1/platform/organizations/:id/suspend': operator(404),
  'POST /api/v1/platform/organizations/:id/resume': operator(404),
  'GET /api/v1/platform/organizations/:id/export': operator(404),
  'POST /api/v1/platform/operators': operator(400),
};

const { app, services } = await createTestApp();
const { organization, emails } = await createOrganization(
  services,
  everyone.map((role) => ({ fullName: `موظف ${role}`, email: role, roles: [role] })),
);
const cookies: Record<string, string> = {};
for (const role of everyone) cookies[role] = await signIn(app, emails[role]!);

const keyOf = (rule: { method: string; url: string }) => `${rule.method} ${rule.url}`;

// Every other portal route opens to a portal session only, never to a staff one: one rule for all of them.
for (const rule of app.routeRules) {
  if (rule.url.startsWith('/api/v1/portal/') && rule.access !== 'public') {
    table[keyOf(rule)] = { who: 'portal', status: 401 };
  }
}
const withIds = (url: string) => url.replace(/:[a-zA-Z]+/g, () => randomUUID());

async function call(route: string, cookie?: string) {
  const [method, url] = route.split(' ') as [string, string];
  // Signing out ends the session it is called with, so it gets a session of its own.
  const role = Object.entries(cookies).find(([, c]) => c === cookie)?.[0];
  const session = route === 'POST /api/v1/auth/logout' && role ? await signIn(app, emails[role]!) : cookie;
  return app.inject({
    method: method as 'GET',
    url: withIds(url),
    payload: method === 'GET' ? undefined : {},
    headers: session ? { cookie: session } : {},
  });
}

describe('route × role', () => {
  it('has a row for exactly the routes the app serves, and knows every staff role', () => {
    expect([...everyone].sort()).toEqual([...staffRoles].sort());
    const served = app.routeRules.map(keyOf).sort();
    const listed = Object.keys(table).sort();
    expect(
      served.filter((r) => !listed.includes(r)),
      'routes without a row here',
    ).toEqual([]);
    expect(
      listed.filter((r) => !served.includes(r)),
      'rows for routes the app does not serve',
    ).toEqual([]);
  });

  it('marks exactly the public rows of the table as public routes', () => {
    const served = app.routeRules
      .filter((r) => r.access === 'public')
      .map(keyOf)
      .sort();
    const listed = Object.entries(table)
      .filter(([, e]) => e.who === 'public')
      .map(([route]) => route)
      .sort();
    expect(served).toEqual(listed);
  });

  it('answers 401 UNAUTHENTICATED to every route but the public ones when no one is signed in', async () => {
    const wrong: string[] = [];
    for (const [route, expected] of Object.entries(table)) {
      const res = await call(route);
      const want = expected.who === 'public' ? expected.status : 401;
      if (res.statusCode !== want) wrong.push(`${route} → ${res.statusCode}, expected ${want}`);
      else if (want === 401 && res.json().error.code !== 'UNAUTHENTICATED')
        wrong.push(`${route}: ${res.body}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 403 FORBIDDEN to every role the table leaves out, and the route’s own answer to the others', async () => {
    const wrong: string[] = [];
    let calls = 0;
    for (const [route, expected] of Object.entries(table)) {
      for (const role of everyone) {
        const allowed =
          expected.who === 'public' ||
          expected.who === 'signed-in' ||
          (typeof expected.who !== 'string' && expected.who.includes(role));
        const res = await call(route, cookies[role]);
        calls += 1;
        // A staff session does not open the portal: it is not the portal's session (401, not 403).
        const want = expected.who === 'portal' ? 401 : allowed ? expected.status : 403;
        if (res.statusCode !== want) {
          wrong.push(`${role} ${route} → ${res.statusCode} ${res.body.slice(0, 120)}, expected ${want}`);
        } else if (want === 401 && res.json().error.code !== 'UNAUTHENTICATED') {
          wrong.push(`${role} ${route}: 401 with ${res.body}`);
        } else if (want === 403 && res.json().error.code !== 'FORBIDDEN') {
          wrong.push(`${role} ${route}: 403 with ${res.body}`);
        }
      }
    }
    expect(calls).toBe(Object.keys(table).length * everyone.length);
    expect(wrong).toEqual([]);
  });

  it('lets the platform operator through on platform routes only, with the route’s own answer', async () => {
    const { organization: own, emails: operatorEmails } = await createOrganization(services);
    await inOrganization(services, own.id, async () => {
      const row = await services.users.findForSignIn(operatorEmails.admin!);
      await services.users.setPlatformOperator(services.db, own.id, row!.id, true);
    });
    const operatorCookie = await signIn(app, operatorEmails.admin!);
    const wrong: string[] = [];
    for (const [route, expected] of Object.entries(table)) {
      if (expected.who !== 'platform') continue;
      const res = await call(route, operatorCookie);
      if (res.statusCode !== expected.status)
        wrong.push(`${route} → ${res.statusCode} ${res.body.slice(0, 120)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('answers 401 to a portal session on every staff route, and lets it through on portal routes', async () => {
    const person = await registerBeneficiary(app, cookies.relations_officer!);
    // A session per call: signing out (DELETE /portal/sessions/current) ends the one it is called with.
    const portalSession = async () =>
      `wasl_portal=${await inOrganization(services, organization.id, () =>
        services.portalSessions.create(services.db, {
          organizationId: organization.id,
          beneficiaryId: person.id,
          ip: null,
          userAgent: null,
        }),
      )}`;
    const wrong: string[] = [];
    for (const [route, expected] of Object.entries(table)) {
      if (expected.who === 'public') continue;
      const res = await call(route, await portalSession());
      const passed = res.statusCode !== 401 && res.statusCode !== 403;
      if (expected.who === 'portal' ? !passed : res.statusCode !== 401) {
        wrong.push(`${route} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
