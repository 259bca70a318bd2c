// الاستفسارات — owns inquiries: a question taken on any channel, due on the association's working
// calendar, assigned, and answered on the channel it came from (through the messaging service), with
// the knowledge-base article the answer used. Every read and change of one is audited (personal data).
import { endOfWorkingDaysAfter, workCalendarOf } from '../../../shared/calendar';
import {
  type AnswerInquiry,
  answerChannelOf,
  type CreateInquiry,
  defaultInquiryResponseDays,
  type Inquiry,
  type ListInquiriesQuery,
} from '../../../shared/contracts/inquiries';
import type { Organization } from '../../../shared/contracts/organization';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { MessagingService } from '../messaging/messaging.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { SurveyInvitationService } from '../surveys/invitations.service';
import type { UserService } from '../users/users.service';
import {
  findInquiryView,
  type InquiryView,
  insertInquiry,
  listInquiryViews,
  lockInquiry,
  nextInquiryNumber,
  updateInquiry,
} from './inquiries.repository';
import type { KnowledgeService } from './knowledge.service';

export type InquiryService = ReturnType<typeof createInquiryService>;

/** Who may be handed an inquiry: those who answer them. */
const answeringRoles = ['relations_officer', 'supervisor'];

export function presentInquiry(v: InquiryView, now: Date): Inquiry {
  const i = v.inquiry;
  return {
    id: i.id,
    number: i.number,
    status: i.status,
    channel: i.channel,
    category: i.category,
    question: i.question,
    answer: i.answer,
    beneficiary: v.beneficiary?.id ? v.beneficiary : null,
    contactName: i.contactName,
    contactPhone: i.contactPhone,
    assignee: v.assignee?.id ? v.assignee : null,
    dueAt: i.dueAt.toISOString(),
    overdue: i.status === 'open' && i.dueAt.getTime() < now.getTime(),
    articleId: i.articleId,
    answeredAt: i.answeredAt?.toISOString() ?? null,
    answeredBy: v.answeredBy,
    answerSkipped: i.answerSkipped,
    answerMessage: v.message?.id
      ? {
          id: v.message.id,
          channel: v.message.channel,
          status: v.message.status,
          sentAt: v.message.sentAt?.toISOString() ?? null,
        }
      : null,
    createdBy: v.createdBy,
    createdAt: i.createdAt.toISOString(),
  };
}

/** The end of the n-th working day after today, in the association's zone. */
export function inquiryDueAt(org: Organization, now: Date): Date {
  const s = org.settings;
  const days = s.inquiryResponseDays ?? defaultInquiryResponseDays;
  return endOfWorkingDaysAfter(now, days, workCalendarOf(s));
}

