import { and, asc, desc, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  activeStatuses,
  clockRunningStatuses,
  inProgressStatuses,
  queueStatuses,
} from '../../../shared/requests/request-machine';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';
import { decisionLetters, deliveries, referrals, requestHistory, requests } from './requests.tables';

export type RequestRow = typeof requests.$inferSelect;

/** The next request number of the association (a sequence of its own: migration 0034, decision 028). */
export async function nextRequestNumber(tx: Tx, organizationId: string): Promise<string> {
  const result = await tx.execute<{ n: string }>(
    sql`select wasl_next_number(${organizationId}, 'request')::text as n`,
  );
  return `R-${result.rows[0]!.n.padStart(6, '0')}`;
}

export async function insertRequest(tx: Tx, values: typeof requests.$inferInsert) {
  const [row] = await tx.insert(requests).values(values).returning();
  return row!;
}

export async function lockRequest(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(requests)
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateRequestRow(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof requests.$inferInsert>,
) {
  const [row] = await tx
    .update(requests)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(requests.organizationId, organizationId), eq(requests.id, id)))
    .returning();
  return row!;
}

export async function insertHistory(tx: Tx, values: typeof requestHistory.$inferInsert) {
  await tx.insert(requestHistory).values(values);
}

export const listHistory = (tx: Tx, organizationId: string, requestId: string) =>
  tx
    .select()
    .from(requestHistory)
    .where(and(eq(requestHistory.organizationId, organizationId), eq(requestHistory.requestId, requestId)))
    // Rows written in one transaction share `at` (now()): then in the order they were written.
    .orderBy(asc(requestHistory.at), sql`${requestHistory}.ctid`);

const assignee = alias(users, 'assignee');

/** Requests with what a list or page shows beside them: beneficiary, service, assignee. */
export function selectRequestViews(tx: Tx) {
  return (
    tx
      .select({
        request: requests,
        beneficiaryName: beneficiaries.fullNameAr,
        beneficiaryGender: beneficiaries.gender,
        beneficiaryFileNumber: beneficiaries.fileNumber,
        beneficiaryPhone: beneficiaries.phone,
        serviceNameAr: services.nameAr,
        serviceNameEn: services.nameEn,
        recurrence: services.recurrence,
        assignedToName: assignee.fullName,
      })
      .from(requests)
      // Joined on the organization too: keys are (organization, id), so joins stay co-located.
      .innerJoin(
        beneficiaries,
        and(
          eq(beneficiaries.organizationId, requests.organizationId),
          eq(beneficiaries.id, requests.beneficiaryId),
        ),
      )
      .innerJoin(
        services,
        and(eq(services.organizationId, requests.organizationId), eq(services.id, requests.serviceId)),
      )
      .leftJoin(
        assignee,
        and(eq(assignee.organizationId, requests.organizationId), eq(assignee.id, requests.assignedTo)),
      )
  );
}

export type RequestView = Awaited<ReturnType<ReturnType<typeof selectRequestViews>['execute']>>[number];

export async function findRequestView(
  tx: Tx,
  organizationId: string,
  id: string,
): Promise<RequestView | null> {
  const [row] = await selectRequestViews(tx).where(
    and(eq(requests.organizationId, organizationId), eq(requests.id, id)),
  );
  return row ?? null;
}

export async function listRequestViews(
  tx: Tx,
  where: SQL,
  order: 'oldest' | 'newest',
  limit: number,
  offset: number,
) {
  // One after the other: the request's queries share its one transaction connection.
  const rows = await selectRequestViews(tx)
    .where(where)
    .orderBy(
      order === 'oldest' ? asc(requests.stageEnteredAt) : desc(requests.stageEnteredAt),
      asc(requests.id),
    )
    .limit(limit)
    .offset(offset);
  const total = await tx.select({ n: sql<number>`count(*)::int` }).from(requests).where(where);
  return { rows, total: total[0]?.n ?? 0 };
}

