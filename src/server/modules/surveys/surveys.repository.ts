import { and, count, desc, eq, gt, gte, inArray, isNull, or, sql } from 'drizzle-orm';
import type { SurveyTrigger } from '../../../shared/contracts/surveys';
import type { Db, Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { outboxMessages } from '../../platform/notifications/outbox.tables';
import { beneficiaries } from '../beneficiaries/beneficiaries.tables';
import { services } from '../services/services.tables';
import { surveyInvitations, surveyResponses, surveys, surveyVersions } from './surveys.tables';

export type SurveyRow = typeof surveys.$inferSelect;
export type InvitationRow = typeof surveyInvitations.$inferSelect;

const answersOf = (tx: Tx, organizationId: string) =>
  tx
    .select({ surveyId: surveyResponses.surveyId, n: count().as('n') })
    .from(surveyResponses)
    .where(eq(surveyResponses.organizationId, organizationId))
    .groupBy(surveyResponses.surveyId)
    .as('answers');

/** Surveys with their current version's questions and their number of answers. */
export function surveyLines(tx: Tx, organizationId: string) {
  const answers = answersOf(tx, organizationId);
  return tx
    .select({
      survey: surveys,
      questions: surveyVersions.questions,
      versionId: surveyVersions.id,
      answers: sql<number>`coalesce(${answers.n}, 0)::int`,
    })
    .from(surveys)
    .innerJoin(
      surveyVersions,
      and(
        eq(surveyVersions.organizationId, surveys.organizationId),
        eq(surveyVersions.surveyId, surveys.id),
        eq(surveyVersions.version, surveys.version),
      ),
    )
    .leftJoin(answers, eq(answers.surveyId, surveys.id));
}
export type SurveyLine = Awaited<ReturnType<typeof findSurvey>> & {};

export async function findSurvey(tx: Tx, organizationId: string, id: string) {
  const [row] = await surveyLines(tx, organizationId).where(
    and(eq(surveys.organizationId, organizationId), eq(surveys.id, id)),
  );
  return row ?? null;
}

export async function listSurveys(
  tx: Tx,
  organizationId: string,
  query: { trigger?: SurveyTrigger; offset: number; limit: number },
) {
  const where = and(
    eq(surveys.organizationId, organizationId),
    query.trigger ? eq(surveys.trigger, query.trigger) : undefined,
  );
  const rows = await surveyLines(tx, organizationId)
    .where(where)
    .orderBy(desc(surveys.createdAt), surveys.id)
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await tx.select({ n: count() }).from(surveys).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function insertSurvey(tx: Tx, values: typeof surveys.$inferInsert) {
  const [row] = await tx.insert(surveys).values(values).returning();
  return row!;
}

export async function updateSurveyRow(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof surveys.$inferInsert>,
) {
  await tx
    .update(surveys)
    .set(values)
    .where(and(eq(surveys.organizationId, organizationId), eq(surveys.id, id)));
}

export async function lockSurvey(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(surveys)
    .where(and(eq(surveys.organizationId, organizationId), eq(surveys.id, id)))
    .for('update');
  return row ?? null;
}

export async function insertVersion(tx: Tx, values: typeof surveyVersions.$inferInsert) {
  const [row] = await tx.insert(surveyVersions).values(values).returning();
  return row!;
}

export async function listVersions(tx: Tx, organizationId: string, surveyId: string) {
  return tx
    .select({
      version: surveyVersions.version,
      questions: surveyVersions.questions,
      createdAt: surveyVersions.createdAt,
      // Named in full: inside a one-table select the builder writes columns unqualified.
      answers: sql<number>`(select count(*)::int from survey_responses r
        where r.organization_id = survey_versions.organization_id and r.version_id = survey_versions.id)`,
    })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.organizationId, organizationId), eq(surveyVersions.surveyId, surveyId)))
    .orderBy(desc(surveyVersions.version));
}

/** The active survey an event invites to: the service's own first, else one for every service. */
export async function findActiveSurvey(
  tx: Tx,
  organizationId: string,
  trigger: SurveyTrigger,
  serviceId: string | null,
) {
  const rows = await surveyLines(tx, organizationId)
    .where(
      and(
        eq(surveys.organizationId, organizationId),
        eq(surveys.trigger, trigger),
        eq(surveys.active, true),
        serviceId
          ? or(eq(surveys.serviceId, serviceId), isNull(surveys.serviceId))
          : isNull(surveys.serviceId),
      ),
    )
    .orderBy(sql`${surveys.serviceId} is null`, surveys.createdAt)
    .limit(1);
  return rows[0] ?? null;
}

export async function invitationExists(
  tx: Tx,
  organizationId: string,
  trigger: SurveyTrigger,
  relatedType: string,
  relatedId: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ id: surveyInvitations.id })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.organizationId, organizationId),
        eq(surveyInvitations.relatedType, relatedType),
        eq(surveyInvitations.relatedId, relatedId),
        eq(surveyInvitations.trigger, trigger),
      ),
    )
    .limit(1);
  return !!row;
}

export async function insertInvitation(tx: Tx, values: typeof surveyInvitations.$inferInsert) {
  const [row] = await tx.insert(surveyInvitations).values(values).returning();
  return row!;
}

export async function updateInvitation(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof surveyInvitations.$inferInsert>,
) {
  await tx
    .update(surveyInvitations)
    .set(values)
    .where(and(eq(surveyInvitations.organizationId, organizationId), eq(surveyInvitations.id, id)));
}

