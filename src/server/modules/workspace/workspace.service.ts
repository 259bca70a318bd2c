// Owns the staff home page: for each role the caller holds, the work waiting for them (DESIGN.md
// "Who uses it"), most urgent first. It decides nothing and changes nothing: it reads other modules'
// tables through its repository, and asks the requests service for the queues, so that "overdue" and
// the counts per stage are the very ones the request lists show behind each "see all".
import { endOfLocalDay, localDate } from '../../../shared/calendar';
import type { ServiceRequest } from '../../../shared/contracts/requests';
import {
  type HomeRequest,
  homeListSize,
  type WorkspaceHome,
  type WorkspaceSection,
  type WorkspaceSectionKind,
} from '../../../shared/contracts/workspace';
import { isRequestLate, queueStatuses, type RequestStatus } from '../../../shared/requests/request-machine';
import type { StaffRole } from '../../../shared/roles';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import type { ComplaintService } from '../complaints/complaints.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { RequestService } from '../requests/requests.service';
import {
  countBeneficiariesSince,
  countUnassignedTasks,
  decisionsSince,
  nextOpenSession,
  openReferralsOf,
  openTasksOf,
  type RequestLine,
  requestsCreatedSince,
  requestsOfUser,
  setupCounts,
  votesAwaiting,
} from './workspace.repository';

const dayMs = 86_400_000;

/**
 * Lists that have a full page behind their "see all" send the first few items; lists that have none
 * (referrals, votes, one's own requests) send more, and the page shows them all on request.
 */
const withPage = homeListSize;
const withoutPage = 25;

/** A section's place when none is urgent: the work that others wait on first. */
const priority: readonly WorkspaceSectionKind[] = [
  'counter',
  'referrals',
  'committee',
  'overdue_requests',
  'verification_tasks',
  'my_requests',
  'delivery',
  'numbers',
  'setup',
  'guide',
];

type Section = WorkspaceSection;
type Builder = (ctx: ActorContext, at: Moment) => Promise<Section[]>;

interface Moment {
  now: Date;
  today: string;
  startOfToday: Date;
  startOfMonth: Date;
  stageAlertDays: number;
}

function startOfLocalDay(date: string, timeZone: string): Date {
  return new Date(endOfLocalDay(date, timeZone).getTime() + 1000 - dayMs);
}

