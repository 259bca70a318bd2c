// Each association's wording of the messages it sends (message_templates), over the catalogue's
// defaults: listed with the {{variables}} each may use, and saved only when it uses no other.
import {
  type MessageTemplate,
  type MessageTemplateKey,
  messageTemplateKeys,
  messageTemplateVariables,
  templateVariablesIn,
  type UpdateMessageTemplate,
} from '../../../shared/contracts/messaging';
import { recordAudit } from '../../platform/audit/audit';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError, type Language } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';
import { deleteTemplate, listTemplates, upsertTemplate } from './messaging.repository';

export type MessageTemplateService = ReturnType<typeof createMessageTemplateService>;

/** The catalogue's text of a template, its {{placeholders}} left as written. */
export function defaultTemplateText(language: Language, key: MessageTemplateKey): string {
  const names = messageTemplateVariables[key] as readonly string[];
  return message(
    language,
    `template.${key}` as MessageKey,
    Object.fromEntries(names.map((name) => [name, `{{${name}}}`])),
  );
}

export function createMessageTemplateService({ db }: { db: Db }) {
  return {
    async list(ctx: ActorContext): Promise<{ items: MessageTemplate[] }> {
      const own = new Map((await listTemplates(db, ctx.actor.organizationId)).map((t) => [t.key, t]));
      return {
        items: messageTemplateKeys.map((key) => {
          const custom = own.get(key);
          return {
            key,
            variables: [...messageTemplateVariables[key]],
            ar: custom?.ar ?? defaultTemplateText('ar', key),
            en: custom?.en ?? defaultTemplateText('en', key),
            custom: Boolean(custom),
          };
        }),
      };
    },

    async update(ctx: ActorContext, input: UpdateMessageTemplate): Promise<{ items: MessageTemplate[] }> {
      const organizationId = ctx.actor.organizationId;
      if (input.texts) {
        const known = messageTemplateVariables[input.key] as readonly string[];
        const fields: Record<string, string> = {};
        const unknown = new Set<string>();
        for (const language of ['ar', 'en'] as const) {
          const extra = templateVariablesIn(input.texts[language]).filter((name) => !known.includes(name));
          if (extra.length) fields[`texts.${language}`] = 'TEMPLATE_VARIABLES_UNKNOWN';
          for (const name of extra) unknown.add(name);
        }
        if (unknown.size) {
          throw new AppError(422, 'TEMPLATE_VARIABLES_UNKNOWN', {
            fields,
            unknown: [...unknown],
            allowed: [...known],
          });
        }
        await upsertTemplate(db, {
          organizationId,
          key: input.key,
          ar: input.texts.ar,
          en: input.texts.en,
          updatedBy: ctx.actor.userId,
        });
      } else {
        await deleteTemplate(db, organizationId, input.key);
      }
      await recordAudit(db, ctx, {
        action: 'message_templates.update',
        entityType: 'message_template',
        entityId: input.key,
        details: { reset: input.texts === null },
      });
      return this.list(ctx);
    },
  };
}
