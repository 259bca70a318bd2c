// Owns pre-registration from home (التسجيل المسبق): a person verifies their phone with a code, makes
// their own record (pending verification), completes it — profile, household, documents, the signed
// declaration — and submits it; staff then accept or return it (registration-review.service.ts).
// The record itself is the registry's: every write goes through the beneficiaries module's services.

import type { HouseholdMemberInput } from '../../../shared/contracts/beneficiaries';
import type { Organization } from '../../../shared/contracts/organization';
import type { PortalMe } from '../../../shared/contracts/portal';
import type {
  PortalDocument,
  PortalProfileUpdate,
  PortalRegistration,
  PortalSignDeclaration,
  RegistrationCodeRequest,
  RegistrationMissing,
} from '../../../shared/contracts/portal-registration';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { PortalContext, RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import {
  deliverSecretAfterCommit,
  type NotificationDriver,
  queueNotification,
} from '../../platform/notifications/notifications';
import { type BeneficiaryService, resolveDate } from '../beneficiaries/beneficiaries.service';
import type { BeneficiaryRecordsService } from '../beneficiaries/beneficiary-records.service';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  codeLifetimeSeconds,
  maxCodeRequestsPerAddress,
  maxCodeRequestsPerId,
  maxSignInsPerAddress,
  type PortalAuthService,
  smsText,
} from './portal-auth.service';
import {
  findRegistrationOf,
  insertRegistration,
  isIdLocked,
  liveRecordOf,
  updateRegistration,
} from './portal-registration.repository';

export type PortalRegistrationService = ReturnType<typeof createPortalRegistrationService>;

/** While staff have not yet received it (or have returned it), the person may still change the record. */
const editableStates = new Set(['in_progress', 'returned']);

