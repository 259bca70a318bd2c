// Owns the data-subject side of the registry (PDPL): review and merge of duplicates, a copy of
// everything held about one beneficiary, legal hold, and destruction that keeps anonymous statistics.
import type { z } from 'zod';
import type { Beneficiary, correctionRequestInputSchema } from '../../../shared/contracts/beneficiaries';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import type { FileStorage } from '../../platform/files/storage';
import type { ActorContext } from '../../platform/http/context';
import { AppError, type Language, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import { presentSummary } from './beneficiaries.presenter';
import { updateBeneficiaryRow } from './beneficiaries.repository';
import { assertKnownCodes, type BeneficiaryService } from './beneficiaries.service';
import { type ExportData, exportHtml } from './beneficiary-export-html';
import {
  type CorrectionRow,
  disputesAndCharterOf,
  erasePersonalRecords,
  findCorrection,
  findSuspicion,
  insertCorrection,
  listCorrections,
  listOpenSuspicions,
  moveRecords,
  repointSuspicions,
  resolveCorrection,
  resolveSuspicion,
  summariesByIds,
} from './beneficiary-privacy.repository';
import type { BeneficiaryRecordsService } from './beneficiary-records.service';

// PDPL: data-subject requests are answered within 30 days.
export const correctionDays = 30;

type CorrectionInput = z.infer<typeof correctionRequestInputSchema>;

const presentCorrection = (c: CorrectionRow) => ({
  id: c.id,
  field: c.field as CorrectionInput['field'],
  requestedValue: c.requestedValue,
  reason: c.reason,
  channel: c.channel,
  status: c.status,
  dueAt: c.dueAt.toISOString(),
  createdAt: c.createdAt.toISOString(),
  resolvedAt: c.resolvedAt?.toISOString() ?? null,
  resolutionNote: c.resolutionNote,
});

export type BeneficiaryPrivacyService = ReturnType<typeof createBeneficiaryPrivacyService>;

/** How the requests module takes part in a merge, without the registry depending on it. */
export interface RequestsInMerge {
  moveRequests(
    tx: Tx,
    ctx: ActorContext,
    from: { id: string; fileNumber: string },
    to: { id: string; fileNumber: string },
  ): Promise<{ moved: string[]; concurrent: { serviceId: string; requestIds: string[] }[] }>;
}

export function createBeneficiaryPrivacyService(deps: {
  db: Db;
  storage: FileStorage;
  organizations: OrganizationService;
  beneficiaries: BeneficiaryService;
  records: BeneficiaryRecordsService;
  clock: Clock;
  /** Late-bound: the requests module is built after the registry, which it depends on. */
  requests: () => RequestsInMerge;
}) {
  const { db, storage, organizations, beneficiaries, records, clock } = deps;

  return {
    async listDuplicates(ctx: ActorContext) {
      const open = await listOpenSuspicions(db, ctx.actor.organizationId);
      const ids = [...new Set(open.flatMap((s) => [s.beneficiaryId, s.otherId]))];
      const summaries = new Map(
        (await summariesByIds(db, ctx.actor.organizationId, ids)).map((r) => [r.id, presentSummary(r)]),
      );
      return {
        items: open
          .filter((s) => summaries.has(s.beneficiaryId) && summaries.has(s.otherId))
          .map((s) => ({
            id: s.id,
            reasons: s.reasons,
            createdAt: s.createdAt.toISOString(),
            a: summaries.get(s.beneficiaryId)!,
            b: summaries.get(s.otherId)!,
          })),
      };
    },

    async dismissDuplicate(ctx: ActorContext, id: string, reason: string) {
      await db.transaction(async (tx) => {
        const s = await findSuspicion(tx, ctx.actor.organizationId, id);
        if (s?.status !== 'open') throw notFound();
        await resolveSuspicion(tx, ctx.actor.organizationId, id, 'dismissed', ctx.actor.userId);
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.duplicates.dismiss',
          entityType: 'beneficiary',
          entityId: s.beneficiaryId,
          details: { suspicionId: id, otherId: s.otherId, reason },
        });
      });
    },

    /**
     * Keeps one record and moves everything of the other to it: household, documents, declarations,
     * consents, interactions, correction requests, open suspicions, and every request with all that
     * hangs on it. The other record stays, marked `merged_into`, so its id answers where the person is.
     */
    async mergeDuplicate(ctx: ActorContext, id: string, keepId: string): Promise<Beneficiary> {
      return db.transaction(async (tx) => {
        const s = await findSuspicion(tx, ctx.actor.organizationId, id);
        if (s?.status !== 'open') throw notFound();
        if (keepId !== s.beneficiaryId && keepId !== s.otherId) throw new AppError(409, 'MERGE_NOT_ALLOWED');
        const dropId = keepId === s.beneficiaryId ? s.otherId : s.beneficiaryId;
        const keep = await beneficiaries.load(tx, ctx, keepId, true);
        const drop = await beneficiaries.load(tx, ctx, dropId, true);
        if (keep.destroyedAt || drop.destroyedAt || drop.legalHold)
          throw new AppError(409, 'MERGE_NOT_ALLOWED');
        await moveRecords(tx, ctx.actor.organizationId, drop.id, keep.id);
        const requests = await deps.requests().moveRequests(tx, ctx, drop, keep);
        await repointSuspicions(tx, ctx.actor.organizationId, drop.id, keep.id, ctx.actor.userId);
        await updateBeneficiaryRow(tx, ctx.actor.organizationId, drop.id, {
          mergedInto: keep.id,
          status: 'inactive',
          statusReason: `merged into ${keep.fileNumber}`,
        });
        const kept = await updateBeneficiaryRow(tx, ctx.actor.organizationId, keep.id, {
          dataVersion: keep.dataVersion + 1,
        });
        await resolveSuspicion(tx, ctx.actor.organizationId, id, 'merged', ctx.actor.userId);
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.merge',
          entityType: 'beneficiary',
          entityId: keep.id,
          details: {
            mergedId: drop.id,
            mergedFileNumber: drop.fileNumber,
            suspicionId: id,
            movedRequests: requests.moved,
            // Several active requests of one service, now on one record: kept, for staff to settle.
            concurrentRequests: requests.concurrent,
          },
        });
        return beneficiaries.present(tx, ctx, kept);
      });
    },

    /** Everything held about one beneficiary (PDPL right of access and copy). */
    async exportBeneficiary(ctx: ActorContext, id: string) {
      // Not getBeneficiary: that audits a profile read, and this access is audited once, as an export.
      const profile = await db.transaction(async (tx) =>
        beneficiaries.present(tx, ctx, await beneficiaries.load(tx, ctx, id)),
      );
      // One after the other: a request's queries share its one transaction connection.
      const household = await beneficiaries.listHousehold(ctx, id);
      const documents = await records.listDocuments(ctx, id);
      const declarations = await records.listDeclarations(ctx, id);
      const consents = await records.listConsents(ctx, id);
      // Every event, not the page's newest 300: the right of access is to all of it.
      const timeline = await records.timeline(ctx, id, undefined, Number.MAX_SAFE_INTEGER);
      const held = await disputesAndCharterOf(db, ctx.actor.organizationId, profile.id);
      await recordAudit(db, ctx, { action: 'beneficiaries.export', entityType: 'beneficiary', entityId: id });
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      return {
        exportedAt: clock.now().toISOString(),
        organization: { nameAr: org.nameAr, nameEn: org.nameEn },
        profile,
        household: household.items,
        documents: documents.items,
        declarations: declarations.items,
        consents: consents.items,
        charterAcceptances: held.charterAcceptances,
        disputes: held.disputes,
        timeline: timeline.items,
      };
    },

    /** A readable printout of the export, in the reader's language. */
    async exportBeneficiaryHtml(ctx: ActorContext, id: string): Promise<string> {
      return exportHtml(await this.exportBeneficiary(ctx, id), ctx.language);
    },

    async setLegalHold(ctx: ActorContext, id: string, hold: boolean, reason: string) {
      return db.transaction(async (tx) => {
        const row = await beneficiaries.load(tx, ctx, id, true);
        const updated = await updateBeneficiaryRow(tx, ctx.actor.organizationId, row.id, { legalHold: hold });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.legal_hold',
          entityType: 'beneficiary',
          entityId: id,
          details: { hold, reason },
        });
        return beneficiaries.present(tx, ctx, updated);
      });
    },

    /**
     * Destruction: personal data is removed for good; what remains (gender, birth year, city,
     * categories, status, dates) feeds anonymous statistics only. Refused under a legal hold.
     */
    async destroyBeneficiary(ctx: ActorContext, id: string, reason: string) {
      const { result, keys } = await db.transaction(async (tx) => {
        const row = await beneficiaries.load(tx, ctx, id, true);
        if (row.legalHold) throw new AppError(409, 'LEGAL_HOLD');
        if (row.destroyedAt) throw new AppError(409, 'BENEFICIARY_DESTROYED');
        const keys = await erasePersonalRecords(tx, row.id);
        const updated = await updateBeneficiaryRow(tx, ctx.actor.organizationId, row.id, {
          nationalId: `destroyed-${row.id.slice(0, 8)}`,
          fullNameAr: '—',
          fullNameEn: null,
          birthDate: `${row.birthDate.slice(0, 4)}-01-01`,
          phone: '—',
          altPhone: null,
          email: null,
          district: null,
          address: null,
          incomeSources: [],
          housing: null,
          healthConditions: [],
          notes: null,
          status: 'inactive',
          statusReason: 'destroyed',
          destroyedAt: new Date(),
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.destroy',
          entityType: 'beneficiary',
          entityId: id,
          details: { reason },
        });
        return { result: await beneficiaries.present(tx, ctx, updated), keys };
      });
      await Promise.all(keys.map((k) => storage.delete(k).catch(() => {})));
      return result;
    },

    async listCorrections(ctx: ActorContext, beneficiaryId: string) {
      const row = await beneficiaries.load(db, ctx, beneficiaryId);
      return { items: (await listCorrections(db, row.id)).map(presentCorrection) };
    },

    /** Records the request; PDPL gives the organization 30 days to answer it. */
    async requestCorrection(ctx: ActorContext, beneficiaryId: string, input: CorrectionInput) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      assertKnownCodes(org.settings, { channel: input.channel });
      return db.transaction(async (tx) => {
        const row = await beneficiaries.load(tx, ctx, beneficiaryId);
        const created = await insertCorrection(tx, {
          organizationId: row.organizationId,
          beneficiaryId: row.id,
          ...input,
          dueAt: new Date(clock.now().getTime() + correctionDays * 86_400_000),
          recordedBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.corrections.request',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { correctionId: created.id, field: input.field },
        });
        return presentCorrection(created);
      });
    },

    async resolveCorrection(
      ctx: ActorContext,
      beneficiaryId: string,
      id: string,
      input: { decision: 'applied' | 'rejected'; note: string },
    ) {
      return db.transaction(async (tx) => {
        const row = await beneficiaries.load(tx, ctx, beneficiaryId);
        const request = await findCorrection(tx, ctx.actor.organizationId, row.id, id);
        if (request?.status !== 'open') throw notFound();
        const resolved = await resolveCorrection(tx, ctx.actor.organizationId, id, {
          status: input.decision,
          resolvedBy: ctx.actor.userId,
          resolutionNote: input.note,
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.corrections.resolve',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { correctionId: id, decision: input.decision },
        });
        return presentCorrection(resolved);
      });
    },

    /** The printout of an export assembled elsewhere (the portal's copy of the person's own data). */
    exportHtmlOf: (data: ExportData, language: Language) => exportHtml(data, language),
  };
}
