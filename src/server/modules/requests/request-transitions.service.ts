// The only way a request's status changes (DESIGN.md): one transaction that checks the state machine,
// writes the change, its history row and its audit event, and queues the notifications it causes.
import { addWorkingDays, endOfLocalDay, localDate, workingDaysBetween } from '../../../shared/calendar';
import type { TransitionInput } from '../../../shared/contracts/requests';
import {
  actionsRequiringNote,
  nextStatus,
  type RequestActor,
  type RequestStatus,
} from '../../../shared/requests/request-machine';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { Jobs } from '../../platform/jobs/jobs';
import { dispatchQueued, queueNotification } from '../../platform/notifications/notifications';
import type { MessagingService } from '../messaging/messaging.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { CatalogService } from '../services/services.service';
import type { SurveyInvitationService } from '../surveys/invitations.service';
import { letterBody } from './decision-letters';
import {
  insertDelivery,
  insertHistory,
  insertLetter,
  lockRequest,
  updateRequestRow,
} from './requests.repository';
import type { RequestService } from './requests.service';

/** How the verification module takes part in transitions, without this module depending on it. */
export interface VerificationHooks {
  /** start_verification: create the tasks the service requires. */
  onStart(tx: Tx, ctx: ActorContext, request: { id: string; serviceId: string }): Promise<void>;
  /** send_to_committee: the mechanisms still incomplete (empty when the request may go). */
  incomplete(tx: Tx, ctx: ActorContext, requestId: string): Promise<string[]>;
  /** approve/reject: the eligibility rule version in force for the service. */
  ruleVersion(tx: Tx, ctx: ActorContext, serviceId: string): Promise<number | null>;
}

export const noVerification: VerificationHooks = {
  onStart: async () => {},
  incomplete: async () => [],
  ruleVersion: async () => null,
};

export type TransitionService = ReturnType<typeof createTransitionService>;

/**
 * `viaCommittee` is set by the committee module when a session decides: where the organization's
 * decision body is a committee, approve and reject come only from there.
 */
export interface TransitionOptions {
  viaCommittee?: boolean;
}

