// Reads of the satisfaction results: counters of the answers by local day, service and channel, the
// invitations sent, the comments, and the answers of the Excel export (never who answered).
import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { SurveyChannel, SurveyQuestion } from '../../../shared/contracts/surveys';
import type { Tx } from '../../platform/db/database';
import { services } from '../services/services.tables';
import type { Counters } from './results.figures';
import { surveyInvitations, surveyResponses, surveys, surveyVersions } from './surveys.tables';

/** Which answers: the association, a time window (instants), and the filters of the results page. */
export interface AnswerFilter {
  organizationId: string;
  since: Date;
  until: Date;
  surveyId?: string;
  serviceId?: string;
  channel?: SurveyChannel;
  staffId?: string;
}

function responsesWhere(f: AnswerFilter, extra: (SQL | undefined)[] = []) {
  const r = surveyResponses;
  return and(
    eq(r.organizationId, f.organizationId),
    gte(r.answeredAt, f.since),
    lte(r.answeredAt, f.until),
    f.surveyId ? eq(r.surveyId, f.surveyId) : undefined,
    f.serviceId ? eq(r.serviceId, f.serviceId) : undefined,
    f.channel ? eq(r.channel, f.channel) : undefined,
    f.staffId ? eq(r.staffId, f.staffId) : undefined,
    ...extra,
  );
}

const counterColumns = {
  answers: sql<number>`count(*)::int`,
  scored: sql<number>`count(${surveyResponses.score})::int`,
  happy: sql<number>`(count(*) filter (where ${surveyResponses.score} >= 4))::int`,
  scoreSum: sql<number>`coalesce(sum(${surveyResponses.score}), 0)::int`,
  npsAnswers: sql<number>`count(${surveyResponses.nps})::int`,
  promoters: sql<number>`(count(*) filter (where ${surveyResponses.nps} >= 9))::int`,
  detractors: sql<number>`(count(*) filter (where ${surveyResponses.nps} <= 6))::int`,
};

export interface CounterRow extends Counters {
  day: string;
  serviceId: string | null;
  channel: SurveyChannel;
}

/** Counters by local day (in `timeZone`), service and channel: the page sums them as it needs. */
export async function answerCounters(tx: Tx, f: AnswerFilter, timeZone: string): Promise<CounterRow[]> {
  const day = sql<string>`to_char(${surveyResponses.answeredAt} at time zone ${timeZone}, 'YYYY-MM-DD')`;
  return (
    tx
      .select({
        day,
        serviceId: surveyResponses.serviceId,
        channel: surveyResponses.channel,
        ...counterColumns,
      })
      .from(surveyResponses)
      .where(responsesWhere(f))
      // By position: the time zone is a parameter, and a second copy of it would be another expression.
      .groupBy(sql`1`, sql`2`, sql`3`)
  );
}

/** Counters of one window without breakdown (the effect of an improvement action). */
export async function totalCounters(tx: Tx, f: AnswerFilter): Promise<Counters> {
  const [row] = await tx.select(counterColumns).from(surveyResponses).where(responsesWhere(f));
  return row!;
}

/** Invitations created in the window, with the same filters (for the response rate). */
/**
 * Invitations sent in the period (same filters) and how many of them were answered: the response rate is
 * the second over the first (answers without an invitation, or to invitations of another period, do not
 * count, so the rate never passes 100 %).
 */
export async function countInvitations(
  tx: Tx,
  f: AnswerFilter,
): Promise<{ invited: number; answered: number }> {
  const i = surveyInvitations;
  const [row] = await tx
    .select({ invited: count(), answered: count(i.answeredAt) })
    .from(i)
    .where(
      and(
        eq(i.organizationId, f.organizationId),
        gte(i.createdAt, f.since),
        lte(i.createdAt, f.until),
        f.surveyId ? eq(i.surveyId, f.surveyId) : undefined,
        f.serviceId ? eq(i.serviceId, f.serviceId) : undefined,
        f.channel ? eq(i.channel, f.channel) : undefined,
        f.staffId ? eq(i.staffId, f.staffId) : undefined,
      ),
    );
  return { invited: row?.invited ?? 0, answered: row?.answered ?? 0 };
}

export async function serviceNames(tx: Tx, organizationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ id: services.id, nameAr: services.nameAr, nameEn: services.nameEn })
    .from(services)
    .where(and(eq(services.organizationId, organizationId), inArray(services.id, ids)));
}

/** A page of comments, newest first; `q` matched on the normalised comment (trigram index). */
export async function listComments(
  tx: Tx,
  f: AnswerFilter,
  q: string | undefined,
  after: { answeredAt: Date; id: string } | null,
  limit: number,
) {
  const r = surveyResponses;
  const search = q?.trim()
    ? sql`${r.commentKey} like '%' || replace(replace(replace(wasl_normalize_name(${q.trim()}), '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%'`
    : undefined;
  const where = responsesWhere(f, [isNotNull(r.comment), sql`${r.comment} <> ''`, search]);
  const page = after
    ? and(
        where,
        or(lt(r.answeredAt, after.answeredAt), and(eq(r.answeredAt, after.answeredAt), lt(r.id, after.id))),
      )
    : where;
  const rows = await tx
    .select({
      id: r.id,
      comment: r.comment,
      score: r.score,
      channel: r.channel,
      serviceId: r.serviceId,
      answeredAt: r.answeredAt,
    })
    .from(r)
    .where(page)
    .orderBy(desc(r.answeredAt), desc(r.id))
    .limit(limit + 1);
  const [total] = await tx.select({ n: count() }).from(r).where(where);
  return { rows, total: total?.n ?? 0 };
}

/** The answers of the export, oldest first: no beneficiary, no staff member. */
export async function exportRows(tx: Tx, f: AnswerFilter, limit: number) {
  const r = surveyResponses;
  return tx
    .select({
      answeredAt: r.answeredAt,
      surveyNameAr: surveys.nameAr,
      surveyNameEn: surveys.nameEn,
      versionId: r.versionId,
      version: surveyVersions.version,
      serviceNameAr: services.nameAr,
      serviceNameEn: services.nameEn,
      channel: r.channel,
      anonymous: r.anonymous,
      score: r.score,
      nps: r.nps,
      comment: r.comment,
      answers: r.answers,
    })
    .from(r)
    .innerJoin(surveys, and(eq(surveys.organizationId, r.organizationId), eq(surveys.id, r.surveyId)))
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.organizationId, r.organizationId), eq(surveyVersions.id, r.versionId)),
    )
    .leftJoin(services, and(eq(services.organizationId, r.organizationId), eq(services.id, r.serviceId)))
    .where(responsesWhere(f))
    .orderBy(asc(r.answeredAt), asc(r.id))
    .limit(limit);
}

/** Every version's questions of a survey, newest first (the export's question columns). */
export async function surveyQuestions(
  tx: Tx,
  organizationId: string,
  surveyId: string,
): Promise<{ version: number; questions: SurveyQuestion[] }[]> {
  return tx
    .select({ version: surveyVersions.version, questions: surveyVersions.questions })
    .from(surveyVersions)
    .where(and(eq(surveyVersions.organizationId, organizationId), eq(surveyVersions.surveyId, surveyId)))
    .orderBy(desc(surveyVersions.version));
}

/** One answer's service (an improvement action born of a low score takes it). */
export async function findResponse(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select({ id: surveyResponses.id, serviceId: surveyResponses.serviceId })
    .from(surveyResponses)
    .where(and(eq(surveyResponses.organizationId, organizationId), eq(surveyResponses.id, id)));
  return row ?? null;
}
