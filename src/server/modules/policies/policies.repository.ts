import {
  and,
  arrayContains,
  arrayOverlaps,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  lte,
  or,
  sql,
} from 'drizzle-orm';
import { escapeLike } from '../../platform/db/cursor';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import {
  policyAcknowledgements,
  policyDocuments,
  policyMinutes,
  policyReminders,
  policyVersions,
} from './policies.tables';

export type PolicyDocumentRow = typeof policyDocuments.$inferSelect;
export type PolicyVersionRow = typeof policyVersions.$inferSelect;

/** One page of the association's documents (by kind, then Arabic title), with the true total. */
export async function listDocuments(
  tx: Tx,
  organizationId: string,
  filter: { kind?: PolicyDocumentRow['kind']; limit: number; offset: number },
) {
  const where = and(
    eq(policyDocuments.organizationId, organizationId),
    filter.kind ? eq(policyDocuments.kind, filter.kind) : undefined,
  );
  const rows = await tx
    .select()
    .from(policyDocuments)
    .where(where)
    .orderBy(asc(policyDocuments.kind), asc(policyDocuments.titleAr), asc(policyDocuments.id))
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await tx.select({ n: count() }).from(policyDocuments).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function findDocument(tx: Tx, organizationId: string, id: string, forUpdate = false) {
  const query = tx
    .select()
    .from(policyDocuments)
    .where(and(eq(policyDocuments.organizationId, organizationId), eq(policyDocuments.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertDocument(tx: Tx, values: typeof policyDocuments.$inferInsert) {
  const [row] = await tx.insert(policyDocuments).values(values).returning({ id: policyDocuments.id });
  return row!.id;
}

export async function updateDocument(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof policyDocuments.$inferInsert>,
) {
  const rows = await tx
    .update(policyDocuments)
    .set(values)
    .where(and(eq(policyDocuments.organizationId, organizationId), eq(policyDocuments.id, id)))
    .returning({ id: policyDocuments.id });
  return rows.length > 0;
}

/** Every version of the listed documents, newest first, with the approver's name. */
export function versionsOf(tx: Tx, organizationId: string, documentIds: string[]) {
  if (documentIds.length === 0) return Promise.resolve([]);
  return tx
    .select({
      version: policyVersions,
      approvedByName: users.fullName,
      minutes: {
        fileName: policyMinutes.fileName,
        contentType: policyMinutes.contentType,
        size: policyMinutes.size,
        uploadedAt: policyMinutes.uploadedAt,
      },
    })
    .from(policyVersions)
    .leftJoin(
      users,
      and(eq(users.organizationId, policyVersions.organizationId), eq(users.id, policyVersions.approvedBy)),
    )
    .leftJoin(
      policyMinutes,
      and(
        eq(policyMinutes.organizationId, policyVersions.organizationId),
        eq(policyMinutes.versionId, policyVersions.id),
      ),
    )
    .where(
      and(eq(policyVersions.organizationId, organizationId), inArray(policyVersions.documentId, documentIds)),
    )
    .orderBy(desc(policyVersions.number));
}

export async function findVersion(tx: Tx, organizationId: string, documentId: string, id: string) {
  const [row] = await tx
    .select()
    .from(policyVersions)
    .where(
      and(
        eq(policyVersions.organizationId, organizationId),
        eq(policyVersions.documentId, documentId),
        eq(policyVersions.id, id),
      ),
    );
  return row ?? null;
}

export async function insertVersion(tx: Tx, values: typeof policyVersions.$inferInsert) {
  const [row] = await tx.insert(policyVersions).values(values).returning({ id: policyVersions.id });
  return row!.id;
}

export async function updateVersion(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof policyVersions.$inferInsert>,
) {
  await tx
    .update(policyVersions)
    .set(values)
    .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.id, id)));
}

/** The published version of a document becomes superseded (before another is published). */
export async function supersedePublished(tx: Tx, organizationId: string, documentId: string, at: Date) {
  await tx
    .update(policyVersions)
    .set({ status: 'superseded', supersededAt: at, updatedAt: at })
    .where(
      and(
        eq(policyVersions.organizationId, organizationId),
        eq(policyVersions.documentId, documentId),
        eq(policyVersions.status, 'published'),
      ),
    );
}

/** The caller's acknowledgements of the listed versions. */
export function acknowledgementsBy(tx: Tx, organizationId: string, userId: string, versionIds: string[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return tx
    .select({ versionId: policyAcknowledgements.versionId, at: policyAcknowledgements.acknowledgedAt })
    .from(policyAcknowledgements)
    .where(
      and(
        eq(policyAcknowledgements.organizationId, organizationId),
        eq(policyAcknowledgements.userId, userId),
        inArray(policyAcknowledgements.versionId, versionIds),
      ),
    );
}

/** Acknowledges once: a second call keeps the first time. */
export async function insertAcknowledgement(tx: Tx, values: typeof policyAcknowledgements.$inferInsert) {
  await tx.insert(policyAcknowledgements).values(values).onConflictDoNothing();
}

/** Every active staff member, with the time they acknowledged the version (null: not yet). */
export function staffAcknowledgements(tx: Tx, organizationId: string, versionId: string) {
  return tx
    .select({
      userId: users.id,
      fullName: users.fullName,
      email: users.email,
      roles: users.roles,
      acknowledgedAt: policyAcknowledgements.acknowledgedAt,
    })
    .from(users)
    .leftJoin(
      policyAcknowledgements,
      and(
        eq(policyAcknowledgements.organizationId, users.organizationId),
        eq(policyAcknowledgements.userId, users.id),
        eq(policyAcknowledgements.versionId, versionId),
      ),
    )
    .where(and(eq(users.organizationId, organizationId), eq(users.status, 'active')))
    .orderBy(asc(users.fullName), asc(users.id));
}

/** The published versions of an association (the daily reminder's work). */
export function publishedVersions(tx: Tx, organizationId: string) {
  return tx
    .select({ version: policyVersions, document: policyDocuments })
    .from(policyVersions)
    .innerJoin(
      policyDocuments,
      and(
        eq(policyDocuments.organizationId, policyVersions.organizationId),
        eq(policyDocuments.id, policyVersions.documentId),
      ),
    )
    .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.status, 'published')));
}

