// إجراءات التحسين — policy 002: evaluation is "followed by improvement". An action comes from a low score,
// a complaint, a suggestion or on its own; its effect is the same measure on the same service before it
// and since it was done; once done it may be published as «قلتم، فعلنا» on the association's public page.
import { type ImprovementListQuery, youSaidWeDidLimit } from '../../../shared/contracts/improvements';
import {
  type CreateImprovement,
  effectBaselineDays,
  type Improvement,
  type ImprovementSource,
  type UpdateImprovement,
  type YouSaidWeDid,
} from '../../../shared/contracts/surveys';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeInstantIdCursor, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import type { ResultsService } from '../surveys/results.service';
import type { UserService } from '../users/users.service';
import {
  findComplaintKind,
  findImprovement,
  type ImprovementLine,
  insertImprovement,
  listImprovements,
  listPublished,
  serviceExists,
  updateImprovement,
} from './improvements.repository';

export type ImprovementService = ReturnType<typeof createImprovementService>;

const dayMs = 86_400_000;
const invalid = (status: number, field: string, code = 'INVALID_VALUE') =>
  new AppError(status, 'VALIDATION_FAILED', { fields: { [field]: code } });

export function createImprovementService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  users: UserService;
  results: ResultsService;
}) {
  const { db, clock, organizations, users, results } = deps;

  /** CSAT of the action's service: `effectBaselineDays` before it began vs. since done (or since begun). */
  async function effectOf(organizationId: string, row: ImprovementLine): Promise<Improvement['effect']> {
    if (!row.serviceId) return null;
    const start = row.createdAt;
    const before = await results.serviceFigure(
      organizationId,
      row.serviceId,
      new Date(start.getTime() - effectBaselineDays * dayMs),
      new Date(start.getTime() - 1),
    );
    const after = await results.serviceFigure(
      organizationId,
      row.serviceId,
      row.completedAt ?? start,
      clock.now(),
    );
    return { before, after };
  }

  async function present(organizationId: string, row: ImprovementLine): Promise<Improvement> {
    return {
      ...row,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      completedAt: row.completedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      effect: await effectOf(organizationId, row),
    };
  }

  async function load(ctx: ActorContext, id: string, lock = false) {
    const row = await findImprovement(db, ctx.actor.organizationId, id, lock);
    if (!row) throw notFound();
    return row;
  }

  async function checkOwner(ctx: ActorContext, ownerId: string | null | undefined) {
    if (ownerId && (await users.findUser(ctx, ownerId))?.status !== 'active') {
      throw new AppError(400, 'ASSIGNEE_INVALID', { fields: { ownerId: 'ASSIGNEE_INVALID' } });
    }
  }

  async function checkService(ctx: ActorContext, serviceId: string | null | undefined) {
    if (serviceId && !(await serviceExists(db, ctx.actor.organizationId, serviceId))) {
      throw invalid(400, 'serviceId', 'UNKNOWN_CODE');
    }
  }

  return {
    async list(ctx: ActorContext, query: ImprovementListQuery) {
      const cursor = decodeInstantIdCursor(query.cursor);
      const after = cursor ? { createdAt: cursor.at, id: cursor.id } : null;
      const { rows, total } = await listImprovements(db, ctx.actor.organizationId, query, after);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const items: Improvement[] = [];
      for (const row of page) items.push(await present(ctx.actor.organizationId, row));
      return {
        items,
        total,
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    async get(ctx: ActorContext, id: string) {
      return present(ctx.actor.organizationId, await load(ctx, id));
    },

    async create(ctx: ActorContext, input: CreateImprovement): Promise<Improvement> {
      const organizationId = ctx.actor.organizationId;
      let source: ImprovementSource = input.source;
      if (input.sourceComplaintId) {
        const kind = await findComplaintKind(db, organizationId, input.sourceComplaintId, ctx.actor.userId);
        if (!kind) throw notFound();
        if (source === 'manual' || source === 'complaint' || source === 'suggestion') source = kind;
      }
      let serviceId = input.serviceId ?? null;
      if (input.sourceResponseId) {
        const responseService = await results.responseService(organizationId, input.sourceResponseId);
        if (responseService === undefined) throw notFound();
        serviceId ??= responseService;
        if (source === 'manual') source = 'low_score';
      }
      await checkService(ctx, input.serviceId);
      await checkOwner(ctx, input.ownerId);
      const now = clock.now();
      const { id } = await insertImprovement(db, {
        organizationId,
        title: input.title,
        source,
        sourceComplaintId: input.sourceComplaintId ?? null,
        sourceResponseId: input.sourceResponseId ?? null,
        serviceId,
        description: input.description || null,
        ownerId: input.ownerId ?? null,
        dueDate: input.dueDate ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(db, ctx, {
        action: 'improvements.create',
        entityType: 'improvement_action',
        entityId: id,
        details: { source, sourceComplaintId: input.sourceComplaintId ?? null, serviceId },
      });
      return present(organizationId, await load(ctx, id));
    },

    async update(ctx: ActorContext, id: string, input: UpdateImprovement): Promise<Improvement> {
      const changed = Object.keys(input).filter((k) => input[k as keyof UpdateImprovement] !== undefined);
      if (changed.length === 0) throw invalid(400, '_', 'EMPTY_CHANGE');
      const row = await load(ctx, id, true);
      await checkService(ctx, input.serviceId);
      await checkOwner(ctx, input.ownerId);
      const { published, ...fields } = input;
      const next = { ...row, ...fields };
      const now = clock.now();
      const set: Record<string, unknown> = { ...fields, updatedAt: now };
      if (fields.description === '') set.description = null;
      if (fields.status && fields.status !== row.status) {
        set.completedAt = fields.status === 'done' ? now : null;
      }
      if (next.status === 'done' && !next.outcome) throw invalid(422, 'outcome', 'REQUIRED');
      const publish = published ?? row.publishedAt !== null;
      if (publish) {
        if (!next.saidAr) throw invalid(422, 'saidAr', 'REQUIRED');
        if (!next.didAr) throw invalid(422, 'didAr', 'REQUIRED');
        if (!row.publishedAt) set.publishedAt = now;
      } else if (published === false) {
        set.publishedAt = null;
      }
      await updateImprovement(db, ctx.actor.organizationId, id, set);
      await recordAudit(db, ctx, {
        action: 'improvements.update',
        entityType: 'improvement_action',
        entityId: id,
        details: {
          changed,
          ...(fields.status && fields.status !== row.status ? { from: row.status, to: fields.status } : {}),
        },
      });
      return present(ctx.actor.organizationId, await load(ctx, id));
    },

    /** The association's public page (no sign-in): found by its slug; published actions only. */
    async youSaidWeDid(slug: string): Promise<YouSaidWeDid> {
      const organizationId = await organizations.findIdBySlug(slug.trim().toLowerCase());
      if (!organizationId) throw notFound();
      const rows = await inTenant(db, { organizationId, userId: null }, () =>
        listPublished(db, organizationId, youSaidWeDidLimit),
      );
      return {
        items: rows.map((r) => ({
          ...r,
          saidAr: r.saidAr ?? '',
          didAr: r.didAr ?? '',
          publishedAt: r.publishedAt!.toISOString(),
        })),
      };
    },
  };
}
