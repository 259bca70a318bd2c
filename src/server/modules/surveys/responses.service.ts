// Answering a survey: by the link's token without sign-in, from the portal by invitation id, or at the
// counter's tablet. One answer per invitation (racing posts: one 201, one 410), checked against the
// version the invitation was made for, with its measures derived once for the results.

import { normalizeArabicName } from '../../../shared/arabic/names';
import type { SubmitAnswers, SurveyForm } from '../../../shared/contracts/surveys';
import { answerErrors, measuresOf } from '../../../shared/survey-answers';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { ActorContext, PortalContext, RequestContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import type { PortalAuthService } from '../portal/portal-auth.service';
import { hashToken } from './invitations.service';
import {
  claimInvitation,
  findInvitation,
  type InvitationLine,
  insertResponse,
  listOpenInvitations,
  newestKioskInvitation,
  organizationOfToken,
  updateInvitation,
} from './surveys.repository';

export type SurveyResponseService = ReturnType<typeof createSurveyResponseService>;

/** A kiosk invitation is shown on the tablet this long after it was made. */
export const kioskWindowMs = 15 * 60_000;

const notFound = () => new AppError(404, 'SURVEY_NOT_FOUND');
const answered = () => new AppError(410, 'SURVEY_ALREADY_ANSWERED');
const expired = () => new AppError(410, 'SURVEY_EXPIRED');

/** Per window of the portal's counter (15 minutes) and client address: links opened and answers sent. */
export const maxLinkUsesPerAddress = 60;

export function createSurveyResponseService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  /** The portal's window counter (login_throttle): one more attempt under a key, 429 past the limit. */
  throttle: Pick<PortalAuthService, 'countAttempt'>;
}) {
  const { db, clock, organizations, throttle } = deps;

  /** 410 for an answered or expired invitation. */
  function assertOpen(line: InvitationLine) {
    if (line.invitation.answeredAt) throw answered();
    if (line.invitation.expiresAt <= clock.now()) throw expired();
  }

  async function formOf(tx: Tx, line: InvitationLine): Promise<SurveyForm> {
    const org = await organizations.getOrganization(line.invitation.organizationId, tx);
    if (!line.invitation.openedAt) {
      await updateInvitation(tx, line.invitation.organizationId, line.invitation.id, {
        openedAt: clock.now(),
      });
    }
    return {
      organization: { nameAr: org.nameAr, nameEn: org.nameEn, slug: org.slug },
      survey: {
        nameAr: line.survey.nameAr,
        nameEn: line.survey.nameEn,
        ratedDepartment: line.survey.ratedDepartment,
      },
      service:
        line.serviceNameAr !== null ? { nameAr: line.serviceNameAr, nameEn: line.serviceNameEn } : null,
      version: line.version,
      questions: line.questions,
      expiresAt: line.invitation.expiresAt.toISOString(),
      anonymousAllowed: true,
    };
  }

  async function answer(tx: Tx, ctx: RequestContext, line: InvitationLine, input: SubmitAnswers) {
    assertOpen(line);
    const errors = answerErrors(line.questions, input.answers);
    if (Object.keys(errors).length) throw new AppError(400, 'VALIDATION_FAILED', { fields: errors });
    const { organizationId, id } = line.invitation;
    const now = clock.now();
    if (!(await claimInvitation(tx, organizationId, id, now))) {
      // Another answer took it first (or it expired meanwhile).
      throw line.invitation.expiresAt <= now ? expired() : answered();
    }
    const measures = measuresOf(line.questions, input.answers);
    // Anonymous: the answer keeps no way back to the person (no file, no invitation).
    const response = await insertResponse(tx, {
      organizationId,
      surveyId: line.invitation.surveyId,
      versionId: line.invitation.versionId,
      invitationId: input.anonymous ? null : id,
      channel: line.invitation.channel,
      serviceId: line.invitation.serviceId,
      staffId: line.invitation.staffId,
      anonymous: input.anonymous,
      beneficiaryId: input.anonymous ? null : line.invitation.beneficiaryId,
      answers: input.answers,
      ...measures,
      commentKey: measures.comment ? normalizeArabicName(measures.comment) : null,
      answeredAt: now,
    });
    await recordAudit(tx, ctx, {
      organizationId,
      action: 'survey.answer',
      entityType: 'survey_response',
      entityId: input.anonymous ? null : response.id,
      details: {
        surveyId: line.invitation.surveyId,
        channel: line.invitation.channel,
        anonymous: input.anonymous,
      },
    });
    return { id: response.id, answeredAt: now.toISOString() };
  }

  /** The association of a link's token, then the work inside it (404 for a token of no one). */
  async function byToken<T>(
    ctx: RequestContext,
    token: string,
    work: (line: InvitationLine) => Promise<T>,
  ): Promise<T> {
    await throttle.countAttempt(`survey-ip:${ctx.ip ?? 'unknown'}`, maxLinkUsesPerAddress);
    if (!/^[\w-]{20,100}$/.test(token)) throw notFound();
    const tokenHash = hashToken(token);
    const organizationId = await organizationOfToken(db, tokenHash);
    if (!organizationId) throw notFound();
    return inTenant(db, { organizationId, userId: null }, async () => {
      const line = await findInvitation(db, organizationId, { tokenHash });
      if (!line) throw notFound();
      return work(line);
    });
  }

  async function ownInvitation(ctx: PortalContext, id: string) {
    const line = await findInvitation(db, ctx.portal.organizationId, { id });
    if (!line || line.invitation.beneficiaryId !== ctx.portal.beneficiaryId) throw notFound();
    return line;
  }

  return {
    formByToken: (ctx: RequestContext, token: string) =>
      byToken(ctx, token, (line) => {
        assertOpen(line);
        return formOf(db, line);
      }),

    answerByToken: (ctx: RequestContext, token: string, input: SubmitAnswers) =>
      byToken(ctx, token, (line) => answer(db, ctx, line, input)),

    async portalList(ctx: PortalContext) {
      const rows = await listOpenInvitations(
        db,
        ctx.portal.organizationId,
        ctx.portal.beneficiaryId,
        clock.now(),
      );
      return { items: rows.map((r) => ({ ...r, expiresAt: r.expiresAt.toISOString() })) };
    },

    async portalForm(ctx: PortalContext, id: string) {
      const line = await ownInvitation(ctx, id);
      assertOpen(line);
      return formOf(db, line);
    },

    async portalAnswer(ctx: PortalContext, id: string, input: SubmitAnswers) {
      return answer(db, ctx, await ownInvitation(ctx, id), input);
    },

    /** The tablet's next survey: the newest unanswered kiosk invitation of the last minutes. */
    async kioskNext(ctx: ActorContext, desk: string | null) {
      const organizationId = ctx.actor.organizationId;
      const now = clock.now();
      const next = await newestKioskInvitation(
        db,
        organizationId,
        new Date(now.getTime() - kioskWindowMs),
        now,
        desk,
      );
      if (!next?.token) return { token: null, form: null };
      const line = await findInvitation(db, organizationId, { id: next.id });
      return { token: next.token, form: line ? await formOf(db, line) : null };
    },
  };
}