/** The first day of the month before `date` ends, so the month starts at its own local midnight. */
function startOfLocalMonth(date: string, timeZone: string): Date {
  return startOfLocalDay(`${date.slice(0, 8)}01`, timeZone);
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

export function createWorkspaceService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  requests: RequestService;
  complaints: Pick<ComplaintService, 'escalatedCount'>;
}) {
  const { db, clock, organizations, requests, complaints } = deps;

  // The same rule as the request lists, for rows read here directly.
  const isLate = (line: RequestLine, at: Moment) => isRequestLate(line, at.now, at.stageAlertDays);

  const fromLine = (line: RequestLine, at: Moment): HomeRequest => ({
    id: line.id,
    number: line.number,
    beneficiaryName: line.beneficiaryName,
    serviceNameAr: line.serviceNameAr,
    serviceNameEn: line.serviceNameEn,
    status: line.status as RequestStatus,
    expectedDecisionAt: line.expectedDecisionAt?.toISOString() ?? null,
    stageEnteredAt: line.stageEnteredAt.toISOString(),
    createdAt: line.createdAt.toISOString(),
    overdue: isLate(line, at),
  });

  const fromRequest = (r: ServiceRequest): HomeRequest => ({
    id: r.id,
    number: r.number,
    beneficiaryName: r.beneficiaryName,
    serviceNameAr: r.serviceNameAr,
    serviceNameEn: r.serviceNameEn,
    status: r.status,
    expectedDecisionAt: r.expectedDecisionAt,
    stageEnteredAt: r.stageEnteredAt,
    createdAt: r.createdAt,
    overdue: r.overdue,
  });

  const org = (ctx: ActorContext) => ctx.actor.organizationId;
  const me = (ctx: ActorContext) => ctx.actor.userId;

  // One builder per role; the queries run one after the other on the request's one connection.
  const builders: Record<StaffRole, Builder> = {
    async relations_officer(ctx, at) {
      const today = await requestsCreatedSince(db, org(ctx), at.startOfToday, withPage);
      const beneficiariesToday = await countBeneficiariesSince(db, org(ctx), at.startOfToday);
      const mine = await requestsOfUser(db, org(ctx), me(ctx), queueStatuses.review, withoutPage);
      const mineItems = mine.rows.map((r) => fromLine(r, at));
      return [
        {
          kind: 'counter',
          role: 'relations_officer',
          urgent: 0,
          requestsToday: { total: today.total, items: today.rows.map((r) => fromLine(r, at)) },
          beneficiariesToday,
        },
        {
          kind: 'my_requests',
          role: 'relations_officer',
          urgent: mineItems.filter((r) => r.overdue).length,
          total: mine.total,
          items: mineItems,
        },
      ];
    },

    async supervisor(ctx, at) {
      const open = await openReferralsOf(db, org(ctx), me(ctx), withoutPage);
      const referrals = open.rows.map((r) => ({
        id: r.id,
        requestId: r.requestId,
        requestNumber: r.requestNumber,
        beneficiaryName: r.beneficiaryName,
        reason: r.reason,
        createdByName: r.createdByName,
        dueAt: r.dueAt.toISOString(),
        overdue: r.dueAt < at.now,
      }));
      const late = await requests.listRequests(ctx, {
        queue: 'all',
        overdue: 'true',
        sort: 'oldest',
        limit: withPage,
      });
      return [
        {
          kind: 'referrals',
          role: 'supervisor',
          urgent: referrals.filter((r) => r.overdue).length,
          total: open.total,
          items: referrals,
        },
        {
          kind: 'overdue_requests',
          role: 'supervisor',
          urgent: late.total,
          total: late.total,
          items: late.items.map(fromRequest),
        },
      ];
    },

    async researcher(ctx, at) {
      const tasks = await openTasksOf(db, org(ctx), me(ctx), withPage);
      const unassigned = await countUnassignedTasks(db, org(ctx));
      const items = tasks.rows.map((t) => ({
        id: t.id,
        requestId: t.requestId,
        requestNumber: t.requestNumber,
        mechanism: t.mechanism,
        status: t.status,
        beneficiaryName: t.beneficiaryName,
        phone: t.phone,
        city: t.city,
        district: t.district,
        scheduledAt: t.scheduledAt?.toISOString() ?? null,
        dueOn: t.dueOn,
        decisionDueAt: t.decisionDueAt?.toISOString() ?? null,
        overdue:
          (t.dueOn !== null && t.dueOn < at.today) || (t.decisionDueAt !== null && t.decisionDueAt < at.now),
      }));
      return [
        {
          kind: 'verification_tasks',
          role: 'researcher',
          urgent: items.filter((t) => t.overdue).length,
          total: tasks.total,
          items,
          unassigned,
        },
      ];
    },

    async committee_member(ctx, at) {
      const next = await nextOpenSession(db, org(ctx), me(ctx), at.startOfToday);
      const votes = await votesAwaiting(db, org(ctx), me(ctx), withoutPage);
      return [
        {
          kind: 'committee',
          role: 'committee_member',
          urgent: 0,
          nextSession: next && {
            id: next.id,
            title: next.title,
            scheduledFor: next.scheduledFor.toISOString(),
            agendaCount: next.agendaCount,
            isMember: next.isMember,
          },
          votes: {
            total: votes.total,
            items: votes.rows.map((v) => ({
              sessionId: v.sessionId,
              sessionTitle: v.sessionTitle,
              scheduledFor: v.scheduledFor.toISOString(),
              requestId: v.requestId,
              requestNumber: v.requestNumber,
              beneficiaryName: v.beneficiaryName,
              serviceNameAr: v.serviceNameAr,
              serviceNameEn: v.serviceNameEn,
            })),
          },
        },
      ];
    },

    async service_officer(ctx) {
      const waiting = await requests.listRequests(ctx, {
        queue: 'delivery',
        sort: 'oldest',
        limit: withPage,
      });
      const items = waiting.items.map(fromRequest);
      return [
        {
          kind: 'delivery',
          role: 'service_officer',
          urgent: items.filter((r) => r.overdue).length,
          total: waiting.total,
          items,
        },
      ];
    },

    async manager(ctx, at) {
      const { queues } = await requests.queueCounts(ctx);
      const decisions = await decisionsSince(db, org(ctx), at.startOfMonth);
      const newBeneficiaries = await countBeneficiariesSince(db, org(ctx), at.startOfMonth);
      return [
        {
          kind: 'numbers',
          role: 'manager',
          urgent: 0,
          openByStage: {
            review: queues.review.total,
            verification: queues.verification.total,
            committee: queues.committee.total,
            delivery: queues.delivery.total,
          },
          open: queues.all.total,
          overdue: queues.all.overdue,
          decidedThisMonth: decisions.decided,
          decidedOnTimeThisMonth: decisions.onTime,
          newBeneficiariesThisMonth: newBeneficiaries,
          escalatedComplaints: await complaints.escalatedCount(ctx),
        },
      ];
    },

    async admin(ctx) {
      const counts = await setupCounts(db, org(ctx));
      return [{ kind: 'setup', role: 'admin', urgent: 0, ...counts }];
    },

    quality_officer: async () => [{ kind: 'guide', role: 'quality_officer', urgent: 0 }],
    auditor: async () => [{ kind: 'guide', role: 'auditor', urgent: 0 }],
  };

  /** The counter stays on top (it is where the clerk works); then what is late; then by priority. */
  function order(sections: Section[]): Section[] {
    const rank = (s: Section) => (s.kind === 'counter' ? -2 : s.urgent > 0 ? -1 : 0);
    return [...sections].sort(
      (a, b) => rank(a) - rank(b) || priority.indexOf(a.kind) - priority.indexOf(b.kind),
    );
  }

  return {
    /** The sections of every role the caller holds; a role they do not hold adds nothing. */
    async home(ctx: ActorContext): Promise<WorkspaceHome> {
      const { settings } = await organizations.getOrganization(org(ctx));
      const now = clock.now();
      const today = localDate(now, settings.timeZone);
      const at: Moment = {
        now,
        today,
        startOfToday: startOfLocalDay(today, settings.timeZone),
        startOfMonth: startOfLocalMonth(today, settings.timeZone),
        stageAlertDays: settings.stageAlertDays,
      };
      const sections: Section[] = [];
      for (const role of ctx.actor.roles) {
        const build = builders[role];
        if (build) sections.push(...(await build(ctx, at)));
      }
      return { today, sections: order(sections) };
    },
  };
}
