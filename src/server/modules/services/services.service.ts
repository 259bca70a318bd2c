// Owns the service catalog (دليل الخدمات): what each service requires and how long its decision takes.
import type { Service, ServiceInput, ServiceUpdate } from '../../../shared/contracts/services';
import { recordAudit } from '../../platform/audit/audit';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  findService,
  insertService,
  listServices,
  type ServiceRow,
  updateService,
} from './services.repository';

/** A service as stored, for the modules that check requests against it. */
export type { ServiceRow };

export function presentService(r: ServiceRow): Service {
  return {
    id: r.id,
    nameAr: r.nameAr,
    nameEn: r.nameEn,
    descriptionAr: r.descriptionAr,
    descriptionEn: r.descriptionEn,
    targetCategories: r.targetCategories,
    conditionsAr: r.conditionsAr,
    requiredDocuments: r.requiredDocuments,
    verification: r.verification as Service['verification'],
    decisionDays: r.decisionDays,
    capacityPerPeriod: r.capacityPerPeriod,
    budgetPerPeriod: r.budgetPerPeriod,
    recurrence: r.recurrence,
    registrationChecklist: r.registrationChecklist,
    active: r.active,
    visitMinutes: r.visitMinutes,
    createdAt: r.createdAt.toISOString(),
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;

export function createCatalogService(deps: { db: Db; organizations: OrganizationService }) {
  const { db, organizations } = deps;

  /** Categories and document types must exist in the organization's settings. */
  async function assertKnown(ctx: ActorContext, input: Partial<ServiceInput>) {
    const { settings } = await organizations.getOrganization(ctx.actor.organizationId);
    const fields: Record<string, string> = {};
    const categories = new Set(settings.beneficiaryCategories.map((c) => c.code));
    const documents = new Set(settings.documentTypes.map((d) => d.code));
    input.targetCategories?.forEach((c, i) => {
      if (!categories.has(c)) fields[`targetCategories.${i}`] = 'UNKNOWN_CODE';
    });
    input.requiredDocuments?.forEach((d, i) => {
      if (!documents.has(d)) fields[`requiredDocuments.${i}`] = 'UNKNOWN_CODE';
    });
    if (Object.keys(fields).length) throw new AppError(400, 'UNKNOWN_CODE', { fields });
  }

  return {
    /** For other modules: the service row of the actor's organization, or 404. */
    async loadService(tx: Tx, ctx: ActorContext, id: string): Promise<ServiceRow> {
      const row = await findService(tx, ctx.actor.organizationId, id);
      if (!row) throw notFound();
      return row;
    },

    async getService(ctx: ActorContext, id: string) {
      return presentService(await this.loadService(db, ctx, id));
    },

    async listServices(
      ctx: ActorContext,
      query: { q?: string; active?: 'true' | 'false'; limit: number; cursor?: string },
    ) {
      const offset = decodeOffset(query.cursor);
      const { rows, total } = await listServices(db, ctx.actor.organizationId, {
        q: query.q,
        active: query.active === undefined ? undefined : query.active === 'true',
        limit: query.limit,
        offset,
      });
      const next = offset + rows.length;
      return {
        items: rows.map(presentService),
        total,
        nextCursor: next < total ? encodeCursor([next]) : null,
      };
    },

    async createService(ctx: ActorContext, input: ServiceInput) {
      await assertKnown(ctx, input);
      return db.transaction(async (tx) => {
        const row = await insertService(tx, { ...input, organizationId: ctx.actor.organizationId });
        await recordAudit(tx, ctx, { action: 'services.create', entityType: 'service', entityId: row.id });
        return presentService(row);
      });
    },

    async updateService(ctx: ActorContext, id: string, input: ServiceUpdate) {
      await assertKnown(ctx, input);
      return db.transaction(async (tx) => {
        await this.loadService(tx, ctx, id);
        const row = await updateService(tx, ctx.actor.organizationId, id, input);
        await recordAudit(tx, ctx, {
          action: 'services.update',
          entityType: 'service',
          entityId: id,
          details: { fields: Object.keys(input) },
        });
        return presentService(row);
      });
    },
  };
}
