import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { DestinationStream } from 'pino';
import { appointmentRoutes } from './modules/appointments/appointments.routes';
import { createAppointmentService } from './modules/appointments/appointments.service';
import { auditRoutes } from './modules/audit/audit.routes';
import { createAuditService } from './modules/audit/audit.service';
import { authRoutes } from './modules/auth/auth.routes';
import { createAuthService } from './modules/auth/auth.service';
import { beneficiaryRoutes } from './modules/beneficiaries/beneficiaries.routes';
import { createBeneficiaryService } from './modules/beneficiaries/beneficiaries.service';
import { beneficiaryPrivacyRoutes } from './modules/beneficiaries/beneficiary-privacy.routes';
import { createBeneficiaryPrivacyService } from './modules/beneficiaries/beneficiary-privacy.service';
import { beneficiaryRecordRoutes } from './modules/beneficiaries/beneficiary-records.routes';
import {
  createBeneficiaryRecordsService,
  maxDocumentBytes,
} from './modules/beneficiaries/beneficiary-records.service';
import { createBeneficiarySearchService } from './modules/beneficiaries/beneficiary-search.service';
import { campaignRoutes } from './modules/campaigns/campaigns.routes';
import { createCampaignService } from './modules/campaigns/campaigns.service';
import { committeeRoutes } from './modules/committee/committee.routes';
import { createCommitteeService } from './modules/committee/committee.service';
import { complaintRoutes } from './modules/complaints/complaints.routes';
import { createComplaintService } from './modules/complaints/complaints.service';
import { createPublicComplaintService } from './modules/complaints/complaints-public.service';
import { dashboardRoutes } from './modules/dashboards/dashboards.routes';
import { createDashboardsService } from './modules/dashboards/dashboards.service';
import { disputeRoutes } from './modules/disputes/disputes.routes';
import { createDisputeService } from './modules/disputes/disputes.service';
import { healthRoutes } from './modules/health/health.routes';
import { improvementRoutes } from './modules/improvements/improvements.routes';
import { createImprovementService } from './modules/improvements/improvements.service';
import { inquiryRoutes, knowledgeRoutes } from './modules/inquiries/inquiries.routes';
import { createInquiryService } from './modules/inquiries/inquiries.service';
import { createKnowledgeService } from './modules/inquiries/knowledge.service';
import { createMessageTemplateService } from './modules/messaging/message-templates.service';
import { messageTemplateRoutes, whatsappWebhookRoutes } from './modules/messaging/messaging.routes';
import { createMessagingService } from './modules/messaging/messaging.service';
import { organizationRoutes } from './modules/organizations/organizations.routes';
import { createOrganizationService } from './modules/organizations/organizations.service';
import { outboxRoutes } from './modules/outbox/outbox.routes';
import { createOutboxService } from './modules/outbox/outbox.service';
import { partnerRoutes } from './modules/partners/partners.routes';
import { createPartnerService } from './modules/partners/partners.service';
import { platformRoutes } from './modules/platform/platform.routes';
import { createPlatformService } from './modules/platform/platform.service';
import { createPlatformExportService } from './modules/platform/platform-export.service';
import { policyRoutes } from './modules/policies/policies.routes';
import { createPolicyService } from './modules/policies/policies.service';
import { portalAuthRoutes } from './modules/portal/portal-auth.routes';
import { createPortalAuthService } from './modules/portal/portal-auth.service';
import { createPortalMyDataService } from './modules/portal/portal-my-data.service';
import { portalRegistrationRoutes } from './modules/portal/portal-registration.routes';
import { createPortalRegistrationService } from './modules/portal/portal-registration.service';
import { portalRequestRoutes } from './modules/portal/portal-requests.routes';
import { createPortalRequestService } from './modules/portal/portal-requests.service';
import { createPortalSessionStore } from './modules/portal/portal-sessions';
import { createRegistrationReviewService } from './modules/portal/registration-review.service';
import { registrationRoutes } from './modules/portal/registrations.routes';
import { publicPageRoutes } from './modules/public-pages/public-pages.routes';
import { createPublicPageService } from './modules/public-pages/public-pages.service';
import { reportRoutes } from './modules/reports/reports.routes';
import { createReportService } from './modules/reports/reports.service';
import { createReferralService } from './modules/requests/referrals.service';
import { createRequestPageService } from './modules/requests/request-page.service';
import { createTransitionService } from './modules/requests/request-transitions.service';
import { requestRoutes } from './modules/requests/requests.routes';
import { createRequestService } from './modules/requests/requests.service';
import { serviceRoutes } from './modules/services/services.routes';
import { createCatalogService } from './modules/services/services.service';
import { setupRoutes } from './modules/setup/setup.routes';
import { createSetupService } from './modules/setup/setup.service';
import { supporterRoutes } from './modules/supporters/supporters.routes';
import { createSupporterService } from './modules/supporters/supporters.service';
import { createSurveyExportService } from './modules/surveys/export.service';
import { createSurveyInvitationService } from './modules/surveys/invitations.service';
import { createSurveyResponseService } from './modules/surveys/responses.service';
import { surveyResultRoutes } from './modules/surveys/results.routes';
import { createResultsService } from './modules/surveys/results.service';
import { surveyRoutes } from './modules/surveys/surveys.routes';
import { createSurveyService } from './modules/surveys/surveys.service';
import { userRoutes } from './modules/users/users.routes';
import { createUserService } from './modules/users/users.service';
import { createResearchReportService } from './modules/verification/research-report.service';
import { createSignalService } from './modules/verification/signals.service';
import { verificationRoutes } from './modules/verification/verification.routes';
import { createVerificationService } from './modules/verification/verification.service';
import { workspaceRoutes } from './modules/workspace/workspace.routes';
import { createWorkspaceService } from './modules/workspace/workspace.service';
import { registerAccessControl } from './platform/auth/access';
import { createSessionStore } from './platform/auth/sessions';
import { type Clock, systemClock } from './platform/clock';
import type { Database } from './platform/db/database';
import { createLocalStorage, type FileStorage } from './platform/files/storage';
import { registerCsrfProtection } from './platform/http/csrf';
import { answerClientError, answerFrameworkError, registerErrorHandling } from './platform/http/errors';
import { registerInputGuard } from './platform/http/input-guard';
import { loggableError } from './platform/http/loggable-error';
import { registerSecurityHeaders } from './platform/http/security-headers';
import type { Jobs } from './platform/jobs/jobs';
import { type NotificationDriver, recordingDriver } from './platform/notifications/notifications';

