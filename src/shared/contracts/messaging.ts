import { z } from 'zod';
import { textSchema } from './common';

/**
 * The messages the system sends a beneficiary (or an address), one key per event. The default wording
 * is the server catalogue's `template.<key>`; an association may word its own (message_templates).
 * Each key lists the {{variables}} its text may use; `organization` is always filled in.
 */
export const messageTemplateVariables = {
  request_approved: ['organization', 'number', 'service', 'link'],
  request_rejected: ['organization', 'number', 'reason', 'link'],
  document_expiring: ['organization', 'name', 'document', 'date'],
  // The answer to an inquiry, on the channel the question came from (modules/inquiries).
  inquiry_answer: ['organization', 'number', 'answer'],
  complaint_reply: ['organization', 'tracking', 'reply'],
  // "A new service you may qualify for" (modules/campaigns): the campaign's own words in `message`.
  service_campaign: ['organization', 'service', 'message'],
  // Counter visits (modules/appointments): when booked, and the day before.
  appointment_booked: ['organization', 'when', 'minutes', 'service'],
  appointment_reminder: ['organization', 'when', 'service'],
  // The one-time link of a satisfaction survey (modules/surveys), after a delivery, a decision, an answer.
  survey_invitation: ['organization', 'service', 'link'],
  // A staff member who has not acknowledged a published policy (modules/policies), by e-mail, daily.
  policy_acknowledgement: ['organization', 'title', 'version'],
  // A policy's review date has come (modules/policies): to those who manage the policies, once per date.
  policy_review_due: ['organization', 'title', 'date'],
  // The monthly report to each manager (modules/reports): key figures of last month and a link to the PDF.
  monthly_report: ['organization', 'month', 'submitted', 'decided', 'share', 'complaints', 'link'],
} as const satisfies Record<string, readonly string[]>;

export type MessageTemplateKey = keyof typeof messageTemplateVariables;
export const messageTemplateKeys = Object.keys(messageTemplateVariables) as MessageTemplateKey[];

export const messagingChannels = ['sms', 'email', 'whatsapp'] as const;
export type MessagingChannel = (typeof messagingChannels)[number];

/** The {{names}} a text uses. */
export function templateVariablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))];
}

export const messageTemplateSchema = z.object({
  key: z.enum(messageTemplateKeys as [MessageTemplateKey, ...MessageTemplateKey[]]),
  variables: z.array(z.string()),
  ar: z.string(),
  en: z.string(),
  /** True when the association words it itself; false: the system's default text. */
  custom: z.boolean(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const messageTemplateListSchema = z.object({ items: z.array(messageTemplateSchema) });

/** PUT one key: both languages; `null` returns to the default wording. */
export const updateMessageTemplateSchema = z.object({
  key: z.enum(messageTemplateKeys as [MessageTemplateKey, ...MessageTemplateKey[]]),
  texts: z.object({ ar: textSchema(1, 1000), en: textSchema(1, 1000) }).nullable(),
});
export type UpdateMessageTemplate = z.infer<typeof updateMessageTemplateSchema>;
