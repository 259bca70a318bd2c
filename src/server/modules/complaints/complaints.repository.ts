import { and, count, desc, eq, inArray, isNotNull, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { awaitingAnswer, type ComplaintListQuery } from '../../../shared/contracts/complaints';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { complaints, improvementActions } from './complaints.tables';

export type ComplaintRow = typeof complaints.$inferSelect;
export type ComplaintLine = ComplaintRow & {
  beneficiaryName: string | null;
  aboutStaffName: string | null;
  assigneeName: string | null;
};

const aboutStaff = alias(users, 'about_staff');
const assignee = alias(users, 'assignee');

/**
 * A complaint about a staff member does not exist for that member: every staff query goes through
 * this filter, so a read, a list and an action alike answer as if there were no such row.
 */
const visibleTo = (viewerId: string | null): SQL | undefined =>
  viewerId ? or(isNull(complaints.aboutStaffId), sql`${complaints.aboutStaffId} <> ${viewerId}`) : undefined;

function withNames(tx: Tx) {
  return tx
    .select({
      complaint: complaints,
      beneficiaryName: beneficiaries.fullNameAr,
      aboutStaffName: aboutStaff.fullName,
      assigneeName: assignee.fullName,
    })
    .from(complaints)
    .leftJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, complaints.organizationId),
        eq(beneficiaries.id, complaints.beneficiaryId),
      ),
    )
    .leftJoin(
      aboutStaff,
      and(
        eq(aboutStaff.organizationId, complaints.organizationId),
        eq(aboutStaff.id, complaints.aboutStaffId),
      ),
    )
    .leftJoin(
      assignee,
      and(eq(assignee.organizationId, complaints.organizationId), eq(assignee.id, complaints.assigneeId)),
    );
}

type Joined = {
  complaint: ComplaintRow;
  beneficiaryName: string | null;
  aboutStaffName: string | null;
  assigneeName: string | null;
};
const flatten = ({ complaint, ...names }: Joined): ComplaintLine => ({ ...complaint, ...names });

export async function insertComplaint(
  tx: Tx,
  values: typeof complaints.$inferInsert,
): Promise<ComplaintRow | null> {
  // A clash of random tracking numbers returns null and the caller draws another.
  const [row] = await tx.insert(complaints).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function findComplaint(
  tx: Tx,
  organizationId: string,
  id: string,
  viewerId: string | null,
  lock = false,
): Promise<ComplaintLine | null> {
  const where = and(
    eq(complaints.organizationId, organizationId),
    eq(complaints.id, id),
    visibleTo(viewerId),
  );
  if (lock) {
    // Locks the complaint row only (the names come from a second, plain read).
    const [locked] = await tx.select({ id: complaints.id }).from(complaints).where(where).for('update');
    if (!locked) return null;
  }
  const [row] = await withNames(tx).where(where);
  return row ? flatten(row) : null;
}

export async function findByTrackingNumber(
  tx: Tx,
  organizationId: string,
  trackingNumber: string,
): Promise<ComplaintRow | null> {
  const [row] = await tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.organizationId, organizationId), eq(complaints.trackingNumber, trackingNumber)));
  return row ?? null;
}

export async function listComplaints(
  tx: Tx,
  organizationId: string,
  viewerId: string,
  query: ComplaintListQuery,
  now: Date,
  after: { createdAt: Date; id: string } | null,
): Promise<{ rows: ComplaintLine[]; total: number }> {
  const filters = and(
    eq(complaints.organizationId, organizationId),
    visibleTo(viewerId),
    query.kind ? eq(complaints.kind, query.kind) : undefined,
    query.status ? eq(complaints.status, query.status) : undefined,
    query.overdue === true
      ? and(inArray(complaints.status, [...awaitingAnswer]), lt(complaints.dueAt, now))
      : undefined,
    query.escalated === true ? isNotNull(complaints.escalatedAt) : undefined,
    query.escalated === false ? isNull(complaints.escalatedAt) : undefined,
  );
  const page = after
    ? sql`(${complaints.createdAt}, ${complaints.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`
    : undefined;
  const rows = await withNames(tx)
    .where(and(filters, page))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(query.limit + 1);
  const [total] = await tx.select({ n: count() }).from(complaints).where(filters);
  return { rows: rows.map(flatten), total: total?.n ?? 0 };
}

export async function listOwnComplaints(tx: Tx, organizationId: string, beneficiaryId: string) {
  return tx
    .select()
    .from(complaints)
    .where(and(eq(complaints.organizationId, organizationId), eq(complaints.beneficiaryId, beneficiaryId)))
    .orderBy(desc(complaints.createdAt))
    .limit(100);
}

export async function updateComplaint(
  tx: Tx,
  organizationId: string,
  id: string,
  set: Partial<typeof complaints.$inferInsert>,
): Promise<void> {
  await tx
    .update(complaints)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(complaints.organizationId, organizationId), eq(complaints.id, id)));
}

/** Marks the association's overdue, unanswered and not yet escalated complaints; returns them. */
export async function markOverdueEscalated(tx: Tx, organizationId: string, now: Date) {
  return tx
    .update(complaints)
    .set({ escalatedAt: now, updatedAt: now })
    .where(
      and(
        eq(complaints.organizationId, organizationId),
        inArray(complaints.status, [...awaitingAnswer]),
        isNull(complaints.escalatedAt),
        lt(complaints.dueAt, now),
      ),
    )
    .returning({ id: complaints.id, trackingNumber: complaints.trackingNumber, dueAt: complaints.dueAt });
}

/** Escalated complaints still waiting for an answer, as the viewer may see them (manager's home). */
export async function countEscalated(tx: Tx, organizationId: string, viewerId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(complaints)
    .where(
      and(
        eq(complaints.organizationId, organizationId),
        visibleTo(viewerId),
        isNotNull(complaints.escalatedAt),
        inArray(complaints.status, [...awaitingAnswer]),
      ),
    );
  return row?.n ?? 0;
}

export async function listImprovementActions(tx: Tx, organizationId: string, complaintId: string) {
  return tx
    .select()
    .from(improvementActions)
    .where(
      and(
        eq(improvementActions.organizationId, organizationId),
        eq(improvementActions.sourceComplaintId, complaintId),
      ),
    );
}
