import { and, count, desc, eq, isNotNull, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import type { ImprovementListQuery } from '../../../shared/contracts/improvements';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { complaints, improvementActions } from '../complaints/complaints.tables';
import { services } from '../services/services.tables';

const a = improvementActions;
const columns = {
  id: a.id,
  title: a.title,
  source: a.source,
  sourceComplaintId: a.sourceComplaintId,
  sourceResponseId: a.sourceResponseId,
  serviceId: a.serviceId,
  description: a.description,
  ownerId: a.ownerId,
  ownerName: users.fullName,
  status: a.status,
  dueDate: a.dueDate,
  outcome: a.outcome,
  saidAr: a.saidAr,
  didAr: a.didAr,
  saidEn: a.saidEn,
  didEn: a.didEn,
  publishedAt: a.publishedAt,
  completedAt: a.completedAt,
  createdAt: a.createdAt,
};
export type ImprovementLine = Awaited<ReturnType<typeof listImprovements>>['rows'][number];

const withOwner = and(eq(users.organizationId, a.organizationId), eq(users.id, a.ownerId));

export async function insertImprovement(tx: Tx, values: typeof improvementActions.$inferInsert) {
  const [row] = await tx.insert(a).values(values).returning({ id: a.id });
  return row!;
}

export async function updateImprovement(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof improvementActions.$inferInsert>,
) {
  await tx
    .update(a)
    .set(values)
    .where(and(eq(a.organizationId, organizationId), eq(a.id, id)));
}

export async function findImprovement(tx: Tx, organizationId: string, id: string, lock = false) {
  const query = tx
    .select(columns)
    .from(a)
    .leftJoin(users, withOwner)
    .where(and(eq(a.organizationId, organizationId), eq(a.id, id)));
  const [row] = await (lock ? query.for('update', { of: a }) : query);
  return row ?? null;
}

/** Newest first; `after` is the last item of the previous page. */
export async function listImprovements(
  tx: Tx,
  organizationId: string,
  query: ImprovementListQuery,
  after: { createdAt: Date; id: string } | null,
) {
  const filters: (SQL | undefined)[] = [
    eq(a.organizationId, organizationId),
    query.status ? eq(a.status, query.status) : undefined,
    query.source ? eq(a.source, query.source) : undefined,
  ];
  const where = and(...filters);
  const page = after
    ? and(
        where,
        or(lt(a.createdAt, after.createdAt), and(eq(a.createdAt, after.createdAt), lt(a.id, after.id))),
      )
    : where;
  const rows = await tx
    .select(columns)
    .from(a)
    .leftJoin(users, withOwner)
    .where(page)
    .orderBy(desc(a.createdAt), desc(a.id))
    .limit(query.limit + 1);
  const [total] = await tx.select({ n: count() }).from(a).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The kind of a complaint the viewer may see (never one about themselves), or null. */
export async function findComplaintKind(tx: Tx, organizationId: string, id: string, viewerId: string) {
  const [row] = await tx
    .select({ kind: complaints.kind })
    .from(complaints)
    .where(
      and(
        eq(complaints.organizationId, organizationId),
        eq(complaints.id, id),
        or(isNull(complaints.aboutStaffId), ne(complaints.aboutStaffId, viewerId)),
      ),
    );
  return row?.kind ?? null;
}

export async function serviceExists(tx: Tx, organizationId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.id, id)));
  return Boolean(row);
}

/** «قلتم، فعلنا»: the published actions, newest first, with their service's name. */
export async function listPublished(tx: Tx, organizationId: string, limit: number) {
  return tx
    .select({
      id: a.id,
      saidAr: a.saidAr,
      didAr: a.didAr,
      saidEn: a.saidEn,
      didEn: a.didEn,
      serviceNameAr: services.nameAr,
      serviceNameEn: services.nameEn,
      publishedAt: a.publishedAt,
    })
    .from(a)
    .leftJoin(services, and(eq(services.organizationId, a.organizationId), eq(services.id, a.serviceId)))
    .where(and(eq(a.organizationId, organizationId), isNotNull(a.publishedAt)))
    .orderBy(desc(a.publishedAt), desc(a.id))
    .limit(limit);
}
