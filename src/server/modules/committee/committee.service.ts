// Owns the research committee (لجنة البحث): sessions with an agenda of requests ready for decision,
// members' votes with reasons, declared conflicts of interest, quorum and majority, decisions recorded
// on each request through the transition service, and minutes (محضر) signed off by the chair.
import { formatNumber } from '../../../shared/digits';
import type { RequestStatus } from '../../../shared/requests/request-machine';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import { renderLetterPdf } from '../../platform/pdf/pdf';
import { logoBytes, type OrganizationService } from '../organizations/organizations.service';
import type { TransitionService } from '../requests/request-transitions.service';
import type { RequestService } from '../requests/requests.service';
import type { UserService } from '../users/users.service';
import {
  findAgendaItem,
  findSession,
  insertAgendaItem,
  insertSession,
  listAgenda,
  listSessions,
  listVotes,
  recordOutcome,
  type SessionRow,
  updateSession,
  upsertVote,
  type VoteRow,
} from './committee.repository';
import { minutesLines, outcomeLabel } from './committee-minutes';

/** Votes that count: a member who declared a conflict of interest counts neither for quorum nor majority. */
export function tally(votes: Pick<VoteRow, 'vote'>[], quorum: number) {
  const counted = votes.filter((v) => v.vote !== 'conflict');
  const approve = counted.filter((v) => v.vote === 'approve').length;
  const reject = counted.filter((v) => v.vote === 'reject').length;
  const quorate = counted.length >= quorum;
  // A strict majority of the votes cast decides; otherwise the case is deferred.
  const outcome =
    approve * 2 > counted.length ? 'approved' : reject * 2 > counted.length ? 'rejected' : 'deferred';
  return {
    cast: counted.length,
    approve,
    reject,
    defer: counted.length - approve - reject,
    quorate,
    outcome,
  } as const;
}

export type CommitteeService = ReturnType<typeof createCommitteeService>;

