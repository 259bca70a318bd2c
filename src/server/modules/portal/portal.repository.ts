import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';

/** Live records: not merged into another, not destroyed. */
const live = () => and(isNull(beneficiaries.mergedInto), isNull(beneficiaries.destroyedAt));

/** A live beneficiary record by id, in full (the portal's own record of the person). */
export async function findLiveBeneficiary(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(beneficiaries)
    .where(and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.id, id), live()));
  return row ?? null;
}

/** The live record of a national ID in an association. */
export async function findLiveByNationalId(tx: Tx, organizationId: string, nationalId: string) {
  const [row] = await tx
    .select()
    .from(beneficiaries)
    .where(
      and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.nationalId, nationalId), live()),
    );
  return row ?? null;
}
