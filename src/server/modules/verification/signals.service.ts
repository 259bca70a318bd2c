// Fraud signals on the case page and the what-if of a rule change: both serve the policy's stated
// purposes — fair and objective access, and preventing misuse of services.
import {
  type EligibilityFacts,
  evaluateEligibility,
  householdIncome,
  type RuleSet,
} from '../../../shared/eligibility/rules';
import { recordAudit } from '../../platform/audit/audit';
import { type Clock, localToday } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import type { RequestService } from '../requests/requests.service';
import type { CatalogService } from '../services/services.service';
import {
  eligibilityFactsOf,
  type FactsRow,
  findSignals,
  insertDismissal,
  listDismissals,
} from './signals.repository';
import { latestRules } from './verification.repository';

/**
 * The facts of one beneficiary from the what-if's SQL scan: the same facts, by the same rules, as the
 * explained evaluation computes one beneficiary at a time (VerificationService.eligibilityFacts).
 */
export function whatIfFacts(r: FactsRow, today: string): EligibilityFacts {
  const size = Number(r.household_size);
  return {
    today,
    categories: r.categories,
    city: r.city,
    birthDate: r.birth_date,
    householdSize: size,
    monthlyIncomePerCapita: householdIncome([Number(r.monthly_income)], size).monthlyIncomePerCapita,
    documents: (r.doc_types ?? []).map((type) => ({
      type,
      expired: !(r.valid_types ?? []).includes(type),
    })),
    activeRequestsForService: Number(r.active_requests),
    lastDeliveryOfService: r.last_delivery,
  };
}

export type SignalService = ReturnType<typeof createSignalService>;

export function createSignalService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  requests: RequestService;
  catalog: CatalogService;
}) {
  const { db, clock, organizations, requests, catalog } = deps;

  return {
    async listSignals(ctx: ActorContext, requestId: string) {
      const view = await requests.view(db, ctx, requestId);
      // One after the other: a request's queries share its one transaction connection.
      const signals = await findSignals(
        db,
        ctx.actor.organizationId,
        view.request.beneficiaryId,
        clock.now(),
      );
      const dismissed = await listDismissals(db, ctx.actor.organizationId, requestId);
      const byKey = new Map(dismissed.map((d) => [d.signalKey, d]));
      return {
        items: signals.map((s) => ({
          key: s.key,
          kind: s.kind,
          otherBeneficiaryId: s.other_id,
          otherFileNumber: s.other_file,
          detail: s.detail,
          dismissed: byKey.has(s.key),
          dismissReason: byKey.get(s.key)?.reason ?? null,
        })),
      };
    },

    async dismissSignal(ctx: ActorContext, requestId: string, key: string, reason: string) {
      const current = await this.listSignals(ctx, requestId);
      if (!current.items.some((s) => s.key === key)) throw notFound();
      await db.transaction(async (tx) => {
        await insertDismissal(tx, {
          organizationId: ctx.actor.organizationId,
          requestId,
          signalKey: key,
          reason,
          dismissedBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'fraud.dismiss',
          entityType: 'request',
          entityId: requestId,
          details: { key, reason },
        });
      });
      return this.listSignals(ctx, requestId);
    },

    /**
     * Before a rule change is saved: how many active beneficiaries (and how many with an open
     * request of the service) would get a different recommendation, with a sample.
     */
    /**
     * The people a service's rules in force find eligible today and who have no open request for it
     * (outreach: "a new service you may qualify for"); a service without rules falls back to its target
     * categories, and one with neither has no such audience (an empty list).
     */
    async eligibleWithoutRequest(ctx: ActorContext, serviceId: string) {
      const service = await catalog.loadService(db, ctx, serviceId);
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      const today = localToday(clock, org.settings.timeZone);
      const rules = (await latestRules(db, ctx.actor.organizationId, serviceId))?.rules;
      const targets = service.targetCategories;
      if (!rules?.criteria.length && targets.length === 0) return [];
      const rows = await eligibilityFactsOf(db, ctx.actor.organizationId, serviceId, today);
      return rows
        .filter((r) => !r.open_request)
        .filter((r) =>
          rules?.criteria.length
            ? evaluateEligibility(rules, whatIfFacts(r, today)).recommendation === 'eligible'
            : r.categories.some((c) => targets.includes(c)),
        )
        .map((r) => r.id);
    },

    async whatIf(ctx: ActorContext, serviceId: string, proposed: RuleSet) {
      await catalog.loadService(db, ctx, serviceId);
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      const today = localToday(clock, org.settings.timeZone);
      const current = (await latestRules(db, ctx.actor.organizationId, serviceId))?.rules ?? {
        criteria: [],
        threshold: 0,
      };
      if (proposed.criteria.length > 30) throw new AppError(400, 'VALIDATION_FAILED');
      const started = Date.now();
      const rows = await eligibilityFactsOf(db, ctx.actor.organizationId, serviceId, today);
      let changed = 0;
      let changedOpen = 0;
      const sample: {
        beneficiaryId: string;
        fileNumber: string;
        fullNameAr: string;
        before: string;
        after: string;
      }[] = [];
      for (const r of rows) {
        const facts = whatIfFacts(r, today);
        const before = evaluateEligibility(current, facts).recommendation;
        const after = evaluateEligibility(proposed, facts).recommendation;
        if (before === after) continue;
        changed += 1;
        if (r.open_request) changedOpen += 1;
        if (sample.length < 10)
          sample.push({
            beneficiaryId: r.id,
            fileNumber: r.file_number,
            fullNameAr: r.full_name_ar,
            before,
            after,
          });
      }
      return {
        evaluated: rows.length,
        changed,
        changedWithOpenRequest: changedOpen,
        sample,
        elapsedMs: Date.now() - started,
      };
    },
  };
}