/**
 * Counts per queue, with how many are late, from the counts of open requests (migration 0033, kind
 * `queue`: status, assignee, day the stage was entered, expected day while the decision clock runs) — a
 * few rows per day and assignee, however many requests are open. Late = past the promised decision date
 * while the clock runs, or longer than `stageAlertDays` in the stage (`isRequestLate`). A count row is
 * late for sure when its expected day is before today's or its entered day before the alert boundary's
 * (UTC days); the requests of those two boundary days that the counts cannot place are read from
 * `requests` (two index ranges of one day each) and tested one by one. The alert boundary is `now` less
 * `stageAlertDays` 24-hour days, as `isRequestLate` counts them.
 */
export async function countQueues(
  tx: Tx,
  organizationId: string,
  userId: string,
  stageAlertDays: number,
  now: Date,
) {
  const dayMs = 86_400_000;
  const dayStart = (t: Date) => new Date(Date.parse(t.toISOString().slice(0, 10)));
  const alert = new Date(now.getTime() - stageAlertDays * dayMs);
  const [today, alertDay] = [dayStart(now), dayStart(alert)];
  const running = sql`status in ${[...clockRunningStatuses]}`;
  const mine = sql`coalesce(assigned_to = ${userId}, false)`;
  const promisedToday = sql`coalesce(${running} and expected_decision_at >= ${today} and expected_decision_at < ${new Date(today.getTime() + dayMs)}, false)`;
  // Late now, and not already counted late by whole days in the counts.
  const lateNotCounted = sql`coalesce((${running} and expected_decision_at < ${now}) or stage_entered_at < ${alert}, false)
    and not coalesce((${running} and expected_decision_at < ${today}) or stage_entered_at < ${alertDay}, false)`;
  const result = await tx.execute<{ status: string; mine: boolean; total: number; late: number }>(sql`
    select status, ${mine} as mine, sum(n)::int as total,
           coalesce(sum(n) filter (where (${running} and expected_day < ${today.toISOString().slice(0, 10)}::date)
                                     or entered_day < ${alertDay.toISOString().slice(0, 10)}::date), 0)::int as late
      from request_open_counts
     where organization_id = ${organizationId} and kind = 'queue'
     group by 1, 2
    union all
    select status, ${mine}, 0, count(*)::int
      from requests
     where organization_id = ${organizationId} and ${running}
       and expected_decision_at >= ${today} and expected_decision_at < ${new Date(today.getTime() + dayMs)}
       and ${lateNotCounted}
     group by 1, 2
    union all
    select status, ${mine}, 0, count(*)::int
      from requests
     where organization_id = ${organizationId} and status in ${[...inProgressStatuses]}
       and stage_entered_at >= ${alertDay} and stage_entered_at < ${new Date(alertDay.getTime() + dayMs)}
       and not ${promisedToday} and ${lateNotCounted}
     group by 1, 2`);
  const sum = (where: (r: { status: string; mine: boolean }) => boolean) =>
    result.rows.filter(where).reduce((a, r) => ({ total: a.total + r.total, overdue: a.overdue + r.late }), {
      total: 0,
      overdue: 0,
    });
  return [
    ...Object.entries(queueStatuses).map(([queue, statuses]) => ({
      queue,
      ...sum((r) => (statuses as readonly string[]).includes(r.status)),
    })),
    { queue: 'mine', ...sum((r) => r.mine) },
    { queue: 'all', ...sum(() => true) },
  ];
}

export async function insertDelivery(tx: Tx, values: typeof deliveries.$inferInsert) {
  const [row] = await tx.insert(deliveries).values(values).returning();
  return row!;
}

export const listDeliveries = (tx: Tx, organizationId: string, requestId: string) =>
  tx
    .select({
      id: deliveries.id,
      deliveredOn: deliveries.deliveredOn,
      description: deliveries.description,
      quantity: deliveries.quantity,
      amount: deliveries.amount,
      deliveredBy: deliveries.deliveredBy,
      deliveredByName: users.fullName,
      proofDocumentId: deliveries.proofDocumentId,
      createdAt: deliveries.createdAt,
    })
    .from(deliveries)
    .leftJoin(
      users,
      and(eq(users.organizationId, deliveries.organizationId), eq(users.id, deliveries.deliveredBy)),
    )
    .where(and(eq(deliveries.organizationId, organizationId), eq(deliveries.requestId, requestId)))
    .orderBy(desc(deliveries.deliveredOn), desc(deliveries.createdAt), sql`${deliveries}.ctid desc`);

