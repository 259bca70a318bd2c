// إحالة — policy step 3: when procedures are unclear, staff refer the case or the beneficiary's
// question to the supervisor / social research officer, who answers by a due time.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { addWorkingDays, endOfLocalDay, localDate } from '../../../shared/calendar';
import type { ReferralInboxQuery } from '../../../shared/contracts/requests';
import { type RequestStatus, terminalStatuses } from '../../../shared/requests/request-machine';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { Jobs } from '../../platform/jobs/jobs';
import { dispatchQueued, queueNotification } from '../../platform/notifications/notifications';
import type { UserService } from '../users/users.service';
import { referralCounts, referralInbox } from './referral-inbox.repository';
import { presentReferral } from './requests.presenter';
import {
  answerReferral,
  findReferralView,
  insertHistory,
  insertReferral,
  lockReferral,
  selectReferralViews,
} from './requests.repository';
import type { RequestService } from './requests.service';
import { referrals } from './requests.tables';

type ReferralView = Awaited<ReturnType<ReturnType<typeof selectReferralViews>['execute']>>[number];

export type ReferralService = ReturnType<typeof createReferralService>;

export function createReferralService(deps: {
  db: Db;
  clock: Clock;
  requests: RequestService;
  users: UserService;
  jobs?: Jobs | null;
}) {
  const { db, clock, requests, users } = deps;

  const present = (v: ReferralView) => presentReferral(v, clock.now());

  /**
   * The asker is told: an e-mail to the member of staff who referred the case, through the outbox (its
   * status there is the truth: recorded-only until an e-mail driver is configured). The answer also
   * shows in their inbox's "sent" tab and on the request and beneficiary pages.
   */
  async function tellAsker(
    tx: Parameters<Parameters<Db['transaction']>[0]>[0],
    ctx: ActorContext,
    row: { requestId: string; createdBy: string | null; reason: string },
    answer: string,
  ): Promise<string | null> {
    if (!row.createdBy || row.createdBy === ctx.actor.userId) return null;
    const asker = await users.findUser(ctx, row.createdBy);
    if (asker?.status !== 'active') return null;
    const request = await requests.view(tx, ctx, row.requestId);
    const params = {
      name: asker.fullName,
      answerer: ctx.actor.fullName,
      number: request.request.number,
      question: row.reason,
      answer,
    };
    return queueNotification(tx, {
      organizationId: ctx.actor.organizationId,
      channel: 'email',
      recipient: asker.email,
      subject: message(ctx.language, 'referralAnswered.subject', params),
      body: message(ctx.language, 'referralAnswered.body', params),
      relatedType: 'referral',
      relatedId: row.requestId,
    });
  }

  return {
    async refer(
      ctx: ActorContext,
      requestId: string,
      input: { reason: string; assigneeId: string; dueInDays: number },
    ) {
      const request = await requests.view(db, ctx, requestId);
      if (terminalStatuses.includes(request.request.status as RequestStatus)) {
        throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: request.request.status });
      }
      const assignee = await users.findUser(ctx, input.assigneeId);
      if (assignee?.status !== 'active' || !assignee.roles.includes('supervisor')) {
        throw new AppError(400, 'ASSIGNEE_INVALID', { fields: { assigneeId: 'ASSIGNEE_INVALID' } });
      }
      const calendar = await requests.calendarOf(ctx.actor.organizationId);
      const due = endOfLocalDay(
        addWorkingDays(localDate(clock.now(), calendar.timeZone), input.dueInDays, calendar),
        calendar.timeZone,
      );
      const id = await db.transaction(async (tx) => {
        const row = await insertReferral(tx, {
          organizationId: ctx.actor.organizationId,
          requestId,
          reason: input.reason,
          assigneeId: input.assigneeId,
          createdBy: ctx.actor.userId,
          dueAt: due,
        });
        await insertHistory(tx, {
          organizationId: ctx.actor.organizationId,
          requestId,
          fromStatus: request.request.status,
          toStatus: request.request.status,
          action: 'refer',
          actorId: ctx.actor.userId,
          actorName: ctx.actor.fullName,
          note: `${assignee.fullName}: ${input.reason}`,
        });
        await recordAudit(tx, ctx, {
          action: 'requests.refer',
          entityType: 'request',
          entityId: requestId,
          details: { referralId: row.id, assigneeId: input.assigneeId },
        });
        return row.id;
      });
      return present((await findReferralView(db, ctx.actor.organizationId, id))!);
    },

    async listForRequest(ctx: ActorContext, requestId: string) {
      await requests.view(db, ctx, requestId);
      return { items: await this.ofRequest(ctx, requestId) };
    },

    /** The request's referrals, newest first, for a caller that has already read the request. */
    async ofRequest(ctx: ActorContext, requestId: string) {
      const rows = await selectReferralViews(db)
        .where(
          and(eq(referrals.organizationId, ctx.actor.organizationId), eq(referrals.requestId, requestId)),
        )
        .orderBy(desc(referrals.createdAt), sql`${referrals}.ctid desc`);
      return rows.map(present);
    },

    /** The referrals waiting for the signed-in user (their work list), oldest due first. */
    async listMine(ctx: ActorContext) {
      const rows = await selectReferralViews(db)
        .where(
          and(
            eq(referrals.organizationId, ctx.actor.organizationId),
            eq(referrals.assigneeId, ctx.actor.userId),
            isNull(referrals.answeredAt),
          ),
        )
        .orderBy(referrals.dueAt);
      return { items: rows.map(present) };
    },

    /** The referral inbox: assigned to me (to answer) or asked by me (to read the answers), with counts. */
    async inbox(ctx: ActorContext, query: ReferralInboxQuery) {
      const now = clock.now();
      const offset = decodeOffset(query.cursor);
      const scope = { organizationId: ctx.actor.organizationId, userId: ctx.actor.userId };
      const rows = await referralInbox(db, {
        ...scope,
        box: query.box,
        state: query.state,
        now,
        offset,
        limit: query.limit,
      });
      const counts = await referralCounts(db, scope.organizationId, scope.userId, query.box, now);
      const page = rows.slice(0, query.limit);
      return {
        items: page.map((r) => ({
          ...present(r),
          requestNumber: r.requestNumber,
          requestStatus: r.requestStatus,
          beneficiaryId: r.beneficiaryId,
          beneficiaryName: r.beneficiaryName,
          beneficiaryFileNumber: r.beneficiaryFileNumber,
        })),
        total: counts[query.state],
        nextCursor: rows.length > query.limit ? encodeCursor([offset + query.limit]) : null,
        counts,
      };
    },

    async answer(ctx: ActorContext, id: string, answer: string) {
      const messageId = await db.transaction(async (tx) => {
        const row = await lockReferral(tx, ctx.actor.organizationId, id);
        if (!row) throw notFound();
        if (row.assigneeId !== ctx.actor.userId) throw new AppError(403, 'NOT_ASSIGNEE');
        if (row.answeredAt) throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: 'answered' });
        await answerReferral(tx, ctx.actor.organizationId, id, answer);
        await recordAudit(tx, ctx, {
          action: 'referrals.answer',
          entityType: 'request',
          entityId: row.requestId,
          details: { referralId: id },
        });
        return tellAsker(tx, ctx, row, answer);
      });
      await dispatchQueued(deps.jobs ?? null, messageId ? [messageId] : []);
      return present((await findReferralView(db, ctx.actor.organizationId, id))!);
    },
  };
}
