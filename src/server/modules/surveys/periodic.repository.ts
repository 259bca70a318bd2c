import { and, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../platform/db/database';
import { deliveries, requests } from '../requests/requests.tables';
import { surveyLines } from './surveys.repository';
import { surveys } from './surveys.tables';

/** Every association (the periodic job; each is then worked inside its own scope). */
export async function organizationsForPeriodicSurveys(db: Db): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`select app_organizations_for_periodic_surveys() as id`);
  return result.rows.map((r) => r.id);
}

export async function activePeriodicSurveys(tx: Tx, organizationId: string) {
  return surveyLines(tx, organizationId).where(
    and(
      eq(surveys.organizationId, organizationId),
      eq(surveys.trigger, 'periodic'),
      eq(surveys.active, true),
    ),
  );
}

/**
 * Beneficiaries with a delivery since `since` (of the survey's service, when it has one) and no invitation
 * to this survey since then: the people a periodic survey asks now, each with the service last delivered.
 */
export async function dueForPeriodicSurvey(
  tx: Tx,
  organizationId: string,
  survey: { id: string; serviceId: string | null },
  since: { date: string; instant: Date },
) {
  const rows = await tx
    .selectDistinctOn([requests.beneficiaryId], {
      beneficiaryId: requests.beneficiaryId,
      serviceId: requests.serviceId,
      deliveryId: deliveries.id,
      staffId: deliveries.deliveredBy,
    })
    .from(deliveries)
    .innerJoin(
      requests,
      and(eq(requests.organizationId, deliveries.organizationId), eq(requests.id, deliveries.requestId)),
    )
    .where(
      and(
        eq(deliveries.organizationId, organizationId),
        gte(deliveries.deliveredOn, since.date),
        survey.serviceId ? eq(requests.serviceId, survey.serviceId) : undefined,
        sql`not exists (select 1 from survey_invitations i where i.organization_id = ${organizationId}
          and i.survey_id = ${survey.id} and i.beneficiary_id = ${requests.beneficiaryId}
          and i.created_at >= ${since.instant.toISOString()})`,
      ),
    )
    .orderBy(requests.beneficiaryId, desc(deliveries.deliveredOn), desc(deliveries.createdAt));
  return rows;
}
