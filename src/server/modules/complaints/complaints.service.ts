// Owns complaints and suggestions (الشكاوى والمقترحات): logging them (staff, portal; the public form is
// complaints-public.service.ts), assignment, the reply sent to the person, closure with satisfaction,
// and improvement actions born of them. A complaint about a staff member does not exist for that
// member: the repository filters it out of every read, list and action (404).
import {
  type ComplaintAction,
  type ComplaintKind,
  type ComplaintListQuery,
  type ComplaintSource,
  type CreateComplaint,
  type CreateImprovementAction,
  complaintActionAllowed,
  type ImprovementAction,
  type PortalComplaintInput,
  statusAfter,
} from '../../../shared/contracts/complaints';
import type { Organization } from '../../../shared/contracts/organization';
import { can } from '../../../shared/permissions';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeInstantIdCursor, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext, PortalContext, RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { ImprovementService } from '../improvements/improvements.service';
import type { MessagingService } from '../messaging/messaging.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { SurveyInvitationService } from '../surveys/invitations.service';
import type { UserService } from '../users/users.service';
import {
  complaintSettingsOf,
  dueAtFor,
  newTrackingNumber,
  presentComplaint,
  presentOwn,
} from './complaints.presenter';
import {
  type ComplaintLine,
  type ComplaintRow,
  countEscalated,
  findComplaint,
  insertComplaint,
  listComplaints,
  listOwnComplaints,
  updateComplaint,
} from './complaints.repository';

export interface NewComplaint {
  organizationId: string;
  kind: ComplaintKind;
  source: ComplaintSource;
  text: string;
  category?: string | null;
  beneficiaryId?: string | null;
  anonymous?: boolean;
  name?: string | null;
  phone?: string | null;
  aboutStaffId?: string | null;
  createdBy?: string | null;
}

const invalidField = (field: string) =>
  new AppError(400, 'VALIDATION_FAILED', { fields: { [field]: 'INVALID_VALUE' } });

/** Writes a complaint with a fresh tracking number and its due time; audits it as `complaints.create`. */
export async function writeComplaint(
  tx: Tx,
  ctx: RequestContext,
  org: Organization,
  input: NewComplaint,
  now: Date,
): Promise<ComplaintRow> {
  if (input.category && !complaintSettingsOf(org).categories.some((c) => c.code === input.category)) {
    throw new AppError(400, 'UNKNOWN_CODE', { fields: { category: 'UNKNOWN_CODE' } });
  }
  const values = {
    organizationId: input.organizationId,
    kind: input.kind,
    source: input.source,
    text: input.text,
    category: input.category ?? null,
    beneficiaryId: input.beneficiaryId ?? null,
    anonymous: input.anonymous ?? false,
    name: input.name ?? null,
    phone: input.phone ?? null,
    aboutStaffId: input.aboutStaffId ?? null,
    createdBy: input.createdBy ?? null,
    dueAt: dueAtFor(org, input.kind, now),
    createdAt: now,
    updatedAt: now,
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const row = await insertComplaint(tx, { ...values, trackingNumber: newTrackingNumber() });
    if (!row) continue;
    await recordAudit(tx, ctx, {
      organizationId: input.organizationId,
      action: 'complaints.create',
      entityType: 'complaint',
      entityId: row.id,
      details: { kind: row.kind, source: row.source, anonymous: row.anonymous },
    });
    return row;
  }
  throw new AppError(409, 'CONFLICT');
}

export type ComplaintService = ReturnType<typeof createComplaintService>;