/**
 * The path of a request that matched no route, for the log: a segment that could carry a value (digits,
 * Arabic, anything but plain words) becomes `:value`, so a mistyped URL cannot write an id into the log.
 */
export function unmatchedPath(url: string): string {
  return url
    .split('?')[0]!
    .split('/')
    .map((segment) => (segment === '' || /^[a-z][a-z-]*$/i.test(segment) ? segment : ':value'))
    .join('/');
}

export interface AppOptions {
  database: Database;
  /** Uploaded files; defaults to local disk under DATA_DIR/files. */
  storage?: FileStorage;
  jobs?: Jobs | null;
  clock?: Clock;
  logLevel?: string;
  /** Where log lines go; standard output when absent (tests capture it to check what is logged). */
  logStream?: DestinationStream;
  secureCookies?: boolean;
  sessionTtlHours?: number;
  /** Folder of the built web app; served with an SPA fallback when it exists. */
  webRoot?: string | null;
  /** Where messages leave (SMS_DRIVER); recorded in the outbox only when absent. */
  notificationDriver?: NotificationDriver;
}

export const defaultWebRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

/** Wires the services and routes. Tests call it with a fresh database and use app.inject(). */
export function buildServices(options: AppOptions) {
  const { db } = options.database;
  const clock = options.clock ?? systemClock;
  const jobs = options.jobs ?? null;
  const sessions = createSessionStore({ db, ttlHours: options.sessionTtlHours ?? 12, clock });
  const organizations = createOrganizationService({ db });
  const users = createUserService({ db, sessions, jobs, clock });
  const auth = createAuthService({ db, users, organizations, sessions, clock });
  const setup = createSetupService({ db, organizations, users });
  const audit = createAuditService({ db });
  const outbox = createOutboxService({ db });
  const messaging = createMessagingService({
    db,
    clock,
    jobs,
    organizations,
    publicUrl: process.env.PUBLIC_URL || undefined,
  });
  const messageTemplates = createMessageTemplateService({ db });
  const storage =
    options.storage ?? createLocalStorage(path.resolve(process.env.DATA_DIR ?? './data', 'files'));
  const platform = createPlatformService({ db, organizations, users });
  const platformExport = createPlatformExportService({ db, pool: options.database.pool, storage, clock });
  const beneficiaries = createBeneficiaryService({ db, organizations, clock });
  const beneficiarySearch = createBeneficiarySearchService({ db });
  const beneficiaryRecords = createBeneficiaryRecordsService({
    db,
    storage,
    organizations,
    beneficiaries,
    clock,
  });
  const beneficiaryPrivacy = createBeneficiaryPrivacyService({
    db,
    storage,
    organizations,
    beneficiaries,
    records: beneficiaryRecords,
    clock,
    requests: () => requests,
  });
  const catalog = createCatalogService({ db, organizations });
  const surveys = createSurveyService({ db, clock });
  const surveyInvitations = createSurveyInvitationService({
    db,
    clock,
    messaging,
    publicUrl: process.env.PUBLIC_URL || undefined,
  });
  const requests = createRequestService({
    db,
    clock,
    jobs,
    organizations,
    beneficiaries,
    records: beneficiaryRecords,
    catalog,
    users,
  });
  const verification = createVerificationService({
    db,
    clock,
    organizations,
    catalog,
    requests,
    beneficiaries,
    records: beneficiaryRecords,
    storage,
    users,
  });
  const transitions = createTransitionService({
    db,
    clock,
    jobs,
    organizations,
    requests,
    catalog,
    messaging,
    surveys: surveyInvitations,
    verification: () => verification.hooks,
  });
  const referrals = createReferralService({ db, clock, requests, users, jobs });
  const partners = createPartnerService({ db, beneficiaries, records: beneficiaryRecords, requests });
  const requestPage = createRequestPageService({ db, clock, requests, verification });
  const signals = createSignalService({ db, clock, organizations, requests, catalog });
  const campaigns = createCampaignService({ db, clock, catalog, signals, messaging });
  const supporters = createSupporterService({ db, clock });
  const policies = createPolicyService({
    db,
    clock,
    organizations,
    records: beneficiaryRecords,
    storage,
  });
  const disputes = createDisputeService({ db, clock, organizations, beneficiaries, policies });
  const appointments = createAppointmentService({
    db,
    clock,
    organizations,
    beneficiaries,
    catalog,
    messaging,
  });
  const researchReports = createResearchReportService({ db, clock, requests, organizations });
  const committee = createCommitteeService({ db, clock, organizations, users, requests, transitions });
  const surveyResults = createResultsService({ db, clock, organizations });
  const surveyExport = createSurveyExportService({ db, organizations, results: surveyResults });
  const improvements = createImprovementService({ db, clock, organizations, users, results: surveyResults });
  const dashboards = createDashboardsService({ db, clock, organizations, results: surveyResults });
  const reports = createReportService({ db, organizations, dashboards, policies, improvements });
  const complaints = createComplaintService({
    db,
    clock,
    organizations,
    users,
    beneficiaries,
    messaging,
    improvements,
    surveys: surveyInvitations,
  });
  const workspace = createWorkspaceService({ db, clock, organizations, requests, complaints });
  const notificationDriver = options.notificationDriver ?? recordingDriver;
  const portalSessions = createPortalSessionStore({ db, clock });
  const portalAuth = createPortalAuthService({
    db,
    clock,
    organizations,
    sessions: portalSessions,
    driver: notificationDriver,
  });
  const portalRegistration = createPortalRegistrationService({
    db,
    clock,
    organizations,
    portalAuth,
    beneficiaries,
    records: beneficiaryRecords,
    driver: notificationDriver,
  });
  const registrationReview = createRegistrationReviewService({
    db,
    clock,
    jobs,
    organizations,
    beneficiaries,
  });
  const publicComplaints = createPublicComplaintService({ db, clock, organizations, throttle: portalAuth });
  const portalRequests = createPortalRequestService({
    organizations,
    catalog,
    requests,
    transitions,
    verification,
    records: beneficiaryRecords,
  });
  const portalMyData = createPortalMyDataService({
    db,
    beneficiaries,
    records: beneficiaryRecords,
    privacy: beneficiaryPrivacy,
    requests,
  });
  const knowledge = createKnowledgeService({ db, clock, organizations });
  const inquiries = createInquiryService({
    db,
    clock,
    organizations,
    beneficiaries,
    users,
    messaging,
    knowledge,
    surveys: surveyInvitations,
  });
  const surveyResponses = createSurveyResponseService({ db, clock, organizations, throttle: portalAuth });
  const publicPages = createPublicPageService({ db, organizations, knowledge, policies });
  return {
    platform,
    platformExport,
    publicPages,
    surveys,
    surveyInvitations,
    surveyResponses,
    inquiries,
    knowledge,
    complaints,
    publicComplaints,
    surveyResults,
    surveyExport,
    improvements,
    dashboards,
    reports,
    portalRequests,
    portalMyData,
    notificationDriver,
    portalSessions,
    portalAuth,
    portalRegistration,
    registrationReview,
    db,
    clock,
    catalog,
    requests,
    transitions,
    referrals,
    partners,
    campaigns,
    appointments,
    supporters,
    policies,
    disputes,
    requestPage,
    verification,
    committee,
    workspace,
    signals,
    researchReports,
    jobs,
    storage,
    sessions,
    organizations,
    users,
    auth,
    setup,
    audit,
    outbox,
    messaging,
    messageTemplates,
    beneficiaries,
    beneficiarySearch,
    beneficiaryRecords,
    beneficiaryPrivacy,
  };
}

