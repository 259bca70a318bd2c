// The referral inbox (issue 12): the referrals assigned to a supervisor, or asked by a member of staff,
// with the case they are about (request number, beneficiary), open/answered/overdue, oldest due first
// for open ones and newest answer first for answered ones; counts for the tabs.
import { and, asc, count, desc, eq, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { referrals, requests } from './requests.tables';

export type ReferralBox = 'assigned' | 'sent';
export type ReferralState = 'open' | 'answered' | 'overdue';

const assignee = alias(users, 'inbox_assignee');
const creator = alias(users, 'inbox_creator');

function boxFilter(organizationId: string, userId: string, box: ReferralBox): SQL {
  return and(
    eq(referrals.organizationId, organizationId),
    box === 'assigned' ? eq(referrals.assigneeId, userId) : eq(referrals.createdBy, userId),
  )!;
}

function stateFilter(state: ReferralState, now: Date): SQL {
  if (state === 'answered') return isNotNull(referrals.answeredAt);
  if (state === 'overdue') return and(isNull(referrals.answeredAt), lt(referrals.dueAt, now))!;
  return isNull(referrals.answeredAt);
}

export async function referralInbox(
  tx: Tx,
  input: {
    organizationId: string;
    userId: string;
    box: ReferralBox;
    state: ReferralState;
    now: Date;
    offset: number;
    limit: number;
  },
) {
  const where = and(
    boxFilter(input.organizationId, input.userId, input.box),
    stateFilter(input.state, input.now),
  );
  const order =
    input.state === 'answered'
      ? [desc(referrals.answeredAt), desc(referrals.id)]
      : [asc(referrals.dueAt), asc(referrals.id)];
  const rows = await tx
    .select({
      referral: referrals,
      assigneeName: assignee.fullName,
      createdByName: creator.fullName,
      requestNumber: requests.number,
      requestStatus: requests.status,
      beneficiaryId: beneficiaries.id,
      beneficiaryName: beneficiaries.fullNameAr,
      beneficiaryFileNumber: beneficiaries.fileNumber,
    })
    .from(referrals)
    .innerJoin(
      requests,
      and(eq(requests.organizationId, referrals.organizationId), eq(requests.id, referrals.requestId)),
    )
    .innerJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, requests.organizationId),
        eq(beneficiaries.id, requests.beneficiaryId),
      ),
    )
    .leftJoin(
      assignee,
      and(eq(assignee.organizationId, referrals.organizationId), eq(assignee.id, referrals.assigneeId)),
    )
    .leftJoin(
      creator,
      and(eq(creator.organizationId, referrals.organizationId), eq(creator.id, referrals.createdBy)),
    )
    .where(where)
    .orderBy(...order)
    .offset(input.offset)
    .limit(input.limit + 1);
  return rows;
}

/** How many referrals each tab holds, for the user in that box. */
export async function referralCounts(
  tx: Tx,
  organizationId: string,
  userId: string,
  box: ReferralBox,
  now: Date,
) {
  const [row] = await tx
    .select({
      open: count(sql`case when ${referrals.answeredAt} is null then 1 end`),
      overdue: count(
        sql`case when ${referrals.answeredAt} is null and ${referrals.dueAt} < ${now} then 1 end`,
      ),
      answered: count(referrals.answeredAt),
    })
    .from(referrals)
    .where(or(boxFilter(organizationId, userId, box)));
  return { open: row?.open ?? 0, overdue: row?.overdue ?? 0, answered: row?.answered ?? 0 };
}
