import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { portalLocks, portalRegistrations } from './portal.tables';

export type RegistrationRow = typeof portalRegistrations.$inferSelect;
export type RegistrationState = RegistrationRow['state'];

export async function insertRegistration(tx: Tx, values: typeof portalRegistrations.$inferInsert) {
  const [row] = await tx.insert(portalRegistrations).values(values).returning();
  return row!;
}

export async function findRegistrationOf(
  tx: Tx,
  organizationId: string,
  beneficiaryId: string,
  lock = false,
) {
  const query = tx
    .select()
    .from(portalRegistrations)
    .where(
      and(
        eq(portalRegistrations.organizationId, organizationId),
        eq(portalRegistrations.beneficiaryId, beneficiaryId),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function findRegistration(tx: Tx, organizationId: string, id: string, lock = false) {
  const query = tx
    .select()
    .from(portalRegistrations)
    .where(and(eq(portalRegistrations.organizationId, organizationId), eq(portalRegistrations.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateRegistration(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof portalRegistrations.$inferInsert>,
) {
  const [row] = await tx
    .update(portalRegistrations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(portalRegistrations.organizationId, organizationId), eq(portalRegistrations.id, id)))
    .returning();
  return row!;
}

/** The person a registration is for, as the staff queue and the notices need them. */
export async function personOf(tx: Tx, organizationId: string, beneficiaryId: string) {
  const [row] = await tx
    .select({
      id: beneficiaries.id,
      fullNameAr: beneficiaries.fullNameAr,
      phone: beneficiaries.phone,
      preferredLanguage: beneficiaries.preferredLanguage,
      status: beneficiaries.status,
    })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.id, beneficiaryId)));
  return row ?? null;
}

export type QueueRow = {
  id: string;
  beneficiaryId: string;
  fileNumber: string;
  fullNameAr: string;
  nationalId: string;
  phone: string;
  city: string;
  state: RegistrationState;
  submittedAt: Date | string | null;
  decidedAt: Date | string | null;
  returnReason: string | null;
  duplicateMatches: RegistrationRow['duplicateMatches'];
  documents: number;
};

const queueColumns = sql`r.id, r.beneficiary_id as "beneficiaryId", b.file_number as "fileNumber",
  b.full_name_ar as "fullNameAr", b.national_id as "nationalId", b.phone, b.city, r.state,
  r.submitted_at as "submittedAt", r.decided_at as "decidedAt", r.return_reason as "returnReason",
  r.duplicate_matches as "duplicateMatches",
  (select count(*)::int from beneficiary_documents d
    where d.organization_id = r.organization_id and d.beneficiary_id = r.beneficiary_id) as documents`;

const queueFrom = sql`portal_registrations r
  join beneficiaries b on b.organization_id = r.organization_id and b.id = r.beneficiary_id
    and b.merged_into is null and b.destroyed_at is null`;

/**
 * One page of the queue in one state: waiting registrations oldest first (first come, first served),
 * returned and accepted ones most recent first.
 */
export async function listQueue(
  tx: Tx,
  organizationId: string,
  state: RegistrationState,
  limit: number,
  offset: number,
) {
  const where = sql`r.organization_id = ${organizationId} and r.state = ${state}`;
  const order =
    state === 'submitted'
      ? sql`r.submitted_at asc, r.id`
      : sql`coalesce(r.decided_at, r.updated_at) desc, r.id`;
  const rows = await tx.execute<QueueRow>(
    sql`select ${queueColumns} from ${queueFrom} where ${where} order by ${order} limit ${limit} offset ${offset}`,
  );
  const total = await tx.execute<{ n: number }>(
    sql`select count(*)::int as n from ${queueFrom} where ${where}`,
  );
  return { rows: rows.rows, total: total.rows[0]!.n };
}

export async function queueItem(tx: Tx, organizationId: string, id: string) {
  const rows = await tx.execute<QueueRow>(
    sql`select ${queueColumns} from ${queueFrom} where r.organization_id = ${organizationId} and r.id = ${id}`,
  );
  return rows.rows[0] ?? null;
}

/** Any live record of the ID here (whatever its status): for it, a registration code is never sent. */
export async function liveRecordOf(tx: Tx, organizationId: string, nationalId: string) {
  const [row] = await tx
    .select({
      id: beneficiaries.id,
      phone: beneficiaries.phone,
      preferredLanguage: beneficiaries.preferredLanguage,
    })
    .from(beneficiaries)
    .where(
      and(
        eq(beneficiaries.organizationId, organizationId),
        eq(beneficiaries.nationalId, nationalId),
        isNull(beneficiaries.mergedInto),
        isNull(beneficiaries.destroyedAt),
      ),
    );
  return row ?? null;
}

/** Whether wrong codes have locked the ID at `now`. */
export async function isIdLocked(tx: Tx, organizationId: string, nationalId: string, now: Date) {
  const [row] = await tx
    .select({ lockedUntil: portalLocks.lockedUntil })
    .from(portalLocks)
    .where(and(eq(portalLocks.organizationId, organizationId), eq(portalLocks.nationalId, nationalId)));
  return (row?.lockedUntil?.getTime() ?? 0) > now.getTime();
}
