// Owns what the portal shows a beneficiary of their own data (PDPL): the messages sent to them,
// everything the association holds (to read, and to download), correction requests, and consents.
import { consentPurposes } from '../../../shared/contracts/beneficiaries';
import type { PortalMyData } from '../../../shared/contracts/portal-requests';
import type { Db } from '../../platform/db/database';
import type { PortalContext } from '../../platform/http/context';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { BeneficiaryPrivacyService } from '../beneficiaries/beneficiary-privacy.service';
import type { BeneficiaryRecordsService } from '../beneficiaries/beneficiary-records.service';
import type { RequestService } from '../requests/requests.service';
import { beneficiaryActing } from './portal-actor';
import { messagesOf } from './portal-requests.repository';
import { summarize } from './portal-requests.service';

/** The newest messages shown; older ones stay in the association's outbox. */
const messagesLimit = 200;

/** Consents and corrections given in the portal are recorded on its channel. */
const portalChannel = 'website';

export type PortalMyDataService = ReturnType<typeof createPortalMyDataService>;

export function createPortalMyDataService(deps: {
  db: Db;
  beneficiaries: BeneficiaryService;
  records: BeneficiaryRecordsService;
  privacy: BeneficiaryPrivacyService;
  requests: RequestService;
}) {
  const { db, beneficiaries, records, privacy, requests } = deps;

  async function consents(ctx: PortalContext) {
    const given = (await records.listConsents(beneficiaryActing(ctx), ctx.portal.beneficiaryId)).items;
    return {
      items: consentPurposes.map((purpose) => {
        const c = given.find((x) => x.purpose === purpose);
        return {
          purpose,
          granted: c?.granted ?? null,
          recordedAt: c?.recordedAt ?? null,
          textChanged: c?.textChanged ?? false,
        };
      }),
    };
  }

  /**
   * Everything held: the staff's PDPL export of the record (audited as one export), with what staff
   * may not all see but the person may — their own and their household's health — and their correction
   * requests and requests.
   */
  async function myData(ctx: PortalContext): Promise<PortalMyData> {
    const actor = beneficiaryActing(ctx);
    const me = ctx.portal.beneficiaryId;
    // One after the other: the request's queries share its one transaction connection.
    const data = await privacy.exportBeneficiary(actor, me);
    const row = await beneficiaries.load(db, actor, me);
    const household = (await beneficiaries.listOwnHousehold(ctx)).items;
    const corrections = (await privacy.listCorrections(actor, me)).items;
    const own = await requests.listRequests(actor, {
      queue: 'all',
      beneficiaryId: me,
      sort: 'newest',
      limit: 200,
    });
    return {
      ...data,
      profile: { ...data.profile, healthConditions: row.healthConditions },
      household,
      corrections,
      requests: own.items.map(summarize),
    };
  }

  return {
    /** Every message sent to the person, as the outbox has it: status told as it is (recorded ≠ sent). */
    async messages(ctx: PortalContext) {
      const rows = await messagesOf(db, ctx.portal.organizationId, ctx.portal.beneficiaryId, messagesLimit);
      return {
        items: rows.map((m) => ({
          id: m.id,
          channel: m.channel,
          body: m.body,
          status: m.status,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
      };
    },

    myData,

    /** The download: the same data, as JSON or as a printable page in the person's language. */
    async exportMyData(ctx: PortalContext, format: 'json' | 'html') {
      const data = await myData(ctx);
      const fileName = `my-data-${data.profile.fileNumber}`;
      return format === 'html'
        ? {
            fileName: `${fileName}.html`,
            type: 'text/html; charset=utf-8',
            body: privacy.exportHtmlOf(data, ctx.language),
          }
        : {
            fileName: `${fileName}.json`,
            type: 'application/json; charset=utf-8',
            body: JSON.stringify(data),
          };
    },

    /** A PDPL correction request; staff answer it within 30 days (the registry's rule). */
    async requestCorrection(
      ctx: PortalContext,
      input: {
        field: Parameters<BeneficiaryPrivacyService['requestCorrection']>[2]['field'];
        proposedValue: string;
        reason: string;
      },
    ) {
      return privacy.requestCorrection(beneficiaryActing(ctx), ctx.portal.beneficiaryId, {
        field: input.field,
        requestedValue: input.proposedValue,
        reason: input.reason,
        channel: portalChannel,
      });
    },

    consents,

    async setConsent(
      ctx: PortalContext,
      input: { purpose: (typeof consentPurposes)[number]; granted: boolean },
    ) {
      await records.recordConsent(beneficiaryActing(ctx), ctx.portal.beneficiaryId, {
        ...input,
        channel: portalChannel,
      });
      return consents(ctx);
    },
  };
}
