// الداعمون والمتطوعون — the association's volunteers and donors (policy 001 names "beneficiaries,
// supporters, volunteers"): who they are, their relationship status, whether they agreed to be contacted
// (and when that was recorded), and every contact with them.
import type { SupporterInput, SupporterUpdate } from '../../../shared/contracts/supporters';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import {
  contactsOf,
  findSupporter,
  insertSupporter,
  insertSupporterContact,
  listSupporters,
  type SupporterRow,
  updateSupporter,
} from './supporters.repository';

export type SupporterService = ReturnType<typeof createSupporterService>;

const present = (v: { supporter: SupporterRow; lastContactAt: Date | string | null }) => ({
  id: v.supporter.id,
  kind: v.supporter.kind,
  fullName: v.supporter.fullName,
  phone: v.supporter.phone,
  email: v.supporter.email,
  organizationName: v.supporter.organizationName,
  interests: v.supporter.interests,
  status: v.supporter.status,
  contactConsent: v.supporter.contactConsent,
  consentRecordedAt: v.supporter.consentRecordedAt?.toISOString() ?? null,
  notes: v.supporter.notes,
  createdAt: v.supporter.createdAt.toISOString(),
  lastContactAt: v.lastContactAt ? new Date(v.lastContactAt).toISOString() : null,
});

export function createSupporterService(deps: { db: Db; clock: Clock }) {
  const { db, clock } = deps;

  async function detail(ctx: ActorContext, id: string) {
    const row = await findSupporter(db, ctx.actor.organizationId, id);
    if (!row) throw notFound();
    const contacts = await contactsOf(db, ctx.actor.organizationId, id);
    return {
      ...present(row),
      contacts: contacts.map((c) => ({
        id: c.contact.id,
        channel: c.contact.channel,
        summary: c.contact.summary,
        staffName: c.staffName,
        occurredAt: c.contact.occurredAt.toISOString(),
      })),
    };
  }

  return {
    async list(ctx: ActorContext, filter: Parameters<typeof listSupporters>[2]) {
      return { items: (await listSupporters(db, ctx.actor.organizationId, filter)).map(present) };
    },

    get: detail,

    async create(ctx: ActorContext, input: SupporterInput) {
      const id = await db.transaction(async (tx) => {
        const id = await insertSupporter(tx, {
          ...input,
          organizationId: ctx.actor.organizationId,
          consentRecordedAt: input.contactConsent ? clock.now() : null,
          createdBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, { action: 'supporters.create', entityType: 'supporter', entityId: id });
        return id;
      });
      return detail(ctx, id);
    },

    async update(ctx: ActorContext, id: string, input: SupporterUpdate) {
      await db.transaction(async (tx) => {
        const values = {
          ...input,
          ...(input.contactConsent === undefined ? {} : { consentRecordedAt: clock.now() }),
        };
        if (!(await updateSupporter(tx, ctx.actor.organizationId, id, values))) throw notFound();
        await recordAudit(tx, ctx, {
          action: 'supporters.update',
          entityType: 'supporter',
          entityId: id,
          details: { fields: Object.keys(input) },
        });
      });
      return detail(ctx, id);
    },

    async addContact(ctx: ActorContext, id: string, input: { channel: string; summary: string }) {
      await db.transaction(async (tx) => {
        if (!(await findSupporter(tx, ctx.actor.organizationId, id))) throw notFound();
        await insertSupporterContact(tx, {
          organizationId: ctx.actor.organizationId,
          supporterId: id,
          channel: input.channel,
          summary: input.summary,
          staffId: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'supporters.contact',
          entityType: 'supporter',
          entityId: id,
          details: { channel: input.channel },
        });
      });
      return detail(ctx, id);
    },
  };
}
