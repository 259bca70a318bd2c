import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import {
  eligibilityRuleVersions,
  researchReports,
  verificationPhotos,
  verificationTasks,
} from './verification.tables';

export type TaskRow = typeof verificationTasks.$inferSelect;

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

export const listTasks = (tx: Tx, organizationId: string, requestId: string) =>
  tx
    .select()
    .from(verificationTasks)
    .where(
      and(eq(verificationTasks.organizationId, organizationId), eq(verificationTasks.requestId, requestId)),
    )
    .orderBy(asc(verificationTasks.createdAt));

export async function insertTasks(tx: Tx, values: (typeof verificationTasks.$inferInsert)[]) {
  if (values.length) await tx.insert(verificationTasks).values(values);
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

export const listMyTasks = (tx: Tx, organizationId: string, userId: string) =>
  tx
    .select()
    .from(verificationTasks)
    .where(
      and(
        eq(verificationTasks.organizationId, organizationId),
        eq(verificationTasks.assigneeId, userId),
        ne(verificationTasks.status, 'done'),
      ),
    )
    .orderBy(asc(verificationTasks.scheduledAt), asc(verificationTasks.createdAt));

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
