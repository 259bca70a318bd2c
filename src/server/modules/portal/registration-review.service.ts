// Owns the staff side of pre-registration from home: the queue of registrations people sent from the
// portal, and the decision — accept (the record becomes an active file) or return with a reason the
// person reads in the portal. The person's side is portal-registration.service.ts.
import type {
  ListRegistrationsQuery,
  RegistrationItem,
  RegistrationPage,
} from '../../../shared/contracts/portal-registration';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { Jobs } from '../../platform/jobs/jobs';
import { dispatchQueued, queueNotification } from '../../platform/notifications/notifications';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  findRegistration,
  listQueue,
  personOf,
  type QueueRow,
  queueItem,
  updateRegistration,
} from './portal-registration.repository';

export type RegistrationReviewService = ReturnType<typeof createRegistrationReviewService>;

export function createRegistrationReviewService(deps: {
  db: Db;
  clock: Clock;
  jobs: Jobs | null;
  organizations: OrganizationService;
  beneficiaries: BeneficiaryService;
}) {
  const { db, clock, jobs, organizations, beneficiaries } = deps;

  /** A submitted registration, locked for the decision; 404 unknown, 409 when not waiting for one. */
  async function waitingRegistration(ctx: ActorContext, id: string) {
    const registration = await findRegistration(db, ctx.actor.organizationId, id, true);
    if (!registration) throw notFound();
    if (registration.state !== 'submitted') {
      throw new AppError(409, 'CONFLICT', { state: registration.state });
    }
    return registration;
  }

  /** Tells the person the outcome by SMS, in their language; the message leaves after the commit. */
  async function notifyPerson(
    ctx: ActorContext,
    beneficiaryId: string,
    key: 'sms.registrationAccepted' | 'sms.registrationReturned',
    values: Record<string, string> = {},
  ) {
    const org = await organizations.getOrganization(ctx.actor.organizationId);
    const person = await personOf(db, ctx.actor.organizationId, beneficiaryId);
    if (!person) throw notFound();
    const language = person.preferredLanguage === 'en' ? 'en' : 'ar';
    const organization = language === 'en' ? org.nameEn : org.nameAr;
    const messageId = await queueNotification(db, {
      organizationId: org.id,
      channel: 'sms',
      recipient: person.phone,
      sender: org.settings.sms.senderName,
      subject: null,
      body: message(language, key, { organization, ...values }),
      relatedType: 'beneficiary',
      relatedId: beneficiaryId,
    });
    await dispatchQueued(jobs, [messageId]);
  }

  async function presentItem(ctx: ActorContext, id: string): Promise<RegistrationItem> {
    const row = await queueItem(db, ctx.actor.organizationId, id);
    if (!row) throw notFound();
    return presentQueueRow(row);
  }

  return {
    async list(ctx: ActorContext, query: ListRegistrationsQuery): Promise<RegistrationPage> {
      const offset = decodeOffset(query.cursor);
      const { rows, total } = await listQueue(db, ctx.actor.organizationId, query.state, query.limit, offset);
      const next = offset + rows.length;
      return {
        items: rows.map(presentQueueRow),
        total,
        nextCursor: rows.length === query.limit && next < total ? encodeCursor([next]) : null,
      };
    },

    /** The file is accepted: the record becomes active (requests may be made for it) and the person is told. */
    async accept(ctx: ActorContext, id: string): Promise<RegistrationItem> {
      const registration = await waitingRegistration(ctx, id);
      await beneficiaries.changeStatus(ctx, registration.beneficiaryId, {
        status: 'active',
        reason: message(ctx.language, 'registration.acceptedReason'),
      });
      await updateRegistration(db, ctx.actor.organizationId, registration.id, {
        state: 'accepted',
        decidedAt: clock.now(),
        decidedBy: ctx.actor.userId,
      });
      await recordAudit(db, ctx, {
        action: 'registrations.accept',
        entityType: 'beneficiary',
        entityId: registration.beneficiaryId,
        details: { registrationId: registration.id },
      });
      await notifyPerson(ctx, registration.beneficiaryId, 'sms.registrationAccepted');
      return presentItem(ctx, registration.id);
    },

    /** Back to the person with the reason they see in the portal; they fix it and submit again. */
    async returnToPerson(ctx: ActorContext, id: string, reason: string): Promise<RegistrationItem> {
      const registration = await waitingRegistration(ctx, id);
      await updateRegistration(db, ctx.actor.organizationId, registration.id, {
        state: 'returned',
        returnReason: reason,
        decidedAt: clock.now(),
        decidedBy: ctx.actor.userId,
      });
      await recordAudit(db, ctx, {
        action: 'registrations.return',
        entityType: 'beneficiary',
        entityId: registration.beneficiaryId,
        details: { registrationId: registration.id, reason },
      });
      await notifyPerson(ctx, registration.beneficiaryId, 'sms.registrationReturned', { reason });
      return presentItem(ctx, registration.id);
    },
  };
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function presentQueueRow(row: QueueRow): RegistrationItem {
  return {
    ...row,
    submittedAt: iso(row.submittedAt),
    decidedAt: iso(row.decidedAt),
    duplicateMatches: row.duplicateMatches ?? [],
  };
}
