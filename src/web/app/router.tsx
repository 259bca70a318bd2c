import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { PageSkeleton } from '../components/page-skeleton';
import { validateSignInSearch } from '../features/auth/sign-in-search';
import { validateIntakeSearch, validateSignSearch } from '../features/beneficiaries/routes/search-params';
import { validateDashboardSearch } from '../features/dashboards/routes/search-params';
import { RequestPageSkeleton } from '../features/requests/components/request-page-skeleton';
import {
  validateNewRequestSearch,
  validateQueuesSearch,
  validateRequestSearch,
} from '../features/requests/routes/search-params';
import { validateTaskSearch } from '../features/verification/routes/search-params';
import { loadAllMessages } from '../i18n';
import { meQueryOptions, setupStatusQueryOptions } from '../lib/session';
import { NotFoundPage, RouteErrorPage } from './route-states';

// Every page's code is loaded when its route is first matched (or hovered: `defaultPreload: 'intent'`),
// not in the first download (decision 013). Only what matching an address needs stays here: paths,
// search validation, access checks, loaders, and the skeletons shown while a page loads. The sign-in
// page needs only the first screen's messages; every other page waits for all of its language's
// (i18n/index.ts, decision 026).
const withAllMessages =
  <T,>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), loadAllMessages()]).then(([module]) => module);

const features = {
  audit: withAllMessages(() => import('../features/audit/routes/audit-page')),
  signIn: () => import('../features/auth/routes/sign-in-route'),
  duplicates: withAllMessages(() => import('../features/beneficiaries/routes/duplicates-page')),
  intake: withAllMessages(() => import('../features/beneficiaries/routes/intake-page')),
  profile: withAllMessages(() => import('../features/beneficiaries/routes/profile-page')),
  search: withAllMessages(() => import('../features/beneficiaries/routes/search-page')),
  sign: withAllMessages(() => import('../features/beneficiaries/routes/sign-page')),
  session: withAllMessages(() => import('../features/committee/routes/session-page')),
  complaint: withAllMessages(() => import('../features/complaints/routes/complaint-page')),
  complaints: withAllMessages(() => import('../features/complaints/routes/complaints-page')),
  newComplaint: withAllMessages(() => import('../features/complaints/routes/new-complaint-page')),
  sessions: withAllMessages(() => import('../features/committee/routes/sessions-page')),
  home: withAllMessages(() => import('../features/home/routes/home-page')),
  settings: withAllMessages(() => import('../features/organization/routes/settings-page')),
  outbox: withAllMessages(() => import('../features/outbox/routes/outbox-page')),
  platform: withAllMessages(() => import('../features/platform/routes/platform-page')),
  registrations: withAllMessages(() => import('../features/registrations/routes/registrations-page')),
  inquiries: withAllMessages(() => import('../features/inquiries/routes/inquiries-page')),
  newInquiry: withAllMessages(() => import('../features/inquiries/routes/new-inquiry-page')),
  inquiry: withAllMessages(() => import('../features/inquiries/routes/inquiry-page')),
  knowledge: withAllMessages(() => import('../features/inquiries/routes/knowledge-page')),
  referrals: withAllMessages(() => import('../features/referrals/routes/referrals-page')),
  partners: withAllMessages(() => import('../features/partners/routes/partners-page')),
  campaigns: withAllMessages(() => import('../features/campaigns/routes/campaigns-page')),
  appointments: withAllMessages(() => import('../features/appointments/routes/appointments-page')),
  supporters: withAllMessages(() => import('../features/supporters/routes/supporters-page')),
  policies: withAllMessages(() => import('../features/policies/routes/policies-page')),
  policy: withAllMessages(() => import('../features/policies/routes/policy-page')),
  library: withAllMessages(() => import('../features/policies/routes/library-page')),
  disputes: withAllMessages(() => import('../features/disputes/routes/disputes-page')),
  dispute: withAllMessages(() => import('../features/disputes/routes/dispute-page')),
  newRequest: withAllMessages(() => import('../features/requests/routes/new-request-page')),
  queues: withAllMessages(() => import('../features/requests/routes/queues-page')),
  request: withAllMessages(() => import('../features/requests/routes/request-page')),
  serviceForm: withAllMessages(() => import('../features/services/routes/service-form-page')),
  services: withAllMessages(() => import('../features/services/routes/services-page')),
  setup: withAllMessages(() => import('../features/setup/routes/setup-page')),
  newUser: withAllMessages(() => import('../features/users/routes/new-user-page')),
  user: withAllMessages(() => import('../features/users/routes/user-page')),
  users: withAllMessages(() => import('../features/users/routes/users-page')),
  assessment: withAllMessages(() => import('../features/verification/routes/assessment-page')),
  myTasks: withAllMessages(() => import('../features/verification/routes/my-tasks-page')),
  rulesEditor: withAllMessages(() => import('../features/verification/routes/rules-editor-page')),
  rulesList: withAllMessages(() => import('../features/verification/routes/rules-list-page')),
  task: withAllMessages(() => import('../features/verification/routes/task-page')),
  surveys: withAllMessages(() => import('../features/surveys/routes/surveys-page')),
  survey: withAllMessages(() => import('../features/surveys/routes/survey-page')),
  surveyResults: withAllMessages(() => import('../features/surveys/routes/results-page')),
  dashboards: withAllMessages(() => import('../features/dashboards/routes/dashboards-page')),
  improvements: withAllMessages(() => import('../features/improvements/routes/improvements-page')),
  improvement: withAllMessages(() => import('../features/improvements/routes/improvement-page')),
  layout: withAllMessages(() => import('./layout')),
};

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  // First run: until an organization exists, every page leads to the setup wizard.
  beforeLoad: async ({ context, location }) => {
    const status = await context.queryClient.ensureQueryData(setupStatusQueryOptions);
    const onSetup = location.pathname === '/setup';
    if (status.needed && !onSetup) throw redirect({ to: '/setup' });
    if (!status.needed && onSetup) throw redirect({ to: '/sign-in' });
  },
  component: Outlet,
  errorComponent: RouteErrorPage,
  notFoundComponent: NotFoundPage,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: lazyRouteComponent(features.setup, 'SetupPage'),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: validateSignInSearch,
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(features.signIn, 'SignInRoute'),
});

