// Messages to beneficiaries (and to addresses): written into the outbox in the caller's transaction,
// in the person's language and on their channel, with the association's own wording when it has one,
// held back during the association's quiet hours, and handed to the worker once the caller commits.
import {
  type MessageTemplateKey,
  type MessagingChannel,
  messageTemplateVariables,
} from '../../../shared/contracts/messaging';
import type { Clock } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import type { Language } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';
import type { Jobs } from '../../platform/jobs/jobs';
import { dispatchQueued, queueNotification } from '../../platform/notifications/notifications';
import type { OrganizationService } from '../organizations/organizations.service';
import { findContact, findTemplate, latestConsent } from './messaging.repository';
import { defaultQuietHours, quietHoursEnd } from './quiet-hours';

export type MessagingService = ReturnType<typeof createMessagingService>;

export type MessagePurpose = 'service' | 'outreach';
export type SkipReason = 'no_consent' | 'no_address' | 'opted_out';

export interface NotifyBeneficiaryInput {
  organizationId: string;
  beneficiaryId: string;
  template: MessageTemplateKey;
  /** Filled into {{placeholders}}; `organization` is filled in when absent. */
  variables: TemplateVariables;
  /** Forces the channel (e.g. answer on the channel a message came from); default: the preferred one. */
  channel?: MessagingChannel;
  /** `outreach` needs the `contact` consent in force; a withdrawn one is an opt-out. */
  purpose: MessagePurpose;
  relatedType: string;
  relatedId: string;
}

export interface NotifyAddressInput {
  organizationId: string;
  channel: MessagingChannel;
  recipient: string;
  language: Language;
  template: MessageTemplateKey;
  variables: TemplateVariables;
  relatedType: string;
  relatedId: string;
}

/** A value per placeholder: one text, or one per language (a document type's name, a service's). */
export type TemplateVariables = Record<string, string | { ar: string; en: string }>;

/** The beneficiary's preferred channel as a messaging channel (other contact channels: SMS). */
export function messagingChannelOf(preferred: string | null | undefined): MessagingChannel {
  return preferred === 'email' || preferred === 'whatsapp' ? preferred : 'sms';
}

/** Fills {{name}} placeholders; a name the text uses but the caller did not give is a programming error. */
function fill(text: string, values: Record<string, string>, key: string): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`template ${key} needs {{${name}}}`);
    return value;
  });
}

export function createMessagingService(deps: {
  db: Db;
  clock: Clock;
  jobs: Jobs | null;
  organizations: OrganizationService;
  /** PUBLIC_URL: where beneficiaries reach the system, for links in messages. */
  publicUrl?: string;
}) {
  const { clock, jobs, organizations } = deps;
  const base = (deps.publicUrl ?? '').replace(/\/+$/, '');

  /** The text of a template in a language: the association's wording, else the catalogue's. */
  async function textOf(tx: Tx, organizationId: string, key: MessageTemplateKey, language: Language) {
    const own = await findTemplate(tx, organizationId, key);
    return own ? own[language] : null;
  }

  async function write(
    tx: Tx,
    input: NotifyAddressInput & { beneficiaryId?: string | null },
  ): Promise<{ messageId: string }> {
    const org = await organizations.getOrganization(input.organizationId, tx);
    const organization = input.language === 'en' ? org.nameEn : org.nameAr;
    const values: Record<string, string> = { organization };
    for (const [name, value] of Object.entries(input.variables)) {
      values[name] = typeof value === 'string' ? value : value[input.language];
    }
    const known = messageTemplateVariables[input.template] as readonly string[];
    for (const name of Object.keys(input.variables)) {
      if (!known.includes(name)) throw new Error(`template ${input.template} has no {{${name}}}`);
    }
    const own = await textOf(tx, input.organizationId, input.template, input.language);
    const body = own
      ? fill(own, values, input.template)
      : message(input.language, `template.${input.template}` as MessageKey, values);
    const subject =
      input.channel === 'email' ? message(input.language, 'template.subject', { organization }) : null;
    // One-time codes go at once; everything else waits for the association's quiet hours to end.
    const notBefore =
      input.relatedType === 'portal_code'
        ? null
        : quietHoursEnd(
            clock.now(),
            org.settings.timeZone,
            org.settings.messaging?.quietHours ?? defaultQuietHours,
          );
    const messageId = await queueNotification(tx, {
      organizationId: input.organizationId,
      channel: input.channel,
      recipient: input.recipient,
      sender: input.channel === 'sms' ? org.settings.sms.senderName : null,
      subject,
      body,
      relatedType: input.relatedType,
      relatedId: input.relatedId,
      beneficiaryId: input.beneficiaryId ?? null,
      notBefore,
    });
    await dispatchQueued(jobs, [messageId], { startAfter: notBefore });
    return { messageId };
  }

  return {
    /** A link to a page of the association's portal (/p/<slug>/<path>), absolute when PUBLIC_URL is set. */
    portalLink(slug: string, path: string): string {
      return `${base}/p/${encodeURIComponent(slug)}/${path.replace(/^\/+/, '')}`;
    },

    /**
     * A message to a beneficiary, in the caller's transaction: on the forced or preferred channel
     * (SMS when the preferred one has no address), in the preferred language. Returns why nothing was
     * written when the person cannot or may not be reached.
     */
    async notifyBeneficiary(
      tx: Tx,
      input: NotifyBeneficiaryInput,
    ): Promise<{ messageId: string | null; skipped: null | SkipReason }> {
      const contact = await findContact(tx, input.organizationId, input.beneficiaryId);
      if (!contact || contact.destroyedAt) return { messageId: null, skipped: 'no_address' };
      if (input.purpose === 'outreach') {
        const consent = await latestConsent(tx, input.organizationId, input.beneficiaryId, 'contact');
        if (consent === null) return { messageId: null, skipped: 'no_consent' };
        if (!consent) return { messageId: null, skipped: 'opted_out' };
      }
      let channel = input.channel ?? messagingChannelOf(contact.preferredChannel);
      if (channel === 'email' && !contact.email && !input.channel) channel = 'sms';
      const recipient = channel === 'email' ? contact.email : contact.phone;
      if (!recipient) return { messageId: null, skipped: 'no_address' };
      const { messageId } = await write(tx, {
        organizationId: input.organizationId,
        channel,
        recipient,
        language: contact.preferredLanguage === 'en' ? 'en' : 'ar',
        template: input.template,
        variables: input.variables,
        relatedType: input.relatedType,
        relatedId: input.relatedId,
        beneficiaryId: input.beneficiaryId,
      });
      return { messageId, skipped: null };
    },

    /** A message to an address (someone without a file: an inquirer, a complainant). */
    notifyAddress(tx: Tx, input: NotifyAddressInput): Promise<{ messageId: string }> {
      return write(tx, input);
    },
  };
}