export async function insertLetter(tx: Tx, values: typeof decisionLetters.$inferInsert) {
  const [row] = await tx.insert(decisionLetters).values(values).returning();
  return row!;
}

export async function latestLetter(tx: Tx, organizationId: string, requestId: string) {
  const [row] = await tx
    .select()
    .from(decisionLetters)
    .where(and(eq(decisionLetters.organizationId, organizationId), eq(decisionLetters.requestId, requestId)))
    .orderBy(desc(decisionLetters.createdAt))
    .limit(1);
  return row ?? null;
}

// ---- referrals ----

export type ReferralRow = typeof referrals.$inferSelect;

export async function insertReferral(tx: Tx, values: typeof referrals.$inferInsert) {
  const [row] = await tx.insert(referrals).values(values).returning();
  return row!;
}

const referralAssignee = alias(users, 'referral_assignee');
const referralCreator = alias(users, 'referral_creator');

export function selectReferralViews(tx: Tx) {
  return tx
    .select({
      referral: referrals,
      assigneeName: referralAssignee.fullName,
      createdByName: referralCreator.fullName,
    })
    .from(referrals)
    .leftJoin(
      referralAssignee,
      and(
        eq(referralAssignee.organizationId, referrals.organizationId),
        eq(referralAssignee.id, referrals.assigneeId),
      ),
    )
    .leftJoin(
      referralCreator,
      and(
        eq(referralCreator.organizationId, referrals.organizationId),
        eq(referralCreator.id, referrals.createdBy),
      ),
    );
}

export async function findReferralView(tx: Tx, organizationId: string, id: string) {
  const [row] = await selectReferralViews(tx).where(
    and(eq(referrals.organizationId, organizationId), eq(referrals.id, id)),
  );
  return row ?? null;
}

export async function lockReferral(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(referrals)
    .where(and(eq(referrals.organizationId, organizationId), eq(referrals.id, id)))
    .for('update');
  return row ?? null;
}

export async function answerReferral(tx: Tx, organizationId: string, id: string, answer: string) {
  await tx
    .update(referrals)
    .set({ answer, answeredAt: sql`now()` })
    .where(and(eq(referrals.organizationId, organizationId), eq(referrals.id, id)));
}

/** A merge of duplicate records: the merged record's requests now belong to the kept one. */
export async function reassignRequests(tx: Tx, organizationId: string, fromId: string, toId: string) {
  return tx
    .update(requests)
    .set({ beneficiaryId: toId, updatedAt: sql`now()` })
    .where(and(eq(requests.organizationId, organizationId), eq(requests.beneficiaryId, fromId)))
    .returning({ id: requests.id, status: requests.status, organizationId: requests.organizationId });
}

/** Groups of two or more active requests of the beneficiary for the same service. */
export async function concurrentActiveRequests(tx: Tx, organizationId: string, beneficiaryId: string) {
  const result = await tx.execute<{ service_id: string; ids: string[] }>(sql`
    select service_id, array_agg(id order by created_at) as ids from requests
     where organization_id = ${organizationId} and beneficiary_id = ${beneficiaryId}
       and status in ${[...activeStatuses]}
     group by service_id having count(*) > 1`);
  return result.rows.map((r) => ({ serviceId: r.service_id, requestIds: r.ids }));
}

