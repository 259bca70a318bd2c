import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { services } from '../services/services.tables';

// Reads only: the public pages show the catalog as it stands (services owns it and its rules).

/** The association's services that take requests, in the order of the staff catalog (Arabic name). */
export async function listActiveServices(tx: Tx, organizationId: string) {
  return tx
    .select({
      id: services.id,
      nameAr: services.nameAr,
      nameEn: services.nameEn,
      descriptionAr: services.descriptionAr,
      descriptionEn: services.descriptionEn,
      targetCategories: services.targetCategories,
      requiredDocuments: services.requiredDocuments,
      verification: services.verification,
      decisionDays: services.decisionDays,
      recurrence: services.recurrence,
    })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.active, true)))
    .orderBy(asc(services.nameAr), asc(services.id))
    .limit(500);
}