/** The association of a token's hash (the one definer function; no association is open yet). */
export async function organizationOfToken(db: Db, tokenHash: string): Promise<string | null> {
  const result = await db.execute<{ id: string | null }>(
    sql`select app_survey_invitation_organization(${tokenHash}) as id`,
  );
  return result.rows[0]?.id ?? null;
}

/** An invitation with what its form shows: the survey, the version's questions, the service's names. */
export async function findInvitation(
  tx: Tx,
  organizationId: string,
  by: { tokenHash: string } | { id: string },
) {
  const [row] = await tx
    .select({
      invitation: surveyInvitations,
      survey: surveys,
      version: surveyVersions.version,
      questions: surveyVersions.questions,
      serviceNameAr: services.nameAr,
      serviceNameEn: services.nameEn,
    })
    .from(surveyInvitations)
    .innerJoin(
      surveys,
      and(
        eq(surveys.organizationId, surveyInvitations.organizationId),
        eq(surveys.id, surveyInvitations.surveyId),
      ),
    )
    .innerJoin(
      surveyVersions,
      and(
        eq(surveyVersions.organizationId, surveyInvitations.organizationId),
        eq(surveyVersions.id, surveyInvitations.versionId),
      ),
    )
    .leftJoin(
      services,
      and(
        eq(services.organizationId, surveyInvitations.organizationId),
        eq(services.id, surveyInvitations.serviceId),
      ),
    )
    .where(
      and(
        eq(surveyInvitations.organizationId, organizationId),
        'tokenHash' in by ? eq(surveyInvitations.tokenHash, by.tokenHash) : eq(surveyInvitations.id, by.id),
      ),
    );
  return row ?? null;
}
export type InvitationLine = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

/** Takes the invitation for one answer: only the first of racing posts gets the row back. */
export async function claimInvitation(tx: Tx, organizationId: string, id: string, now: Date) {
  const [row] = await tx
    .update(surveyInvitations)
    .set({ answeredAt: now, kioskToken: null })
    .where(
      and(
        eq(surveyInvitations.organizationId, organizationId),
        eq(surveyInvitations.id, id),
        isNull(surveyInvitations.answeredAt),
        gt(surveyInvitations.expiresAt, now),
      ),
    )
    .returning({ id: surveyInvitations.id });
  return row ?? null;
}

export async function insertResponse(tx: Tx, values: typeof surveyResponses.$inferInsert) {
  const [row] = await tx.insert(surveyResponses).values(values).returning();
  return row!;
}

/** A beneficiary's invitations still open (portal). */
export async function listOpenInvitations(tx: Tx, organizationId: string, beneficiaryId: string, now: Date) {
  return tx
    .select({
      id: surveyInvitations.id,
      surveyNameAr: surveys.nameAr,
      surveyNameEn: surveys.nameEn,
      serviceNameAr: services.nameAr,
      serviceNameEn: services.nameEn,
      expiresAt: surveyInvitations.expiresAt,
    })
    .from(surveyInvitations)
    .innerJoin(
      surveys,
      and(
        eq(surveys.organizationId, surveyInvitations.organizationId),
        eq(surveys.id, surveyInvitations.surveyId),
      ),
    )
    .leftJoin(
      services,
      and(
        eq(services.organizationId, surveyInvitations.organizationId),
        eq(services.id, surveyInvitations.serviceId),
      ),
    )
    .where(
      and(
        eq(surveyInvitations.organizationId, organizationId),
        eq(surveyInvitations.beneficiaryId, beneficiaryId),
        isNull(surveyInvitations.answeredAt),
        gt(surveyInvitations.expiresAt, now),
      ),
    )
    .orderBy(desc(surveyInvitations.createdAt));
}

/** The newest unanswered kiosk invitation since `since` (of one desk when given). */
export async function newestKioskInvitation(
  tx: Tx,
  organizationId: string,
  since: Date,
  now: Date,
  desk: string | null,
) {
  const [row] = await tx
    .select({ id: surveyInvitations.id, token: surveyInvitations.kioskToken })
    .from(surveyInvitations)
    .where(
      and(
        eq(surveyInvitations.organizationId, organizationId),
        eq(surveyInvitations.channel, 'kiosk'),
        isNull(surveyInvitations.answeredAt),
        gte(surveyInvitations.createdAt, since),
        gt(surveyInvitations.expiresAt, now),
        desk ? eq(surveyInvitations.desk, desk) : undefined,
      ),
    )
    .orderBy(desc(surveyInvitations.createdAt))
    .limit(1);
  return row ?? null;
}

/** The channel an outbox message went on. */
export async function channelOfMessage(tx: Tx, organizationId: string, messageId: string) {
  const [row] = await tx
    .select({ channel: outboxMessages.channel })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.organizationId, organizationId), eq(outboxMessages.id, messageId)));
  return row?.channel ?? null;
}

export async function serviceNames(tx: Tx, organizationId: string, serviceId: string) {
  const [row] = await tx
    .select({ nameAr: services.nameAr, nameEn: services.nameEn })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.id, serviceId)));
  return row ?? null;
}

export async function activeStaff(tx: Tx, organizationId: string, ids: string[]) {
  return tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, ids), eq(users.status, 'active')));
}

export async function beneficiaryExists(tx: Tx, organizationId: string, id: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: beneficiaries.id })
    .from(beneficiaries)
    .where(and(eq(beneficiaries.organizationId, organizationId), eq(beneficiaries.id, id)));
  return !!row;
}
