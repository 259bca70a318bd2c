// Owns eligibility verification: the versioned rules of each service, the evaluation that explains
// every criterion, and the verification tasks (document check, interview, field visit) that must be
// done before a request may go to the committee.
import type { VerificationMechanism } from '../../../shared/contracts/services';
import { taskAddableStatuses } from '../../../shared/contracts/verification';
import { type EligibilityFacts, evaluateEligibility, type RuleSet } from '../../../shared/eligibility/rules';
import { can } from '../../../shared/permissions';
import { recordAudit } from '../../platform/audit/audit';
import { type Clock, localToday } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { lockForChange } from '../../platform/db/tenant';
import { detectFileType, type FileStorage } from '../../platform/files/storage';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { BeneficiaryRecordsService } from '../beneficiaries/beneficiary-records.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { VerificationHooks } from '../requests/request-transitions.service';
import type { RequestService } from '../requests/requests.service';
import type { CatalogService } from '../services/services.service';
import type { UserService } from '../users/users.service';
import {
  findPhoto,
  findTaskView,
  insertPhoto,
  insertRules,
  insertTask,
  insertTasks,
  latestRules,
  latestRuleVersion,
  listPhotos,
  listTasks,
  listWorkTasks,
  lockTask,
  type TaskView,
  updateTask,
  type WorkTaskRow,
} from './verification.repository';

export const presentTask = (t: TaskView) => ({
  id: t.id,
  requestId: t.requestId,
  mechanism: t.mechanism,
  status: t.status,
  assigneeId: t.assigneeId,
  assigneeName: t.assigneeName,
  dueOn: t.dueOn,
  scheduledAt: t.scheduledAt?.toISOString() ?? null,
  location: t.location,
  answers: t.answers,
  findings: t.findings,
  recommendation: t.recommendation,
  completedAt: t.completedAt?.toISOString() ?? null,
});

/**
 * A task in a work list with who it is about and where. The phone only on one's own tasks: a task
 * nobody has taken yet needs the person's name and place to be chosen, not how to call them.
 */
const presentWorkTask = (t: WorkTaskRow, withPhone: boolean) => ({
  ...presentTask(t),
  request: {
    number: t.requestNumber,
    status: t.requestStatus,
    serviceNameAr: t.serviceNameAr,
    serviceNameEn: t.serviceNameEn,
  },
  beneficiary: {
    id: t.beneficiaryId,
    fileNumber: t.fileNumber,
    fullNameAr: t.fullNameAr,
    city: t.city,
    district: t.district,
    phone: withPhone ? t.phone : null,
  },
});

/** A work list is a page of work, not an export: at most this many tasks. */
const workListLimit = 100;

export type VerificationService = ReturnType<typeof createVerificationService>;

