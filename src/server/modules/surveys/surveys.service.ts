// The survey designer: surveys and their versions. Changing the questions makes a new version (answers
// keep the version they answered); a name, the service, the active flag change the survey itself.
import type {
  CreateSurvey,
  Survey,
  SurveyTrigger,
  SurveyVersion,
  UpdateSurvey,
} from '../../../shared/contracts/surveys';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import {
  findSurvey,
  insertSurvey,
  insertVersion,
  listSurveys,
  listVersions,
  lockSurvey,
  type SurveyLine,
  serviceNames,
  updateSurveyRow,
} from './surveys.repository';

export type SurveyService = ReturnType<typeof createSurveyService>;

function present(line: SurveyLine): Survey {
  const s = line.survey;
  return {
    id: s.id,
    nameAr: s.nameAr,
    nameEn: s.nameEn,
    trigger: s.trigger,
    serviceId: s.serviceId,
    ratedDepartment: s.ratedDepartment,
    periodDays: s.periodDays,
    active: s.active,
    version: s.version,
    questions: line.questions,
    answers: line.answers,
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function createSurveyService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  /** A service of no one here: a field error (checked first: a failed insert ends the transaction). */
  async function checkService(ctx: ActorContext, serviceId: string | null | undefined) {
    if (serviceId && !(await serviceNames(db, ctx.actor.organizationId, serviceId))) {
      throw new AppError(400, 'VALIDATION_FAILED', { fields: { serviceId: 'NOT_FOUND' } });
    }
  }

  async function get(ctx: ActorContext, id: string): Promise<Survey> {
    const line = await findSurvey(db, ctx.actor.organizationId, id);
    if (!line) throw notFound();
    return present(line);
  }

  return {
    get,

    async list(ctx: ActorContext, query: { trigger?: SurveyTrigger; limit: number; cursor?: string }) {
      const offset = decodeOffset(query.cursor);
      const { rows, total } = await listSurveys(db, ctx.actor.organizationId, {
        trigger: query.trigger,
        offset,
        limit: query.limit,
      });
      const next = offset + rows.length;
      return {
        items: rows.map(present),
        total,
        nextCursor: next < total ? encodeCursor([next]) : null,
      };
    },

    async create(ctx: ActorContext, input: CreateSurvey): Promise<Survey> {
      const organizationId = ctx.actor.organizationId;
      const { questions, ...fields } = input;
      await checkService(ctx, fields.serviceId);
      const row = await insertSurvey(db, {
        ...fields,
        organizationId,
        version: 1,
        createdBy: ctx.actor.userId,
      });
      await insertVersion(db, {
        organizationId,
        surveyId: row.id,
        version: 1,
        questions,
        createdBy: ctx.actor.userId,
      });
      await recordAudit(db, ctx, {
        action: 'survey.create',
        entityType: 'survey',
        entityId: row.id,
        details: { trigger: row.trigger, version: 1 },
      });
      return get(ctx, row.id);
    },

    async update(ctx: ActorContext, id: string, input: UpdateSurvey): Promise<Survey> {
      const organizationId = ctx.actor.organizationId;
      const row = await lockSurvey(db, organizationId, id);
      if (!row) throw notFound();
      const { questions, ...fields } = input;
      await checkService(ctx, fields.serviceId);
      const current = await findSurvey(db, organizationId, id);
      const changed =
        questions !== undefined && JSON.stringify(questions) !== JSON.stringify(current?.questions);
      const version = changed ? row.version + 1 : row.version;
      if (changed) {
        await insertVersion(db, {
          organizationId,
          surveyId: id,
          version,
          questions,
          createdBy: ctx.actor.userId,
        });
      }
      await updateSurveyRow(db, organizationId, id, { ...fields, version, updatedAt: clock.now() });
      await recordAudit(db, ctx, {
        action: 'survey.update',
        entityType: 'survey',
        entityId: id,
        details: { fields: Object.keys(input), version },
      });
      return get(ctx, id);
    },

    async versions(ctx: ActorContext, id: string): Promise<{ items: SurveyVersion[] }> {
      await get(ctx, id);
      const rows = await listVersions(db, ctx.actor.organizationId, id);
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },
  };
}
