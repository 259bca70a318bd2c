import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { AuditPage } from '../features/audit/routes/audit-page';
import { SignInPage } from '../features/auth/routes/sign-in-page';
import { DuplicatesPage } from '../features/beneficiaries/routes/duplicates-page';
import { IntakePage, validateIntakeSearch } from '../features/beneficiaries/routes/intake-page';
import { ProfilePage } from '../features/beneficiaries/routes/profile-page';
import { SearchPage } from '../features/beneficiaries/routes/search-page';
import { SignPage, validateSignSearch } from '../features/beneficiaries/routes/sign-page';
import { SessionPage } from '../features/committee/routes/session-page';
import { SessionsPage } from '../features/committee/routes/sessions-page';
import { HomePage } from '../features/home/routes/home-page';
import { SettingsPage } from '../features/organization/routes/settings-page';
import { OutboxPage } from '../features/outbox/routes/outbox-page';
import { NewRequestPage, validateNewRequestSearch } from '../features/requests/routes/new-request-page';
import { QueuesPage, validateQueuesSearch } from '../features/requests/routes/queues-page';
import { RequestPage, validateRequestSearch } from '../features/requests/routes/request-page';
import { EditServicePage, NewServicePage } from '../features/services/routes/service-form-page';
import { ServicesPage } from '../features/services/routes/services-page';
import { SetupPage } from '../features/setup/routes/setup-page';
import { NewUserPage } from '../features/users/routes/new-user-page';
import { UserPage } from '../features/users/routes/user-page';
import { UsersPage } from '../features/users/routes/users-page';
import { AssessmentPage } from '../features/verification/routes/assessment-page';
import { MyTasksPage } from '../features/verification/routes/my-tasks-page';
import { RulesEditorPage } from '../features/verification/routes/rules-editor-page';
import { RulesListPage } from '../features/verification/routes/rules-list-page';
import { TaskPage, validateTaskSearch } from '../features/verification/routes/task-page';
import { meQueryOptions, setupStatusQueryOptions } from '../lib/session';
import { AppLayout } from './layout';
import { NotFoundPage, RouteErrorPage } from './route-states';

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

const setupRoute = createRoute({ getParentRoute: () => rootRoute, path: '/setup', component: SetupPage });

interface SignInSearch {
  email?: string;
  redirect?: string;
  setup?: boolean;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch => ({
    email: typeof search.email === 'string' ? search.email : undefined,
    redirect:
      typeof search.redirect === 'string' && search.redirect.startsWith('/') ? search.redirect : undefined,
    setup: search.setup === true || search.setup === 'true' || search.setup === 1 ? true : undefined,
  }),
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (me) throw redirect({ to: '/' });
  },
  component: SignInPage,
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
  component: AppLayout,
});

const homeRoute = createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage });
const usersRoute = createRoute({ getParentRoute: () => appRoute, path: '/users', component: UsersPage });
const newUserRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/new',
  component: NewUserPage,
});
const userRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/users/$userId',
  component: UserPage,
});
const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  component: SettingsPage,
});
const auditRoute = createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage });
const outboxRoute = createRoute({ getParentRoute: () => appRoute, path: '/outbox', component: OutboxPage });
const beneficiariesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries',
  component: SearchPage,
});
const intakeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/new',
  validateSearch: validateIntakeSearch,
  component: IntakePage,
});
const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/duplicates',
  component: DuplicatesPage,
});
const beneficiaryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/$beneficiaryId',
  component: ProfilePage,
});
const signRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/beneficiaries/$beneficiaryId/sign',
  validateSearch: validateSignSearch,
  component: SignPage,
});
const servicesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services',
  component: ServicesPage,
});
const newServiceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services/new',
  component: NewServicePage,
});
const serviceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services/$serviceId',
  component: EditServicePage,
});
const requestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests',
  validateSearch: validateQueuesSearch,
  component: QueuesPage,
});
const newRequestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/new',
  validateSearch: validateNewRequestSearch,
  component: NewRequestPage,
});
const requestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/$requestId',
  validateSearch: validateRequestSearch,
  component: RequestPage,
});
// Eligibility verification and the research committee (features/verification, features/committee).
const myTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verifications',
  component: MyTasksPage,
});
const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/verifications/$taskId',
  validateSearch: validateTaskSearch,
  component: TaskPage,
});
const rulesRoute = createRoute({ getParentRoute: () => appRoute, path: '/rules', component: RulesListPage });
const serviceRulesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/services/$serviceId/rules',
  component: RulesEditorPage,
});
const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/requests/$requestId/assessment',
  component: AssessmentPage,
});
const committeeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/committee',
  component: SessionsPage,
});
const sessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/committee/$sessionId',
  component: SessionPage,
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
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
