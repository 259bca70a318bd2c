// The texts people sign and the reference library (issue 14 items 2–4), on top of the policy records:
// publishing a declaration or consent version writes the beneficiary registry's next text; the charter's
// published version is read for intake, the portal and the public page; the library lists published
// bylaws, decisions and procedures, searched in Arabic (wasl_normalize_name on both sides).

import { normalizeArabicName } from '../../../shared/arabic/names';
import {
  type LibraryQuery,
  libraryKinds,
  type PolicyContext,
  type PolicyKind,
  signedTextKinds,
} from '../../../shared/contracts/policies';
import { decodeOffset, encodeCursor } from '../../platform/db/cursor';
import type { Db, Tx } from '../../platform/db/database';
import type { ActorContext } from '../../platform/http/context';
import { AppError } from '../../platform/http/errors';
import type { BeneficiaryRecordsService } from '../beneficiaries/beneficiary-records.service';
import {
  libraryDocuments,
  type PolicyDocumentRow,
  type PolicyVersionRow,
  publishedAllOfKind,
  publishedOfKind,
} from './policies.repository';

/**
 * The texts people sign live in the beneficiary registry (declaration_texts, consent_texts): publishing
 * a declaration or consent document writes the registry's next text in the same transaction.
 */
export type SignedTextRegistry = Pick<
  BeneficiaryRecordsService,
  'publishDeclarationTextIn' | 'publishConsentTextIn'
>;

type ConsentPurpose = Parameters<SignedTextRegistry['publishConsentTextIn']>[2]['purpose'];

const iso = (d: Date | null) => d?.toISOString() ?? null;
/** A published version as the portal, the public pages and intake read it. */
const presentPublished = (row: { document: PolicyDocumentRow; version: PolicyVersionRow }) => ({
  documentId: row.document.id,
  versionNumber: row.version.number,
  titleAr: row.document.titleAr,
  titleEn: row.document.titleEn,
  bodyAr: row.version.body,
  bodyEn: row.version.bodyEn,
  publishedAt: iso(row.version.publishedAt),
  decisionNumber: row.version.decisionNumber,
  decisionDate: row.version.decisionDate,
});

const isSignedText = (kind: PolicyKind) => (signedTextKinds as readonly PolicyKind[]).includes(kind);

/** A text people sign needs its English body to be published; a declaration or consent reaches the registry. */
export async function publishSignedText(
  records: SignedTextRegistry,
  tx: Tx,
  ctx: ActorContext,
  document: PolicyDocumentRow,
  version: PolicyVersionRow,
) {
  if (!isSignedText(document.kind)) return;
  if (!version.bodyEn) throw new AppError(409, 'ENGLISH_TEXT_REQUIRED', { fields: { bodyEn: 'REQUIRED' } });
  const texts = { bodyAr: version.body, bodyEn: version.bodyEn };
  if (document.kind === 'declaration') await records.publishDeclarationTextIn(tx, ctx, texts);
  if (document.kind === 'consent' && document.purpose) {
    await records.publishConsentTextIn(tx, ctx, { ...texts, purpose: document.purpose as ConsentPurpose });
  }
}

export function createPolicyTexts(deps: { db: Db }) {
  const { db } = deps;
  return {
    /** The reference library: published documents of its kinds (or linked from one screen), searched in Arabic. */
    async library(ctx: ActorContext, query: LibraryQuery) {
      const kinds = query.kind ? [query.kind] : query.context ? null : [...libraryKinds];
      const offset = decodeOffset(query.cursor);
      // A search of nothing searchable (only punctuation, `%`, `_`) finds nothing, not everything.
      const q = query.q?.trim() ? normalizeArabicName(query.q) : null;
      if (q === '') return { items: [], total: 0, nextCursor: null };
      const { rows, total } = await libraryDocuments(
        db,
        ctx.actor.organizationId,
        { kinds, context: query.context ?? null, q },
        { limit: query.limit, offset },
      );
      const items = rows.map((r) => ({
        id: r.document.id,
        kind: r.document.kind,
        titleAr: r.document.titleAr,
        titleEn: r.document.titleEn,
        contexts: r.document.contexts as PolicyContext[],
        publishedVersion: r.version.number,
        publishedAt: iso(r.version.publishedAt),
        decisionNumber: r.version.decisionNumber,
        decisionDate: r.version.decisionDate,
      }));
      const next = offset + items.length;
      return { items, total, nextCursor: next < total ? encodeCursor([next]) : null };
    },

    /** The published text of a kind people sign (the charter): the newest such document's version. */
    async publishedText(tx: Tx, organizationId: string, kind: 'charter' | 'declaration') {
      const row = await publishedOfKind(tx, organizationId, kind);
      return row ? presentPublished(row) : null;
    },

    /** Every published document of a kind (the public policy page: the association's policies in force). */
    async publishedTexts(tx: Tx, organizationId: string, kind: 'policy') {
      return (await publishedAllOfKind(tx, organizationId, kind)).map(presentPublished);
    },
  };
}
