// Reads for the staff home page, across the tables of the modules whose work it shows (DESIGN.md
// "Who uses it"). Each list comes with its total in the same query (`count(*) over ()`), so a section
// costs one round trip. Every query filters by the organization (row-level security does too).
import { and, asc, desc, eq, gte, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { RequestStatus } from '../../../shared/requests/request-machine';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { committeeAgenda, committeeSessions } from '../committee/committee.tables';
import { referrals, requests } from '../requests/requests.tables';
import { services } from '../services/services.tables';
import { verificationTasks } from '../verification/verification.tables';

const total = sql<number>`(count(*) over ())::int`;

/** Joined on the organization too: keys are (organization, id), so joins stay co-located. */
const beneficiaryOfRequest = and(
  eq(beneficiaries.organizationId, requests.organizationId),
  eq(beneficiaries.id, requests.beneficiaryId),
);
const serviceOfRequest = and(
  eq(services.organizationId, requests.organizationId),
  eq(services.id, requests.serviceId),
);

export interface RequestLine {
  id: string;
  number: string;
  beneficiaryName: string;
  serviceNameAr: string;
  serviceNameEn: string;
  status: string;
  expectedDecisionAt: Date | null;
  stageEnteredAt: Date;
  createdAt: Date;
  total: number;
}

async function requestLines(
  tx: Tx,
  where: SQL,
  order: SQL[],
  limit: number,
): Promise<{ total: number; rows: RequestLine[] }> {
  const rows = await tx
    .select({
      id: requests.id,
      number: requests.number,
      beneficiaryName: beneficiaries.fullNameAr,
      serviceNameAr: services.nameAr,
      serviceNameEn: services.nameEn,
      status: requests.status,
      expectedDecisionAt: requests.expectedDecisionAt,
      stageEnteredAt: requests.stageEnteredAt,
      createdAt: requests.createdAt,
      total,
    })
    .from(requests)
    .innerJoin(beneficiaries, beneficiaryOfRequest)
    .innerJoin(services, serviceOfRequest)
    .where(where)
    .orderBy(...order)
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}

/** The requests the association registered since `since` (the counter's day), newest first. */
export function requestsCreatedSince(tx: Tx, organizationId: string, since: Date, limit: number) {
  return requestLines(
    tx,
    and(eq(requests.organizationId, organizationId), gte(requests.createdAt, since))!,
    // Requests registered in one transaction share its time; their numbers still tell the order.
    [desc(requests.createdAt), desc(requests.number)],
    limit,
  );
}

/** Requests the user registered or holds, in the given statuses, longest waiting first. */
export function requestsOfUser(
  tx: Tx,
  organizationId: string,
  userId: string,
  statuses: readonly RequestStatus[],
  limit: number,
) {
  return requestLines(
    tx,
    and(
      eq(requests.organizationId, organizationId),
      inArray(requests.status, [...statuses]),
      or(eq(requests.createdBy, userId), eq(requests.assignedTo, userId)),
    )!,
    [asc(requests.stageEnteredAt), asc(requests.id)],
    limit,
  );
}

/** Live beneficiary records created since an instant (merged duplicates are not new people). */
export async function countBeneficiariesSince(tx: Tx, organizationId: string, since: Date) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(beneficiaries)
    .where(
      and(
        eq(beneficiaries.organizationId, organizationId),
        gte(beneficiaries.createdAt, since),
        isNull(beneficiaries.mergedInto),
      ),
    );
  return row?.n ?? 0;
}

/** Referrals waiting for the user's answer, soonest due first. */
export async function openReferralsOf(tx: Tx, organizationId: string, userId: string, limit: number) {
  const rows = await tx
    .select({
      id: referrals.id,
      requestId: referrals.requestId,
      requestNumber: requests.number,
      beneficiaryName: beneficiaries.fullNameAr,
      reason: referrals.reason,
      createdByName: users.fullName,
      dueAt: referrals.dueAt,
      total,
    })
    .from(referrals)
    .innerJoin(
      requests,
      and(eq(requests.organizationId, referrals.organizationId), eq(requests.id, referrals.requestId)),
    )
    .innerJoin(beneficiaries, beneficiaryOfRequest)
    .leftJoin(
      users,
      and(eq(users.organizationId, referrals.organizationId), eq(users.id, referrals.createdBy)),
    )
    .where(
      and(
        eq(referrals.organizationId, organizationId),
        eq(referrals.assigneeId, userId),
        isNull(referrals.answeredAt),
      ),
    )
    .orderBy(asc(referrals.dueAt), asc(referrals.id))
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}

/**
 * The user's verification tasks not yet done, with whom and where they concern: those with a time set
 * first, then by their own day, then by the request's promised decision date.
 */
export async function openTasksOf(tx: Tx, organizationId: string, userId: string, limit: number) {
  const rows = await tx
    .select({
      id: verificationTasks.id,
      requestId: verificationTasks.requestId,
      requestNumber: requests.number,
      mechanism: verificationTasks.mechanism,
      status: verificationTasks.status,
      scheduledAt: verificationTasks.scheduledAt,
      dueOn: verificationTasks.dueOn,
      beneficiaryName: beneficiaries.fullNameAr,
      phone: beneficiaries.phone,
      city: beneficiaries.city,
      district: beneficiaries.district,
      decisionDueAt: requests.expectedDecisionAt,
      total,
    })
    .from(verificationTasks)
    .innerJoin(
      requests,
      and(
        eq(requests.organizationId, verificationTasks.organizationId),
        eq(requests.id, verificationTasks.requestId),
      ),
    )
    .innerJoin(beneficiaries, beneficiaryOfRequest)
    .where(
      and(
        eq(verificationTasks.organizationId, organizationId),
        eq(verificationTasks.assigneeId, userId),
        ne(verificationTasks.status, 'done'),
      ),
    )
    .orderBy(
      sql`${verificationTasks.scheduledAt} asc nulls last`,
      sql`${verificationTasks.dueOn} asc nulls last`,
      sql`${requests.expectedDecisionAt} asc nulls last`,
      asc(verificationTasks.id),
    )
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}