export type Services = ReturnType<typeof buildServices>;

export async function buildApp(options: AppOptions & { services?: Services }): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // No personal data in logs: no query strings (they carry names and ids), no cookies, and errors
      // without their messages, SQL parameters or row details (loggable-error.ts).
      serializers: {
        err: loggableError,
        req: (req) => ({
          method: req.method,
          route: req.routeOptions?.url ?? unmatchedPath(req.url),
          id: req.id,
        }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization'],
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 1_048_576,
    // Every error in our {"error":{…}} shape, including those raised before routing.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const services = options.services ?? buildServices(options);
  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  const hasWeb = webRoot !== null && fs.existsSync(path.join(webRoot, 'index.html'));

  registerErrorHandling(
    app,
    // The beneficiaries' portal (/p/<slug>/…) is a page of its own, apart from the staff app; so are a
    // survey invitation (/s/<token>) and the counter's kiosk (/kiosk), which answer surveys with it.
    hasWeb
      ? {
          spaFallback: (reply, request) =>
            reply
              .type('text/html')
              .sendFile(/^\/(p|s|kiosk)(\/|\?|$)/.test(request.url) ? 'portal.html' : 'index.html'),
        }
      : {},
  );
  registerCsrfProtection(app);
  registerInputGuard(app);
  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: maxDocumentBytes, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Wasl API', version: '1', description: 'Beneficiary relationship management (وصل)' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wasl_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerAccessControl(app, {
    db: options.database.db,
    sessions: services.sessions,
    portalSessions: services.portalSessions,
  });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(healthRoutes(options.database.pool));
  await app.register(setupRoutes(services.setup));
  await app.register(platformRoutes(services.platform, services.platformExport));
  await app.register(
    authRoutes(services.auth, {
      secureCookies: options.secureCookies ?? false,
      sessionTtlSeconds: services.sessions.ttlSeconds,
    }),
  );
  await app.register(userRoutes(services.users, services.organizations));
  await app.register(organizationRoutes(services.organizations));
  await app.register(auditRoutes(services.audit));
  await app.register(outboxRoutes(services.outbox));
  await app.register(messageTemplateRoutes(services.messageTemplates));
  await app.register(
    whatsappWebhookRoutes({ db: services.db, appSecret: () => process.env.WHATSAPP_APP_SECRET || undefined }),
  );
  await app.register(partnerRoutes(services.partners));
  await app.register(campaignRoutes(services.campaigns));
  await app.register(appointmentRoutes(services.appointments));
  await app.register(supporterRoutes(services.supporters));
  await app.register(policyRoutes(services.policies));
  await app.register(disputeRoutes(services.disputes));
  await app.register(beneficiaryRoutes(services.beneficiaries, services.beneficiarySearch));
  await app.register(beneficiaryRecordRoutes(services.beneficiaryRecords));
  await app.register(beneficiaryPrivacyRoutes(services.beneficiaryPrivacy));
  await app.register(serviceRoutes(services.catalog));
  await app.register(
    requestRoutes(services.requests, services.transitions, services.referrals, services.requestPage),
  );
  await app.register(verificationRoutes(services.verification, services.signals, services.researchReports));
  await app.register(committeeRoutes(services.committee));
  await app.register(workspaceRoutes(services.workspace));
  await app.register(
    portalAuthRoutes(services.portalAuth, services.portalSessions, {
      secureCookies: options.secureCookies ?? false,
    }),
  );
  await app.register(
    portalRegistrationRoutes(services.portalRegistration, services.portalSessions, {
      secureCookies: options.secureCookies ?? false,
    }),
  );
  await app.register(registrationRoutes(services.registrationReview));
  await app.register(portalRequestRoutes(services.portalRequests, services.portalMyData));
  await app.register(inquiryRoutes(services.inquiries));
  await app.register(knowledgeRoutes(services.knowledge));
  await app.register(complaintRoutes(services.complaints, services.publicComplaints));
  await app.register(surveyRoutes(services.surveys, services.surveyInvitations, services.surveyResponses));
  await app.register(surveyResultRoutes(services.surveyResults, services.surveyExport));
  await app.register(improvementRoutes(services.improvements));
  await app.register(dashboardRoutes(services.dashboards));
  await app.register(reportRoutes(services.reports));
  await app.register(
    publicPageRoutes(services.publicPages, {
      portalHtmlPath: hasWeb ? path.join(webRoot!, 'portal.html') : null,
      publicUrl: process.env.PUBLIC_URL || undefined,
    }),
  );

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );

  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot!,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each script and stylesheet (vite.config.ts): sent when the
      // browser accepts them, a third of the bytes or less.
      preCompressed: true,
      // Files under assets/ carry a hash of their content in their name: kept a year, never asked
      // again. Everything else (index.html) is asked again each time, so a new version shows at once.
      cacheControl: false,
      setHeaders: (res, filePath) => {
        const hashed = path.resolve(filePath).startsWith(path.resolve(webRoot!, 'assets') + path.sep);
        res.setHeader('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  return app;
}
