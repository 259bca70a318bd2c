// Owns an association's archive for the platform operator (issue 14, item 8): every table's rows as
// JSON and the document files, as one .tar.gz, streamed from one consistent snapshot of the association
// without holding it in memory (an association may hold 100,000+ beneficiaries and millions of audit rows).
//
// Layout: `organization.json`; `tables/<table>/part-000001.json`, … — each part a JSON array of at most
// `batchSize` rows (an empty table has one part `[]`); `files/<storage key>`; `manifest.json` last, with
// each table's row count and its parts in order. Parts rather than one spooled file per table: a tar
// entry needs its size before its bytes, and a part is exactly one cursor batch already in memory, so
// memory stays bounded by one batch with no temporary disk (twice a large table's size, to clean up
// after an abort) and the download never stalls while a big table is spooled (a proxy would cut it).
import type pg from 'pg';
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { FileStorage } from '../../platform/files/storage';
import type { ActorContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { type ExportSnapshot, openExportSnapshot } from './export-snapshot';
import { exportedOrganization, exportedTables } from './platform.repository';
import { type TarEntry, tarGzip } from './tar-gzip';

export type PlatformExportService = ReturnType<typeof createPlatformExportService>;

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
const partName = (table: string, n: number) => `tables/${table}/part-${String(n).padStart(6, '0')}.json`;

export function createPlatformExportService(deps: {
  db: Db;
  pool: pg.Pool;
  storage: FileStorage;
  clock: Clock;
  /** Rows per cursor fetch and per archive part (tests make it small). */
  batchSize?: number;
}) {
  const { db, pool, storage, clock } = deps;
  const batchSize = deps.batchSize ?? 1000;

  /**
   * The audit row commits before the first byte leaves, in its own transaction of the association:
   * the snapshot is read-only, and rows already sent cannot be taken back by rolling back an
   * aborted download — so the audit must not be rolled back with it.
   */
  async function audit(ctx: ActorContext, organizationId: string) {
    await inTenant(db, { organizationId, userId: null }, async () => {
      if (!(await exportedOrganization(db, organizationId))) throw notFound();
      await recordAudit(db, ctx, {
        organizationId,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.fullName,
        actorRoles: ['platform_operator'],
        action: 'platform.organization_export',
        entityType: 'organization',
        entityId: organizationId,
        details: {
          operatorOrganizationId: ctx.actor.organizationId,
          operatorEmail: ctx.actor.email,
          tables: (await exportedTables(db)).length,
        },
      });
    });
  }

  async function* entries(
    snapshot: ExportSnapshot,
    organization: Record<string, unknown>,
    exportedAt: Date,
  ): AsyncGenerator<TarEntry> {
    const organizationId = String(organization.id);
    const counts: Record<string, number> = {};
    const parts: Record<string, { name: string; rows: number }[]> = {};
    // Only the keys are kept (a few dozen bytes a document) so the snapshot can end before the files.
    const fileKeys: string[] = [];
    try {
      yield { name: 'organization.json', data: json(organization) };
      for (const table of await snapshot.run((tx) => exportedTables(tx))) {
        counts[table] = 0;
        const list: { name: string; rows: number }[] = [];
        parts[table] = list;
        for await (const rows of snapshot.batches(table, batchSize)) {
          counts[table] += rows.length;
          for (const row of rows) if (typeof row.storage_key === 'string') fileKeys.push(row.storage_key);
          list.push({ name: partName(table, list.length + 1), rows: rows.length });
          yield { name: list.at(-1)!.name, data: json(rows) };
        }
        if (list.length === 0) {
          list.push({ name: partName(table, 1), rows: 0 });
          yield { name: list[0]!.name, data: json([]) };
        }
      }
      await snapshot.end(true);
    } finally {
      await snapshot.end(false); // no-op after a complete read; a rollback when the download stopped
    }
    const missing: string[] = [];
    for (const key of fileKeys) {
      try {
        yield { name: `files/${key}`, data: await storage.get(key) };
      } catch {
        missing.push(key); // listed in the manifest rather than failing the whole archive
      }
    }
    yield {
      name: 'manifest.json',
      data: json({
        organizationId,
        slug: organization.slug,
        exportedAt: exportedAt.toISOString(),
        tables: counts,
        partRows: batchSize,
        parts,
        files: fileKeys.length - missing.length,
        missingFiles: missing,
      }),
    };
  }

  return {
    async exportOrganization(ctx: ActorContext, organizationId: string) {
      const exportedAt = clock.now();
      await audit(ctx, organizationId);
      const snapshot = await openExportSnapshot(pool, organizationId);
      let organization: Record<string, unknown> | null;
      try {
        organization = await snapshot.run((tx) => exportedOrganization(tx, organizationId));
        if (!organization) throw notFound();
      } catch (err) {
        await snapshot.end(false);
        throw err;
      }
      const stream = tarGzip(entries(snapshot, organization, exportedAt), exportedAt);
      // However the download ends — even before its first byte was asked for, when the archive's
      // generator never starts and so never reaches its `finally` — the snapshot ends with it.
      stream.once('close', () => void snapshot.end(false));
      return {
        filename: `${String(organization.slug)}-${exportedAt.toISOString().slice(0, 10)}.tar.gz`,
        stream,
      };
    },
  };
}
