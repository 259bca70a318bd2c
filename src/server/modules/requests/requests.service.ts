// Owns service requests: creation with the submission checks, the promised decision date, the work
// queues, assignment, deliveries and decision letters. Status changes live in request-transitions.service.
import { and, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import {
  addWorkingDays,
  endOfLocalDay,
  localDate,
  type WorkCalendar,
  workCalendarOf,
} from '../../../shared/calendar';
import type { Beneficiary } from '../../../shared/contracts/beneficiaries';
import type { Organization } from '../../../shared/contracts/organization';
import { type ListRequestsQuery, requestQueues } from '../../../shared/contracts/requests';
import { formatDualDate } from '../../../shared/dates';
import {
  clockRunningStatuses,
  inProgressStatuses,
  queueStatuses,
  type RequestActor,
  type RequestStatus,
  type StageQueue,
} from '../../../shared/requests/request-machine';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { Jobs } from '../../platform/jobs/jobs';
import { dispatchQueued, queueNotification } from '../../platform/notifications/notifications';
import { renderLetterPdf } from '../../platform/pdf/pdf';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { BeneficiaryRecordsService } from '../beneficiaries/beneficiary-records.service';
import { logoBytes, type OrganizationService } from '../organizations/organizations.service';
import type { CatalogService, ServiceRow } from '../services/services.service';
import type { UserService } from '../users/users.service';
import { letterHtml, letterTitle } from './decision-letters';
import { moveRequestsOnMerge } from './request-merge';
import { presentDelivery, presentHistoryItem, presentRequest } from './requests.presenter';
import {
  countQueues,
  findRequestView,
  insertHistory,
  insertRequest,
  latestLetter,
  listDeliveries,
  listHistory,
  listRequestViews,
  lockRequest,
  nextRequestNumber,
  type RequestView,
  serviceHistoryOf,
  updateRequestRow,
} from './requests.repository';
import { requests } from './requests.tables';

export interface RequestDeps {
  db: Db;
  clock: Clock;
  jobs: Jobs | null;
  organizations: OrganizationService;
  beneficiaries: BeneficiaryService;
  records: BeneficiaryRecordsService;
  catalog: CatalogService;
  users: UserService;
}

export type RequestService = ReturnType<typeof createRequestService>;

export function createRequestService(deps: RequestDeps) {
  const { db, clock, jobs, organizations, beneficiaries, records, catalog, users } = deps;

  /** Pass the transaction when inside one, so that it never waits for a second connection. */
  async function calendarOf(
    organizationId: string,
    tx: Tx = db,
  ): Promise<WorkCalendar & { stageAlertDays: number; committeeDecides: boolean }> {
    const { settings } = await organizations.getOrganization(organizationId, tx);
    return {
      committeeDecides: settings.decisionBody.kind === 'committee',
      ...workCalendarOf(settings),
      stageAlertDays: settings.stageAlertDays,
    };
  }

  /**
   * Policy steps 2 and 4: every document the service requires is on file and not expired, and the
   * beneficiary's declaration is signed and current. Returns what is missing (empty when complete).
   */
  async function missingForSubmission(tx: Tx, ctx: ActorContext, beneficiaryId: string, service: ServiceRow) {
    const row = await beneficiaries.load(tx, ctx, beneficiaryId);
    const profile = await beneficiaries.present(tx, ctx, row);
    const docs = (await records.listDocuments(ctx, beneficiaryId, tx)).items;
    const missingDocuments = service.requiredDocuments.filter((type) => !docs.some((d) => d.type === type));
    const expiredDocuments = service.requiredDocuments.filter(
      (type) => docs.some((d) => d.type === type) && !docs.some((d) => d.type === type && !d.expired),
    );
    const declaration = profile.declaration.current ? null : profile.declaration.reason;
    const blocked = profile.status !== 'active' ? profile.status : null;
    return { missingDocuments, expiredDocuments, declaration, beneficiaryStatus: blocked, profile };
  }

  /**
   * The one check before a request is submitted, whether taken at the counter or a portal draft
   * submitted later: the service still takes requests (409 SERVICE_INACTIVE) and nothing is missing
   * (422 SUBMISSION_INCOMPLETE listing what is). Returns the profile, for the notice to the beneficiary.
   */
  async function assertSubmittable(
    tx: Tx,
    ctx: ActorContext,
    beneficiaryId: string,
    service: ServiceRow,
  ): Promise<Beneficiary> {
    if (!service.active) throw new AppError(409, 'SERVICE_INACTIVE');
    const { profile, ...missing } = await missingForSubmission(tx, ctx, beneficiaryId, service);
    const incomplete =
      missing.missingDocuments.length ||
      missing.expiredDocuments.length ||
      missing.declaration ||
      missing.beneficiaryStatus;
    if (incomplete) throw new AppError(422, 'SUBMISSION_INCOMPLETE', missing);
    return profile;
  }

  /**
   * The SMS that tells the beneficiary their request was received and by when it is decided (Hijri and
   * Gregorian), whether it was taken at the counter or sent from the portal. Returns the outbox id.
   */
  async function queueReceivedNotice(
    tx: Tx,
    org: Organization,
    request: { id: string; organizationId: string; number: string },
    service: { nameAr: string },
    profile: { phone: string; gender: Beneficiary['gender'] },
    expectedDecisionAt: Date,
  ): Promise<string> {
    const date = formatDualDate(expectedDecisionAt, 'ar', { digits: org.settings.digitStyle });
    return queueNotification(tx, {
      organizationId: request.organizationId,
      channel: 'sms',
      recipient: profile.phone,
      subject: null,
      // In the beneficiary's grammatical gender where the catalogue has a `_female` / `_male` form.
      body: message(
        'ar',
        'sms.requestReceived',
        {
          organization: org.nameAr,
          number: request.number,
          service: service.nameAr,
          decider: org.settings.decisionBody.nameAr,
          hijri: date.hijri,
          gregorian: date.gregorian,
        },
        { context: profile.gender },
      ),
      relatedType: 'request',
      relatedId: request.id,
    });
  }

  /** The promised decision date: the service's decision period in working days, at the end of that day. */
  function expectedDecision(calendar: WorkCalendar, from: Date, days: number): Date {
    return endOfLocalDay(
      addWorkingDays(localDate(from, calendar.timeZone), days, calendar),
      calendar.timeZone,
    );
  }

  async function view(tx: Tx, ctx: ActorContext, id: string): Promise<RequestView> {
    const v = await findRequestView(tx, ctx.actor.organizationId, id);
    if (!v) throw notFound();
    return v;
  }

  async function present(ctx: ActorContext, v: RequestView) {
    const cal = await calendarOf(ctx.actor.organizationId);
    return presentRequest(v, {
      roles: ctx.actor.roles as RequestActor[],
      now: clock.now(),
      stageAlertDays: cal.stageAlertDays,
      committeeDecides: cal.committeeDecides,
      timeZone: cal.timeZone,
    });
  }

  return {
    calendarOf,
    expectedDecision,
    assertSubmittable,
    queueReceivedNotice,
    view,
    present,

    /** A request taken by staff on a channel starts submitted (DESIGN.md); the beneficiary is told the date. */
    async createRequest(
      ctx: ActorContext,
      input: { beneficiaryId: string; serviceId: string; channel: string; notes?: string },
    ) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      if (!org.settings.channels.some((c) => c.enabled && c.code === input.channel)) {
        throw new AppError(400, 'UNKNOWN_CODE', { fields: { channel: 'UNKNOWN_CODE' } });
      }
      const calendar = await calendarOf(ctx.actor.organizationId);
      const { created, messageId } = await db.transaction(async (tx) => {
        const service = await catalog.loadService(tx, ctx, input.serviceId);
        // A pre-registration from the portal is not a file yet: staff accept it first (/registrations).
        const person = await beneficiaries.load(tx, ctx, input.beneficiaryId);
        if (person.status === 'pending_verification') throw new AppError(409, 'BENEFICIARY_NOT_ACTIVE');
        const profile = await assertSubmittable(tx, ctx, input.beneficiaryId, service);
        const now = clock.now();
        const expectedDecisionAt = expectedDecision(calendar, now, service.decisionDays);
        const row = await insertRequest(tx, {
          organizationId: ctx.actor.organizationId,
          number: await nextRequestNumber(tx, ctx.actor.organizationId),
          beneficiaryId: input.beneficiaryId,
          serviceId: service.id,
          channel: input.channel,
          status: 'submitted',
          submittedAt: now,
          expectedDecisionAt,
          stageEnteredAt: now,
          notes: input.notes ?? null,
          createdBy: ctx.actor.userId,
        });
        await insertHistory(tx, {
          organizationId: row.organizationId,
          requestId: row.id,
          fromStatus: null,
          toStatus: 'submitted',
          action: 'submit',
          actorId: ctx.actor.userId,
          actorName: ctx.actor.fullName,
          note: null,
        });
        await recordAudit(tx, ctx, {
          action: 'requests.create',
          entityType: 'request',
          entityId: row.id,
          details: { number: row.number, serviceId: service.id, beneficiaryId: input.beneficiaryId },
        });
        const messageId = await queueReceivedNotice(tx, org, row, service, profile, expectedDecisionAt);
        return { created: row, messageId };
      });
      await dispatchQueued(jobs, [messageId]);
      return present(ctx, await view(db, ctx, created.id));
    },

    /** Other active requests of the same service, and its last delivery (eligibility facts). */
    async serviceHistory(
      ctx: ActorContext,
      of: { beneficiaryId: string; serviceId: string; excludeRequestId: string | null },
      tx: Tx = db,
    ) {
      return serviceHistoryOf(tx, ctx.actor.organizationId, of);
    },

    /** A merge of duplicate records moves the requests (request-merge.ts). */
    moveRequests: moveRequestsOnMerge,

    async getRequest(ctx: ActorContext, id: string) {
      return present(ctx, await view(db, ctx, id));
    },

    async listRequests(ctx: ActorContext, query: ListRequestsQuery) {
      const cal = await calendarOf(ctx.actor.organizationId);
      const filters: SQL[] = [eq(requests.organizationId, ctx.actor.organizationId)];
      const stage = Object.hasOwn(queueStatuses, query.queue)
        ? queueStatuses[query.queue as StageQueue]
        : null;
      if (stage) filters.push(inArray(requests.status, [...stage]));
      if (query.queue === 'mine') filters.push(eq(requests.assignedTo, ctx.actor.userId));
      if (query.status) filters.push(eq(requests.status, query.status));
      if (query.serviceId) filters.push(eq(requests.serviceId, query.serviceId));
      if (query.beneficiaryId) filters.push(eq(requests.beneficiaryId, query.beneficiaryId));
      if (query.q) filters.push(sql`${requests.number} = ${query.q.trim().toUpperCase()}`);
      if (query.overdue === 'true') {
        filters.push(
          or(
            and(
              inArray(requests.status, [...clockRunningStatuses]),
              lt(requests.expectedDecisionAt, clock.now()),
            ),
            and(
              inArray(requests.status, [...inProgressStatuses]),
              lt(requests.stageEnteredAt, new Date(clock.now().getTime() - cal.stageAlertDays * 86_400_000)),
            ),
          )!,
        );
      }
      const offset = decodeOffset(query.cursor);
      const { rows, total } = await listRequestViews(db, and(...filters)!, query.sort, query.limit, offset);
      const roles = ctx.actor.roles as RequestActor[];
      const next = offset + rows.length;
      return {
        items: rows.map((v) =>
          presentRequest(v, {
            roles,
            now: clock.now(),
            stageAlertDays: cal.stageAlertDays,
            committeeDecides: cal.committeeDecides,
            timeZone: cal.timeZone,
          }),
        ),
        total,
        nextCursor: next < total ? encodeCursor([next]) : null,
      };
    },

    async queueCounts(ctx: ActorContext) {
      const cal = await calendarOf(ctx.actor.organizationId);
      const rows = await countQueues(
        db,
        ctx.actor.organizationId,
        ctx.actor.userId,
        cal.stageAlertDays,
        clock.now(),
      );
      type Counts = { total: number; overdue: number };
      const queues = Object.fromEntries(requestQueues.map((q) => [q, { total: 0, overdue: 0 }])) as Record<
        (typeof requestQueues)[number],
        Counts
      >;
      for (const r of rows) queues[r.queue as keyof typeof queues] = { total: r.total, overdue: r.overdue };
      return { queues };
    },

    async history(ctx: ActorContext, id: string) {
      await view(db, ctx, id);
      return { items: (await listHistory(db, ctx.actor.organizationId, id)).map(presentHistoryItem) };
    },

    async deliveries(ctx: ActorContext, id: string) {
      await view(db, ctx, id);
      return { items: (await listDeliveries(db, ctx.actor.organizationId, id)).map(presentDelivery) };
    },

    /** Assignment and reassignment are recorded in the history. */
    async assign(ctx: ActorContext, id: string, assigneeId: string) {
      const assignee = await users.findUser(ctx, assigneeId);
      await db.transaction(async (tx) => {
        const row = await lockRequest(tx, ctx.actor.organizationId, id);
        if (!row) throw notFound();
        if (assignee?.status !== 'active' || assignee.roles.every((r) => r === 'admin' || r === 'auditor')) {
          throw new AppError(400, 'ASSIGNEE_INVALID', { fields: { assigneeId: 'ASSIGNEE_INVALID' } });
        }
        await updateRequestRow(tx, row.organizationId, id, { assignedTo: assigneeId });
        await insertHistory(tx, {
          organizationId: row.organizationId,
          requestId: id,
          fromStatus: row.status,
          toStatus: row.status,
          action: 'assign',
          actorId: ctx.actor.userId,
          actorName: ctx.actor.fullName,
          note: assignee.fullName,
        });
        await recordAudit(tx, ctx, {
          action: 'requests.assign',
          entityType: 'request',
          entityId: id,
          details: { from: row.assignedTo, to: assigneeId },
        });
      });
      return present(ctx, await view(db, ctx, id));
    },

    /**
     * Another module's event on a request (a verification task added), in the caller's transaction:
     * locks the request, lets `check` refuse the event in the request's state, and records it in the
     * history without changing the status. Returns the locked request.
     */
    async recordEvent(
      tx: Tx,
      ctx: ActorContext,
      id: string,
      event: { action: string; note: string | null },
      check: (status: RequestStatus) => void,
    ) {
      const row = await lockRequest(tx, ctx.actor.organizationId, id);
      if (!row) throw notFound();
      check(row.status as RequestStatus);
      await insertHistory(tx, {
        organizationId: row.organizationId,
        requestId: id,
        fromStatus: row.status,
        toStatus: row.status,
        action: event.action,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.fullName,
        note: event.note,
      });
      return row;
    },

    /** The same letter as a PDF on the letterhead (Typst, in-process). */
    async letterPdf(ctx: ActorContext, id: string) {
      const v = await view(db, ctx, id);
      const letter = await latestLetter(db, ctx.actor.organizationId, id);
      if (!letter) throw notFound();
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      return {
        fileName: `${v.request.number}.pdf`,
        data: await renderLetterPdf({
          organizationNameAr: org.nameAr,
          organizationNameEn: org.nameEn,
          logo: logoBytes(org),
          digits: org.settings.digitStyle,
          title: letterTitle(letter.decision),
          lines: letter.bodyAr.split('\n'),
        }),
      };
    },

    async letter(ctx: ActorContext, id: string) {
      await view(db, ctx, id);
      const letter = await latestLetter(db, ctx.actor.organizationId, id);
      if (!letter) throw notFound();
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      return letterHtml(letter.bodyAr, org);
    },

    /**
     * A request the beneficiary starts in the portal: a draft on the `website` channel (DESIGN.md),
     * for a service that takes requests, by a person whose file is accepted. Completeness is the
     * submission's check (transition `submit`), the very one a request taken at the counter passes.
     */
    async createDraft(ctx: ActorContext, input: { beneficiaryId: string; serviceId: string }) {
      const created = await db.transaction(async (tx) => {
        const service = await catalog.loadService(tx, ctx, input.serviceId);
        if (!service.active) throw new AppError(409, 'SERVICE_INACTIVE');
        const person = await beneficiaries.load(tx, ctx, input.beneficiaryId);
        if (person.status !== 'active') throw new AppError(409, 'BENEFICIARY_NOT_ACTIVE');
        const row = await insertRequest(tx, {
          organizationId: ctx.actor.organizationId,
          number: await nextRequestNumber(tx, ctx.actor.organizationId),
          beneficiaryId: person.id,
          serviceId: service.id,
          channel: 'website',
          status: 'draft',
          stageEnteredAt: clock.now(),
          createdBy: ctx.actor.userId,
        });
        await insertHistory(tx, {
          organizationId: row.organizationId,
          requestId: row.id,
          fromStatus: null,
          toStatus: 'draft',
          action: 'create',
          actorId: ctx.actor.userId,
          actorName: ctx.actor.fullName,
          note: null,
        });
        await recordAudit(tx, ctx, {
          action: 'requests.create',
          entityType: 'request',
          entityId: row.id,
          details: { number: row.number, serviceId: service.id, beneficiaryId: person.id, status: 'draft' },
        });
        return row;
      });
      return present(ctx, await view(db, ctx, created.id));
    },

    /** What still blocks submission (the check of `assertSubmittable`, listed instead of refused). */
    async submissionGaps(ctx: ActorContext, beneficiaryId: string, serviceId: string) {
      const service = await catalog.loadService(db, ctx, serviceId);
      const { profile: _profile, ...missing } = await missingForSubmission(db, ctx, beneficiaryId, service);
      return missing;
    },
  };
}