export function createInquiryService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  beneficiaries: BeneficiaryService;
  users: UserService;
  messaging: MessagingService;
  knowledge: KnowledgeService;
  surveys: Pick<SurveyInvitationService, 'inviteAfter'>;
}) {
  const { db, clock, organizations, beneficiaries, users, messaging, knowledge, surveys } = deps;

  async function view(tx: Tx, ctx: ActorContext, id: string): Promise<Inquiry> {
    const row = await findInquiryView(tx, ctx.actor.organizationId, id);
    if (!row) throw notFound();
    return presentInquiry(row, clock.now());
  }

  /** The answer leaves on the question's channel: to the file's address, or to the caller's phone. */
  async function sendAnswer(
    tx: Tx,
    ctx: ActorContext,
    row: {
      id: string;
      number: string;
      channel: string;
      beneficiaryId: string | null;
      contactPhone: string | null;
    },
    answer: string,
  ) {
    const channel = answerChannelOf(row.channel);
    const common = {
      organizationId: ctx.actor.organizationId,
      template: 'inquiry_answer' as const,
      variables: { number: row.number, answer },
      relatedType: 'inquiry',
      relatedId: row.id,
    };
    if (row.beneficiaryId) {
      return messaging.notifyBeneficiary(tx, {
        ...common,
        beneficiaryId: row.beneficiaryId,
        channel,
        purpose: 'service',
      });
    }
    // A caller without a file left a mobile number: SMS or WhatsApp reach it, e-mail cannot.
    if (!row.contactPhone || channel === 'email') return { messageId: null, skipped: 'no_address' as const };
    const { messageId } = await messaging.notifyAddress(tx, {
      ...common,
      channel,
      recipient: row.contactPhone,
      language: 'ar',
    });
    return { messageId, skipped: null };
  }

  return {
    async create(ctx: ActorContext, input: CreateInquiry): Promise<Inquiry> {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      if (!org.settings.channels.some((c) => c.enabled && c.code === input.channel)) {
        throw new AppError(400, 'UNKNOWN_CODE', { fields: { channel: 'UNKNOWN_CODE' } });
      }
      return db.transaction(async (tx) => {
        const person = input.beneficiaryId ? await beneficiaries.load(tx, ctx, input.beneficiaryId) : null;
        const { seq, number } = await nextInquiryNumber(tx, ctx.actor.organizationId);
        const row = await insertInquiry(tx, {
          organizationId: ctx.actor.organizationId,
          seq,
          number,
          beneficiaryId: person?.id ?? null,
          channel: input.channel,
          category: input.category ?? null,
          question: input.question,
          contactName: input.contactName ?? null,
          contactPhone: input.contactPhone ?? null,
          dueAt: inquiryDueAt(org, clock.now()),
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'inquiries.create',
          entityType: 'inquiry',
          entityId: row.id,
          details: { number, channel: input.channel, beneficiaryId: person?.id ?? null },
        });
        return view(tx, ctx, row.id);
      });
    },

    async list(ctx: ActorContext, query: ListInquiriesQuery) {
      const offset = decodeOffset(query.cursor);
      const { rows, total } = await listInquiryViews(
        db,
        ctx.actor.organizationId,
        { status: query.status, overdue: query.overdue, q: query.q, now: clock.now() },
        query.limit,
        offset,
      );
      await recordAudit(db, ctx, {
        action: 'inquiries.list',
        entityType: 'inquiry',
        details: {
          count: rows.length,
          filters: { status: query.status ?? null, overdue: query.overdue ?? null },
        },
      });
      const next = offset + rows.length;
      const now = clock.now();
      return {
        items: rows.map((r) => presentInquiry(r, now)),
        total,
        nextCursor: next < total ? encodeCursor([next]) : null,
      };
    },

    async get(ctx: ActorContext, id: string): Promise<Inquiry> {
      const inquiry = await view(db, ctx, id);
      await recordAudit(db, ctx, { action: 'inquiries.read', entityType: 'inquiry', entityId: id });
      return inquiry;
    },

    async assign(ctx: ActorContext, id: string, assigneeId: string): Promise<Inquiry> {
      const assignee = await users.findUser(ctx, assigneeId);
      if (assignee?.status !== 'active' || !assignee.roles.some((r) => answeringRoles.includes(r))) {
        throw new AppError(400, 'ASSIGNEE_INVALID', { fields: { assigneeId: 'ASSIGNEE_INVALID' } });
      }
      return db.transaction(async (tx) => {
        const row = await lockInquiry(tx, ctx.actor.organizationId, id);
        if (!row) throw notFound();
        if (row.status !== 'open') throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: row.status });
        await updateInquiry(tx, ctx.actor.organizationId, id, { assigneeId });
        await recordAudit(tx, ctx, {
          action: 'inquiries.assign',
          entityType: 'inquiry',
          entityId: id,
          details: { assigneeId, previous: row.assigneeId },
        });
        return view(tx, ctx, id);
      });
    },

    /** open → answered: the answer is written, sent on the question's channel, and audited together. */
    async answer(ctx: ActorContext, id: string, input: AnswerInquiry): Promise<Inquiry> {
      return db.transaction(async (tx) => {
        const row = await lockInquiry(tx, ctx.actor.organizationId, id);
        if (!row) throw notFound();
        if (row.status === 'answered')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: 'answered' });
        if (input.articleId) await knowledge.approvedArticle(tx, ctx, input.articleId);
        const sent = await sendAnswer(tx, ctx, row, input.answer);
        await updateInquiry(tx, ctx.actor.organizationId, id, {
          status: 'answered',
          answer: input.answer,
          articleId: input.articleId ?? null,
          answeredAt: clock.now(),
          answeredBy: ctx.actor.userId,
          answerMessageId: sent.messageId,
          answerSkipped: sent.skipped,
        });
        // With a file, the person is asked how the answer served them (satisfaction survey).
        if (row.beneficiaryId) {
          await surveys.inviteAfter(tx, {
            organizationId: ctx.actor.organizationId,
            trigger: 'inquiry_answered',
            beneficiaryId: row.beneficiaryId,
            serviceId: null,
            staffId: ctx.actor.userId,
            relatedType: 'inquiry',
            relatedId: id,
          });
        }
        await recordAudit(tx, ctx, {
          action: 'inquiries.answer',
          entityType: 'inquiry',
          entityId: id,
          details: {
            articleId: input.articleId ?? null,
            messageId: sent.messageId,
            channel: answerChannelOf(row.channel),
            skipped: sent.skipped,
          },
        });
        return view(tx, ctx, id);
      });
    },
  };
}
