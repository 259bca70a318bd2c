// Owns an association's archive for the platform operator (issue 14, item 8): every table's rows as
// JSON and the document files, as one .tar.gz — read in one transaction of that association, audited in it.
import { recordAudit } from '../../platform/audit/audit';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import { inTenant } from '../../platform/db/tenant';
import type { FileStorage } from '../../platform/files/storage';
import type { ActorContext } from '../../platform/http/context';
import { notFound } from '../../platform/http/errors';
import { exportedOrganization, exportedRows, exportedTables } from './platform.repository';
import { type TarEntry, tarGzip } from './tar-gzip';

export type PlatformExportService = ReturnType<typeof createPlatformExportService>;

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);

export function createPlatformExportService(deps: { db: Db; storage: FileStorage; clock: Clock }) {
  const { db, storage, clock } = deps;
  return {
    async exportOrganization(ctx: ActorContext, organizationId: string) {
      const exportedAt = clock.now();
      const snapshot = await inTenant(db, { organizationId, userId: null }, async () => {
        const organization = await exportedOrganization(db, organizationId);
        if (!organization) throw notFound();
        const tables: { table: string; rows: Record<string, unknown>[] }[] = [];
        for (const table of await exportedTables(db)) {
          tables.push({ table, rows: await exportedRows(db, table, organizationId) });
        }
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
            tables: tables.length,
          },
        });
        return { organization, tables };
      });
      const fileKeys = snapshot.tables.flatMap(({ rows }) =>
        rows.map((row) => row.storage_key).filter((key): key is string => typeof key === 'string'),
      );
      async function* entries(): AsyncGenerator<TarEntry> {
        const missing: string[] = [];
        yield { name: 'organization.json', data: json(snapshot.organization) };
        for (const { table, rows } of snapshot.tables)
          yield { name: `tables/${table}.json`, data: json(rows) };
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
            slug: snapshot.organization.slug,
            exportedAt: exportedAt.toISOString(),
            tables: Object.fromEntries(snapshot.tables.map(({ table, rows }) => [table, rows.length])),
            files: fileKeys.length - missing.length,
            missingFiles: missing,
          }),
        };
      }
      return {
        filename: `${String(snapshot.organization.slug)}-${exportedAt.toISOString().slice(0, 10)}.tar.gz`,
        stream: tarGzip(entries(), exportedAt),
      };
    },
  };
}