export function createComplaintService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  users: UserService;
  beneficiaries: BeneficiaryService;
  messaging: MessagingService;
  improvements: ImprovementService;
  surveys: Pick<SurveyInvitationService, 'inviteAfter'>;
}) {
  const { db, clock, organizations, users, beneficiaries, messaging, improvements, surveys } = deps;
  const org = (ctx: ActorContext) => organizations.getOrganization(ctx.actor.organizationId, db);

  /** The complaint as the actor may see it, or 404 (also for the staff member it is about). */
  async function load(ctx: ActorContext, id: string, lock = false): Promise<ComplaintLine> {
    const row = await findComplaint(db, ctx.actor.organizationId, id, ctx.actor.userId, lock);
    if (!row) throw notFound();
    return row;
  }

  async function reload(ctx: ActorContext, id: string) {
    return presentComplaint(await load(ctx, id), clock.now());
  }

  /** Checks the state machine, applies `set` and the new status, audits `complaints.<action>`. */
  async function act(
    ctx: ActorContext,
    id: string,
    action: ComplaintAction,
    set: (row: ComplaintLine) => Promise<Record<string, unknown>>,
  ) {
    const row = await load(ctx, id, true);
    if (!complaintActionAllowed(action, row.status)) {
      throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { from: row.status, action });
    }
    const changes = await set(row);
    const status = statusAfter(action, row.status);
    await updateComplaint(db, ctx.actor.organizationId, id, { ...changes, status });
    await recordAudit(db, ctx, {
      action: `complaints.${action}`,
      entityType: 'complaint',
      entityId: id,
      details: { from: row.status, to: status },
    });
    return reload(ctx, id);
  }

  /** Sends the reply to whoever can be reached: the file's beneficiary, else the phone given. */
  async function sendReply(ctx: ActorContext, row: ComplaintLine, reply: string) {
    const base = {
      organizationId: ctx.actor.organizationId,
      template: 'complaint_reply' as const,
      variables: { tracking: row.trackingNumber, reply },
      relatedType: 'complaint',
      relatedId: row.id,
    };
    if (row.beneficiaryId) {
      const sent = await messaging.notifyBeneficiary(db, {
        ...base,
        beneficiaryId: row.beneficiaryId,
        purpose: 'service',
      });
      return sent.messageId ? 'sent' : 'skipped';
    }
    if (row.phone) {
      await messaging.notifyAddress(db, { ...base, channel: 'sms', recipient: row.phone, language: 'ar' });
      return 'sent';
    }
    return 'none'; // anonymous, without a phone: nothing to send to
  }

  return {
    async list(ctx: ActorContext, query: ComplaintListQuery) {
      const cursor = decodeInstantIdCursor(query.cursor);
      const after = cursor ? { createdAt: cursor.at, id: cursor.id } : null;
      const now = clock.now();
      const { rows, total } = await listComplaints(
        db,
        ctx.actor.organizationId,
        ctx.actor.userId,
        query,
        now,
        after,
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((r) => presentComplaint(r, now)),
        total,
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    async get(ctx: ActorContext, id: string) {
      const complaint = await reload(ctx, id);
      await recordAudit(db, ctx, { action: 'complaints.read', entityType: 'complaint', entityId: id });
      return complaint;
    },

    async create(ctx: ActorContext, input: CreateComplaint) {
      if (input.anonymous && (input.beneficiaryId || input.name)) throw invalidField('anonymous');
      if (input.beneficiaryId) {
        await beneficiaries.load(db, ctx, input.beneficiaryId).catch((err: unknown) => {
          throw err instanceof AppError && err.statusCode === 404 ? invalidField('beneficiaryId') : err;
        });
      }
      if (input.aboutStaffId && !(await users.findUser(ctx, input.aboutStaffId))) {
        throw invalidField('aboutStaffId');
      }
      const row = await writeComplaint(
        db,
        ctx,
        await org(ctx),
        {
          ...input,
          organizationId: ctx.actor.organizationId,
          source: 'staff',
          createdBy: ctx.actor.userId,
        },
        clock.now(),
      );
      return presentComplaint(
        { ...row, beneficiaryName: null, aboutStaffName: null, assigneeName: null },
        clock.now(),
      );
    },

    assign(ctx: ActorContext, id: string, assigneeId: string) {
      return act(ctx, id, 'assign', async (row) => {
        const user = await users.findUser(ctx, assigneeId);
        // Only someone who handles complaints, and never the person the complaint is about.
        if (
          user?.status !== 'active' ||
          !can(user.roles, 'complaints.handle') ||
          user.id === row.aboutStaffId
        ) {
          throw new AppError(400, 'ASSIGNEE_INVALID', { fields: { assigneeId: 'ASSIGNEE_INVALID' } });
        }
        return { assigneeId };
      });
    },

    reply(ctx: ActorContext, id: string, reply: string) {
      return act(ctx, id, 'reply', async (row) => ({
        reply,
        repliedAt: clock.now(),
        repliedBy: ctx.actor.userId,
        replyDelivery: await sendReply(ctx, row, reply),
      }));
    },

    close(ctx: ActorContext, id: string, satisfied: boolean | null) {
      return act(ctx, id, 'close', async (row) => {
        // A named complainant with a file is asked how the handling served them (satisfaction survey).
        if (row.beneficiaryId && !row.anonymous) {
          await surveys.inviteAfter(db, {
            organizationId: ctx.actor.organizationId,
            trigger: 'complaint_closed',
            beneficiaryId: row.beneficiaryId,
            serviceId: null,
            staffId: row.assigneeId ?? ctx.actor.userId,
            relatedType: 'complaint',
            relatedId: id,
          });
        }
        return { satisfied, closedAt: clock.now() };
      });
    },

    /** An improvement action born of the complaint or suggestion (the improvements module owns it). */
    async createImprovementAction(
      ctx: ActorContext,
      id: string,
      input: CreateImprovementAction,
    ): Promise<ImprovementAction> {
      const complaint = await load(ctx, id);
      const action = await improvements.create(ctx, {
        ...input,
        source: complaint.kind,
        sourceComplaintId: id,
      });
      await recordAudit(db, ctx, {
        action: 'complaints.improvement_action',
        entityType: 'complaint',
        entityId: id,
        details: { improvementActionId: action.id },
      });
      return {
        id: action.id,
        title: action.title,
        sourceComplaintId: action.sourceComplaintId,
        ownerId: action.ownerId,
        status: action.status,
        dueDate: action.dueDate,
        createdAt: action.createdAt,
      };
    },

    /** Escalated complaints still unanswered, for the manager's home page. */
    escalatedCount(ctx: ActorContext): Promise<number> {
      return countEscalated(db, ctx.actor.organizationId, ctx.actor.userId);
    },

    async createOwn(ctx: PortalContext, input: PortalComplaintInput) {
      const { organizationId, beneficiaryId } = ctx.portal;
      const row = await writeComplaint(
        db,
        ctx,
        await organizations.getOrganization(organizationId, db),
        { ...input, organizationId, beneficiaryId, source: 'portal' },
        clock.now(),
      );
      return presentOwn(row);
    },

    async listOwn(ctx: PortalContext) {
      const rows = await listOwnComplaints(db, ctx.portal.organizationId, ctx.portal.beneficiaryId);
      return { items: rows.map(presentOwn), total: rows.length, nextCursor: null };
    },
  };
}
