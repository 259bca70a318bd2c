import { z } from 'zod';
import { textSchema } from './common';

// حملات التواصل — "a new service you may qualify for" (issue 12 item 7): drafted by staff, previewed
// (how many people, who is left out and why), approved by a manager, then sent once.
export const campaignInputSchema = z.object({
  serviceId: z.uuid(),
  title: textSchema(3, 200),
  messageAr: textSchema(10, 600),
  messageEn: textSchema(10, 600),
  minDaysBetween: z.number().int().min(7).max(365).default(30),
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignStatuses = ['draft', 'sent', 'cancelled'] as const;

export const campaignSchema = z.object({
  id: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string(),
  title: z.string(),
  messageAr: z.string(),
  messageEn: z.string(),
  minDaysBetween: z.number().int(),
  status: z.enum(campaignStatuses),
  createdByName: z.string().nullable(),
  approvedByName: z.string().nullable(),
  approvedAt: z.string().nullable(),
  sentCount: z.number().int(),
  skippedCount: z.number().int(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const campaignPreviewSchema = z.object({
  /** Found eligible by the service's rules, without an open request for it. */
  eligible: z.number().int(),
  /** Of those: no contact consent in force (never given, or withdrawn = opted out). */
  withoutConsent: z.number().int(),
  /** Of those: reached by outreach within the campaign's minimum days (frequency cap). */
  recentlyContacted: z.number().int(),
  /** Of those: already reached by this campaign. */
  alreadyReached: z.number().int(),
  willReceive: z.number().int(),
  sample: z.array(z.object({ beneficiaryId: z.uuid(), fullNameAr: z.string(), fileNumber: z.string() })),
});
export type CampaignPreview = z.infer<typeof campaignPreviewSchema>;
