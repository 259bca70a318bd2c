import { and, asc, desc, eq, getTableColumns, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { requests } from '../requests/requests.tables';
import { services } from '../services/services.tables';
import {
  eligibilityRuleVersions,
  researchReports,
  verificationPhotos,
  verificationTasks,
} from './verification.tables';

export type TaskRow = typeof verificationTasks.$inferSelect;
/** A task with the name of the colleague it is assigned to. */
export type TaskView = TaskRow & { assigneeName: string | null };

export async function latestRules(tx: Tx, organizationId: string, serviceId: string) {
  const [row] = await tx
    .select()
    .from(eligibilityRuleVersions)
    .where(
      and(
        eq(eligibilityRuleVersions.organizationId, organizationId),
        eq(eligibilityRuleVersions.serviceId, serviceId),
      ),
    )
    .orderBy(desc(eligibilityRuleVersions.version))
    .limit(1);
  return row ?? null;
}

export async function insertRules(tx: Tx, values: typeof eligibilityRuleVersions.$inferInsert) {
  const [row] = await tx.insert(eligibilityRuleVersions).values(values).returning();
  return row!;
}

const taskViewColumns = { ...getTableColumns(verificationTasks), assigneeName: users.fullName };

const assigneeJoin = and(
  eq(users.organizationId, verificationTasks.organizationId),
  eq(users.id, verificationTasks.assigneeId),
);

export const listTasks = (tx: Tx, organizationId: string, requestId: string): Promise<TaskView[]> =>
  tx
    .select(taskViewColumns)
    .from(verificationTasks)
    .leftJoin(users, assigneeJoin)
    .where(
      and(eq(verificationTasks.organizationId, organizationId), eq(verificationTasks.requestId, requestId)),
    )
    .orderBy(asc(verificationTasks.createdAt));

export async function findTaskView(tx: Tx, organizationId: string, id: string): Promise<TaskView | null> {
  const [row] = await tx
    .select(taskViewColumns)
    .from(verificationTasks)
    .leftJoin(users, assigneeJoin)
    .where(and(eq(verificationTasks.organizationId, organizationId), eq(verificationTasks.id, id)));
  return row ?? null;
}

export async function insertTasks(tx: Tx, values: (typeof verificationTasks.$inferInsert)[]) {
  if (values.length) await tx.insert(verificationTasks).values(values);
}

export async function insertTask(tx: Tx, values: typeof verificationTasks.$inferInsert) {
  const [row] = await tx.insert(verificationTasks).values(values).returning();
  return row!;
}

export async function lockTask(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(verificationTasks)
    .where(and(eq(verificationTasks.organizationId, organizationId), eq(verificationTasks.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateTask(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof verificationTasks.$inferInsert>,
) {
  const [row] = await tx
    .update(verificationTasks)
    .set(values)
    .where(and(eq(verificationTasks.organizationId, organizationId), eq(verificationTasks.id, id)))
    .returning();
  return row!;
}

const workColumns = {
  ...taskViewColumns,
  requestNumber: requests.number,
  requestStatus: requests.status,
  serviceNameAr: services.nameAr,
  serviceNameEn: services.nameEn,
  beneficiaryId: beneficiaries.id,
  fileNumber: beneficiaries.fileNumber,
  fullNameAr: beneficiaries.fullNameAr,
  city: beneficiaries.city,
  district: beneficiaries.district,
  phone: beneficiaries.phone,
};

/**
 * A work list: the open tasks of requests in one of `statuses`, with the request and the person each
 * is about — those assigned to `assigneeId`, or with `assigneeId: null` those nobody has taken.
 * The earliest appointment, then the earliest due day, then the oldest first.
 */
export const listWorkTasks = (
  tx: Tx,
  organizationId: string,
  filter: { assigneeId: string | null; statuses: readonly string[]; limit: number },
) =>
  tx
    .select(workColumns)
    .from(verificationTasks)
    .innerJoin(
      requests,
      and(
        eq(requests.organizationId, verificationTasks.organizationId),
        eq(requests.id, verificationTasks.requestId),
      ),
    )
    .innerJoin(
      services,
      and(eq(services.organizationId, requests.organizationId), eq(services.id, requests.serviceId)),
    )
    .innerJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, requests.organizationId),
        eq(beneficiaries.id, requests.beneficiaryId),
      ),
    )
    .leftJoin(users, assigneeJoin)
    .where(
      and(
        eq(verificationTasks.organizationId, organizationId),
        filter.assigneeId === null
          ? isNull(verificationTasks.assigneeId)
          : eq(verificationTasks.assigneeId, filter.assigneeId),
        ne(verificationTasks.status, 'done'),
        inArray(requests.status, [...filter.statuses]),
      ),
    )
    .orderBy(
      asc(verificationTasks.scheduledAt),
      asc(verificationTasks.dueOn),
      asc(verificationTasks.createdAt),
    )
    .limit(filter.limit);

export type WorkTaskRow = Awaited<ReturnType<typeof listWorkTasks>>[number];

export async function latestRuleVersion(
  tx: Tx,
  organizationId: string,
  serviceId: string,
): Promise<number | null> {
  const [row] = await tx
    .select({ version: eligibilityRuleVersions.version })
    .from(eligibilityRuleVersions)
    .where(
      and(
        eq(eligibilityRuleVersions.organizationId, organizationId),
        eq(eligibilityRuleVersions.serviceId, serviceId),
      ),
    )
    .orderBy(desc(eligibilityRuleVersions.version))
    .limit(1);
  return row?.version ?? null;
}

export async function insertPhoto(tx: Tx, values: typeof verificationPhotos.$inferInsert) {
  const [row] = await tx.insert(verificationPhotos).values(values).returning();
  return row!;
}

export const listPhotos = (tx: Tx, organizationId: string, taskId: string) =>
  tx
    .select()
    .from(verificationPhotos)
    .where(and(eq(verificationPhotos.organizationId, organizationId), eq(verificationPhotos.taskId, taskId)))
    .orderBy(asc(verificationPhotos.createdAt));

export async function findPhoto(tx: Tx, organizationId: string, taskId: string, id: string) {
  const [row] = await tx
    .select()
    .from(verificationPhotos)
    .where(
      and(
        eq(verificationPhotos.organizationId, organizationId),
        eq(verificationPhotos.taskId, taskId),
        eq(verificationPhotos.id, id),
      ),
    );
  return row ?? null;
}

// ---- research reports ----

export async function findReport(tx: Tx, organizationId: string, requestId: string) {
  const [row] = await tx
    .select({ report: researchReports, authorName: users.fullName })
    .from(researchReports)
    .leftJoin(
      users,
      and(eq(users.organizationId, researchReports.organizationId), eq(users.id, researchReports.authorId)),
    )
    .where(and(eq(researchReports.organizationId, organizationId), eq(researchReports.requestId, requestId)));
  return row ?? null;
}

export async function lockReport(tx: Tx, organizationId: string, requestId: string) {
  const [row] = await tx
    .select()
    .from(researchReports)
    .where(and(eq(researchReports.organizationId, organizationId), eq(researchReports.requestId, requestId)))
    .for('update');
  return row ?? null;
}

export async function upsertReport(
  tx: Tx,
  existingId: string | null,
  values: typeof researchReports.$inferInsert,
) {
  if (existingId) {
    await tx
      .update(researchReports)
      .set(values)
      .where(
        and(eq(researchReports.organizationId, values.organizationId), eq(researchReports.id, existingId)),
      );
  } else await tx.insert(researchReports).values(values);
}
