import { eq, sql } from 'drizzle-orm';
import type { OrganizationSettings } from '../../../shared/contracts/organization';
import type { Tx } from '../../platform/db/database';
import { organizations } from '../../platform/identity/organizations.tables';

export type OrganizationRow = typeof organizations.$inferSelect;

export async function insertOrganization(
  tx: Tx,
  values: { id?: string; nameAr: string; nameEn: string; slug: string; settings: OrganizationSettings },
): Promise<OrganizationRow> {
  const [row] = await tx.insert(organizations).values(values).returning();
  return row!;
}

export async function findOrganization(tx: Tx, id: string): Promise<OrganizationRow | null> {
  const [row] = await tx.select().from(organizations).where(eq(organizations.id, id));
  return row ?? null;
}

export async function updateOrganization(
  tx: Tx,
  id: string,
  values: Partial<Pick<OrganizationRow, 'nameAr' | 'nameEn' | 'logo' | 'slug' | 'settings' | 'status'>>,
): Promise<OrganizationRow> {
  const [row] = await tx
    .update(organizations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organizations.id, id))
    .returning();
  return row!;
}

/** The association a portal slug names (across associations: the named database function). */
export async function organizationIdBySlug(tx: Tx, slug: string): Promise<string | null> {
  const { rows } = await tx.execute<{ id: string | null }>(
    sql`select app_portal_organization(${slug}) as id`,
  );
  return rows[0]?.id ?? null;
}

/** Whether any association holds a slug, suspended ones included (their portal lookup says no). */
export async function slugTaken(tx: Tx, slug: string): Promise<boolean> {
  const { rows } = await tx.execute<{ taken: boolean }>(
    sql`select app_platform_slug_taken(${slug}) as taken`,
  );
  return rows[0]?.taken === true;
}
