// الشركاء — the association's partner list, and referring a beneficiary to a partner (issue 12 item 8):
// only on the person's partner_sharing consent in force, sharing only the fields staff chose, and
// keeping exactly what was shared with the referral (PDPL: a record of every disclosure).
import type { PartnerInput, PartnerReferralInput, ShareableField } from '../../../shared/contracts/partners';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { BeneficiaryRecordsService } from '../beneficiaries/beneficiary-records.service';
import type { RequestService } from '../requests/requests.service';
import {
  findPartner,
  insertPartner,
  insertPartnerReferral,
  listPartners,
  type PartnerRow,
  partnerReferralsOf,
  updatePartner,
} from './partners.repository';

export type PartnerService = ReturnType<typeof createPartnerService>;

const presentPartner = (r: PartnerRow) => ({
  id: r.id,
  nameAr: r.nameAr,
  nameEn: r.nameEn,
  kind: r.kind as PartnerInput['kind'],
  services: r.services,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  contactEmail: r.contactEmail,
  active: r.active,
});

export function createPartnerService(deps: {
  db: Db;
  beneficiaries: BeneficiaryService;
  records: BeneficiaryRecordsService;
  requests: RequestService;
}) {
  const { db, beneficiaries, records, requests } = deps;

  /** The values of the chosen fields, read from the file as it is now. */
  async function sharedValues(ctx: ActorContext, beneficiaryId: string, fields: readonly ShareableField[]) {
    const b = await beneficiaries.getBeneficiary(ctx, beneficiaryId);
    const values: Record<ShareableField, () => Promise<unknown>> = {
      fullName: async () => b.fullNameAr,
      nationalId: async () => b.nationalId,
      phone: async () => b.phone,
      city: async () => b.city,
      householdSize: async () => (await beneficiaries.listHousehold(ctx, beneficiaryId)).items.length + 1,
      categories: async () => b.categories,
      monthlyIncome: async () => b.incomeSources.reduce((sum, s) => sum + s.monthlyAmount, 0),
    };
    const out: Record<string, unknown> = {};
    for (const field of fields) out[field] = await values[field]();
    return out;
  }

  return {
    async list(ctx: ActorContext, activeOnly: boolean) {
      return { items: (await listPartners(db, ctx.actor.organizationId, activeOnly)).map(presentPartner) };
    },

    async create(ctx: ActorContext, input: PartnerInput) {
      return db.transaction(async (tx) => {
        const row = await insertPartner(tx, { ...input, organizationId: ctx.actor.organizationId });
        if (!row) throw new AppError(409, 'PARTNER_EXISTS', { fields: { nameAr: 'PARTNER_EXISTS' } });
        await recordAudit(tx, ctx, { action: 'partners.create', entityType: 'partner', entityId: row.id });
        return presentPartner(row);
      });
    },

    async update(ctx: ActorContext, id: string, input: Partial<PartnerInput>) {
      return db.transaction(async (tx) => {
        const row =
          Object.keys(input).length === 0
            ? await findPartner(tx, ctx.actor.organizationId, id)
            : await updatePartner(tx, ctx.actor.organizationId, id, input);
        if (!row) throw notFound();
        await recordAudit(tx, ctx, { action: 'partners.update', entityType: 'partner', entityId: id });
        return presentPartner(row);
      });
    },

    async referralsOf(ctx: ActorContext, beneficiaryId: string) {
      const b = await beneficiaries.getBeneficiary(ctx, beneficiaryId);
      const rows = await partnerReferralsOf(db, ctx.actor.organizationId, b.id);
      return {
        items: rows.map((r) => ({
          id: r.referral.id,
          partnerId: r.referral.partnerId,
          partnerName: r.partnerName,
          requestId: r.referral.requestId,
          reason: r.referral.reason,
          sharedFields: r.referral.sharedFields as ShareableField[],
          sharedData: r.referral.sharedData,
          status: r.referral.status,
          createdByName: r.createdByName,
          createdAt: r.referral.createdAt.toISOString(),
        })),
      };
    },

    async refer(ctx: ActorContext, beneficiaryId: string, input: PartnerReferralInput) {
      const partner = await findPartner(db, ctx.actor.organizationId, input.partnerId);
      if (!partner?.active) {
        throw new AppError(400, 'PARTNER_INVALID', { fields: { partnerId: 'PARTNER_INVALID' } });
      }
      const consent = await records.consentInForce(ctx, beneficiaryId, 'partner_sharing');
      if (!consent?.granted) throw new AppError(409, 'CONSENT_REQUIRED', { purpose: 'partner_sharing' });
      if (input.requestId) {
        const request = await requests.view(db, ctx, input.requestId);
        if (request.request.beneficiaryId !== beneficiaryId) throw notFound();
      }
      const fields = [...new Set(input.sharedFields)];
      const sharedData = await sharedValues(ctx, beneficiaryId, fields);
      const row = await db.transaction(async (tx) => {
        const referral = await insertPartnerReferral(tx, {
          organizationId: ctx.actor.organizationId,
          beneficiaryId,
          partnerId: partner.id,
          requestId: input.requestId ?? null,
          reason: input.reason,
          sharedFields: fields,
          sharedData,
          consentId: consent.id,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.partner_referral',
          entityType: 'beneficiary',
          entityId: beneficiaryId,
          details: {
            partnerId: partner.id,
            referralId: referral.id,
            sharedFields: fields,
            consentId: consent.id,
          },
        });
        return referral;
      });
      return (await this.referralsOf(ctx, beneficiaryId)).items.find((r) => r.id === row.id)!;
    },
  };
}