export function createVerificationService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  catalog: CatalogService;
  requests: RequestService;
  beneficiaries: BeneficiaryService;
  records: BeneficiaryRecordsService;
  storage: FileStorage;
  users: UserService;
}) {
  const { db, clock, organizations, catalog, requests, beneficiaries, records, storage, users } = deps;

  const hooks: VerificationHooks = {
    async onStart(tx, ctx, request) {
      const service = await catalog.loadService(tx, ctx, request.serviceId);
      const existing = new Set(
        (await listTasks(tx, ctx.actor.organizationId, request.id)).map((t) => t.mechanism),
      );
      await insertTasks(
        tx,
        (service.verification as VerificationMechanism[])
          .filter((m) => !existing.has(m))
          .map((mechanism) => ({
            organizationId: ctx.actor.organizationId,
            requestId: request.id,
            mechanism,
          })),
      );
    },
    async incomplete(tx, ctx, requestId) {
      return (await listTasks(tx, ctx.actor.organizationId, requestId))
        .filter((t) => t.status !== 'done')
        .map((t) => t.mechanism);
    },
    ruleVersion: (tx, ctx, serviceId) => latestRuleVersion(tx, ctx.actor.organizationId, serviceId),
  };

  async function loadTask(tx: Tx, ctx: ActorContext, id: string) {
    const task = await lockTask(tx, ctx.actor.organizationId, id);
    if (!task) throw notFound();
    return task;
  }

  /**
   * Verification work goes to an active user of the actor's own association who may do it; anyone
   * else (another association's user, an unknown id, a deactivated account) is a field error.
   */
  async function assertAssignable(ctx: ActorContext, assigneeId: string) {
    const assignee = await users.findUser(ctx, assigneeId);
    if (assignee?.status !== 'active' || !can(assignee.roles, 'verification.work')) {
      throw new AppError(400, 'ASSIGNEE_INVALID', { fields: { assigneeId: 'ASSIGNEE_INVALID' } });
    }
    return assignee;
  }

  async function taskView(tx: Tx, ctx: ActorContext, id: string) {
    const view = await findTaskView(tx, ctx.actor.organizationId, id);
    if (!view) throw notFound();
    return presentTask(view);
  }

  /**
   * The personal data a work list shows, audited as one read naming the people it shows (PDPL); an
   * empty list is audited by the route (its `personalData`).
   */
  async function auditWorkList(ctx: ActorContext, list: 'mine' | 'available', rows: WorkTaskRow[]) {
    if (rows.length === 0) return;
    await recordAudit(db, ctx, {
      action: 'verification.tasks.read',
      entityType: 'beneficiary',
      details: { list, beneficiaryIds: [...new Set(rows.map((r) => r.beneficiaryId))] },
    });
  }

  /**
   * What the explained evaluation knows about a beneficiary for one service. The what-if computes the
   * same facts for every beneficiary in one SQL scan (signals.repository); a test holds them equal.
   * `excludeRequestId`: the request being evaluated does not count as another open request.
   */
  async function eligibilityFacts(
    tx: Tx,
    ctx: ActorContext,
    beneficiaryId: string,
    serviceId: string,
    excludeRequestId: string | null,
  ): Promise<EligibilityFacts> {
    const org = await organizations.getOrganization(ctx.actor.organizationId, tx);
    const row = await beneficiaries.load(tx, ctx, beneficiaryId);
    const profile = await beneficiaries.present(tx, ctx, row);
    const docs = (await records.listDocuments(ctx, beneficiaryId, tx)).items;
    const history = await requests.serviceHistory(ctx, { beneficiaryId, serviceId, excludeRequestId }, tx);
    return {
      today: localToday(clock, org.settings.timeZone),
      categories: profile.categories,
      city: profile.city,
      birthDate: profile.birthDate,
      householdSize: profile.household.size,
      monthlyIncomePerCapita: profile.household.monthlyIncomePerCapita,
      documents: docs.map((d) => ({ type: d.type, expired: d.expired })),
      activeRequestsForService: history.active,
      lastDeliveryOfService: history.lastDelivery,
    };
  }

  return {
    hooks,
    eligibilityFacts,

    async getRules(ctx: ActorContext, serviceId: string) {
      await catalog.loadService(db, ctx, serviceId);
      const row = await latestRules(db, ctx.actor.organizationId, serviceId);
      return { version: row?.version ?? 0, rules: row?.rules ?? { criteria: [], threshold: 0 } };
    },

    async publishRules(ctx: ActorContext, serviceId: string, rules: RuleSet) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      const categories = new Set(org.settings.beneficiaryCategories.map((c) => c.code));
      const docTypes = new Set(org.settings.documentTypes.map((d) => d.code));
      const fields: Record<string, string> = {};
      rules.criteria.forEach((c, i) => {
        if (c.kind === 'category_in' && c.categories.some((x) => !categories.has(x)))
          fields[`criteria.${i}.categories`] = 'UNKNOWN_CODE';
        if (c.kind === 'document_valid' && !docTypes.has(c.documentType))
          fields[`criteria.${i}.documentType`] = 'UNKNOWN_CODE';
      });
      if (Object.keys(fields).length) throw new AppError(400, 'UNKNOWN_CODE', { fields });
      return db.transaction(async (tx) => {
        await catalog.loadService(tx, ctx, serviceId);
        await lockForChange(tx, `rules:${serviceId}`, ctx.actor.organizationId);
        const current = await latestRules(tx, ctx.actor.organizationId, serviceId);
        const row = await insertRules(tx, {
          organizationId: ctx.actor.organizationId,
          serviceId,
          version: (current?.version ?? 0) + 1,
          rules,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'rules.publish',
          entityType: 'service',
          entityId: serviceId,
          details: { version: row.version, criteria: rules.criteria.length },
        });
        return { version: row.version, rules: row.rules };
      });
    },

    /** The evaluation of a request against its service's rules in force, every criterion explained. */
    async evaluateRequest(ctx: ActorContext, requestId: string) {
      const r = (await requests.view(db, ctx, requestId)).request;
      const rulesRow = await latestRules(db, ctx.actor.organizationId, r.serviceId);
      const facts = await eligibilityFacts(db, ctx, r.beneficiaryId, r.serviceId, r.id);
      const evaluation = evaluateEligibility(rulesRow?.rules ?? { criteria: [], threshold: 0 }, facts);
      return { ruleVersion: rulesRow?.version ?? 0, ...evaluation };
    },

    /** `requestRead`: the caller has already read the request in this transaction (the request page). */
    async listTasks(ctx: ActorContext, requestId: string, requestRead = false) {
      if (!requestRead) await requests.view(db, ctx, requestId);
      return { items: (await listTasks(db, ctx.actor.organizationId, requestId)).map(presentTask) };
    },

    /** The signed-in colleague's open tasks, each naming the person, their place and phone. */
    async myTasks(ctx: ActorContext) {
      const rows = await listWorkTasks(db, ctx.actor.organizationId, {
        assigneeId: ctx.actor.userId,
        statuses: taskAddableStatuses,
        limit: workListLimit,
      });
      await auditWorkList(ctx, 'mine', rows);
      return { items: rows.map((row) => presentWorkTask(row, true)) };
    },

    /** Open tasks nobody has taken yet, for a colleague to take one. */
    async availableTasks(ctx: ActorContext) {
      const rows = await listWorkTasks(db, ctx.actor.organizationId, {
        assigneeId: null,
        statuses: taskAddableStatuses,
        limit: workListLimit,
      });
      await auditWorkList(ctx, 'available', rows);
      return { items: rows.map((row) => presentWorkTask(row, false)) };
    },

    /**
     * An interview or a field visit added to a request by staff, whatever its service planned: for an
     * active colleague who may do verification work, to be done by `dueOn` (today or later). Recorded
     * in the request's history and the audit log.
     */
    async addTask(
      ctx: ActorContext,
      requestId: string,
      input: { mechanism: 'interview' | 'field_visit'; assigneeId: string; dueOn: string },
    ) {
      return db.transaction(async (tx) => {
        await requests.view(tx, ctx, requestId); // 404 before judging the form
        const assignee = await assertAssignable(ctx, input.assigneeId);
        const org = await organizations.getOrganization(ctx.actor.organizationId, tx);
        if (input.dueOn < localToday(clock, org.settings.timeZone)) {
          throw new AppError(400, 'DATE_IN_PAST', { fields: { dueOn: 'DATE_IN_PAST' } });
        }
        await requests.recordEvent(
          tx,
          ctx,
          requestId,
          { action: `add_${input.mechanism}`, note: assignee.fullName },
          (status) => {
            if (!(taskAddableStatuses as readonly string[]).includes(status)) {
              throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status });
            }
          },
        );
        const row = await insertTask(tx, {
          organizationId: ctx.actor.organizationId,
          requestId,
          mechanism: input.mechanism,
          assigneeId: assignee.id,
          dueOn: input.dueOn,
        });
        await recordAudit(tx, ctx, {
          action: 'verification.add',
          entityType: 'request',
          entityId: requestId,
          details: {
            taskId: row.id,
            mechanism: input.mechanism,
            assigneeId: assignee.id,
            dueOn: input.dueOn,
          },
        });
        return taskView(tx, ctx, row.id);
      });
    },

    async scheduleTask(
      ctx: ActorContext,
      id: string,
      input: { assigneeId?: string; onlyIfUnassigned?: boolean; scheduledAt?: string; location?: string },
    ) {
      if (input.assigneeId) await assertAssignable(ctx, input.assigneeId);
      return db.transaction(async (tx) => {
        const task = await loadTask(tx, ctx, id);
        if (task.status === 'done') throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: 'done' });
        if (input.onlyIfUnassigned && task.assigneeId && task.assigneeId !== input.assigneeId) {
          throw new AppError(409, 'CONFLICT', { assigneeId: task.assigneeId });
        }
        await updateTask(tx, task.organizationId, id, {
          assigneeId: input.assigneeId ?? task.assigneeId,
          scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : task.scheduledAt,
          location: input.location ?? task.location,
          status: input.scheduledAt ? 'scheduled' : task.status,
        });
        await recordAudit(tx, ctx, {
          action: 'verification.schedule',
          entityType: 'request',
          entityId: task.requestId,
          details: { taskId: id },
        });
        return taskView(tx, ctx, id);
      });
    },

    /** Findings and a recommendation close the task; the request may then go to the committee. */
    async completeTask(
      ctx: ActorContext,
      id: string,
      input: {
        answers: Record<string, unknown>;
        findings: string;
        recommendation: 'eligible' | 'not_eligible' | 'needs_more';
      },
    ) {
      return db.transaction(async (tx) => {
        const task = await loadTask(tx, ctx, id);
        if (task.status === 'done') throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: 'done' });
        await updateTask(tx, task.organizationId, id, {
          ...input,
          status: 'done',
          completedBy: ctx.actor.userId,
          completedAt: clock.now(),
          assigneeId: task.assigneeId ?? ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'verification.complete',
          entityType: 'request',
          entityId: task.requestId,
          details: { taskId: id, mechanism: task.mechanism, recommendation: input.recommendation },
        });
        return taskView(tx, ctx, id);
      });
    },

    async addPhoto(ctx: ActorContext, taskId: string, data: Buffer) {
      const contentType = detectFileType(data);
      if (contentType !== 'image/jpeg' && contentType !== 'image/png') {
        throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', { fields: { file: 'FILE_TYPE_NOT_ALLOWED' } });
      }
      const key = await storage.put('visit-photos', data);
      try {
        return await db.transaction(async (tx) => {
          const task = await loadTask(tx, ctx, taskId);
          if (task.status === 'done') throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: 'done' });
          const photo = await insertPhoto(tx, {
            organizationId: ctx.actor.organizationId,
            taskId,
            storageKey: key,
            contentType,
            size: data.length,
            uploadedBy: ctx.actor.userId,
          });
          await recordAudit(tx, ctx, {
            action: 'verification.photo',
            entityType: 'request',
            entityId: task.requestId,
            details: { taskId },
          });
          return { id: photo.id, contentType, size: photo.size, createdAt: photo.createdAt.toISOString() };
        });
      } catch (err) {
        await storage.delete(key).catch(() => {});
        throw err;
      }
    },

    async listPhotos(ctx: ActorContext, taskId: string) {
      const task = await lockTask(db, ctx.actor.organizationId, taskId);
      if (!task) throw notFound();
      return {
        items: (await listPhotos(db, ctx.actor.organizationId, taskId)).map((p) => ({
          id: p.id,
          contentType: p.contentType,
          size: p.size,
          createdAt: p.createdAt.toISOString(),
        })),
      };
    },

    async readPhoto(ctx: ActorContext, taskId: string, photoId: string) {
      const task = await lockTask(db, ctx.actor.organizationId, taskId);
      if (!task) throw notFound();
      const photo = await findPhoto(db, ctx.actor.organizationId, taskId, photoId);
      if (!photo) throw notFound();
      return { data: await storage.get(photo.storageKey), contentType: photo.contentType };
    },

    /**
     * A service's rules in force applied to a person's file before any request is made (the portal's
     * "you may qualify"), every criterion explained, with the rules themselves; null when the service
     * has no rules.
     */
    async evaluateFor(ctx: ActorContext, beneficiaryId: string, serviceId: string) {
      const rulesRow = await latestRules(db, ctx.actor.organizationId, serviceId);
      if (!rulesRow || rulesRow.rules.criteria.length === 0) return null;
      const facts = await eligibilityFacts(db, ctx, beneficiaryId, serviceId, null);
      return {
        ruleVersion: rulesRow.version,
        rules: rulesRow.rules,
        ...evaluateEligibility(rulesRow.rules, facts),
      };
    },
  };
}