/** Tasks of requests in verification that nobody has taken yet (the verification page offers them). */
export async function countUnassignedTasks(tx: Tx, organizationId: string) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(verificationTasks)
    .innerJoin(
      requests,
      and(
        eq(requests.organizationId, verificationTasks.organizationId),
        eq(requests.id, verificationTasks.requestId),
      ),
    )
    .where(
      and(
        eq(verificationTasks.organizationId, organizationId),
        isNull(verificationTasks.assigneeId),
        ne(verificationTasks.status, 'done'),
        eq(requests.status, 'in_verification'),
      ),
    );
  return row?.n ?? 0;
}

/** The association's next open committee session from `from` on, with its agenda size. */
export async function nextOpenSession(tx: Tx, organizationId: string, userId: string, from: Date) {
  const [row] = await tx
    .select({
      id: committeeSessions.id,
      title: committeeSessions.title,
      scheduledFor: committeeSessions.scheduledFor,
      isMember: sql<boolean>`${userId}::uuid = any(${committeeSessions.memberIds})`,
      // Written out: in a one-table select Drizzle leaves columns unqualified, which a subquery misreads.
      agendaCount: sql<number>`(select count(*)::int from committee_agenda ca
        where ca.organization_id = committee_sessions.organization_id and ca.session_id = committee_sessions.id)`,
    })
    .from(committeeSessions)
    .where(
      and(
        eq(committeeSessions.organizationId, organizationId),
        eq(committeeSessions.status, 'open'),
        gte(committeeSessions.scheduledFor, from),
      ),
    )
    .orderBy(asc(committeeSessions.scheduledFor), asc(committeeSessions.id))
    .limit(1);
  return row ?? null;
}

/**
 * Cases on the agenda of open sessions the user sits on, still before the committee and undecided
 * (or deferred), on which the user has not voted yet.
 */
export async function votesAwaiting(tx: Tx, organizationId: string, userId: string, limit: number) {
  const rows = await tx
    .select({
      sessionId: committeeSessions.id,
      sessionTitle: committeeSessions.title,
      scheduledFor: committeeSessions.scheduledFor,
      requestId: requests.id,
      requestNumber: requests.number,
      beneficiaryName: beneficiaries.fullNameAr,
      serviceNameAr: services.nameAr,
      serviceNameEn: services.nameEn,
      total,
    })
    .from(committeeAgenda)
    .innerJoin(
      committeeSessions,
      and(
        eq(committeeSessions.organizationId, committeeAgenda.organizationId),
        eq(committeeSessions.id, committeeAgenda.sessionId),
      ),
    )
    .innerJoin(
      requests,
      and(
        eq(requests.organizationId, committeeAgenda.organizationId),
        eq(requests.id, committeeAgenda.requestId),
      ),
    )
    .innerJoin(beneficiaries, beneficiaryOfRequest)
    .innerJoin(services, serviceOfRequest)
    .where(
      and(
        eq(committeeAgenda.organizationId, organizationId),
        eq(committeeSessions.status, 'open'),
        sql`${userId}::uuid = any(${committeeSessions.memberIds})`,
        or(isNull(committeeAgenda.outcome), eq(committeeAgenda.outcome, 'deferred')),
        eq(requests.status, 'in_committee'),
        sql`not exists (select 1 from committee_votes cv
          where cv.organization_id = committee_agenda.organization_id
            and cv.session_id = committee_agenda.session_id
            and cv.request_id = committee_agenda.request_id
            and cv.member_id = ${userId})`,
      ),
    )
    .orderBy(asc(committeeSessions.scheduledFor), asc(requests.number))
    .limit(limit);
  return { total: rows[0]?.total ?? 0, rows };
}

/** Decisions taken since an instant, and how many of them by the promised date. */
export async function decisionsSince(tx: Tx, organizationId: string, since: Date) {
  const [row] = await tx
    .select({
      decided: sql<number>`count(*)::int`,
      onTime: sql<number>`(count(*) filter (where ${requests.decidedAt} <= ${requests.expectedDecisionAt}))::int`,
    })
    .from(requests)
    .where(and(eq(requests.organizationId, organizationId), gte(requests.decidedAt, since)));
  return { decided: row?.decided ?? 0, onTime: row?.onTime ?? 0 };
}

/** What a new association still has to set up: staff who work on cases, services, their rules. */
export async function setupCounts(tx: Tx, organizationId: string) {
  const [staff] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.status, 'active'),
        sql`exists (select 1 from unnest(${users.roles}) as r(role) where r.role <> 'admin')`,
      ),
    );
  const [catalog] = await tx
    .select({
      services: sql<number>`count(*)::int`,
      withRules: sql<number>`(count(*) filter (where exists (select 1 from eligibility_rule_versions rv
        where rv.organization_id = services.organization_id and rv.service_id = services.id)))::int`,
    })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.active, true)));
  return {
    staff: staff?.n ?? 0,
    services: catalog?.services ?? 0,
    servicesWithRules: catalog?.withRules ?? 0,
  };
}
