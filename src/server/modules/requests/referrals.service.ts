// إحالة — policy step 3: when procedures are unclear, staff refer the case or the beneficiary's
// question to the supervisor / social research officer, who answers by a due time.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { addWorkingDays, endOfLocalDay, localDate } from '../../../shared/calendar';
import { type RequestStatus, terminalStatuses } from '../../../shared/requests/request-machine';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { UserService } from '../users/users.service';
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
}) {
  const { db, clock, requests, users } = deps;

  const present = (v: ReferralView) => presentReferral(v, clock.now());

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

    async answer(ctx: ActorContext, id: string, answer: string) {
      await db.transaction(async (tx) => {
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
      });
      return present((await findReferralView(db, ctx.actor.organizationId, id))!);
    },
  };
}
