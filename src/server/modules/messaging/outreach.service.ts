// Outreach the association starts itself: each day, a reminder for every document that expires within
// 30 days (association time), once per document ever (outreach_sends), with the person's consent.
import { z } from 'zod';
import { localDate } from '../../../shared/calendar';
import type { Clock } from '../../platform/clock';
import { localToday } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { JobDefinition } from '../../platform/jobs/jobs';
import type { OrganizationService } from '../organizations/organizations.service';
import {
  claimOutreach,
  expiringDocuments,
  linkOutreachMessage,
  organizationsWithExpiringDocuments,
  releaseOutreach,
} from './messaging.repository';
import type { MessagingService } from './messaging.service';

export const expiringDocumentsJobName = 'outreach.expiring_documents';
export const expiringDocumentsWindowDays = 30;

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type OutreachService = ReturnType<typeof createOutreachService>;

export function createOutreachService(deps: {
  db: Db;
  clock: Clock;
  organizations: OrganizationService;
  messaging: MessagingService;
}) {
  const { db, clock, organizations, messaging } = deps;

  /** One association: its documents expiring from today to 30 days on, each told once. */
  async function remindOrganization(organizationId: string) {
    const counts = { sent: 0, skipped: 0 };
    await inTenant(db, { organizationId, userId: null }, async () => {
      const org = await organizations.getOrganization(organizationId, db);
      const today = localToday(clock, org.settings.timeZone);
      const until = addDays(today, expiringDocumentsWindowDays);
      const labels = new Map(org.settings.documentTypes.map((d) => [d.code, d]));
      for (const doc of await expiringDocuments(db, organizationId, today, until)) {
        // Claimed first, in this transaction: a second run (or a second worker) finds it taken.
        const claim = await claimOutreach(db, {
          organizationId,
          kind: 'document_expiring',
          subjectId: doc.id,
        });
        if (!claim) continue;
        const label = labels.get(doc.type);
        const result = await messaging.notifyBeneficiary(db, {
          organizationId,
          beneficiaryId: doc.beneficiaryId,
          template: 'document_expiring',
          variables: {
            name: { ar: doc.fullNameAr, en: doc.fullNameEn || doc.fullNameAr },
            document: { ar: label?.labelAr ?? doc.type, en: label?.labelEn ?? doc.type },
            date: doc.expiryDate!,
          },
          purpose: 'outreach',
          relatedType: 'beneficiary_document',
          relatedId: doc.id,
        });
        if (result.messageId) {
          await linkOutreachMessage(db, organizationId, claim, result.messageId);
          counts.sent += 1;
        } else {
          // Not sent (no consent, opted out, no address): not claimed either, so a consent given
          // later still brings the reminder while the document has not expired.
          await releaseOutreach(db, organizationId, claim);
          counts.skipped += 1;
        }
      }
    });
    return counts;
  }

  return {
    /** Every association with documents in the window (time zones differ: a day's margin each side). */
    async remindExpiringDocuments(): Promise<{ sent: number; skipped: number }> {
      const utcToday = localDate(clock.now(), 'UTC');
      const ids = await organizationsWithExpiringDocuments(
        db,
        addDays(utcToday, -1),
        addDays(utcToday, expiringDocumentsWindowDays + 1),
      );
      const total = { sent: 0, skipped: 0 };
      for (const id of ids) {
        const counts = await remindOrganization(id);
        total.sent += counts.sent;
        total.skipped += counts.skipped;
      }
      return total;
    },
  };
}

/** The daily job (06:00 UTC, 09:00 in Riyadh: after the default quiet hours). */
export function outreachJobs(outreach: OutreachService): JobDefinition[] {
  return [
    {
      name: expiringDocumentsJobName,
      payloadSchema: z.object({}).loose(),
      cron: '0 6 * * *',
      async handler() {
        await outreach.remindExpiringDocuments();
      },
    },
  ];
}
