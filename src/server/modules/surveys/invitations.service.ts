// Survey invitations: a one-time link after an event of the process (a delivery, a decision, an answered
// inquiry, a closed complaint), on the beneficiary's channel; a tablet at the counter (kiosk); staff asked
// by e-mail to rate another department (internal). Only the SHA-256 of a token is kept.
import { createHash, randomBytes } from 'node:crypto';
import {
  invitationValidDays,
  type KioskInvitationInput,
  type SurveyChannel,
  type SurveyTrigger,
} from '../../../shared/contracts/surveys';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { MessagingService } from '../messaging/messaging.service';
import {
  activeStaff,
  beneficiaryExists,
  channelOfMessage,
  findActiveSurvey,
  findSurvey,
  insertInvitation,
  invitationExists,
  type SurveyLine,
  serviceNames,
  updateInvitation,
} from './surveys.repository';

export type SurveyInvitationService = ReturnType<typeof createSurveyInvitationService>;

export interface InviteAfterInput {
  organizationId: string;
  trigger: SurveyTrigger;
  beneficiaryId: string;
  serviceId: string | null;
  staffId: string | null;
  relatedType: string;
  relatedId: string;
}

const dayMs = 86_400_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export function createSurveyInvitationService(deps: {
  db: Db;
  clock: Clock;
  messaging: MessagingService;
  /** PUBLIC_URL: the link in the message is `<PUBLIC_URL>/s/<token>`. */
  publicUrl?: string;
}) {
  const { db, clock, messaging } = deps;
  const base = (deps.publicUrl ?? '').replace(/\/+$/, '');
  const linkOf = (token: string) => `${base}/s/${token}`;

  /** Writes one invitation of a survey; returns it with its token (shown once, never stored). */
  async function create(
    tx: Tx,
    survey: SurveyLine,
    values: {
      organizationId: string;
      channel: SurveyChannel;
      beneficiaryId?: string | null;
      recipientUserId?: string | null;
      staffId?: string | null;
      serviceId?: string | null;
      relatedType?: string | null;
      relatedId?: string | null;
      desk?: string | null;
      createdBy?: string | null;
    },
  ) {
    const token = newToken();
    const row = await insertInvitation(tx, {
      ...values,
      surveyId: survey.survey.id,
      versionId: survey.versionId,
      trigger: survey.survey.trigger,
      tokenHash: hashToken(token),
      kioskToken: values.channel === 'kiosk' ? token : null,
      expiresAt: new Date(clock.now().getTime() + invitationValidDays * dayMs),
    });
    return { row, token };
  }

  /** Writes the invitation and sends its link on the beneficiary's channel (the portal when none). */
  async function inviteTo(tx: Tx, survey: SurveyLine, input: Omit<InviteAfterInput, 'trigger'>) {
    const names = input.serviceId ? await serviceNames(tx, input.organizationId, input.serviceId) : null;
    const { row, token } = await create(tx, survey, {
      organizationId: input.organizationId,
      channel: 'sms',
      beneficiaryId: input.beneficiaryId,
      staffId: input.staffId,
      serviceId: input.serviceId,
      relatedType: input.relatedType,
      relatedId: input.relatedId,
    });
    const sent = await messaging.notifyBeneficiary(tx, {
      organizationId: input.organizationId,
      beneficiaryId: input.beneficiaryId,
      template: 'survey_invitation',
      variables: {
        service: names
          ? { ar: names.nameAr, en: names.nameEn }
          : { ar: survey.survey.nameAr, en: survey.survey.nameEn },
        link: linkOf(token),
      },
      purpose: 'service',
      relatedType: 'survey_invitation',
      relatedId: row.id,
    });
    // No address: the invitation stays, answerable from the portal.
    const channel = sent.messageId
      ? ((await channelOfMessage(tx, input.organizationId, sent.messageId)) ?? 'sms')
      : 'portal';
    await updateInvitation(tx, input.organizationId, row.id, { channel, messageId: sent.messageId });
    return row.id;
  }

  return {
    linkOf,
    inviteTo,

    /**
     * After an event of the process, in the caller's transaction: invites the beneficiary to the active
     * survey of that trigger (the service's own first), once per related record, on their channel.
     * Returns the invitation's id, or null when there is no survey, it was sent already, or no address.
     */
    async inviteAfter(tx: Tx, input: InviteAfterInput): Promise<string | null> {
      const survey = await findActiveSurvey(tx, input.organizationId, input.trigger, input.serviceId);
      if (!survey) return null;
      if (
        await invitationExists(tx, input.organizationId, input.trigger, input.relatedType, input.relatedId)
      ) {
        return null;
      }
      return inviteTo(tx, survey, input);
    },

    /** The counter's tablet: an invitation for the person at the desk (anonymous for a walk-in). */
    async createKiosk(
      ctx: ActorContext,
      input: KioskInvitationInput,
    ): Promise<{ id: string; token: string }> {
      const organizationId = ctx.actor.organizationId;
      // A file or service of no one here: a field error (checked first: a failed insert ends the transaction).
      if (input.beneficiaryId && !(await beneficiaryExists(db, organizationId, input.beneficiaryId))) {
        throw new AppError(400, 'VALIDATION_FAILED', { fields: { beneficiaryId: 'NOT_FOUND' } });
      }
      if (input.serviceId && !(await serviceNames(db, organizationId, input.serviceId))) {
        throw new AppError(400, 'VALIDATION_FAILED', { fields: { serviceId: 'NOT_FOUND' } });
      }
      const survey = await findActiveSurvey(db, organizationId, 'kiosk', input.serviceId ?? null);
      if (!survey) throw notFound();
      const { row, token } = await create(db, survey, {
        organizationId,
        channel: 'kiosk',
        beneficiaryId: input.beneficiaryId ?? null,
        staffId: ctx.actor.userId,
        serviceId: input.serviceId ?? null,
        relatedType: 'kiosk',
        desk: input.desk ?? null,
        createdBy: ctx.actor.userId,
      });
      await recordAudit(db, ctx, {
        action: 'survey.invite',
        entityType: 'survey_invitation',
        entityId: row.id,
        details: { surveyId: survey.survey.id, channel: 'kiosk', desk: input.desk ?? null },
      });
      return { id: row.id, token };
    },

    /** Internal surveys: one invitation per staff member, by e-mail. */
    async inviteStaff(ctx: ActorContext, surveyId: string, userIds: string[]): Promise<{ sent: number }> {
      const organizationId = ctx.actor.organizationId;
      const survey = await findSurvey(db, organizationId, surveyId);
      if (!survey) throw notFound();
      if (survey.survey.trigger !== 'internal' || !survey.survey.active) {
        throw new AppError(400, 'VALIDATION_FAILED', { fields: { trigger: 'NOT_INTERNAL' } });
      }
      const staff = await activeStaff(db, organizationId, [...new Set(userIds)]);
      for (const user of staff) {
        const { row, token } = await create(db, survey, {
          organizationId,
          channel: 'email',
          recipientUserId: user.id,
          relatedType: 'internal',
          createdBy: ctx.actor.userId,
        });
        const { messageId } = await messaging.notifyAddress(db, {
          organizationId,
          channel: 'email',
          recipient: user.email,
          language: ctx.language,
          template: 'survey_invitation',
          variables: {
            service: survey.survey.ratedDepartment ?? survey.survey.nameAr,
            link: linkOf(token),
          },
          relatedType: 'survey_invitation',
          relatedId: row.id,
        });
        await updateInvitation(db, organizationId, row.id, { messageId });
      }
      await recordAudit(db, ctx, {
        action: 'survey.invite',
        entityType: 'survey',
        entityId: surveyId,
        details: { channel: 'email', sent: staff.length },
      });
      return { sent: staff.length };
    },
  };
}
