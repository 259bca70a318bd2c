// Owns the research committee (لجنة البحث): sessions with an agenda of requests ready for decision,
// members' votes with reasons, declared conflicts of interest, quorum and majority, decisions recorded
// on each request through the transition service, and minutes (محضر) signed off by the chair.
import { formatDualDate } from '../../../shared/dates';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
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

const voteLabels = {
  approve: 'موافق',
  reject: 'غير موافق',
  defer: 'تأجيل',
  conflict: 'تعارض مصالح',
} as const;
const outcomeLabels = { approved: 'القبول', rejected: 'الرفض', deferred: 'التأجيل' } as const;

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

  async function load(ctx: ActorContext, id: string, lock = false) {
    const s = await findSession(db, ctx.actor.organizationId, id, lock);
    if (!s) throw notFound();
    return s;
  }

  const assertOpen = (s: SessionRow) => {
    if (s.status !== 'open') throw new AppError(409, 'SESSION_CLOSED');
  };
  const assertChair = (ctx: ActorContext, s: SessionRow) => {
    if (s.chairId !== ctx.actor.userId) throw new AppError(403, 'NOT_THE_CHAIR');
  };

  async function detail(ctx: ActorContext, s: SessionRow) {
    const [agenda, votes] = await Promise.all([listAgenda(db, s.id), listVotes(db, s.id)]);
    const members = await Promise.all(s.memberIds.map((id) => users.getUser(ctx, id).catch(() => null)));
    const names = new Map(members.filter((m) => m).map((m) => [m!.id, m!.fullName]));
    const items = await Promise.all(
      agenda.map(async (a) => {
        const r = await requests.getRequest(ctx, a.requestId);
        const itemVotes = votes.filter((v) => v.requestId === a.requestId);
        return {
          requestId: a.requestId,
          number: r.number,
          beneficiaryName: r.beneficiaryName,
          serviceNameAr: r.serviceNameAr,
          status: r.status,
          outcome: a.outcome,
          summary: a.summary,
          tally: tally(itemVotes, s.quorum),
          votes: itemVotes.map((v) => ({
            memberId: v.memberId,
            memberName: names.get(v.memberId) ?? null,
            vote: v.vote,
            reason: v.reason,
          })),
        };
      }),
    );
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
        const u = await users.getUser(ctx, id).catch(() => null);
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
      const s = await load(ctx, id);
      assertOpen(s);
      const r = await requests.getRequest(ctx, requestId);
      if (r.status !== 'in_committee')
        throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: r.status });
      await db.transaction(async (tx) => {
        await insertAgendaItem(tx, { organizationId: ctx.actor.organizationId, sessionId: id, requestId });
        await recordAudit(tx, ctx, {
          action: 'committee.agenda',
          entityType: 'request',
          entityId: requestId,
          details: { sessionId: id },
        });
      });
      return detail(ctx, s);
    },

    /** A member votes with a reason, or declares a conflict of interest (then cannot vote on that case). */
    async vote(
      ctx: ActorContext,
      id: string,
      requestId: string,
      input: { vote: 'approve' | 'reject' | 'defer' | 'conflict'; reason: string },
    ) {
      await db.transaction(async (tx) => {
        const s = await findSession(tx, ctx.actor.organizationId, id, true);
        if (!s) throw notFound();
        assertOpen(s);
        if (!s.memberIds.includes(ctx.actor.userId)) throw new AppError(403, 'NOT_A_MEMBER');
        const item = await findAgendaItem(tx, id, requestId);
        if (!item) throw notFound();
        if (item.outcome && item.outcome !== 'deferred')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { outcome: item.outcome });
        const previous = (await listVotes(tx, id)).find(
          (v) => v.requestId === requestId && v.memberId === ctx.actor.userId,
        );
        if (previous?.vote === 'conflict') throw new AppError(409, 'CONFLICT_OF_INTEREST');
        await upsertVote(tx, {
          organizationId: ctx.actor.organizationId,
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

    /** The chair records the committee's decision on one case: refused without quorum. */
    async decide(ctx: ActorContext, id: string, requestId: string) {
      const s = await load(ctx, id);
      assertOpen(s);
      assertChair(ctx, s);
      const item = await findAgendaItem(db, id, requestId);
      if (!item) throw notFound();
      const votes = (await listVotes(db, id)).filter((v) => v.requestId === requestId);
      const t = tally(votes, s.quorum);
      if (!t.quorate) throw new AppError(409, 'NO_QUORUM', { cast: t.cast, quorum: s.quorum });
      const reasons = votes.filter((v) => v.vote !== 'conflict').map((v) => v.reason);
      const summary = `قرار ${s.title}: ${t.approve} موافق، ${t.reject} غير موافق، ${t.defer} تأجيل (النصاب ${s.quorum}). ${reasons.join('؛ ')}`;
      if (t.outcome !== 'deferred') {
        await transitions.transition(
          ctx,
          requestId,
          { action: t.outcome === 'approved' ? 'approve' : 'reject', note: summary },
          { viaCommittee: true },
        );
      }
      await db.transaction(async (tx) => {
        await recordOutcome(tx, item.id, t.outcome, summary);
        await recordAudit(tx, ctx, {
          action: 'committee.decide',
          entityType: 'request',
          entityId: requestId,
          details: { sessionId: id, ...t },
        });
      });
      return this.getSession(ctx, id);
    },

    /** Closes the session with its minutes, signed off by the chair. */
    async close(ctx: ActorContext, id: string) {
      const s = await load(ctx, id);
      assertOpen(s);
      assertChair(ctx, s);
      const d = await detail(ctx, s);
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      const when = formatDualDate(s.scheduledFor, 'ar');
      const chair = d.members.find((m) => m.id === s.chairId)?.fullName ?? '';
      const lines = [
        `محضر ${s.title} — ${org.settings.decisionBody.nameAr}`,
        `عُقدت الجلسة بتاريخ ${when.hijri} الموافق ${when.gregorian}، برئاسة ${chair}، وبحضور: ${d.members.map((m) => m.fullName).join('، ')}. النصاب: ${s.quorum}.`,
        ...d.items.map((i) => {
          const conflicts = i.votes.filter((v) => v.vote === 'conflict').map((v) => v.memberName);
          const decided = i.outcome ? `وتقرر ${outcomeLabels[i.outcome]}` : 'ولم يُبت فيه';
          const votes = i.votes.map((v) => `${v.memberName}: ${voteLabels[v.vote]} (${v.reason})`).join('؛ ');
          return `الطلب ${i.number} (${i.beneficiaryName} — ${i.serviceNameAr}) ${decided}. الأصوات: ${votes || 'لا توجد'}.${conflicts.length ? ` أعلن تعارض المصالح: ${conflicts.join('، ')}.` : ''}`;
        }),
        `اعتمد المحضر رئيس الجلسة ${chair}.`,
      ];
      await db.transaction(async (tx) => {
        await updateSession(tx, id, { status: 'closed', minutesAr: lines.join('\n'), closedAt: clock.now() });
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
        title: `محضر ${s.title}`,
        lines: s.minutesAr.split('\n').slice(1),
        table: {
          headers: ['الطلب', 'المستفيد', 'الخدمة', 'موافق', 'غير موافق', 'القرار'],
          rows: d.items.map((i) => [
            i.number,
            i.beneficiaryName,
            i.serviceNameAr,
            String(i.tally.approve),
            String(i.tally.reject),
            i.outcome ? outcomeLabels[i.outcome] : 'لم يُبت فيه',
          ]),
        },
      });
    },
  };
}