export function createTransitionService(deps: {
  db: Db;
  clock: Clock;
  jobs: Jobs | null;
  organizations: OrganizationService;
  requests: RequestService;
  catalog: CatalogService;
  messaging: MessagingService;
  /** Satisfaction surveys: an invitation after a decision and after each delivery. */
  surveys: Pick<SurveyInvitationService, 'inviteAfter'>;
  verification?: () => VerificationHooks;
}) {
  const { db, clock, jobs, organizations, requests, catalog } = deps;
  const verification = () => deps.verification?.() ?? noVerification;

  /**
   * One transition inside the caller's transaction: lock the row, ask the machine, apply the action's
   * own rules, write the change, its history row and its audit event, and queue the notifications.
   * Returns the outbox messages to dispatch once the caller has committed.
   */
  async function transitionIn(
    tx: Tx,
    ctx: ActorContext,
    id: string,
    input: TransitionInput,
    options: TransitionOptions = {},
  ): Promise<{ messageIds: string[] }> {
    const org = await organizations.getOrganization(ctx.actor.organizationId, tx);
    const calendar = await requests.calendarOf(ctx.actor.organizationId, tx);
    const messageIds: string[] = [];
    const row = await lockRequest(tx, ctx.actor.organizationId, id);
    if (!row) throw notFound();
    const view = await requests.view(tx, ctx, id);
    const from = row.status as RequestStatus;
    const outcome = nextStatus(from, input.action, ctx.actor.roles as RequestActor[], {
      returnTo: row.returnTo as RequestStatus | null,
      recurring: view.recurrence === 'monthly',
    });
    if (!outcome.ok) {
      if (outcome.reason === 'forbidden') throw new AppError(403, 'FORBIDDEN');
      throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: from, action: input.action });
    }
    const deciding = input.action === 'approve' || input.action === 'reject';
    if (deciding && calendar.committeeDecides && !options.viaCommittee) {
      throw new AppError(409, 'COMMITTEE_DECISION_REQUIRED');
    }
    const note = input.note?.trim() || null;
    const missingItems = input.missingItems ?? [];
    if (
      actionsRequiringNote.includes(input.action) &&
      !note &&
      !(input.action === 'request_info' && missingItems.length)
    ) {
      throw new AppError(400, 'NOTE_REQUIRED', { fields: { note: 'NOTE_REQUIRED' } });
    }
    const now = clock.now();
    const changes: Parameters<typeof updateRequestRow>[3] = { status: outcome.to, stageEnteredAt: now };
    const notify = async (body: string) => {
      if (view.beneficiaryPhone === '—') return; // destroyed personal data: nobody to tell
      messageIds.push(
        await queueNotification(tx, {
          organizationId: row.organizationId,
          channel: 'sms',
          recipient: view.beneficiaryPhone,
          subject: null,
          body: `${org.nameAr}: ${body}`,
          relatedType: 'request',
          relatedId: id,
        }),
      );
    };

    switch (input.action) {
      case 'submit': {
        // A portal draft: the very check a request taken at the counter passes.
        const service = await catalog.loadService(tx, ctx, row.serviceId);
        const profile = await requests.assertSubmittable(tx, ctx, row.beneficiaryId, service);
        const due = requests.expectedDecision(calendar, now, service.decisionDays);
        changes.submittedAt = now;
        changes.expectedDecisionAt = due;
        // The notice a request taken at the counter sends: received, and the promised decision date.
        messageIds.push(await requests.queueReceivedNotice(tx, org, row, service, profile, due));
        break;
      }
      case 'request_info': {
        // The decision clock stops until the beneficiary provides what is missing.
        changes.returnTo = from;
        changes.pausedAt = now;
        changes.infoRequested = missingItems.length ? missingItems : [note!];
        await notify(
          message(
            'ar',
            'sms.infoNeeded',
            { number: row.number, items: changes.infoRequested.join('، ') },
            { context: view.beneficiaryGender },
          ),
        );
        break;
      }
      case 'provide_info': {
        // Resume the clock: the promised date moves by the working days spent waiting.
        const paused = row.pausedAt
          ? workingDaysBetween(
              localDate(row.pausedAt, calendar.timeZone),
              localDate(now, calendar.timeZone),
              calendar,
            )
          : 0;
        if (row.expectedDecisionAt && paused > 0) {
          const due = addWorkingDays(localDate(row.expectedDecisionAt, calendar.timeZone), paused, calendar);
          changes.expectedDecisionAt = endOfLocalDay(due, calendar.timeZone);
        }
        changes.returnTo = null;
        changes.pausedAt = null;
        changes.infoRequested = [];
        break;
      }
      case 'send_to_committee': {
        const incomplete = await verification().incomplete(tx, ctx, id);
        if (incomplete.length) throw new AppError(409, 'VERIFICATION_INCOMPLETE', { incomplete });
        break;
      }
      case 'start_verification':
        await verification().onStart(tx, ctx, { id, serviceId: row.serviceId });
        break;
      case 'approve':
      case 'reject': {
        const decision = input.action === 'approve' ? 'approved' : 'rejected';
        changes.ruleVersion = await verification().ruleVersion(tx, ctx, row.serviceId);
        changes.decidedBy = ctx.actor.userId;
        changes.decisionReason = note;
        changes.decidedAt = now;
        const body = letterBody({
          organizationNameAr: org.nameAr,
          decisionBodyAr: org.settings.decisionBody.nameAr,
          beneficiaryName: view.beneficiaryName,
          beneficiaryGender: view.beneficiaryGender,
          fileNumber: view.beneficiaryFileNumber,
          requestNumber: row.number,
          serviceNameAr: view.serviceNameAr,
          decision,
          reason: note!,
          decidedAt: now,
          digits: org.settings.digitStyle,
        });
        await insertLetter(tx, {
          organizationId: row.organizationId,
          requestId: id,
          decision,
          bodyAr: body,
        });
        // The decision reaches the person on their channel and in their language, with the link to the
        // letter in the portal (messaging sends it once this transaction commits).
        const link = deps.messaging.portalLink(org.slug, `requests/${id}`);
        await deps.messaging.notifyBeneficiary(tx, {
          organizationId: row.organizationId,
          beneficiaryId: row.beneficiaryId,
          template: decision === 'approved' ? 'request_approved' : 'request_rejected',
          variables:
            decision === 'approved'
              ? { number: row.number, service: view.serviceNameAr, link }
              : { number: row.number, reason: note ?? '', link },
          purpose: 'service',
          relatedType: 'request',
          relatedId: id,
        });
        await deps.surveys.inviteAfter(tx, {
          organizationId: row.organizationId,
          trigger: 'decision',
          beneficiaryId: row.beneficiaryId,
          serviceId: row.serviceId,
          staffId: ctx.actor.userId,
          relatedType: 'request',
          relatedId: id,
        });
        break;
      }
      case 'complete_registration': {
        const service = await catalog.loadService(tx, ctx, row.serviceId);
        const done = new Set(input.checklist ?? []);
        const missing = service.registrationChecklist.filter((item) => !done.has(item));
        if (missing.length) throw new AppError(422, 'CHECKLIST_INCOMPLETE', { missing });
        changes.registrationChecklist = [...done];
        break;
      }
      case 'deliver': {
        if (!input.delivery)
          throw new AppError(400, 'DELIVERY_REQUIRED', { fields: { delivery: 'DELIVERY_REQUIRED' } });
        const delivery = await insertDelivery(tx, {
          organizationId: row.organizationId,
          requestId: id,
          deliveredOn: input.delivery.deliveredOn,
          description: input.delivery.description,
          quantity: input.delivery.quantity ?? null,
          amount: input.delivery.amount ?? null,
          deliveredBy: ctx.actor.userId,
          proofDocumentId: input.delivery.proofDocumentId ?? null,
        });
        // Each delivery (a recurring service has many) invites to the "after delivery" survey.
        await deps.surveys.inviteAfter(tx, {
          organizationId: row.organizationId,
          trigger: 'delivery',
          beneficiaryId: row.beneficiaryId,
          serviceId: row.serviceId,
          staffId: ctx.actor.userId,
          relatedType: 'delivery',
          relatedId: delivery.id,
        });
        // A recurring service stays registered: its stage does not restart on each delivery.
        if (outcome.to === from) delete changes.stageEnteredAt;
        break;
      }
      default:
        break;
    }

    await updateRequestRow(tx, row.organizationId, id, changes);
    await insertHistory(tx, {
      organizationId: row.organizationId,
      requestId: id,
      fromStatus: from,
      toStatus: outcome.to,
      action: input.action,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.fullName,
      note: note ?? (missingItems.length ? missingItems.join('، ') : null),
    });
    await recordAudit(tx, ctx, {
      action: `requests.${input.action}`,
      entityType: 'request',
      entityId: id,
      details: { from, to: outcome.to },
    });
    return { messageIds };
  }

  return {
    transitionIn,

    /** A transition in its own transaction; notifications are sent once it has committed. */
    async transition(ctx: ActorContext, id: string, input: TransitionInput, options: TransitionOptions = {}) {
      const { messageIds } = await db.transaction((tx) => transitionIn(tx, ctx, id, input, options));
      await dispatchQueued(jobs, messageIds);
      return requests.getRequest(ctx, id);
    },

    /** For callers of transitionIn: sends the queued notifications after their transaction commits. */
    dispatch: (messageIds: string[]) => dispatchQueued(jobs, messageIds),
  };
}
