// The request page's data in one answer (decision 013): one HTTP call, one transaction, one audit row
// for the read, instead of one call (each with its session check, transaction and audit row) per section.
import type { RequestPageData } from '../../../shared/contracts/request-page';
import { can } from '../../../shared/permissions';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { presentService } from '../services/services.service';
import { presentDelivery, presentHistoryItem, presentReferral } from './requests.presenter';
import { requestPageParts } from './requests.repository';
import type { RequestService } from './requests.service';

/**
 * The verification module's reads of one request, named by shape so that this module does not depend
 * on it (verification already depends on requests); app.ts passes the verification service.
 */
export interface RequestVerificationReads {
  /** `requestRead`: the request was read in this transaction already, so it is not read again. */
  listTasks(
    ctx: ActorContext,
    requestId: string,
    requestRead: boolean,
  ): Promise<{ items: NonNullable<RequestPageData['verifications']> }>;
}

export type RequestPageService = ReturnType<typeof createRequestPageService>;

export function createRequestPageService(deps: {
  db: Db;
  clock: Clock;
  requests: RequestService;
  verification: RequestVerificationReads;
}) {
  const { db, clock, requests, verification } = deps;
  return {
    /**
     * One after the other: every statement runs on the request's one transaction connection, so
     * running them "in parallel" would only queue them on it. The request (with its beneficiary's name
     * and its assignee), then its service, history, deliveries and referrals in one statement, then
     * the verification tasks. The evaluation is the page's second call, made at the same time.
     */
    async pageData(ctx: ActorContext, id: string): Promise<RequestPageData> {
      const orgId = ctx.actor.organizationId;
      const view = await requests.view(db, ctx, id);
      const request = await requests.present(ctx, view);
      const parts = await requestPageParts(db, orgId, id, view.request.serviceId);
      if (!parts) throw notFound();
      const now = clock.now();
      const readsVerification = can(ctx.actor.roles, 'verification.read');
      const verifications = readsVerification ? (await verification.listTasks(ctx, id, true)).items : null;
      return {
        request,
        service: presentService(parts.service),
        history: parts.history.map((h) => presentHistoryItem({ ...h, at: new Date(h.at) })),
        deliveries: parts.deliveries.map((d) => presentDelivery({ ...d, createdAt: new Date(d.createdAt) })),
        referrals: parts.referrals.map((r) =>
          presentReferral(
            {
              referral: {
                ...r,
                dueAt: new Date(r.dueAt),
                answeredAt: r.answeredAt === null ? null : new Date(r.answeredAt),
                createdAt: new Date(r.createdAt),
              },
              assigneeName: r.assigneeName,
              createdByName: r.createdByName,
            },
            now,
          ),
        ),
        verifications,
      };
    },
  };
}