export function createPortalRegistrationService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  portalAuth: PortalAuthService;
  beneficiaries: BeneficiaryService;
  records: BeneficiaryRecordsService;
  driver: NotificationDriver;
}) {
  const { db, clock, organizations, portalAuth, beneficiaries, records, driver } = deps;

  /** The person's own registration, locked, when it may still be changed; 409 CONFLICT otherwise. */
  async function editableRegistration(ctx: PortalContext) {
    const registration = await findRegistrationOf(
      db,
      ctx.portal.organizationId,
      ctx.portal.beneficiaryId,
      true,
    );
    if (!registration || !editableStates.has(registration.state)) {
      throw new AppError(409, 'CONFLICT', { registration: registration?.state ?? null });
    }
    return registration;
  }

  const me = (ctx: PortalContext) =>
    portalAuth.presentMe(ctx.portal.organizationId, ctx.portal.beneficiaryId);

  /** The already-registered notice: no secret in it, sent at once like a code so the answer's timing tells nothing. */
  async function noticeAlreadyRegistered(
    org: Organization,
    person: { id: string; phone: string; preferredLanguage: string },
  ) {
    const body = smsText(org, 'already_registered', person.preferredLanguage, {});
    const messageId = await queueNotification(db, {
      organizationId: org.id,
      channel: 'sms',
      recipient: person.phone,
      sender: org.settings.sms.senderName,
      subject: null,
      body,
      relatedType: 'beneficiary',
      relatedId: person.id,
    });
    deliverSecretAfterCommit(db, driver, { organizationId: org.id, messageId, body });
  }

  function presentDocument(
    org: Organization,
    d: Awaited<ReturnType<BeneficiaryRecordsService['listOwnDocuments']>>[number],
  ): PortalDocument {
    const type = org.settings.documentTypes.find((t) => t.code === d.type);
    return {
      id: d.id,
      type: d.type,
      typeLabelAr: type?.labelAr ?? d.type,
      typeLabelEn: type?.labelEn ?? d.type,
      fileName: d.fileName,
      mimeType: d.contentType,
      size: d.size,
      issueDate: d.issueDate,
      expiryDate: d.expiryDate,
      expired: d.expired,
      uploadedAt: d.uploadedAt,
    };
  }

  return {
    /**
     * Always the same answer. A new ID gets a code on the phone typed; an ID with a live record here
     * gets nothing there — its registered phone is told someone tried (so no one learns who is registered).
     */
    async requestCode(ctx: RequestContext, input: RegistrationCodeRequest) {
      // The sign-in codes' budget: asking in turn for both kinds of code gives no more of either.
      await portalAuth.countAttempt(`portal-code-ip:${ctx.ip ?? 'unknown'}`, maxCodeRequestsPerAddress);
      await portalAuth.countAttempt(
        `portal-code-id:${input.organization}:${input.nationalId}`,
        maxCodeRequestsPerId,
      );
      const org = await portalAuth.organizationOf(input.organization);
      await inTenant(db, { organizationId: org.id, userId: null }, async () => {
        const existing = await liveRecordOf(db, org.id, input.nationalId);
        const locked = await isIdLocked(db, org.id, input.nationalId, clock.now());
        if (existing) await noticeAlreadyRegistered(org, existing);
        else if (!locked) {
          await portalAuth.sendCode(ctx, org, {
            nationalId: input.nationalId,
            phone: input.phone,
            purpose: 'register',
            language: ctx.language,
          });
        }
        await recordAudit(db, ctx, {
          organizationId: org.id,
          action: 'portal.registration_code_request',
          entityType: 'beneficiary',
          entityId: existing?.id ?? null,
          outcome: existing || locked ? 'failure' : 'success',
          details: existing ? { reason: 'already_registered' } : locked ? { reason: 'locked' } : {},
        });
      });
      return { expiresInSeconds: codeLifetimeSeconds };
    },

    /** The code proves the phone; the record is made with it, pending verification, and the person is signed in. */
    async register(
      ctx: RequestContext,
      input: PortalRegistration,
      userAgent: string | null,
    ): Promise<{ token: string; me: PortalMe }> {
      await portalAuth.countAttempt(`portal-sign-in-ip:${ctx.ip ?? 'unknown'}`, maxSignInsPerAddress);
      const organizationId = await organizations.findIdBySlug(input.organization);
      if (!organizationId) throw new AppError(401, 'INVALID_CODE');
      // Checked before the code is spent, so a mistyped date does not cost the person their code.
      const birthDate = resolveDate(input.birthDate, input.birthDateHijri, 'birthDate');
      if (!birthDate) throw new AppError(400, 'VALIDATION_FAILED', { fields: { birthDate: 'required' } });
      const outcome = await inTenant(db, { organizationId, userId: null }, async () => {
        const checked = await portalAuth.checkCode(organizationId, { ...input, purpose: 'register' });
        if ('error' in checked) {
          await recordAudit(db, ctx, {
            organizationId,
            action: 'portal.register',
            entityType: 'beneficiary',
            outcome: 'failure',
            details: { reason: checked.error.code },
          });
          return { error: checked.error };
        }
        const person = await beneficiaries.registerPending(db, ctx, organizationId, {
          nationalId: input.nationalId,
          fullNameAr: input.fullNameAr,
          fullNameEn: input.fullNameEn,
          gender: input.gender,
          birthDate,
          nationality: input.nationality,
          phone: checked.phone,
          city: input.city,
          district: input.district,
        });
        await insertRegistration(db, { organizationId, beneficiaryId: person.id, state: 'in_progress' });
        return portalAuth.openSession(ctx, organizationId, person, 'portal.register', userAgent);
      });
      // Thrown once the failed try is committed: it counts towards the lock.
      if ('error' in outcome) throw outcome.error;
      return outcome;
    },

    async updateProfile(ctx: PortalContext, input: PortalProfileUpdate): Promise<PortalMe> {
      await editableRegistration(ctx);
      await beneficiaries.updateOwnProfile(ctx, input);
      return me(ctx);
    },

    listHousehold: (ctx: PortalContext) => beneficiaries.listOwnHousehold(ctx),

    async addHouseholdMember(ctx: PortalContext, input: HouseholdMemberInput) {
      await editableRegistration(ctx);
      return beneficiaries.addOwnHouseholdMember(ctx, input);
    },

    async removeHouseholdMember(ctx: PortalContext, memberId: string) {
      // Someone else's member is not there (404), whatever the state of this person's registration.
      const { items } = await beneficiaries.listOwnHousehold(ctx);
      if (!items.some((m) => m.id === memberId)) throw notFound();
      await editableRegistration(ctx);
      await beneficiaries.removeOwnHouseholdMember(ctx, memberId);
    },

    async listDocuments(ctx: PortalContext) {
      const org = await organizations.getOrganization(ctx.portal.organizationId);
      return { items: (await records.listOwnDocuments(ctx)).map((d) => presentDocument(org, d)) };
    },

    async uploadDocument(
      ctx: PortalContext,
      file: { data: Buffer; fileName: string } | null,
      fields: Record<string, unknown>,
    ) {
      const org = await organizations.getOrganization(ctx.portal.organizationId);
      return presentDocument(org, await records.uploadOwnDocument(ctx, file, fields));
    },

    readDocumentFile: (ctx: PortalContext, documentId: string) =>
      records.readOwnDocumentFile(ctx, documentId),

    async declaration(ctx: PortalContext) {
      const { textAr, textEn, ...rest } = await records.ownDeclaration(ctx);
      return { ...rest, text: ctx.language === 'en' ? textEn : textAr, textAr, textEn };
    },

    signDeclaration: (ctx: PortalContext, input: PortalSignDeclaration) =>
      records.signOwnDeclaration(ctx, input),

    /**
     * Sends the registration to staff: the ID's photo and the signed declaration must be there. The
     * duplicate checks staff run at the counter run now, and their matches wait in the queue with it.
     */
    async submit(ctx: PortalContext): Promise<PortalMe> {
      const registration = await editableRegistration(ctx);
      const documents = await records.listOwnDocuments(ctx);
      const declaration = await records.ownDeclaration(ctx);
      const missing: RegistrationMissing[] = [];
      if (!documents.some((d) => d.type === 'national_id' && !d.expired))
        missing.push('national_id_document');
      if (!declaration.signedCurrent) missing.push('declaration');
      if (missing.length) throw new AppError(422, 'SUBMISSION_INCOMPLETE', { missing });
      const matches = await beneficiaries.duplicateMatchesOf(
        db,
        ctx.portal.organizationId,
        ctx.portal.beneficiaryId,
      );
      const duplicateMatches = matches.map(({ id, fileNumber, fullNameAr, reasons }) => ({
        id,
        fileNumber,
        fullNameAr,
        reasons,
      }));
      await updateRegistration(db, ctx.portal.organizationId, registration.id, {
        state: 'submitted',
        submittedAt: clock.now(),
        returnReason: null,
        duplicateMatches,
      });
      await recordAudit(db, ctx, {
        action: 'registrations.submit',
        entityType: 'beneficiary',
        entityId: ctx.portal.beneficiaryId,
        details: {
          registrationId: registration.id,
          resubmitted: registration.state === 'returned',
          duplicates: duplicateMatches.map((m) => m.id),
        },
      });
      return me(ctx);
    },
  };
}