export function createCommitteeService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  users: UserService;
  requests: RequestService;
  transitions: TransitionService;
}) {
  const { db, clock, organizations, users, requests, transitions } = deps;

  async function load(ctx: ActorContext, id: string) {
    const s = await findSession(db, ctx.actor.organizationId, id);
    if (!s) throw notFound();
    return s;
  }

  const assertOpen = (s: SessionRow) => {
    if (s.status !== 'open') throw new AppError(409, 'SESSION_CLOSED');
  };
  const assertChair = (ctx: ActorContext, s: SessionRow) => {
    if (s.chairId !== ctx.actor.userId) throw new AppError(403, 'NOT_THE_CHAIR');
  };

  /** Every change to a session takes its row lock first, so votes, decisions and closing serialise. */
  async function lockOpenSession(tx: Tx, ctx: ActorContext, id: string) {
    const s = await findSession(tx, ctx.actor.organizationId, id, true);
    if (!s) throw notFound();
    assertOpen(s);
    return s;
  }

  /** Names of the session's members (read before any transaction: users are another module). */
  async function memberNames(ctx: ActorContext, s: SessionRow) {
    const names = new Map<string, string>();
    for (const id of s.memberIds) {
      const member = await users.findUser(ctx, id);
      if (member) names.set(member.id, member.fullName);
    }
    return names;
  }

  /** The session as shown; `tx` when read under the session lock (closing writes the minutes from it). */
  async function detail(ctx: ActorContext, s: SessionRow, names?: Map<string, string>, tx: Tx = db) {
    const org = ctx.actor.organizationId;
    const agenda = await listAgenda(tx, org, s.id);
    const votes = await listVotes(tx, org, s.id);
    names ??= await memberNames(ctx, s);
    const items = [];
    for (const a of agenda) {
      const r = await requests.view(tx, ctx, a.requestId);
      const itemVotes = votes.filter((v) => v.requestId === a.requestId);
      items.push({
        requestId: a.requestId,
        number: r.request.number,
        beneficiaryName: r.beneficiaryName,
        serviceNameAr: r.serviceNameAr,
        status: r.request.status as RequestStatus,
        outcome: a.outcome,
        summary: a.summary,
        tally: tally(itemVotes, s.quorum),
        votes: itemVotes.map((v) => ({
          memberId: v.memberId,
          memberName: names.get(v.memberId) ?? null,
          vote: v.vote,
          reason: v.reason,
        })),
      });
    }
    return {
      id: s.id,
      title: s.title,
      scheduledFor: s.scheduledFor.toISOString(),
      chairId: s.chairId,
      members: s.memberIds.map((id) => ({ id, fullName: names.get(id) ?? null })),
      quorum: s.quorum,
      status: s.status,
      minutesAr: s.minutesAr,
      closedAt: s.closedAt?.toISOString() ?? null,
      items,
    };
  }

  return {
    async createSession(
      ctx: ActorContext,
      input: { title: string; scheduledFor: string; chairId: string; memberIds: string[]; quorum?: number },
    ) {
      const memberIds = [...new Set([input.chairId, ...input.memberIds])];
      for (const id of memberIds) {
        const u = await users.findUser(ctx, id);
        if (u?.status !== 'active' || !u.roles.includes('committee_member')) {
          throw new AppError(400, 'ASSIGNEE_INVALID', { fields: { memberIds: id } });
        }
      }
      const quorum = input.quorum ?? Math.floor(memberIds.length / 2) + 1;
      if (quorum > memberIds.length)
        throw new AppError(400, 'VALIDATION_FAILED', { fields: { quorum: 'more than the members' } });
      const s = await db.transaction(async (tx) => {
        const row = await insertSession(tx, {
          organizationId: ctx.actor.organizationId,
          title: input.title,
          scheduledFor: new Date(input.scheduledFor),
          chairId: input.chairId,
          memberIds,
          quorum,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'committee.create',
          entityType: 'committee_session',
          entityId: row.id,
        });
        return row;
      });
      return detail(ctx, s);
    },

    async listSessions(ctx: ActorContext) {
      const rows = await listSessions(db, ctx.actor.organizationId);
      return {
        items: rows.map((s) => ({
          id: s.id,
          title: s.title,
          scheduledFor: s.scheduledFor.toISOString(),
          status: s.status,
          quorum: s.quorum,
        })),
      };
    },

    getSession: async (ctx: ActorContext, id: string) => detail(ctx, await load(ctx, id)),

    async addToAgenda(ctx: ActorContext, id: string, requestId: string) {
      await db.transaction(async (tx) => {
        const s = await lockOpenSession(tx, ctx, id);
        const r = await requests.view(tx, ctx, requestId);
        if (r.request.status !== 'in_committee')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: r.request.status });
        await insertAgendaItem(tx, { organizationId: s.organizationId, sessionId: id, requestId });
        await recordAudit(tx, ctx, {
          action: 'committee.agenda',
          entityType: 'request',
          entityId: requestId,
          details: { sessionId: id },
        });
      });
      return this.getSession(ctx, id);
    },

    /** A member votes with a reason, or declares a conflict of interest (then cannot vote on that case). */
    async vote(
      ctx: ActorContext,
      id: string,
      requestId: string,
      input: { vote: 'approve' | 'reject' | 'defer' | 'conflict'; reason: string },
    ) {
      await db.transaction(async (tx) => {
        const s = await lockOpenSession(tx, ctx, id);
        if (!s.memberIds.includes(ctx.actor.userId)) throw new AppError(403, 'NOT_A_MEMBER');
        const item = await findAgendaItem(tx, s.organizationId, id, requestId);
        if (!item) throw notFound();
        if (item.outcome && item.outcome !== 'deferred')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { outcome: item.outcome });
        const previous = (await listVotes(tx, s.organizationId, id, requestId)).find(
          (v) => v.memberId === ctx.actor.userId,
        );
        if (previous?.vote === 'conflict') throw new AppError(409, 'CONFLICT_OF_INTEREST');
        await upsertVote(tx, {
          organizationId: s.organizationId,
          sessionId: id,
          requestId,
          memberId: ctx.actor.userId,
          ...input,
        });
        await recordAudit(tx, ctx, {
          action: input.vote === 'conflict' ? 'committee.conflict' : 'committee.vote',
          entityType: 'request',
          entityId: requestId,
          details: { sessionId: id, vote: input.vote },
        });
      });
      return this.getSession(ctx, id);
    },

    /**
     * The chair records the committee's decision on one case, refused without quorum. One transaction
     * holds the session lock (votes wait), tallies, approves or rejects the request through the
     * transition service, and records the outcome and the audit: all of it happens, or none.
     */
    async decide(ctx: ActorContext, id: string, requestId: string) {
      const messageIds = await db.transaction(async (tx) => {
        const s = await lockOpenSession(tx, ctx, id);
        assertChair(ctx, s);
        const item = await findAgendaItem(tx, s.organizationId, id, requestId, true);
        if (!item) throw notFound();
        if (item.outcome === 'approved' || item.outcome === 'rejected')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { outcome: item.outcome });
        const votes = await listVotes(tx, s.organizationId, id, requestId);
        const t = tally(votes, s.quorum);
        if (!t.quorate) throw new AppError(409, 'NO_QUORUM', { cast: t.cast, quorum: s.quorum });
        const reasons = votes.filter((v) => v.vote !== 'conflict').map((v) => v.reason);
        // The summary becomes the decision's reason, in the letter: its counts in the association's digits.
        const { digitStyle } = (await organizations.getOrganization(ctx.actor.organizationId, tx)).settings;
        const count = (n: number) => formatNumber(n, 'ar', digitStyle);
        const summary = message('ar', 'committee.decisionSummary', {
          title: s.title,
          approve: count(t.approve),
          reject: count(t.reject),
          defer: count(t.defer),
          quorum: count(s.quorum),
          reasons: reasons.join(message('ar', 'list.semicolon')),
        });
        const decided =
          t.outcome === 'deferred'
            ? { messageIds: [] }
            : await transitions.transitionIn(
                tx,
                ctx,
                requestId,
                { action: t.outcome === 'approved' ? 'approve' : 'reject', note: summary },
                { viaCommittee: true },
              );
        await recordOutcome(tx, s.organizationId, item.id, {
          outcome: t.outcome,
          summary,
          decidedAt: clock.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'committee.decide',
          entityType: 'request',
          entityId: requestId,
          details: { sessionId: id, ...t },
        });
        return decided.messageIds;
      });
      await transitions.dispatch(messageIds);
      return this.getSession(ctx, id);
    },

    /**
     * Closes the session with its minutes, signed off by the chair. The minutes are written from the
     * agenda and votes read under the session lock, so no vote or decision lands after them.
     */
    async close(ctx: ActorContext, id: string) {
      const names = await memberNames(ctx, await load(ctx, id));
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      await db.transaction(async (tx) => {
        const s = await lockOpenSession(tx, ctx, id);
        assertChair(ctx, s);
        const d = await detail(ctx, s, names, tx);
        const lines = minutesLines({
          title: s.title,
          scheduledFor: s.scheduledFor,
          decisionBodyAr: org.settings.decisionBody.nameAr,
          quorum: s.quorum,
          chairName: names.get(s.chairId) ?? '',
          memberNames: d.members.map((m) => m.fullName),
          items: d.items,
          digits: org.settings.digitStyle,
        });
        await updateSession(tx, s.organizationId, id, {
          status: 'closed',
          minutesAr: lines.join('\n'),
          closedAt: clock.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'committee.close',
          entityType: 'committee_session',
          entityId: id,
        });
      });
      return this.getSession(ctx, id);
    },

    async minutesPdf(ctx: ActorContext, id: string) {
      const s = await load(ctx, id);
      if (!s.minutesAr) throw notFound();
      const d = await detail(ctx, s);
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      return renderLetterPdf({
        organizationNameAr: org.nameAr,
        organizationNameEn: org.nameEn,
        logo: logoBytes(org),
        digits: org.settings.digitStyle,
        title: message('ar', 'minutes.title', { title: s.title }),
        lines: s.minutesAr.split('\n').slice(1),
        table: {
          headers: (['request', 'beneficiary', 'service', 'approve', 'reject', 'decision'] as const).map(
            (h) => message('ar', `minutes.header.${h}`),
          ),
          rows: d.items.map((i) => [
            i.number,
            i.beneficiaryName,
            i.serviceNameAr,
            formatNumber(i.tally.approve, 'ar', org.settings.digitStyle),
            formatNumber(i.tally.reject, 'ar', org.settings.digitStyle),
            i.outcome ? outcomeLabel(i.outcome) : message('ar', 'minutes.notDecided'),
          ]),
        },
      });
    },
  };
}