// Every page below needs a signed-in staff member.
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) {
      const back = location.href === '/' ? undefined : location.href;
      throw redirect({ to: '/sign-in', search: { redirect: back } });
    }
  },
  component: lazyRouteComponent(features.layout, 'AppLayout'),
});

const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: lazyRouteComponent(features.home, 'HomePage'),
});
const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users',
  component: lazyRouteComponent(features.users, 'UsersPage'),
});
const newUserRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/new',
  component: lazyRouteComponent(features.newUser, 'NewUserPage'),
});
const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/$userId',
  component: lazyRouteComponent(features.user, 'UserPage'),
});
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: lazyRouteComponent(features.settings, 'SettingsPage'),
});
const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  component: lazyRouteComponent(features.audit, 'AuditPage'),
});
const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/outbox',
  component: lazyRouteComponent(features.outbox, 'OutboxPage'),
});
const beneficiariesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries',
  component: lazyRouteComponent(features.search, 'SearchPage'),
});
const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/new',
  validateSearch: validateIntakeSearch,
  component: lazyRouteComponent(features.intake, 'IntakePage'),
});
const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/duplicates',
  component: lazyRouteComponent(features.duplicates, 'DuplicatesPage'),
});
const beneficiaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/$beneficiaryId',
  component: lazyRouteComponent(features.profile, 'ProfilePage'),
});
const signRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/$beneficiaryId/sign',
  validateSearch: validateSignSearch,
  component: lazyRouteComponent(features.sign, 'SignPage'),
});
// Pre-registrations sent from the portal, for staff to accept or return (features/registrations).
const registrationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/registrations',
  component: lazyRouteComponent(features.registrations, 'RegistrationsPage'),
});
// Referrals to the supervisor: answered here, and read back by whoever referred (features/referrals).
const referralsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/referrals',
  component: lazyRouteComponent(features.referrals, 'ReferralsPage'),
});
// Complaints and suggestions: the register, logging one, and one complaint (features/complaints).
const complaintsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/complaints',
  component: lazyRouteComponent(features.complaints, 'ComplaintsPage'),
});
const newComplaintRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/complaints/new',
  component: lazyRouteComponent(features.newComplaint, 'NewComplaintPage'),
});
const complaintRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/complaints/$complaintId',
  component: lazyRouteComponent(features.complaint, 'ComplaintPage'),
});
// Volunteers and donors (features/supporters).
const supportersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/supporters',
  component: lazyRouteComponent(features.supporters, 'SupportersPage'),
});
// The association's policies and governing texts (features/policies).
const policiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/policies',
  component: lazyRouteComponent(features.policies, 'PoliciesPage'),
});
const policyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/policies/$policyId',
  component: lazyRouteComponent(features.policy, 'PolicyPage'),
});
// The staff reference library: published bylaws, decisions, procedures (features/policies).
const libraryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/library',
  component: lazyRouteComponent(features.library, 'LibraryPage'),
});
// Disputes with beneficiaries along the charter's steps (features/disputes).
const disputesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/disputes',
  component: lazyRouteComponent(features.disputes, 'DisputesPage'),
});
const disputeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/disputes/$disputeId',
  component: lazyRouteComponent(features.dispute, 'DisputePage'),
});
// The counter's diary of booked visits (features/appointments).
const appointmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/appointments',
  component: lazyRouteComponent(features.appointments, 'AppointmentsPage'),
});
// Outreach campaigns (features/campaigns): drafted by relations staff, approved by a manager.
const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/campaigns',
  component: lazyRouteComponent(features.campaigns, 'CampaignsPage'),
});
// The partner list (features/partners), for the admin and the manager.
const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/partners',
  component: lazyRouteComponent(features.partners, 'PartnersPage'),
});
// Inquiries on every channel and the knowledge base of approved answers (features/inquiries).
const inquiriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inquiries',
  component: lazyRouteComponent(features.inquiries, 'InquiriesPage'),
});
const newInquiryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inquiries/new',
  component: lazyRouteComponent(features.newInquiry, 'NewInquiryPage'),
});
const inquiryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/inquiries/$inquiryId',
  component: lazyRouteComponent(features.inquiry, 'InquiryPage'),
});
const knowledgeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/knowledge',
  component: lazyRouteComponent(features.knowledge, 'KnowledgePage'),
});
const servicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services',
  component: lazyRouteComponent(features.services, 'ServicesPage'),
});
const newServiceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services/new',
  component: lazyRouteComponent(features.serviceForm, 'NewServicePage'),
});
const serviceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services/$serviceId',
  component: lazyRouteComponent(features.serviceForm, 'EditServicePage'),
});
const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests',
  validateSearch: validateQueuesSearch,
  component: lazyRouteComponent(features.queues, 'QueuesPage'),
});
const newRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/new',
  validateSearch: validateNewRequestSearch,
  component: lazyRouteComponent(features.newRequest, 'NewRequestPage'),
});
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/$requestId',
  validateSearch: validateRequestSearch,
  // The page's calls start now, alongside its code (not when a link is merely hovered: a read of
  // personal data is audited, and hovering is not reading).
  loader: async ({ context, params, preload }) => {
    if (preload) return;
    const { evaluationQuery, requestPageQuery } = await import('../features/requests/api');
    void context.queryClient.prefetchQuery(requestPageQuery(params.requestId));
    const me = context.queryClient.getQueryData(meQueryOptions.queryKey);
    if (me?.permissions.includes('verification.read')) {
      void context.queryClient.prefetchQuery(evaluationQuery(params.requestId));
    }
  },
  pendingComponent: RequestPageSkeleton,
  component: lazyRouteComponent(features.request, 'RequestPage'),
});
// Eligibility verification and the research committee (features/verification, features/committee).
const myTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verifications',
  component: lazyRouteComponent(features.myTasks, 'MyTasksPage'),
});
const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verifications/$taskId',
  validateSearch: validateTaskSearch,
  component: lazyRouteComponent(features.task, 'TaskPage'),
});
const rulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/rules',
  component: lazyRouteComponent(features.rulesList, 'RulesListPage'),
});
const serviceRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services/$serviceId/rules',
  component: lazyRouteComponent(features.rulesEditor, 'RulesEditorPage'),
});
const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/$requestId/assessment',
  component: lazyRouteComponent(features.assessment, 'AssessmentPage'),
});
const committeeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/committee',
  component: lazyRouteComponent(features.sessions, 'SessionsPage'),
});
const sessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/committee/$sessionId',
  component: lazyRouteComponent(features.session, 'SessionPage'),
});
// Satisfaction surveys, their results and the improvement actions (features/surveys, features/improvements).
const surveysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys',
  component: lazyRouteComponent(features.surveys, 'SurveysPage'),
});
const newSurveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/new',
  component: lazyRouteComponent(features.survey, 'NewSurveyPage'),
});
// The results page alone loads the chart library (recharts), in its own chunk.
const surveyResultsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/results',
  component: lazyRouteComponent(features.surveyResults, 'ResultsPage'),
});
const surveyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/surveys/$surveyId',
  component: lazyRouteComponent(features.survey, 'SurveyPage'),
});
/** `?fromResponse=<id>&serviceId=<id>`: opens «new action» for a low score (from the results' comments). */
export interface ImprovementsSearch {
  fromResponse?: string;
  serviceId?: string;
}
const uuidLike = (v: unknown) =>
  typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)
    ? v
    : undefined;
const improvementsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/improvement-actions',
  validateSearch: (search: Record<string, unknown>): ImprovementsSearch => ({
    fromResponse: uuidLike(search.fromResponse),
    serviceId: uuidLike(search.serviceId),
  }),
  component: lazyRouteComponent(features.improvements, 'ImprovementsPage'),
});
const improvementRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/improvement-actions/$actionId',
  component: lazyRouteComponent(features.improvement, 'ImprovementPage'),
});
// The dashboards (features/dashboards): period, calendar, service and the open drill-down in the address.
// Like the survey results, the page alone loads the chart library.
const dashboardsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboards',
  validateSearch: validateDashboardSearch,
  component: lazyRouteComponent(features.dashboards, 'DashboardsPage'),
});
// The platform operator's associations (features/platform): a right of its own, not a role.
const platformRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/platform',
  component: lazyRouteComponent(features.platform, 'PlatformPage'),
});

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    usersRoute,
    newUserRoute,
    userRoute,
    settingsRoute,
    auditRoute,
    outboxRoute,
    beneficiariesRoute,
    intakeRoute,
    duplicatesRoute,
    beneficiaryRoute,
    signRoute,
    registrationsRoute,
    inquiriesRoute,
    newInquiryRoute,
    inquiryRoute,
    knowledgeRoute,
    referralsRoute,
    partnersRoute,
    campaignsRoute,
    appointmentsRoute,
    supportersRoute,
    policiesRoute,
    policyRoute,
    libraryRoute,
    disputesRoute,
    disputeRoute,
    servicesRoute,
    newServiceRoute,
    serviceRoute,
    requestsRoute,
    newRequestRoute,
    requestRoute,
    myTasksRoute,
    taskRoute,
    rulesRoute,
    serviceRulesRoute,
    assessmentRoute,
    committeeRoute,
    sessionRoute,
    complaintsRoute,
    newComplaintRoute,
    complaintRoute,
    dashboardsRoute,
    surveysRoute,
    newSurveyRoute,
    surveyResultsRoute,
    surveyRoute,
    improvementsRoute,
    improvementRoute,
    platformRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // A page whose code (or loader) is not ready within 100 ms shows its skeleton, and keeps it at least
    // 200 ms once shown, so a fast answer does not flicker.
    defaultPendingComponent: PageSkeleton,
    defaultPendingMs: 100,
    defaultPendingMinMs: 200,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
