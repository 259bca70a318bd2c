// Owns the beneficiary's own services and requests in the portal: what they may apply for (and whether
// they may qualify), their drafts and requests, and the three things they may do to one (submit, answer
// a request for information, withdraw). Every rule stays with the requests module: a draft is sent
// through the same transition and completeness check as a request taken at the counter.
import type { Organization } from '../../../shared/contracts/organization';
import type {
  PortalInfoReply,
  PortalMissingItem,
  PortalRequest,
  PortalRequestSummary,
  PortalService,
} from '../../../shared/contracts/portal-requests';
import type { ServiceRequest } from '../../../shared/contracts/requests';
import { portalStatusWords } from '../../../shared/requests/portal-status';
import { decidedStatuses } from '../../../shared/requests/request-machine';
import type { ActorContext, PortalContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { BeneficiaryRecordsService } from '../beneficiaries/beneficiary-records.service';
import type { OrganizationService } from '../organizations/organizations.service';
import type { TransitionService } from '../requests/request-transitions.service';
import type { RequestService } from '../requests/requests.service';
import type { CatalogService } from '../services/services.service';
import type { VerificationService } from '../verification/verification.service';
import { beneficiaryActing } from './portal-actor';
import { explainEligibility } from './portal-eligibility';

export type PortalRequestService = ReturnType<typeof createPortalRequestService>;

/** A person's requests are few: one page holds them all. */
const ownRequestsLimit = 200;

export function summarize(r: ServiceRequest): PortalRequestSummary {
  const words = portalStatusWords(r.status);
  return {
    id: r.id,
    number: r.number,
    serviceId: r.serviceId,
    serviceNameAr: r.serviceNameAr,
    serviceNameEn: r.serviceNameEn,
    status: r.status,
    statusWordsAr: words.ar,
    statusWordsEn: words.en,
    createdAt: r.createdAt,
    submittedAt: r.submittedAt,
    expectedDecisionAt: r.expectedDecisionAt,
  };
}

const documentLabel = (org: Organization, code: string) => {
  const type = org.settings.documentTypes.find((d) => d.code === code);
  return { labelAr: type?.labelAr ?? code, labelEn: type?.labelEn ?? code };
};

/** What still blocks submission, as the portal lists it (from the counter's check). */
function missingItems(
  org: Organization,
  gaps: {
    missingDocuments: string[];
    expiredDocuments: string[];
    declaration: 'never_signed' | 'text_changed' | 'data_changed' | null;
    beneficiaryStatus: string | null;
  },
): PortalMissingItem[] {
  return [
    ...gaps.missingDocuments.map((code) => ({
      kind: 'document' as const,
      code,
      ...documentLabel(org, code),
      expired: false,
    })),
    ...gaps.expiredDocuments.map((code) => ({
      kind: 'document' as const,
      code,
      ...documentLabel(org, code),
      expired: true,
    })),
    ...(gaps.declaration ? [{ kind: 'declaration' as const, reason: gaps.declaration }] : []),
    ...(gaps.beneficiaryStatus ? [{ kind: 'profile' as const, field: 'status' }] : []),
  ];
}

export function createPortalRequestService(deps: {
  organizations: OrganizationService;
  catalog: CatalogService;
  requests: RequestService;
  transitions: TransitionService;
  verification: VerificationService;
  records: BeneficiaryRecordsService;
}) {
  const { organizations, catalog, requests, transitions, verification, records } = deps;

  /** The request, if it is the signed-in person's own; anyone else's answers 404, as an unknown id. */
  async function ownRequest(actor: ActorContext, ctx: PortalContext, id: string) {
    const request = await requests.getRequest(actor, id);
    if (request.beneficiaryId !== ctx.portal.beneficiaryId) throw notFound();
    return request;
  }

  async function detail(actor: ActorContext, ctx: PortalContext, id: string): Promise<PortalRequest> {
    const org = await organizations.getOrganization(ctx.portal.organizationId);
    const r = await ownRequest(actor, ctx, id);
    const missing =
      r.status === 'draft'
        ? missingItems(org, await requests.submissionGaps(actor, r.beneficiaryId, r.serviceId))
        : [];
    const history = (await requests.history(actor, id)).items
      .filter((h) => h.from !== h.to)
      .map((h) => {
        const words = portalStatusWords(h.to);
        return { at: h.at, status: h.to, wordsAr: words.ar, wordsEn: words.en };
      });
    const actions = r.availableActions;
    return {
      ...summarize(r),
      missing,
      infoRequest:
        r.status === 'needs_info'
          ? { note: r.infoRequested.join('\n'), items: r.infoRequested, requestedAt: r.stageEnteredAt }
          : null,
      history,
      letterAvailable: decidedStatuses.includes(r.status),
      canSubmit: actions.includes('submit') && missing.length === 0,
      canWithdraw: actions.includes('withdraw'),
      canProvideInfo: actions.includes('provide_info'),
      availableActions: actions,
    };
  }

  /** Checks the request is the person's own, then takes one of the machine's beneficiary actions. */
  async function act(
    ctx: PortalContext,
    id: string,
    input: { action: 'submit' | 'provide_info' | 'withdraw'; note?: string },
  ): Promise<PortalRequest> {
    const actor = beneficiaryActing(ctx);
    await ownRequest(actor, ctx, id);
    await transitions.transition(actor, id, input);
    return detail(actor, ctx, id);
  }

  return {
    /** The services that take requests, what each needs, and whether the person may qualify. */
    async listServices(ctx: PortalContext): Promise<{ items: PortalService[] }> {
      const actor = beneficiaryActing(ctx);
      const me = ctx.portal.beneficiaryId;
      const org = await organizations.getOrganization(ctx.portal.organizationId);
      const services = (await catalog.listServices(actor, { active: 'true', limit: 200 })).items;
      const held = new Set(
        (await records.listDocuments(actor, me)).items.filter((d) => !d.expired).map((d) => d.type),
      );
      const labels = {
        digits: org.settings.digitStyle,
        categories: org.settings.beneficiaryCategories,
        documentTypes: org.settings.documentTypes,
      };
      const items: PortalService[] = [];
      // One after the other: the request's queries share its one transaction connection.
      for (const s of services) {
        const evaluation = await verification.evaluateFor(actor, me, s.id);
        items.push({
          id: s.id,
          nameAr: s.nameAr,
          nameEn: s.nameEn,
          descriptionAr: s.descriptionAr,
          descriptionEn: s.descriptionEn,
          decisionDays: s.decisionDays,
          requiredDocuments: s.requiredDocuments.map((code) => ({
            code,
            ...documentLabel(org, code),
            held: held.has(code),
          })),
          verification: s.verification,
          eligibility: explainEligibility(evaluation, labels),
        });
      }
      return { items };
    },

    async listRequests(ctx: PortalContext): Promise<{ items: PortalRequestSummary[] }> {
      const actor = beneficiaryActing(ctx);
      const page = await requests.listRequests(actor, {
        queue: 'all',
        beneficiaryId: ctx.portal.beneficiaryId,
        sort: 'newest',
        limit: ownRequestsLimit,
      });
      return { items: page.items.map(summarize) };
    },

    /** A draft on the `website` channel; 409 BENEFICIARY_NOT_ACTIVE until the file is accepted. */
    async createRequest(ctx: PortalContext, serviceId: string): Promise<PortalRequest> {
      const actor = beneficiaryActing(ctx);
      const created = await requests.createDraft(actor, {
        beneficiaryId: ctx.portal.beneficiaryId,
        serviceId,
      });
      return detail(actor, ctx, created.id);
    },

    getRequest: (ctx: PortalContext, id: string) => detail(beneficiaryActing(ctx), ctx, id),

    /**
     * Sends a draft: the counter's completeness check (422 SUBMISSION_INCOMPLETE, its details plus
     * `missing` as the portal lists it), the promised decision date, and the "request received" SMS.
     */
    async submit(ctx: PortalContext, id: string): Promise<PortalRequest> {
      try {
        return await act(ctx, id, { action: 'submit' });
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'SUBMISSION_INCOMPLETE') throw err;
        const org = await organizations.getOrganization(ctx.portal.organizationId);
        const gaps = err.details as Parameters<typeof missingItems>[1];
        throw new AppError(422, 'SUBMISSION_INCOMPLETE', { ...gaps, missing: missingItems(org, gaps) });
      }
    },

    /**
     * The person's answer to a request for information: the request goes back to the stage it came
     * from and the decision clock resumes (transition `provide_info`). Documents they uploaded are
     * named in the answer staff read; each must be their own (404 otherwise).
     */
    async provideInfo(ctx: PortalContext, id: string, input: PortalInfoReply): Promise<PortalRequest> {
      const actor = beneficiaryActing(ctx);
      await ownRequest(actor, ctx, id);
      const ids = [...new Set(input.documentIds ?? [])];
      let note = input.reply;
      if (ids.length) {
        const org = await organizations.getOrganization(ctx.portal.organizationId);
        const mine = (await records.listDocuments(actor, ctx.portal.beneficiaryId)).items;
        const attached = ids.map((docId) => mine.find((d) => d.id === docId));
        if (attached.some((d) => !d)) throw notFound();
        const names = attached.map((d) => `${documentLabel(org, d!.type).labelAr} (${d!.fileName})`);
        note = `${note}\n${message('ar', 'portal.attachedDocuments', {
          documents: names.join(message('ar', 'list.separator')),
        })}`;
      }
      return act(ctx, id, { action: 'provide_info', note: note.slice(0, 2000) });
    },

    withdraw: (ctx: PortalContext, id: string, reason: string | undefined) =>
      act(ctx, id, { action: 'withdraw', note: reason || undefined }),

    /** The decision letter as PDF; 404 until a decision was taken. */
    async letterPdf(ctx: PortalContext, id: string) {
      const actor = beneficiaryActing(ctx);
      await ownRequest(actor, ctx, id);
      return requests.letterPdf(actor, id);
    },
  };
}