/** Notes today's reminder; false when this person was already reminded of this version today. */
export async function claimReminder(
  tx: Tx,
  values: { organizationId: string; versionId: string; userId: string; day: string },
) {
  const rows = await tx
    .insert(policyReminders)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: policyReminders.id });
  return rows.length > 0;
}

export const nextVersionNumber = async (tx: Tx, organizationId: string, documentId: string) => {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${policyVersions.number}), 0)::int` })
    .from(policyVersions)
    .where(and(eq(policyVersions.organizationId, organizationId), eq(policyVersions.documentId, documentId)));
  return (row?.n ?? 0) + 1;
};

/** Documents whose review date has come and was not reminded of yet. */
export function documentsDueForReview(tx: Tx, organizationId: string, today: string) {
  return tx
    .select()
    .from(policyDocuments)
    .where(
      and(
        eq(policyDocuments.organizationId, organizationId),
        isNotNull(policyDocuments.reviewDate),
        lte(policyDocuments.reviewDate, today),
        or(
          sql`${policyDocuments.reviewRemindedFor} is null`,
          sql`${policyDocuments.reviewRemindedFor} <> ${policyDocuments.reviewDate}`,
        ),
      ),
    );
}

/** Notes that this review date was reminded of; false when another run did it first. */
export async function claimReviewReminder(tx: Tx, organizationId: string, id: string, reviewDate: string) {
  const rows = await tx
    .update(policyDocuments)
    .set({ reviewRemindedFor: reviewDate })
    .where(
      and(
        eq(policyDocuments.organizationId, organizationId),
        eq(policyDocuments.id, id),
        sql`${policyDocuments.reviewRemindedFor} is distinct from ${reviewDate}::date`,
      ),
    )
    .returning({ id: policyDocuments.id });
  return rows.length > 0;
}

/** The active staff holding any of these roles (those who manage the policies). */
export function activeStaffWithRoles(tx: Tx, organizationId: string, roles: readonly string[]) {
  return tx
    .select({ userId: users.id, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.status, 'active'),
        arrayOverlaps(users.roles, [...roles]),
      ),
    )
    .orderBy(asc(users.id));
}

/** Keeps the normalised titles + published body the library searches (wasl_normalize_name, 0003). */
export async function refreshSearchText(tx: Tx, organizationId: string, id: string) {
  await tx.execute(sql`
    update policy_documents d set search_text = wasl_normalize_name(
      d.title_ar || ' ' || d.title_en || ' ' || coalesce((
        select v.body || ' ' || coalesce(v.body_en, '') from policy_versions v
        where v.organization_id = d.organization_id and v.document_id = d.id and v.status = 'published'
      ), ''))
    where d.organization_id = ${organizationId} and d.id = ${id}`);
}

const publishedJoin = and(
  eq(policyVersions.organizationId, policyDocuments.organizationId),
  eq(policyVersions.documentId, policyDocuments.id),
  eq(policyVersions.status, 'published'),
);

/**
 * One page of the published documents of these kinds (null: any), linked from a screen, matching the
 * search (`%` and `_` are searched as themselves, never as wildcards), with the true total.
 */
export async function libraryDocuments(
  tx: Tx,
  organizationId: string,
  /** `q`: already normalised (normalizeArabicName, the twin of wasl_normalize_name) and not empty. */
  filter: { kinds: PolicyDocumentRow['kind'][] | null; context: string | null; q: string | null },
  page: { limit: number; offset: number },
) {
  const where = and(
    eq(policyDocuments.organizationId, organizationId),
    filter.kinds ? inArray(policyDocuments.kind, filter.kinds) : undefined,
    filter.context ? arrayContains(policyDocuments.contexts, [filter.context]) : undefined,
    filter.q
      ? sql`${policyDocuments.searchText} like '%' || ${escapeLike(filter.q)} || '%' escape '\\'`
      : undefined,
  );
  const rows = await tx
    .select({ document: policyDocuments, version: policyVersions })
    .from(policyDocuments)
    .innerJoin(policyVersions, publishedJoin)
    .where(where)
    .orderBy(asc(policyDocuments.kind), asc(policyDocuments.titleAr), asc(policyDocuments.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await tx
    .select({ n: count() })
    .from(policyDocuments)
    .innerJoin(policyVersions, publishedJoin)
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The newest document of a kind that has a published version, with that version. */
export async function publishedOfKind(tx: Tx, organizationId: string, kind: PolicyDocumentRow['kind']) {
  const [row] = await tx
    .select({ document: policyDocuments, version: policyVersions })
    .from(policyDocuments)
    .innerJoin(policyVersions, publishedJoin)
    .where(and(eq(policyDocuments.organizationId, organizationId), eq(policyDocuments.kind, kind)))
    .orderBy(desc(policyDocuments.createdAt), desc(policyDocuments.id))
    .limit(1);
  return row ?? null;
}

/** Every document of a kind with its published version (the public policy page), by Arabic title. */
export function publishedAllOfKind(tx: Tx, organizationId: string, kind: PolicyDocumentRow['kind']) {
  return tx
    .select({ document: policyDocuments, version: policyVersions })
    .from(policyDocuments)
    .innerJoin(policyVersions, publishedJoin)
    .where(and(eq(policyDocuments.organizationId, organizationId), eq(policyDocuments.kind, kind)))
    .orderBy(asc(policyDocuments.titleAr), asc(policyDocuments.id))
    .limit(50);
}

export async function findMinutes(tx: Tx, organizationId: string, versionId: string) {
  const [row] = await tx
    .select()
    .from(policyMinutes)
    .where(and(eq(policyMinutes.organizationId, organizationId), eq(policyMinutes.versionId, versionId)));
  return row ?? null;
}

/** The version's minutes file, replacing the one before; answers the replaced file's storage key. */
export async function replaceMinutes(tx: Tx, values: typeof policyMinutes.$inferInsert) {
  const [old] = await tx
    .delete(policyMinutes)
    .where(
      and(
        eq(policyMinutes.organizationId, values.organizationId),
        eq(policyMinutes.versionId, values.versionId),
      ),
    )
    .returning({ storageKey: policyMinutes.storageKey, sha256: policyMinutes.sha256 });
  await tx.insert(policyMinutes).values(values);
  return old ?? null;
}