/** For eligibility: the other active requests of the same service, and the last delivery of it. */
export async function serviceHistoryOf(
  tx: Tx,
  organizationId: string,
  of: { beneficiaryId: string; serviceId: string; excludeRequestId: string | null },
) {
  const { beneficiaryId, serviceId, excludeRequestId } = of;
  const result = await tx.execute<{ active: number; last_delivery: string | null }>(sql`
    select (select count(*)::int from requests r
             where r.organization_id = ${organizationId} and r.beneficiary_id = ${beneficiaryId}
               and r.service_id = ${serviceId} and r.id is distinct from ${excludeRequestId}::uuid
               and r.status in ${[...activeStatuses]}) as active,
           (select max(d.delivered_on)::text from deliveries d
              join requests r on r.organization_id = d.organization_id and r.id = d.request_id
             where r.organization_id = ${organizationId} and r.beneficiary_id = ${beneficiaryId}
               and r.service_id = ${serviceId}) as last_delivery`);
  return { active: result.rows[0]!.active, lastDelivery: result.rows[0]!.last_delivery };
}

// ---- the request page (decision 013) ----

/** A history row, delivery or referral as the page statement returns it (JSON: timestamps as text). */
export interface HistoryJson {
  id: string;
  fromStatus: string | null;
  toStatus: string;
  action: string;
  actorName: string | null;
  note: string | null;
  at: string;
}
export interface DeliveryJson {
  id: string;
  deliveredOn: string;
  description: string;
  quantity: number | null;
  amount: number | null;
  deliveredBy: string | null;
  deliveredByName: string | null;
  proofDocumentId: string | null;
  createdAt: string;
}
export interface ReferralJson {
  id: string;
  requestId: string;
  reason: string;
  assigneeId: string;
  dueAt: string;
  answer: string | null;
  answeredAt: string | null;
  createdAt: string;
  assigneeName: string | null;
  createdByName: string | null;
}

/**
 * In one statement, what the request page shows beside the request: its service, and its history,
 * deliveries and referrals, each in the order of its own list (listHistory, listDeliveries,
 * referrals.service `ofRequest`; ties, rows of one transaction, in the order written) — one round trip
 * instead of four.
 */
export async function requestPageParts(tx: Tx, organizationId: string, requestId: string, serviceId: string) {
  const [row] = await tx
    .select({
      service: services,
      history: sql<HistoryJson[]>`(
        select coalesce(json_agg(json_build_object(
                 'id', h.id, 'fromStatus', h.from_status, 'toStatus', h.to_status, 'action', h.action,
                 'actorName', h.actor_name, 'note', h.note, 'at', h.at) order by h.at, h.ctid), '[]')
          from ${requestHistory} h
         where h.organization_id = ${organizationId} and h.request_id = ${requestId})`,
      deliveries: sql<DeliveryJson[]>`(
        select coalesce(json_agg(json_build_object(
                 'id', d.id, 'deliveredOn', d.delivered_on, 'description', d.description,
                 'quantity', d.quantity, 'amount', d.amount, 'deliveredBy', d.delivered_by,
                 'deliveredByName', u.full_name, 'proofDocumentId', d.proof_document_id,
                 'createdAt', d.created_at) order by d.delivered_on desc, d.created_at desc, d.ctid desc), '[]')
          from ${deliveries} d
          left join ${users} u on u.organization_id = d.organization_id and u.id = d.delivered_by
         where d.organization_id = ${organizationId} and d.request_id = ${requestId})`,
      referrals: sql<ReferralJson[]>`(
        select coalesce(json_agg(json_build_object(
                 'id', r.id, 'requestId', r.request_id, 'reason', r.reason, 'assigneeId', r.assignee_id,
                 'dueAt', r.due_at, 'answer', r.answer, 'answeredAt', r.answered_at,
                 'createdAt', r.created_at, 'assigneeName', a.full_name, 'createdByName', c.full_name)
                 order by r.created_at desc, r.ctid desc), '[]')
          from ${referrals} r
          left join ${users} a on a.organization_id = r.organization_id and a.id = r.assignee_id
          left join ${users} c on c.organization_id = r.organization_id and c.id = r.created_by
         where r.organization_id = ${organizationId} and r.request_id = ${requestId})`,
    })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.id, serviceId)));
  return row ?? null;
}
