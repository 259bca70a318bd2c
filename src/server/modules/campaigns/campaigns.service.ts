// حملات التواصل — reaching beneficiaries before they ask (issue 12 item 7; policy goal: "without the
// beneficiary having to ask"): a campaign names a service and its message; the audience is whom the
// service's eligibility rules find eligible today without an open request for it; a preview says how many
// and who is left out (no contact consent = opted out, contacted within the frequency cap, already
// reached); a manager approves, and the messages are written then, once per person, each through the
// messaging module (quiet hours, preferred channel and language; consent checked again there).

import { eq } from 'drizzle-orm';
import type { CampaignInput } from '../../../shared/contracts/campaigns';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { MessagingService } from '../messaging/messaging.service';
import type { CatalogService } from '../services/services.service';
import type { SignalService } from '../verification/signals.service';
import {
  type CampaignView,
  candidates,
  insertCampaign,
  insertRecipient,
  lockCampaign,
  selectCampaigns,
  updateCampaign,
} from './campaigns.repository';
import { outreachCampaigns } from './campaigns.tables';

export type CampaignService = ReturnType<typeof createCampaignService>;

const present = (v: CampaignView) => ({
  id: v.campaign.id,
  serviceId: v.campaign.serviceId,
  serviceName: v.serviceName,
  title: v.campaign.title,
  messageAr: v.campaign.messageAr,
  messageEn: v.campaign.messageEn,
  minDaysBetween: v.campaign.minDaysBetween,
  status: v.campaign.status,
  createdByName: v.createdByName,
  approvedByName: v.approvedByName,
  approvedAt: v.campaign.approvedAt?.toISOString() ?? null,
  sentCount: v.campaign.sentCount,
  skippedCount: v.campaign.skippedCount,
  createdAt: v.campaign.createdAt.toISOString(),
});

const dayMs = 24 * 60 * 60 * 1000;

export function createCampaignService(deps: {
  db: Db;
  clock: Clock;
  catalog: CatalogService;
  signals: SignalService;
  messaging: MessagingService;
}) {
  const { db, clock, catalog, signals, messaging } = deps;

  async function find(ctx: ActorContext, id: string) {
    const [row] = await selectCampaigns(db, ctx.actor.organizationId).where(eq(outreachCampaigns.id, id));
    if (!row) throw notFound();
    return row;
  }

  /** Everyone the rules find eligible, with what stands in the way of each. */
  async function audience(
    tx: Tx,
    ctx: ActorContext,
    campaign: { id: string; serviceId: string; minDaysBetween: number },
  ) {
    const ids = await signals.eligibleWithoutRequest(ctx, campaign.serviceId);
    const since = new Date(clock.now().getTime() - campaign.minDaysBetween * dayMs);
    return candidates(tx, {
      organizationId: ctx.actor.organizationId,
      campaignId: campaign.id,
      beneficiaryIds: ids,
      since,
    });
  }

  return {
    async list(ctx: ActorContext) {
      return { items: (await selectCampaigns(db, ctx.actor.organizationId).limit(200)).map(present) };
    },

    async get(ctx: ActorContext, id: string) {
      return present(await find(ctx, id));
    },

    async create(ctx: ActorContext, input: CampaignInput) {
      const service = await catalog.loadService(db, ctx, input.serviceId);
      if (!service.active) throw new AppError(409, 'SERVICE_INACTIVE');
      const id = await db.transaction(async (tx) => {
        const id = await insertCampaign(tx, {
          organizationId: ctx.actor.organizationId,
          ...input,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, { action: 'campaigns.create', entityType: 'campaign', entityId: id });
        return id;
      });
      return present(await find(ctx, id));
    },

    async preview(ctx: ActorContext, id: string) {
      const campaign = (await find(ctx, id)).campaign;
      const rows = await audience(db, ctx, campaign);
      const withoutConsent = rows.filter((r) => !r.consented).length;
      const alreadyReached = rows.filter((r) => r.consented && r.reached).length;
      const recentlyContacted = rows.filter((r) => r.consented && !r.reached && r.recently_contacted).length;
      const willReceive = rows.filter((r) => r.consented && !r.reached && !r.recently_contacted);
      return {
        eligible: rows.length,
        withoutConsent,
        recentlyContacted,
        alreadyReached,
        willReceive: willReceive.length,
        sample: willReceive.slice(0, 5).map((r) => ({
          beneficiaryId: r.id,
          fullNameAr: r.full_name_ar,
          fileNumber: r.file_number,
        })),
      };
    },

    /**
     * A manager approves: the messages are written now, in one transaction, once per person (a second
     * approval finds the campaign sent). People without consent or within the cap are recorded as skipped.
     */
    async approve(ctx: ActorContext, id: string) {
      await db.transaction(async (tx) => {
        const campaign = await lockCampaign(tx, ctx.actor.organizationId, id);
        if (!campaign) throw notFound();
        if (campaign.status !== 'draft') {
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: campaign.status });
        }
        const service = await catalog.loadService(tx, ctx, campaign.serviceId);
        let sent = 0;
        let skipped = 0;
        for (const person of await audience(tx, ctx, campaign)) {
          if (person.reached) continue;
          let messageId: string | null = null;
          let reason: string | null = !person.consented
            ? 'no_consent'
            : person.recently_contacted
              ? 'frequency_cap'
              : null;
          if (!reason) {
            const result = await messaging.notifyBeneficiary(tx, {
              organizationId: ctx.actor.organizationId,
              beneficiaryId: person.id,
              template: 'service_campaign',
              variables: {
                service: { ar: service.nameAr, en: service.nameEn ?? service.nameAr },
                message: { ar: campaign.messageAr, en: campaign.messageEn },
              },
              purpose: 'outreach',
              relatedType: 'campaign',
              relatedId: campaign.id,
            });
            messageId = result.messageId;
            reason = result.skipped;
          }
          const recorded = await insertRecipient(tx, {
            organizationId: ctx.actor.organizationId,
            campaignId: campaign.id,
            beneficiaryId: person.id,
            messageId,
            skipped: reason,
          });
          if (recorded && messageId) sent += 1;
          else if (recorded) skipped += 1;
        }
        await updateCampaign(tx, ctx.actor.organizationId, id, {
          status: 'sent',
          approvedBy: ctx.actor.userId,
          approvedAt: clock.now(),
          sentCount: sent,
          skippedCount: skipped,
        });
        await recordAudit(tx, ctx, {
          action: 'campaigns.approve',
          entityType: 'campaign',
          entityId: id,
          details: { sent, skipped },
        });
      });
      return present(await find(ctx, id));
    },

    async cancel(ctx: ActorContext, id: string) {
      await db.transaction(async (tx) => {
        const campaign = await lockCampaign(tx, ctx.actor.organizationId, id);
        if (!campaign) throw notFound();
        if (campaign.status !== 'draft') {
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: campaign.status });
        }
        await updateCampaign(tx, ctx.actor.organizationId, id, { status: 'cancelled' });
        await recordAudit(tx, ctx, { action: 'campaigns.cancel', entityType: 'campaign', entityId: id });
      });
      return present(await find(ctx, id));
    },
  };
}
