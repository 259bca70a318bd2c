// Owns what is recorded about a beneficiary besides the profile: documents (with expiry), the
// declaration of data correctness (versioned text + signatures), PDPL consents, interactions and the timeline.
import { createHash } from 'node:crypto';
import {
  consentPurposes,
  documentFieldsSchema,
  type SignDeclaration,
  type TimelineGroup,
  timelineGroups,
} from '../../../shared/contracts/beneficiaries';
import type { PortalSignDeclaration } from '../../../shared/contracts/portal-registration';
import { genderedText } from '../../../shared/gendered-text';
import { can } from '../../../shared/permissions';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import { localToday } from '../../platform/clock';
import type { Db, Tx } from '../../platform/db/database';
import { lockForChange } from '../../platform/db/tenant';
import { detectFileType, type FileStorage } from '../../platform/files/storage';
import type { ActorContext, PortalContext, RequestContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import type { OrganizationService } from '../organizations/organizations.service';
import { declarationState } from './beneficiaries.presenter';
import type { BeneficiaryRow } from './beneficiaries.repository';
import { assertKnownCodes, type BeneficiaryService, resolveDate } from './beneficiaries.service';
import {
  currentConsentTexts,
  currentDeclarationText,
  type DeclarationTextRow,
  type DocumentRow,
  findDocument,
  insertConsent,
  insertConsentText,
  insertDeclaration,
  insertDeclarationText,
  insertDeclarationTextIfAbsent,
  insertDocument,
  insertInteraction,
  listConsents,
  listDeclarations,
  listDocuments,
} from './beneficiary-records.repository';
import { timelineOf } from './beneficiary-timeline.repository';

export const maxDocumentBytes = 10 * 1024 * 1024;

// Policy step 4: the beneficiary pledges the data is correct and is directly responsible for it.
// The Arabic carries both grammatical genders (`{الموقع|الموقعة}`, src/shared/gendered-text.ts): the
// signing screen shows it in the signer's gender. A text the admin publishes may use the same notation.
export const defaultDeclarationText = {
  bodyAr: message('ar', 'declaration.default'),
  bodyEn: message('en', 'declaration.default'),
};

/**
 * Version 1 as stored before the default carried both genders: the same words, addressed to a man
 * only. Shown as the default it is (same pledge, either gender), so a woman no longer reads «مسؤول».
 */
const masculineDefaultAr = genderedText(defaultDeclarationText.bodyAr, 'male');

/** A consent granted under an older text than its purpose's text in force is to be asked again. */
function consentTextChanged(
  c: { purpose: string; granted: boolean; textVersion: number | null },
  texts: { purpose: string; version: number }[],
) {
  const current = texts.find((t) => t.purpose === c.purpose);
  return c.granted && current !== undefined && c.textVersion !== current.version;
}

export type BeneficiaryRecordsService = ReturnType<typeof createBeneficiaryRecordsService>;

export function createBeneficiaryRecordsService(deps: {
  db: Db;
  storage: FileStorage;
  organizations: OrganizationService;
  beneficiaries: BeneficiaryService;
  clock: Clock;
}) {
  const { db, storage, organizations, beneficiaries, clock } = deps;

  const presentDocument = (d: DocumentRow, today: string) => ({
    id: d.id,
    type: d.type,
    number: d.number,
    issueDate: d.issueDate,
    expiryDate: d.expiryDate,
    expired: d.expiryDate !== null && d.expiryDate < today,
    fileName: d.fileName,
    contentType: d.contentType,
    size: d.size,
    uploadedAt: d.uploadedAt.toISOString(),
    uploadedBy: d.uploadedBy,
  });

  const presentText = (t: DeclarationTextRow) => ({
    version: t.version,
    bodyAr: t.bodyAr === masculineDefaultAr ? defaultDeclarationText.bodyAr : t.bodyAr,
    bodyEn: t.bodyEn,
    createdAt: t.createdAt.toISOString(),
  });

  async function today(organizationId: string, tx: Tx = db) {
    return localToday(clock, (await organizations.getOrganization(organizationId, tx)).settings.timeZone);
  }

  /** The text in force; version 1 is the policy's own wording until the admin writes another. */
  async function declarationText(organizationId: string): Promise<DeclarationTextRow> {
    const current = await currentDeclarationText(db, organizationId);
    if (current) return current;
    // Two first readers at once: the second insert does nothing (a failed insert would abort the
    // request's transaction), and both read the row that won.
    await insertDeclarationTextIfAbsent(db, { organizationId, version: 1, ...defaultDeclarationText });
    return (await currentDeclarationText(db, organizationId))!;
  }

  async function publishDeclarationTextIn(
    tx: Tx,
    ctx: ActorContext,
    input: { bodyAr: string; bodyEn: string },
  ) {
    await lockForChange(tx, 'declaration_text', ctx.actor.organizationId);
    const current = await currentDeclarationText(tx, ctx.actor.organizationId);
    const row = await insertDeclarationText(tx, {
      organizationId: ctx.actor.organizationId,
      version: (current?.version ?? 1) + 1,
      bodyAr: input.bodyAr,
      bodyEn: input.bodyEn,
      createdBy: ctx.actor.userId,
    });
    await recordAudit(tx, ctx, {
      action: 'declarations.publish_text',
      entityType: 'declaration_text',
      entityId: String(row.version),
    });
    return presentText(row);
  }

  type Upload = Awaited<ReturnType<typeof checkUpload>>;

  /** A document's fields and file, checked before anything is stored: its type is read from its content. */
  async function checkUpload(
    organizationId: string,
    file: { data: Buffer; fileName: string } | null,
    rawFields: Record<string, unknown>,
  ) {
    const fields = documentFieldsSchema.parse(rawFields);
    if (!file || file.data.length === 0)
      throw new AppError(400, 'FILE_REQUIRED', { fields: { file: 'FILE_REQUIRED' } });
    const contentType = detectFileType(file.data);
    if (!contentType)
      throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', { fields: { file: 'FILE_TYPE_NOT_ALLOWED' } });
    const org = await organizations.getOrganization(organizationId);
    const docType = org.settings.documentTypes.find((d) => d.code === fields.type);
    if (!docType) throw new AppError(400, 'UNKNOWN_CODE', { fields: { type: 'UNKNOWN_CODE' } });
    const issueDate = resolveDate(fields.issueDate, fields.issueDateHijri, 'issueDate') ?? null;
    const expiryDate = resolveDate(fields.expiryDate, fields.expiryDateHijri, 'expiryDate') ?? null;
    return { fields, file, contentType, org, docType, issueDate, expiryDate };
  }

  async function saveDocument(
    ctx: RequestContext,
    row: { organizationId: string; id: string },
    { fields, file, contentType, org, issueDate, expiryDate }: Upload,
    uploadedBy: string | null,
  ) {
    // The file is written first; if the transaction fails, the orphaned file is removed.
    const storageKey = await storage.put('documents', file.data);
    try {
      return await db.transaction(async (tx) => {
        const doc = await insertDocument(tx, {
          organizationId: row.organizationId,
          beneficiaryId: row.id,
          type: fields.type,
          number: fields.number || null,
          issueDate,
          expiryDate,
          storageKey,
          fileName: file.fileName.slice(0, 200) || 'document',
          contentType,
          size: file.data.length,
          sha256: createHash('sha256').update(file.data).digest('hex'),
          uploadedBy,
        });
        const presented = presentDocument(doc, localToday(clock, org.settings.timeZone));
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.documents.upload',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { documentId: doc.id, type: doc.type, expired: presented.expired },
        });
        return presented;
      });
    } catch (err) {
      await storage.delete(storageKey).catch(() => {});
      throw err;
    }
  }

  async function readFile(ctx: RequestContext, row: { id: string }, documentId: string) {
    const doc = await findDocument(db, row.id, documentId);
    if (!doc) throw notFound();
    const data = await storage.get(doc.storageKey);
    await recordAudit(db, ctx, {
      action: 'beneficiaries.documents.read',
      entityType: 'beneficiary',
      entityId: row.id,
      details: { documentId },
    });
    return { data, contentType: doc.contentType, fileName: doc.fileName };
  }

  /** The beneficiary signs the text in force (a staff witness, or none when signed in the portal). */
  async function sign(
    ctx: RequestContext,
    organizationId: string,
    loadRow: (tx: Tx) => Promise<BeneficiaryRow>,
    input: Pick<SignDeclaration, 'method' | 'textVersion' | 'signatureImage' | 'typedName' | 'channel'> & {
      witnessedBy: string | null;
    },
  ) {
    const text = await declarationText(organizationId);
    if (input.textVersion !== text.version) {
      throw new AppError(409, 'DECLARATION_TEXT_OUTDATED', { currentVersion: text.version });
    }
    const image =
      input.method === 'drawn' ? Buffer.from(input.signatureImage!.split(',')[1]!, 'base64') : null;
    if (image && detectFileType(image) !== 'image/png') {
      throw new AppError(400, 'VALIDATION_FAILED', { fields: { signatureImage: 'not a PNG image' } });
    }
    const signatureKey = image ? await storage.put('signatures', image) : null;
    return db.transaction(async (tx) => {
      const row = await loadRow(tx);
      const signed = await insertDeclaration(tx, {
        organizationId: row.organizationId,
        beneficiaryId: row.id,
        textVersion: text.version,
        dataVersion: row.dataVersion,
        method: input.method,
        typedName: input.method === 'typed' ? input.typedName! : null,
        signatureKey,
        channel: input.channel,
        witnessedBy: input.witnessedBy,
      });
      await recordAudit(tx, ctx, {
        action: 'beneficiaries.declarations.sign',
        entityType: 'beneficiary',
        entityId: row.id,
        details: { declarationId: signed.id, textVersion: text.version, method: input.method },
      });
      return { id: signed.id, textVersion: signed.textVersion, signedAt: signed.signedAt.toISOString() };
    });
  }

  return {
    async listDocuments(ctx: ActorContext, beneficiaryId: string, tx: Tx = db) {
      const row = await beneficiaries.load(tx, ctx, beneficiaryId);
      const t = await today(ctx.actor.organizationId, tx);
      return { items: (await listDocuments(tx, row.id)).map((d) => presentDocument(d, t)) };
    },

    async uploadDocument(
      ctx: ActorContext,
      beneficiaryId: string,
      file: { data: Buffer; fileName: string } | null,
      rawFields: Record<string, unknown>,
    ) {
      const upload = await checkUpload(ctx.actor.organizationId, file, rawFields);
      const row = await beneficiaries.load(db, ctx, beneficiaryId);
      return saveDocument(ctx, row, upload, ctx.actor.userId);
    },

    async readDocumentFile(ctx: ActorContext, beneficiaryId: string, documentId: string) {
      return readFile(ctx, await beneficiaries.load(db, ctx, beneficiaryId), documentId);
    },

    getDeclarationText: async (ctx: ActorContext) =>
      presentText(await declarationText(ctx.actor.organizationId)),

    /** A declaration policy document was published: its text is the next version (in the caller's transaction). */
    publishDeclarationTextIn,

    /**
     * A consent policy document was published: the purpose's next consent text. Consents granted under
     * an older text are then shown as "consent text changed — ask again".
     */
    async publishConsentTextIn(
      tx: Tx,
      ctx: ActorContext,
      input: { purpose: (typeof consentPurposes)[number]; bodyAr: string; bodyEn: string },
    ) {
      const organizationId = ctx.actor.organizationId;
      await lockForChange(tx, `consent_text:${input.purpose}`, organizationId);
      const current = (await currentConsentTexts(tx, organizationId)).find(
        (t) => t.purpose === input.purpose,
      );
      const row = await insertConsentText(tx, {
        organizationId,
        purpose: input.purpose,
        version: (current?.version ?? 0) + 1,
        bodyAr: input.bodyAr,
        bodyEn: input.bodyEn,
        createdBy: ctx.actor.userId,
      });
      await recordAudit(tx, ctx, {
        action: 'consents.publish_text',
        entityType: 'consent_text',
        entityId: row.id,
        details: { purpose: input.purpose, version: row.version },
      });
      return { version: row.version };
    },

    async listDeclarations(ctx: ActorContext, beneficiaryId: string) {
      const row = await beneficiaries.load(db, ctx, beneficiaryId);
      return {
        items: (await listDeclarations(db, row.id)).map((d) => ({
          id: d.id,
          textVersion: d.textVersion,
          method: d.method,
          typedName: d.typedName,
          hasImage: d.signatureKey !== null,
          channel: d.channel,
          signedAt: d.signedAt.toISOString(),
          witnessedBy: d.witnessedBy,
        })),
      };
    },

    /** The beneficiary signs the text in force; staff present witness it. */
    async signDeclaration(ctx: ActorContext, beneficiaryId: string, input: SignDeclaration) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      assertKnownCodes(org.settings, { channel: input.channel });
      return sign(ctx, ctx.actor.organizationId, (tx) => beneficiaries.load(tx, ctx, beneficiaryId, true), {
        ...input,
        witnessedBy: ctx.actor.userId,
      });
    },

    async listConsents(ctx: ActorContext, beneficiaryId: string) {
      const row = await beneficiaries.load(db, ctx, beneficiaryId);
      const latest = new Map<string, Awaited<ReturnType<typeof listConsents>>[number]>();
      for (const c of await listConsents(db, row.id)) if (!latest.has(c.purpose)) latest.set(c.purpose, c);
      const texts = await currentConsentTexts(db, row.organizationId);
      return {
        items: consentPurposes
          .filter((p) => latest.has(p))
          .map((p) => {
            const c = latest.get(p)!;
            return {
              purpose: p,
              granted: c.granted,
              channel: c.channel,
              recordedAt: c.recordedAt.toISOString(),
              recordedBy: c.recordedBy,
              textVersion: c.textVersion,
              textChanged: consentTextChanged(c, texts),
            };
          }),
      };
    },

    /** The consent in force for one purpose (the latest decision), with its id; null when never asked. */
    async consentInForce(
      ctx: ActorContext,
      beneficiaryId: string,
      purpose: (typeof consentPurposes)[number],
    ) {
      const row = await beneficiaries.load(db, ctx, beneficiaryId);
      const latest = (await listConsents(db, row.id)).find((c) => c.purpose === purpose);
      return latest ? { id: latest.id, granted: latest.granted, recordedAt: latest.recordedAt } : null;
    },

    async recordConsent(
      ctx: ActorContext,
      beneficiaryId: string,
      input: { purpose: (typeof consentPurposes)[number]; granted: boolean; channel: string },
    ) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      assertKnownCodes(org.settings, { channel: input.channel });
      return db.transaction(async (tx) => {
        const row = await beneficiaries.load(tx, ctx, beneficiaryId);
        const texts = await currentConsentTexts(tx, row.organizationId);
        const c = await insertConsent(tx, {
          organizationId: row.organizationId,
          beneficiaryId: row.id,
          ...input,
          textVersion: texts.find((t) => t.purpose === input.purpose)?.version ?? null,
          recordedBy: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: input.granted ? 'beneficiaries.consent.grant' : 'beneficiaries.consent.withdraw',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { purpose: input.purpose, channel: input.channel },
        });
        return {
          purpose: input.purpose,
          granted: c.granted,
          channel: c.channel,
          recordedAt: c.recordedAt.toISOString(),
          recordedBy: c.recordedBy,
          textVersion: c.textVersion,
          textChanged: false,
        };
      });
    },

    async recordInteraction(
      ctx: ActorContext,
      beneficiaryId: string,
      input: { channel: string; kind: string; summary: string; outcome?: string; durationMinutes?: number },
    ) {
      const org = await organizations.getOrganization(ctx.actor.organizationId);
      assertKnownCodes(org.settings, { channel: input.channel });
      return db.transaction(async (tx) => {
        const row = await beneficiaries.load(tx, ctx, beneficiaryId);
        const i = await insertInteraction(tx, {
          organizationId: row.organizationId,
          beneficiaryId: row.id,
          ...input,
          staffId: ctx.actor.userId,
        });
        await recordAudit(tx, ctx, {
          action: 'beneficiaries.interactions.create',
          entityType: 'beneficiary',
          entityId: row.id,
          details: { interactionId: i.id, channel: input.channel, kind: input.kind },
        });
        return { id: i.id, occurredAt: i.occurredAt.toISOString() };
      });
    },

    /** The newest 300 events on the page; `limit` lifts it (the PDPL export carries every event). */
    async timeline(ctx: ActorContext, beneficiaryId: string, group?: TimelineGroup, limit = 300) {
      const row = await beneficiaries.load(db, ctx, beneficiaryId);
      const kinds = group ? timelineGroups[group] : undefined;
      const viewer = { userId: ctx.actor.userId, readsComplaints: can(ctx.actor.roles, 'complaints.read') };
      const rows = await timelineOf(db, ctx.actor.organizationId, row.id, viewer, { kinds, limit });
      return {
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          at: new Date(r.at).toISOString(),
          actorName: r.actorName,
          channel: r.channel,
          summary: r.summary,
          details: r.details ?? {},
        })),
      };
    },

    // ---- the person's own records, from the portal (modules/portal) ----

    async listOwnDocuments(ctx: PortalContext) {
      const row = await beneficiaries.loadOwn(db, ctx);
      const t = await today(ctx.portal.organizationId);
      return (await listDocuments(db, row.id)).map((d) => presentDocument(d, t));
    },

    /** An upload from the person's phone: the same checks as at the counter, no staff uploader. */
    async uploadOwnDocument(
      ctx: PortalContext,
      file: { data: Buffer; fileName: string } | null,
      rawFields: Record<string, unknown>,
    ) {
      const upload = await checkUpload(ctx.portal.organizationId, file, rawFields);
      return saveDocument(ctx, await beneficiaries.loadOwn(db, ctx), upload, null);
    },

    async readOwnDocumentFile(ctx: PortalContext, documentId: string) {
      return readFile(ctx, await beneficiaries.loadOwn(db, ctx), documentId);
    },

    /** The text in force, in the person's grammatical gender, and whether their signature still holds. */
    async ownDeclaration(ctx: PortalContext) {
      const row = await beneficiaries.loadOwn(db, ctx);
      const text = presentText(await declarationText(ctx.portal.organizationId));
      const [latest] = await listDeclarations(db, row.id);
      const state = declarationState(row, latest, text.version);
      return {
        version: text.version,
        textAr: genderedText(text.bodyAr, row.gender),
        textEn: genderedText(text.bodyEn, row.gender),
        signedCurrent: state.current,
        signedAt: state.signedAt,
        reason: state.reason,
      };
    },

    /** Signed by the person in the portal: channel `website`, no witness. */
    async signOwnDeclaration(ctx: PortalContext, input: PortalSignDeclaration) {
      const { signature } = input;
      return sign(ctx, ctx.portal.organizationId, (tx) => beneficiaries.loadOwn(tx, ctx, true), {
        textVersion: input.textVersion,
        method: signature.kind,
        signatureImage: signature.kind === 'drawn' ? signature.image : undefined,
        typedName: signature.kind === 'typed' ? signature.name : undefined,
        channel: 'website',
        witnessedBy: null,
      });
    },
  };
}
