import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';

export type PlatformOrganizationRow = {
  id: string;
  name_ar: string;
  name_en: string;
  slug: string;
  status: 'active' | 'suspended';
  created_at: string | Date;
  users: number;
  beneficiaries: number;
  total: number;
};

/**
 * Every association with its counts, through the one named function that reads across associations
 * (it returns counts only: no person's name leaves it).
 */
export async function listPlatformOrganizations(
  tx: Tx,
  page: { limit: number; offset: number },
): Promise<PlatformOrganizationRow[]> {
  const { rows } = await tx.execute<PlatformOrganizationRow>(
    sql`select o.*, count(*) over ()::int as total from app_platform_organizations() o
        limit ${page.limit} offset ${page.offset}`,
  );
  return rows;
}

// What an association's archive leaves out: sign-in secrets and short-lived sign-in state.
const notExported = new Set([
  'sessions',
  'portal_sessions',
  'portal_codes',
  'portal_locks',
  'login_throttle',
]);
const secretColumns = ['password_hash', 'code_hash', 'token_hash', 'kiosk_token'];

/**
 * The tables that hold an association's rows (every one has organization_id), for its export: the one
 * place that reads every module's tables, as a whole-association copy must (like the reports).
 */
export async function exportedTables(tx: Tx): Promise<string[]> {
  const { rows } = await tx.execute<{ table_name: string }>(
    sql`select c.table_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and c.column_name = 'organization_id' and t.table_type = 'BASE TABLE'
        order by c.table_name`,
  );
  return rows.map((r) => r.table_name).filter((name) => !notExported.has(name));
}

const rowsCursor = sql.identifier('platform_export_rows');

/** Opens a server-side cursor over one table's rows of the association (inside its transaction). */
export async function declareRowsCursor(tx: Tx, table: string, organizationId: string): Promise<void> {
  await tx.execute(
    sql`declare ${rowsCursor} no scroll cursor for
        select * from ${sql.identifier(table)} where organization_id = ${organizationId}`,
  );
}

/** The cursor's next `count` rows, without secret columns. */
export async function fetchRowsCursor(tx: Tx, count: number): Promise<Record<string, unknown>[]> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`invalid batch size ${count}`);
  const { rows } = await tx.execute<Record<string, unknown>>(
    sql`fetch forward ${sql.raw(String(count))} from ${rowsCursor}`,
  );
  for (const row of rows) for (const column of secretColumns) delete row[column];
  return rows;
}

export async function closeRowsCursor(tx: Tx): Promise<void> {
  await tx.execute(sql`close ${rowsCursor}`);
}

export async function exportedOrganization(tx: Tx, organizationId: string) {
  const { rows } = await tx.execute<Record<string, unknown>>(
    sql`select * from organizations where id = ${organizationId}`,
  );
  return rows[0] ?? null;
}
