// السياسة سجلاً حياً — the association's policy (and its other governing texts) as a living record
// (issue 14 item 1): versions written as drafts, submitted for review, approved by the board (its
// decision's number and date, the minutes' reference, who recorded it), published (the previous
// publication superseded; one published version at a time), compared line by line, and acknowledged by
// every active staff member — who has not, is listed for the managers and reminded daily.
import type {
  PolicyApproval,
  PolicyInput,
  PolicyUpdate,
  PolicyVersionStatus,
  PolicyVersionUpdate,
} from '../../../shared/contracts/policies';
import type { StaffRole } from '../../../shared/roles';
import { recordAudit } from '../../platform/audit/audit';
import { type Clock, localToday } from '../../platform/clock';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { FileStorage } from '../../platform/files/storage';
import type { ActorContext, RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  acknowledgementsBy,
  findDocument,
  findVersion,
  insertAcknowledgement,
  insertDocument,
  insertVersion,
  listDocuments,
  nextVersionNumber,
  type PolicyDocumentRow,
  type PolicyVersionRow,
  refreshSearchText,
  staffAcknowledgements,
  supersedePublished,
  updateDocument,
  updateVersion,
  versionsOf,
} from './policies.repository';
import { diffPolicyText } from './policy-diff';
import { createPolicyMinutes } from './policy-minutes';
import { createPolicyTexts, publishSignedText, type SignedTextRegistry } from './policy-texts';

export type PolicyService = ReturnType<typeof createPolicyService>;

type VersionLine = Awaited<ReturnType<typeof versionsOf>>[number];

const iso = (d: Date | null) => d?.toISOString() ?? null;
const wrongState = (status: PolicyVersionStatus) => new AppError(409, 'TRANSITION_NOT_ALLOWED', { status });

const documentValues = (input: PolicyInput) => ({
  kind: input.kind,
  titleAr: input.titleAr,
  titleEn: input.titleEn,
  reviewDate: input.reviewDate ?? null,
  purpose: input.purpose ?? null,
  contexts: input.contexts ?? [],
});

const presentVersion = (line: VersionLine) => ({
  id: line.version.id,
  number: line.version.number,
  status: line.version.status,
  changeNote: line.version.changeNote,
  decisionNumber: line.version.decisionNumber,
  decisionDate: line.version.decisionDate,
  minutesReference: line.version.minutesReference,
  approvedByName: line.approvedByName,
  approvedAt: iso(line.version.approvedAt),
  minutes: line.minutes
    ? {
        fileName: line.minutes.fileName,
        contentType: line.minutes.contentType,
        size: line.minutes.size,
        uploadedAt: line.minutes.uploadedAt.toISOString(),
      }
    : null,
  submittedAt: iso(line.version.submittedAt),
  publishedAt: iso(line.version.publishedAt),
  supersededAt: iso(line.version.supersededAt),
  createdAt: line.version.createdAt.toISOString(),
});

