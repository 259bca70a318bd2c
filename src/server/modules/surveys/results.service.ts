// نتائج قياس الرضا — the satisfaction results: CSAT, average and NPS with their trend by month (Gregorian
// or Hijri), by service and by channel, and the comments. Policy 002: "for development, not for
// punishment or shaming" — staff see their own service's answers, only `surveys.results_all` sees all,
// and nothing is ever broken down by staff member. A figure of fewer than 5 answers is not shown.

import { endOfLocalDay, localDate, localInstant } from '../../../shared/calendar';
import type { ResultsQuery, SurveyResults } from '../../../shared/contracts/surveys';
import { can } from '../../../shared/permissions';
import type { Clock } from '../../platform/clock';
import { decodeInstantIdCursor, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, forbidden } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  addCounters,
  type Counters,
  figureOf,
  noCounters,
  periodOf,
  periodsBetween,
  yearBefore,
} from './results.figures';
import {
  type AnswerFilter,
  answerCounters,
  type CounterRow,
  countInvitations,
  findResponse,
  listComments,
  serviceNames,
  totalCounters,
} from './results.repository';

export type ResultsService = ReturnType<typeof createResultsService>;

type Filters = Omit<ResultsQuery, 'calendar'>;

function sumBy<K>(rows: readonly CounterRow[], key: (row: CounterRow) => K) {
  const sums = new Map<K, Counters>();
  for (const row of rows) {
    const k = key(row);
    sums.set(k, addCounters(sums.get(k) ?? noCounters(), row));
  }
  return sums;
}

export function createResultsService(deps: { db: Db; clock: Clock; organizations: OrganizationService }) {
  const { db, clock, organizations } = deps;

  /**
   * The answers the actor may count: their own service's unless they hold `surveys.results_all`;
   * asking for another staff member's without it is refused. Dates are local days of the association.
   */
  async function filterFor(ctx: ActorContext, query: Filters) {
    const all = can(ctx.actor.roles, 'surveys.results_all');
    if (!all && query.staffId && query.staffId !== ctx.actor.userId) throw forbidden();
    const organizationId = ctx.actor.organizationId;
    const { settings } = await organizations.getOrganization(organizationId, db);
    const timeZone = settings.timeZone;
    const to = query.to ?? localDate(clock.now(), timeZone);
    const from = query.from ?? yearBefore(to);
    if (from > to) throw new AppError(400, 'VALIDATION_FAILED', { fields: { from: 'INVALID_DATE' } });
    const filter: AnswerFilter = {
      organizationId,
      since: localInstant(from, '00:00', timeZone),
      until: endOfLocalDay(to, timeZone),
      surveyId: query.surveyId,
      serviceId: query.serviceId,
      channel: query.channel,
      staffId: all ? query.staffId : ctx.actor.userId,
    };
    return { filter, timeZone, scope: all ? ('all' as const) : ('own' as const) };
  }

  async function results(ctx: ActorContext, query: ResultsQuery): Promise<SurveyResults> {
    const { filter, timeZone, scope } = await filterFor(ctx, query);
    const rows = await answerCounters(db, filter, timeZone);
    const { invited, answered } = await countInvitations(db, filter);
    const total = rows.reduce((sum, row) => addCounters(sum, row), noCounters());
    const summary = figureOf(total);

    const byMonth = sumBy(rows, (r) => periodOf(r.day, query.calendar));
    const days = rows.map((r) => r.day).sort();
    const trend =
      days.length === 0
        ? []
        : periodsBetween(days[0]!, days.at(-1)!, query.calendar).map((period) => ({
            period,
            ...figureOf(byMonth.get(period) ?? noCounters()),
          }));

    const byServiceSums = sumBy(rows, (r) => r.serviceId);
    const ids = [...byServiceSums.keys()].filter((id): id is string => id !== null);
    const names = new Map((await serviceNames(db, filter.organizationId, ids)).map((s) => [s.id, s]));
    const byService = [...byServiceSums.entries()]
      .map(([serviceId, sums]) => ({
        serviceId,
        nameAr: serviceId ? (names.get(serviceId)?.nameAr ?? null) : null,
        nameEn: serviceId ? (names.get(serviceId)?.nameEn ?? null) : null,
        ...figureOf(sums),
      }))
      .sort((a, b) => b.answers - a.answers || (a.nameAr ?? '').localeCompare(b.nameAr ?? '', 'ar'));
    const byChannel = [...sumBy(rows, (r) => r.channel)]
      .map(([channel, sums]) => ({ channel, ...figureOf(sums) }))
      .sort((a, b) => b.answers - a.answers || a.channel.localeCompare(b.channel));

    return {
      scope,
      summary: {
        ...summary,
        invited,
        responseRate: summary.hidden || invited === 0 ? null : Math.round((answered * 1000) / invited) / 10,
      },
      trend,
      byService,
      byChannel,
    };
  }

  return {
    results,

    async comments(ctx: ActorContext, query: Filters & { q?: string; limit: number; cursor?: string }) {
      const { filter } = await filterFor(ctx, query);
      const cursor = decodeInstantIdCursor(query.cursor);
      const after = cursor ? { answeredAt: cursor.at, id: cursor.id } : null;
      const { rows, total } = await listComments(db, filter, query.q, after, query.limit);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => ({ ...r, comment: r.comment ?? '', answeredAt: r.answeredAt.toISOString() })),
        total,
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.answeredAt.toISOString(), last.id]) : null,
      };
    },

    /** The filter of a request, checked for the actor's scope (the export uses it). */
    filterFor,

    /** One service's figure over a window of instants, across all staff (an improvement's effect). */
    async serviceFigure(organizationId: string, serviceId: string, since: Date, until: Date) {
      return figureOf(await totalCounters(db, { organizationId, serviceId, since, until }));
    },

    /** The service an answer was about, or undefined when the answer does not exist. */
    async responseService(organizationId: string, responseId: string) {
      const row = await findResponse(db, organizationId, responseId);
      return row ? row.serviceId : undefined;
    },
  };
}
