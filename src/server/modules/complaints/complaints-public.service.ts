// The public complaint form and tracking page of an association (no sign-in): anonymous complaints
// and suggestions, a tracking number to follow them, and nothing personal in what tracking shows.
// Bots are refused without a puzzle that would exclude people: a honeypot field, a minimum time
// between opening the form and sending it, and counts per client address and per association.
import {
  type PublicComplaint,
  type PublicComplaintStatus,
  trackingNumberPattern,
} from '../../../shared/contracts/complaints';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { OrganizationService } from '../organizations/organizations.service';
import type { PortalAuthService } from '../portal/portal-auth.service';
import { presentPublicStatus } from './complaints.presenter';
import { findByTrackingNumber } from './complaints.repository';
import { writeComplaint } from './complaints.service';

/** Per window of the portal's counter (15 minutes): generous for people, tight for scripts. */
export const maxComplaintsPerAddress = 10;
export const maxComplaintsPerAssociation = 200;
export const maxTrackingLookupsPerAddress = 60;
/** A person needs a few seconds to write; a script sends at once. */
export const minimumFormMs = 3_000;
/** A browser clock ahead of ours by more than this is taken for skew, not for speed. */
const clockSkewMs = 60_000;

export type PublicComplaintService = ReturnType<typeof createPublicComplaintService>;

export function createPublicComplaintService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  /** The portal's window counter (login_throttle): one more attempt under a key, 429 past the limit. */
  throttle: Pick<PortalAuthService, 'countAttempt'>;
}) {
  const { db, clock, organizations, throttle } = deps;

  /** The same answer for every refusal, so a script learns nothing about which check caught it. */
  const refused = () => new AppError(400, 'BAD_REQUEST');

  function looksScripted(input: PublicComplaint): boolean {
    if (input.website !== undefined && input.website.trim() !== '') return true;
    if (input.startedAt === undefined) return false;
    const age = clock.now().getTime() - input.startedAt;
    return age < minimumFormMs && age > -clockSkewMs;
  }

  return {
    async submit(
      ctx: RequestContext,
      slug: string,
      input: PublicComplaint,
    ): Promise<{ trackingNumber: string }> {
      await throttle.countAttempt(`complaint-ip:${ctx.ip ?? 'unknown'}`, maxComplaintsPerAddress);
      if (looksScripted(input)) throw refused();
      const organizationId = await organizations.findIdBySlug(slug);
      if (!organizationId) throw notFound();
      await throttle.countAttempt(`complaint-org:${organizationId}`, maxComplaintsPerAssociation);
      const row = await inTenant(db, { organizationId, userId: null }, async () =>
        writeComplaint(
          db,
          ctx,
          await organizations.getOrganization(organizationId, db),
          {
            organizationId,
            kind: input.kind,
            source: 'public',
            text: input.text,
            category: input.category ?? null,
            name: input.name ?? null,
            phone: input.phone ?? null,
            anonymous: !input.name,
          },
          clock.now(),
        ),
      );
      return { trackingNumber: row.trackingNumber };
    },

    async track(ctx: RequestContext, slug: string, trackingNumber: string): Promise<PublicComplaintStatus> {
      await throttle.countAttempt(`complaint-track-ip:${ctx.ip ?? 'unknown'}`, maxTrackingLookupsPerAddress);
      if (!trackingNumberPattern.test(trackingNumber)) throw notFound();
      const organizationId = await organizations.findIdBySlug(slug);
      if (!organizationId) throw notFound();
      const row = await inTenant(db, { organizationId, userId: null }, () =>
        findByTrackingNumber(db, organizationId, trackingNumber),
      );
      if (!row) throw notFound();
      return presentPublicStatus(row);
    },
  };
}
