import { and, asc, count, desc, eq, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { normalizeArabicName } from '../../../shared/arabic/names';
import type { DisputesQuery } from '../../../shared/contracts/disputes';
import { escapeLike } from '../../platform/db/cursor';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { requests } from '../requests/requests.tables';
import { charterAcceptances, disputeSteps, disputes } from './disputes.tables';

export type DisputeRow = typeof disputes.$inferSelect;

const opener = alias(users, 'opener');
const closer = alias(users, 'closer');

function withNames(tx: Tx) {
  return tx
    .select({
      dispute: disputes,
      beneficiaryName: beneficiaries.fullNameAr,
      fileNumber: beneficiaries.fileNumber,
      openedByName: opener.fullName,
      closedByName: closer.fullName,
      currentStep: sql<string | null>`(select s.step from dispute_steps s
        where s.organization_id = ${disputes.organizationId} and s.dispute_id = ${disputes.id}
        order by s.position desc limit 1)`,
    })
    .from(disputes)
    .innerJoin(
      beneficiaries,
      and(
        eq(beneficiaries.organizationId, disputes.organizationId),
        eq(beneficiaries.id, disputes.beneficiaryId),
      ),
    )
    .leftJoin(
      opener,
      and(eq(opener.organizationId, disputes.organizationId), eq(opener.id, disputes.openedBy)),
    )
    .leftJoin(
      closer,
      and(eq(closer.organizationId, disputes.organizationId), eq(closer.id, disputes.closedBy)),
    );
}

export type DisputeLine = Awaited<ReturnType<ReturnType<typeof withNames>['execute']>>[number];

export async function findDispute(tx: Tx, organizationId: string, id: string) {
  const [row] = await withNames(tx).where(
    and(eq(disputes.organizationId, organizationId), eq(disputes.id, id)),
  );
  return row ?? null;
}

/** Locks the dispute row (one step recorded at a time). */
export async function lockDispute(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(disputes)
    .where(and(eq(disputes.organizationId, organizationId), eq(disputes.id, id)))
    .for('update');
  return row ?? null;
}

/**
 * The subject searched in Arabic as the library is (wasl_normalize_name on both sides; `%` and `_` are
 * no wildcards); a search with nothing searchable in it finds nothing.
 */
function subjectMatches(q: string | undefined) {
  if (!q?.trim()) return undefined;
  const words = normalizeArabicName(q);
  if (words === '') return sql`false`;
  return sql`wasl_normalize_name(${disputes.subject}) like '%' || ${escapeLike(words)} || '%' escape '\\'`;
}

/** Newest first; the cursor is the last item's (openedAt, id). */
export async function listDisputes(
  tx: Tx,
  organizationId: string,
  query: DisputesQuery,
  after: [string, string] | null,
) {
  const filter = and(
    eq(disputes.organizationId, organizationId),
    query.status ? eq(disputes.status, query.status) : undefined,
    query.beneficiaryId ? eq(disputes.beneficiaryId, query.beneficiaryId) : undefined,
    subjectMatches(query.q),
  );
  const page = after
    ? or(
        lt(disputes.openedAt, new Date(after[0])),
        and(eq(disputes.openedAt, new Date(after[0])), lt(disputes.id, after[1])),
      )
    : undefined;
  const rows = await withNames(tx)
    .where(and(filter, page))
    .orderBy(desc(disputes.openedAt), desc(disputes.id))
    .limit(query.limit + 1);
  const [total] = await tx.select({ n: count() }).from(disputes).where(filter);
  return { rows, total: total?.n ?? 0 };
}

export async function insertDispute(tx: Tx, values: typeof disputes.$inferInsert) {
  const [row] = await tx.insert(disputes).values(values).returning({ id: disputes.id });
  return row!.id;
}

export async function updateDispute(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof disputes.$inferInsert>,
) {
  await tx
    .update(disputes)
    .set(values)
    .where(and(eq(disputes.organizationId, organizationId), eq(disputes.id, id)));
}

export function stepsOf(tx: Tx, organizationId: string, disputeId: string) {
  return tx
    .select({ step: disputeSteps, recordedByName: users.fullName })
    .from(disputeSteps)
    .leftJoin(
      users,
      and(eq(users.organizationId, disputeSteps.organizationId), eq(users.id, disputeSteps.recordedBy)),
    )
    .where(and(eq(disputeSteps.organizationId, organizationId), eq(disputeSteps.disputeId, disputeId)))
    .orderBy(asc(disputeSteps.position));
}

export async function insertStep(tx: Tx, values: typeof disputeSteps.$inferInsert) {
  await tx.insert(disputeSteps).values(values);
}

/** Is the request one of this beneficiary's (same association)? */
export async function requestOfBeneficiary(
  tx: Tx,
  organizationId: string,
  requestId: string,
  beneficiaryId: string,
) {
  const [row] = await tx
    .select({ id: requests.id })
    .from(requests)
    .where(
      and(
        eq(requests.organizationId, organizationId),
        eq(requests.id, requestId),
        eq(requests.beneficiaryId, beneficiaryId),
      ),
    );
  return row !== undefined;
}

export async function latestCharterAcceptance(tx: Tx, organizationId: string, beneficiaryId: string) {
  const [row] = await tx
    .select()
    .from(charterAcceptances)
    .where(
      and(
        eq(charterAcceptances.organizationId, organizationId),
        eq(charterAcceptances.beneficiaryId, beneficiaryId),
      ),
    )
    .orderBy(desc(charterAcceptances.acceptedAt), desc(charterAcceptances.id))
    .limit(1);
  return row ?? null;
}

export async function insertCharterAcceptance(tx: Tx, values: typeof charterAcceptances.$inferInsert) {
  const [row] = await tx.insert(charterAcceptances).values(values).returning();
  return row!;
}
