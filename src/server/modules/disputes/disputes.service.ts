// الميثاق والخلافات (issue 14 item 3): the beneficiary charter's acceptance (at intake by staff, in the
// portal by the person, each with the version accepted) and the dispute record, which follows the
// charter's order of settlement: amicable settlement with the relations officer → the executive
// director's review → the board's decision → the competent authority. Every read and change of a
// dispute or an acceptance is audited (personal data).
import type {
  CharterAcceptanceInput,
  DisputeInput,
  DisputeStepInput,
  DisputesQuery,
} from '../../../shared/contracts/disputes';
import { disputeSteps } from '../../../shared/contracts/disputes';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { decodeInstantIdCursor, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext, PortalContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { assertKnownCodes, type BeneficiaryService } from '../beneficiaries/beneficiaries.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { PolicyService } from '../policies/policies.service';
import {
  type DisputeLine,
  findDispute,
  insertCharterAcceptance,
  insertDispute,
  insertStep,
  latestCharterAcceptance,
  listDisputes,
  lockDispute,
  requestOfBeneficiary,
  stepsOf,
  updateDispute,
} from './disputes.repository';

export type DisputeService = ReturnType<typeof createDisputeService>;

const iso = (d: Date | null) => d?.toISOString() ?? null;

const presentSummary = (line: DisputeLine) => ({
  id: line.dispute.id,
  beneficiaryId: line.dispute.beneficiaryId,
  beneficiaryName: line.beneficiaryName,
  fileNumber: line.fileNumber,
  requestId: line.dispute.requestId,
  subject: line.dispute.subject,
  status: line.dispute.status,
  charterVersion: line.dispute.charterVersion,
  currentStep: line.currentStep as (typeof disputeSteps)[number] | null,
  openedAt: line.dispute.openedAt.toISOString(),
  closedAt: iso(line.dispute.closedAt),
});

/** The step that may come next after the last one recorded (null: none left). */
function nextStepAfter(current: string | null) {
  const position = current === null ? 0 : disputeSteps.indexOf(current as (typeof disputeSteps)[number]) + 1;
  return disputeSteps[position] ?? null;
}

export function createDisputeService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  beneficiaries: BeneficiaryService;
  policies: PolicyService;
}) {
  const { db, clock, organizations, beneficiaries, policies } = deps;

  async function detail(tx: Tx, organizationId: string, id: string) {
    const line = await findDispute(tx, organizationId, id);
    if (!line) throw notFound();
    const steps = await stepsOf(tx, organizationId, id);
    return {
      ...presentSummary(line),
      description: line.dispute.description,
      outcome: line.dispute.outcome,
      openedByName: line.openedByName,
      closedByName: line.closedByName,
      steps: steps.map((s) => ({
        id: s.step.id,
        step: s.step.step,
        note: s.step.note,
        recordedByName: s.recordedByName,
        recordedAt: s.step.recordedAt.toISOString(),
      })),
      nextStep: line.dispute.status === 'open' ? nextStepAfter(line.currentStep) : null,
    };
  }

  /** The charter in force and the beneficiary's latest acceptance. */
  async function charterState(tx: Tx, organizationId: string, beneficiaryId: string) {
    const charter = await policies.publishedText(tx, organizationId, 'charter');
    const accepted = await latestCharterAcceptance(tx, organizationId, beneficiaryId);
    return {
      currentVersion: charter?.versionNumber ?? null,
      acceptedVersion: accepted?.versionNumber ?? null,
      acceptedAt: iso(accepted?.acceptedAt ?? null),
      channel: accepted?.channel ?? null,
      needsAcceptance:
        charter !== null &&
        (accepted === null ||
          accepted.documentId !== charter.documentId ||
          accepted.versionNumber !== charter.versionNumber),
    };
  }

  /** Records the acceptance of the version shown; a newer version published meanwhile answers 409. */
  async function accept(
    tx: Tx,
    ctx: ActorContext | PortalContext,
    organizationId: string,
    beneficiaryId: string,
    input: CharterAcceptanceInput & { recordedBy: string | null },
  ) {
    const charter = await policies.publishedText(tx, organizationId, 'charter');
    if (!charter || charter.versionNumber !== input.versionNumber) {
      throw new AppError(409, 'CHARTER_CHANGED', { currentVersion: charter?.versionNumber ?? null });
    }
    const row = await insertCharterAcceptance(tx, {
      organizationId,
      beneficiaryId,
      documentId: charter.documentId,
      versionNumber: charter.versionNumber,
      channel: input.channel,
      acceptedAt: clock.now(),
      recordedBy: input.recordedBy,
    });
    await recordAudit(tx, ctx, {
      action: 'charter.accept',
      entityType: 'beneficiary',
      entityId: beneficiaryId,
      details: { versionNumber: row.versionNumber, channel: row.channel },
    });
    return charterState(tx, organizationId, beneficiaryId);
  }

  return {
    async list(ctx: ActorContext, query: DisputesQuery) {
      const organizationId = ctx.actor.organizationId;
      const cursor = decodeInstantIdCursor(query.cursor);
      const after: [string, string] | null = cursor ? [cursor.at.toISOString(), cursor.id] : null;
      const { rows, total } = await listDisputes(db, organizationId, query, after);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(presentSummary),
        total,
        nextCursor:
          rows.length > query.limit && last
            ? encodeCursor([last.dispute.openedAt.toISOString(), last.dispute.id])
            : null,
      };
    },

    /** Reads are audited by the access layer (personal data, `disputes.read`). */
    get: (ctx: ActorContext, id: string) => detail(db, ctx.actor.organizationId, id),

    /** A dispute opened under the charter version in force. */
    async open(ctx: ActorContext, input: DisputeInput) {
      const organizationId = ctx.actor.organizationId;
      return db.transaction(async (tx) => {
        const beneficiary = await beneficiaries.load(tx, ctx, input.beneficiaryId);
        if (
          input.requestId &&
          !(await requestOfBeneficiary(tx, organizationId, input.requestId, beneficiary.id))
        ) {
          throw new AppError(400, 'VALIDATION_FAILED', { fields: { requestId: 'NOT_FOUND' } });
        }
        const charter = await policies.publishedText(tx, organizationId, 'charter');
        const now = clock.now();
        const id = await insertDispute(tx, {
          organizationId,
          beneficiaryId: beneficiary.id,
          requestId: input.requestId ?? null,
          subject: input.subject,
          description: input.description,
          charterVersion: charter?.versionNumber ?? null,
          openedBy: ctx.actor.userId,
          openedAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, ctx, {
          action: 'disputes.open',
          entityType: 'dispute',
          entityId: id,
          details: { beneficiaryId: beneficiary.id, charterVersion: charter?.versionNumber ?? null },
        });
        return detail(tx, organizationId, id);
      });
    },

    /** The next step in the charter's order; a skipped or repeated step answers 409. */
    async recordStep(ctx: ActorContext, id: string, input: DisputeStepInput) {
      const organizationId = ctx.actor.organizationId;
      return db.transaction(async (tx) => {
        const dispute = await lockDispute(tx, organizationId, id);
        if (!dispute) throw notFound();
        if (dispute.status !== 'open')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: dispute.status });
        const steps = await stepsOf(tx, organizationId, id);
        const expected = nextStepAfter(steps.at(-1)?.step.step ?? null);
        if (input.step !== expected)
          throw new AppError(409, 'STEP_OUT_OF_ORDER', { expected, step: input.step });
        const now = clock.now();
        await insertStep(tx, {
          organizationId,
          disputeId: id,
          step: input.step,
          position: disputeSteps.indexOf(input.step),
          note: input.note,
          recordedBy: ctx.actor.userId,
          recordedAt: now,
        });
        await updateDispute(tx, organizationId, id, { updatedAt: now });
        await recordAudit(tx, ctx, {
          action: 'disputes.step',
          entityType: 'dispute',
          entityId: id,
          details: { step: input.step },
        });
        return detail(tx, organizationId, id);
      });
    },

    async close(ctx: ActorContext, id: string, input: { outcome: string }) {
      const organizationId = ctx.actor.organizationId;
      return db.transaction(async (tx) => {
        const dispute = await lockDispute(tx, organizationId, id);
        if (!dispute) throw notFound();
        if (dispute.status !== 'open')
          throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: dispute.status });
        const now = clock.now();
        await updateDispute(tx, organizationId, id, {
          status: 'closed',
          outcome: input.outcome,
          closedBy: ctx.actor.userId,
          closedAt: now,
          updatedAt: now,
        });
        await recordAudit(tx, ctx, { action: 'disputes.close', entityType: 'dispute', entityId: id });
        return detail(tx, organizationId, id);
      });
    },

    /** Staff: the beneficiary's charter state (the profile and the intake form). */
    async charterOf(ctx: ActorContext, beneficiaryId: string) {
      const beneficiary = await beneficiaries.load(db, ctx, beneficiaryId);
      return charterState(db, ctx.actor.organizationId, beneficiary.id);
    },

    /** Staff: the charter was read to / by the beneficiary and accepted (at intake, or later). */
    async acceptAtCounter(ctx: ActorContext, beneficiaryId: string, input: CharterAcceptanceInput) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      assertKnownCodes(org.settings, { channel: input.channel });
      return db.transaction(async (tx) => {
        const beneficiary = await beneficiaries.load(tx, ctx, beneficiaryId, true);
        return accept(tx, ctx, ctx.actor.organizationId, beneficiary.id, {
          ...input,
          recordedBy: ctx.actor.userId,
        });
      });
    },

    /** The charter in force, as the public and the portal read it (no personal data). */
    charterText: (organizationId: string, tx: Tx = db) =>
      policies.publishedText(tx, organizationId, 'charter'),

    /** Portal: the signed-in person's charter state, with the text to show. */
    async portalCharter(ctx: PortalContext) {
      const { organizationId, beneficiaryId } = ctx.portal;
      const text = await policies.publishedText(db, organizationId, 'charter');
      return { text, state: await charterState(db, organizationId, beneficiaryId) };
    },

    /** Portal: the person accepts the charter themselves (on the website channel, as portal consents are). */
    portalAccept: (ctx: PortalContext, input: { versionNumber: number }) =>
      db.transaction((tx) =>
        accept(tx, ctx, ctx.portal.organizationId, ctx.portal.beneficiaryId, {
          versionNumber: input.versionNumber,
          channel: 'website',
          recordedBy: null,
        }),
      ),
  };
}
