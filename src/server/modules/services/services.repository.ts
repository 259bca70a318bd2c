import { and, asc, count, eq, ilike, or, type SQL, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/db/cursor';
import type { Tx } from '../../platform/db/database';
import { services } from './services.tables';

export type ServiceRow = typeof services.$inferSelect;

export async function insertService(tx: Tx, values: typeof services.$inferInsert) {
  const [row] = await tx.insert(services).values(values).returning();
  return row!;
}

export async function findService(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(services)
    .where(and(eq(services.organizationId, organizationId), eq(services.id, id)));
  return row ?? null;
}

export async function updateService(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof services.$inferInsert>,
) {
  const [row] = await tx
    .update(services)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(services.organizationId, organizationId), eq(services.id, id)))
    .returning();
  return row!;
}

export async function listServices(
  tx: Tx,
  organizationId: string,
  query: { q?: string; active?: boolean; limit: number; offset: number },
) {
  const filters: SQL[] = [eq(services.organizationId, organizationId)];
  if (query.active !== undefined) filters.push(eq(services.active, query.active));
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(services.nameAr, like), ilike(services.nameEn, like))!);
  }
  const where = and(...filters);
  const rows = await tx
    .select()
    .from(services)
    .where(where)
    .orderBy(asc(services.nameAr), asc(services.id))
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await tx.select({ n: count() }).from(services).where(where);
  return { rows, total: total?.n ?? 0 };
}