export function createPolicyService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  records: SignedTextRegistry;
  storage: FileStorage;
}) {
  const { db, clock, organizations, records, storage } = deps;
  const texts = createPolicyTexts({ db });
  const minutes = createPolicyMinutes({ db, clock, storage });

  async function today(organizationId: string) {
    const organization = await organizations.getOrganization(organizationId);
    return localToday(clock, organization.settings.timeZone);
  }

  /** Documents with their versions (newest first) and the caller's acknowledgements. */
  async function summaries(ctx: ActorContext, documents: PolicyDocumentRow[]) {
    const organizationId = ctx.actor.organizationId;
    const versions = await versionsOf(
      db,
      organizationId,
      documents.map((d) => d.id),
    );
    const published = versions.filter((v) => v.version.status === 'published');
    const acks = await acknowledgementsBy(
      db,
      organizationId,
      ctx.actor.userId,
      published.map((v) => v.version.id),
    );
    const date = await today(organizationId);
    return documents.map((document) => {
      const own = versions.filter((v) => v.version.documentId === document.id);
      const current = own.find((v) => v.version.status === 'published') ?? null;
      const ack = current ? acks.find((a) => a.versionId === current.version.id) : undefined;
      return {
        summary: {
          id: document.id,
          kind: document.kind,
          titleAr: document.titleAr,
          titleEn: document.titleEn,
          purpose: (document.purpose as PolicyInput['purpose']) ?? null,
          contexts: document.contexts as NonNullable<PolicyInput['contexts']>,
          reviewDate: document.reviewDate,
          reviewOverdue: document.reviewDate !== null && document.reviewDate < date,
          publishedVersion: current?.version.number ?? null,
          publishedAt: iso(current?.version.publishedAt ?? null),
          latestVersion: own[0]?.version.number ?? 0,
          latestStatus: own[0]?.version.status ?? 'draft',
          acknowledged: current ? ack !== undefined : null,
        },
        versions: own,
        current,
        acknowledgedAt: ack ? ack.at.toISOString() : null,
      };
    });
  }

  async function detail(ctx: ActorContext, id: string) {
    const document = await findDocument(db, ctx.actor.organizationId, id);
    if (!document) throw notFound();
    const [line] = await summaries(ctx, [document]);
    return {
      ...line!.summary,
      publishedBody: line!.current?.version.body ?? null,
      publishedBodyEn: line!.current?.version.bodyEn ?? null,
      acknowledgedAt: line!.acknowledgedAt,
      versions: line!.versions.map((v) => ({
        ...presentVersion(v),
        body: v.version.body,
        bodyEn: v.version.bodyEn,
      })),
    };
  }

  /** Locks the document, finds the version, checks its state, applies the change, audits it. */
  async function transition(
    ctx: ActorContext,
    id: string,
    vid: string,
    from: PolicyVersionStatus,
    change: (
      tx: Tx,
      version: PolicyVersionRow,
      now: Date,
      document: PolicyDocumentRow,
    ) => Promise<Record<string, unknown>>,
    action: string,
  ) {
    const organizationId = ctx.actor.organizationId;
    await db.transaction(async (tx) => {
      const document = await findDocument(tx, organizationId, id, true);
      if (!document) throw notFound();
      const version = await findVersion(tx, organizationId, id, vid);
      if (!version) throw notFound();
      if (version.status !== from) throw wrongState(version.status);
      const details = await change(tx, version, clock.now(), document);
      await recordAudit(tx, ctx, {
        action,
        entityType: 'policy_version',
        entityId: vid,
        details: { documentId: id, number: version.number, ...details },
      });
    });
    return detail(ctx, id);
  }

  return {
    /** One page (by kind, then title); without a limit (a caller in the server), the largest page. */
    async list(
      ctx: ActorContext,
      filter: { kind?: PolicyDocumentRow['kind']; limit?: number; cursor?: string },
    ) {
      const offset = decodeOffset(filter.cursor);
      const { rows, total } = await listDocuments(db, ctx.actor.organizationId, {
        kind: filter.kind,
        limit: filter.limit ?? 200,
        offset,
      });
      const items = (await summaries(ctx, rows)).map((l) => l.summary);
      const next = offset + items.length;
      return { items, total, nextCursor: next < total ? encodeCursor([next]) : null };
    },

    get: detail,

    /** A new document with its first version as a draft. */
    async create(ctx: ActorContext, input: PolicyInput) {
      const id = await db.transaction(async (tx) => {
        const organizationId = ctx.actor.organizationId;
        const id = await insertDocument(tx, {
          ...documentValues(input),
          organizationId,
          createdBy: ctx.actor.userId,
        });
        await insertVersion(tx, {
          organizationId,
          documentId: id,
          number: 1,
          body: input.body,
          bodyEn: input.bodyEn ?? null,
          createdBy: ctx.actor.userId,
        });
        await refreshSearchText(tx, organizationId, id);
        await recordAudit(tx, ctx, { action: 'policies.create', entityType: 'policy', entityId: id });
        return id;
      });
      return detail(ctx, id);
    },

    /**
     * A document whose first version the board already approved and the association published (the
     * demo's seed policies; an association bringing its existing policy): written in the caller's
     * transaction, inside the association's scope.
     */
    async importPublished(
      tx: Tx,
      ctx: RequestContext,
      organizationId: string,
      input: PolicyInput & PolicyApproval & { approvedBy: string | null; approvedAt: Date },
    ) {
      const id = await insertDocument(tx, { ...documentValues(input), organizationId });
      await insertVersion(tx, {
        organizationId,
        documentId: id,
        number: 1,
        body: input.body,
        bodyEn: input.bodyEn ?? null,
        status: 'published',
        decisionNumber: input.decisionNumber,
        decisionDate: input.decisionDate,
        minutesReference: input.minutesReference || null,
        approvedBy: input.approvedBy,
        approvedAt: input.approvedAt,
        submittedAt: input.approvedAt,
        publishedAt: input.approvedAt,
      });
      await refreshSearchText(tx, organizationId, id);
      await recordAudit(tx, ctx, {
        organizationId,
        action: 'policies.import',
        entityType: 'policy',
        entityId: id,
        details: { decisionNumber: input.decisionNumber },
      });
      return id;
    },

    async update(ctx: ActorContext, id: string, input: PolicyUpdate) {
      await db.transaction(async (tx) => {
        const values = { ...input, updatedAt: clock.now() };
        if (!(await updateDocument(tx, ctx.actor.organizationId, id, values))) throw notFound();
        await refreshSearchText(tx, ctx.actor.organizationId, id);
        await recordAudit(tx, ctx, {
          action: 'policies.update',
          entityType: 'policy',
          entityId: id,
          details: { fields: Object.keys(input) },
        });
      });
      return detail(ctx, id);
    },

    /** A new draft from the latest version's text; one version in the works at a time. */
    async newVersion(ctx: ActorContext, id: string, input: { changeNote?: string | undefined }) {
      const organizationId = ctx.actor.organizationId;
      await db.transaction(async (tx) => {
        if (!(await findDocument(tx, organizationId, id, true))) throw notFound();
        const [latest] = await versionsOf(tx, organizationId, [id]);
        const open = latest && ['draft', 'review', 'approved'].includes(latest.version.status);
        if (open) throw wrongState(latest.version.status);
        const number = await nextVersionNumber(tx, organizationId, id);
        const versionId = await insertVersion(tx, {
          organizationId,
          documentId: id,
          number,
          body: latest?.version.body ?? '',
          bodyEn: latest?.version.bodyEn ?? null,
          changeNote: input.changeNote ?? null,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'policies.new_version',
          entityType: 'policy_version',
          entityId: versionId,
          details: { documentId: id, number },
        });
      });
      return detail(ctx, id);
    },

    editDraft: (ctx: ActorContext, id: string, vid: string, input: PolicyVersionUpdate) =>
      transition(
        ctx,
        id,
        vid,
        'draft',
        async (tx, _version, now) => {
          const values = {
            body: input.body,
            updatedAt: now,
            ...(input.bodyEn === undefined ? {} : { bodyEn: input.bodyEn }),
            ...(input.changeNote === undefined ? {} : { changeNote: input.changeNote }),
          };
          await updateVersion(tx, ctx.actor.organizationId, vid, values);
          return {};
        },
        'policies.edit_draft',
      ),

    submit: (ctx: ActorContext, id: string, vid: string) =>
      transition(
        ctx,
        id,
        vid,
        'draft',
        async (tx, _version, now) => {
          await updateVersion(tx, ctx.actor.organizationId, vid, {
            status: 'review',
            submittedAt: now,
            updatedAt: now,
          });
          return {};
        },
        'policies.submit',
      ),

    /** The board's decision, recorded by whoever holds `policies.approve`. */
    approve: (ctx: ActorContext, id: string, vid: string, input: PolicyApproval) =>
      transition(
        ctx,
        id,
        vid,
        'review',
        async (tx, _version, now) => {
          await updateVersion(tx, ctx.actor.organizationId, vid, {
            status: 'approved',
            decisionNumber: input.decisionNumber,
            decisionDate: input.decisionDate,
            minutesReference: input.minutesReference || null,
            approvedBy: ctx.actor.userId,
            approvedAt: now,
            updatedAt: now,
          });
          return { decisionNumber: input.decisionNumber, decisionDate: input.decisionDate };
        },
        'policies.approve',
      ),

    publish: (ctx: ActorContext, id: string, vid: string) =>
      transition(
        ctx,
        id,
        vid,
        'approved',
        async (tx, version, now, document) => {
          await supersedePublished(tx, ctx.actor.organizationId, id, now);
          await updateVersion(tx, ctx.actor.organizationId, vid, {
            status: 'published',
            publishedAt: now,
            updatedAt: now,
          });
          await refreshSearchText(tx, ctx.actor.organizationId, id);
          await publishSignedText(records, tx, ctx, document, version);
          return {};
        },
        'policies.publish',
      ),

    ...texts,
    ...minutes,

    async diff(ctx: ActorContext, id: string, fromId: string, toId: string) {
      const organizationId = ctx.actor.organizationId;
      const [from, to] = await Promise.all([
        findVersion(db, organizationId, id, fromId),
        findVersion(db, organizationId, id, toId),
      ]);
      if (!from || !to) throw notFound();
      return {
        from: { id: from.id, number: from.number },
        to: { id: to.id, number: to.number },
        ...diffPolicyText(from.body, to.body),
      };
    },

    /** The caller acknowledges the published version; again is harmless (the first time stays). */
    async acknowledge(ctx: ActorContext, id: string) {
      const organizationId = ctx.actor.organizationId;
      const versionId = await db.transaction(async (tx) => {
        if (!(await findDocument(tx, organizationId, id))) throw notFound();
        const current = (await versionsOf(tx, organizationId, [id])).find(
          (v) => v.version.status === 'published',
        );
        if (!current) throw new AppError(409, 'CONFLICT', { reason: 'nothing_published' });
        await insertAcknowledgement(tx, {
          organizationId,
          documentId: id,
          versionId: current.version.id,
          userId: ctx.actor.userId,
          acknowledgedAt: clock.now(),
        });
        await recordAudit(tx, ctx, {
          action: 'policies.acknowledge',
          entityType: 'policy_version',
          entityId: current.version.id,
          details: { documentId: id, number: current.version.number },
        });
        return current.version.id;
      });
      const [ack] = await acknowledgementsBy(db, organizationId, ctx.actor.userId, [versionId]);
      return { versionId, acknowledgedAt: ack!.at.toISOString() };
    },

    /** Who of the active staff acknowledged the published version, and who has not. */
    async acknowledgements(ctx: ActorContext, id: string) {
      const organizationId = ctx.actor.organizationId;
      if (!(await findDocument(db, organizationId, id))) throw notFound();
      const current = (await versionsOf(db, organizationId, [id])).find(
        (v) => v.version.status === 'published',
      );
      if (!current) return { version: null, acknowledged: [], pending: [] };
      const staff = await staffAcknowledgements(db, organizationId, current.version.id);
      const line = (s: (typeof staff)[number]) => ({
        userId: s.userId,
        fullName: s.fullName,
        roles: s.roles as StaffRole[],
      });
      return {
        version: { id: current.version.id, number: current.version.number },
        acknowledged: staff
          .filter((s) => s.acknowledgedAt !== null)
          .map((s) => ({ ...line(s), acknowledgedAt: s.acknowledgedAt!.toISOString() })),
        pending: staff.filter((s) => s.acknowledgedAt === null).map(line),
      };
    },
  };
}
