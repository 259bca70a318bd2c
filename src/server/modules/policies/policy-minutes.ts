// محضر الاجتماع مرفقاً (issue 14 item 1): the board's minutes approving a version, as a file. Approval
// stays a JSON body (decision number, date, the minutes' reference); the file is uploaded on its own
// once the version is approved (or already published), a new upload replacing the one before, and
// read back by whoever may read the policies.
import { createHash } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { detectFileType, type FileStorage } from '../../platform/files/storage';
import type { ActorContext } from '../../platform/http/context';
import { AppError, notFound } from '../../platform/http/errors';
import type { UploadedFile } from '../../platform/http/multipart';
import { findDocument, findMinutes, findVersion, replaceMinutes } from './policies.repository';

/** Minutes are a few scanned pages: 10 MB as for the beneficiaries' documents. */
export const maxMinutesBytes = 10 * 1024 * 1024;

const withMinutes = new Set(['approved', 'published', 'superseded']);

export function createPolicyMinutes(deps: { db: Db; clock: Clock; storage: FileStorage }) {
  const { db, clock, storage } = deps;

  /** The version of this document, or 404. */
  async function versionOf(organizationId: string, id: string, vid: string) {
    const version = await findVersion(db, organizationId, id, vid);
    if (!version) throw notFound();
    return version;
  }

  return {
    /** The minutes of an approved or published version (PDF, JPEG, PNG or WebP, read from the content). */
    async uploadMinutes(ctx: ActorContext, id: string, vid: string, file: UploadedFile | null) {
      const organizationId = ctx.actor.organizationId;
      if (!file || file.data.length === 0)
        throw new AppError(400, 'FILE_REQUIRED', { fields: { file: 'FILE_REQUIRED' } });
      const contentType = detectFileType(file.data);
      if (!contentType)
        throw new AppError(415, 'FILE_TYPE_NOT_ALLOWED', { fields: { file: 'FILE_TYPE_NOT_ALLOWED' } });
      const before = await versionOf(organizationId, id, vid);
      if (before.status !== 'approved' && before.status !== 'published')
        throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: before.status });
      // The file is written first; if the transaction fails, the orphaned file is removed.
      const storageKey = await storage.put('policy-minutes', file.data);
      const sha256 = createHash('sha256').update(file.data).digest('hex');
      let replaced: string | null = null;
      try {
        await db.transaction(async (tx) => {
          if (!(await findDocument(tx, organizationId, id, true))) throw notFound();
          const version = await findVersion(tx, organizationId, id, vid);
          if (!version) throw notFound();
          if (version.status !== 'approved' && version.status !== 'published')
            throw new AppError(409, 'TRANSITION_NOT_ALLOWED', { status: version.status });
          const old = await replaceMinutes(tx, {
            organizationId,
            versionId: vid,
            storageKey,
            fileName: file.fileName.slice(0, 200) || 'minutes',
            contentType,
            size: file.data.length,
            sha256,
            uploadedBy: ctx.actor.userId,
            uploadedAt: clock.now(),
          });
          replaced = old?.storageKey ?? null;
          await recordAudit(tx, ctx, {
            action: 'policies.minutes_upload',
            entityType: 'policy_version',
            entityId: vid,
            details: { documentId: id, number: version.number, sha256, replaced: old?.sha256 ?? null },
          });
        });
      } catch (err) {
        await storage.delete(storageKey).catch(() => {});
        throw err;
      }
      if (replaced) await storage.delete(replaced).catch(() => {});
    },

    /** The minutes file of a version (404: none uploaded). */
    async readMinutes(ctx: ActorContext, id: string, vid: string) {
      const organizationId = ctx.actor.organizationId;
      const version = await versionOf(organizationId, id, vid);
      const minutes = withMinutes.has(version.status) ? await findMinutes(db, organizationId, vid) : null;
      if (!minutes) throw notFound();
      return {
        data: await storage.get(minutes.storageKey),
        contentType: minutes.contentType,
        fileName: minutes.fileName,
      };
    },
  };
}
