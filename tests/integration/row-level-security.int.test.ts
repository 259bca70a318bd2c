/**
 * Tenant isolation by construction (decision 011): a query written without any organization filter,
 * run inside association B's request, returns only B's rows — for every association table.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp, buildServices } from '../../src/server/app';
import { seedCases } from '../../src/server/demo/demo-cases';
import { demoOrganizations, seedOrganization } from '../../src/server/demo/demo-data';
import { inTenant } from '../../src/server/platform/db/tenant';
import { createLocalStorage } from '../../src/server/platform/files/storage';
import { signIn, testPassword } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

const testDb = await createTestDatabase();
const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasl-rls-'));
const services = buildServices({ database: testDb.database, storage: createLocalStorage(filesDir) });
const app = await buildApp({ database: testDb.database, services, logLevel: 'silent', webRoot: null });

// A deliberately careless route: raw SQL with no organization filter, as any new code might write.
app.get<{ Params: { table: string } }>(
  '/api/v1/test-only/raw/:table',
  { config: { access: 'authenticated', personalData: false }, schema: { hide: true } },
  async (request) => {
    const table = request.params.table.replaceAll('"', '');
    const { rows } = await services.db.execute(sql.raw(`select * from "${table}"`));
    return { rows };
  },
);
await app.ready();

const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(async () => {
  await owner.end();
  await app.close();
  await testDb.drop();
  fs.rmSync(filesDir, { recursive: true, force: true });
});

// Both seed associations, with services, beneficiaries, documents, declarations and requests at
// every stage, written through the same services the API uses.
const seeded = [];
for (const [i, spec] of demoOrganizations.entries()) {
  const organization = await seedOrganization(services, spec, testPassword);
  await seedCases(services, organization.id, spec.staff, i);
  seeded.push({ organization, email: spec.staff[0]!.email });
}
const [a, b] = seeded as [(typeof seeded)[0], (typeof seeded)[0]];

const { rows: tenantTables } = await owner.query<{ table: string; column: string }>(`
  select c.relname as table, case when c.relname = 'organizations' then 'id' else 'organization_id' end as column
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind = 'r'
    and (c.relname = 'organizations' or exists (
      select 1 from pg_attribute at where at.attrelid = c.oid and at.attname = 'organization_id' and not at.attisdropped))
  order by 1`);

async function ownerCount(table: string, column: string, organizationId: string): Promise<number> {
  const { rows } = await owner.query<{ n: number }>(
    `select count(*)::int as n from "${table}" where "${column}" = $1`,
    [organizationId],
  );
  return rows[0]!.n;
}

describe('row-level security', () => {
  it('covers every association table, forced, and the application role cannot bypass it', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(25);
    const { rows } = await owner.query<{ relname: string; rls: boolean; forced: boolean; policies: number }>(
      `select c.relname, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relname = any($1)`,
      [tenantTables.map((t) => t.table)],
    );
    for (const row of rows) expect(row, row.relname).toMatchObject({ rls: true, forced: true, policies: 1 });

    const role = await testDb.database.pool.query<{ rolsuper: boolean; rolbypassrls: boolean; owns: number }>(
      `select rolsuper, rolbypassrls,
        (select count(*)::int from pg_class c where pg_has_role(current_user, c.relowner, 'usage')) as owns
       from pg_roles where rolname = current_user`,
    );
    expect(role.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false, owns: 0 });
  });

  it("returns only B's rows to a query without an organization filter, in B's request, for every table", async () => {
    const cookieB = await signIn(app, b.email);
    let tablesWithRowsOfA = 0;
    for (const { table, column } of tenantTables) {
      const rowsOfA = await ownerCount(table, column, a.organization.id);
      if (rowsOfA > 0) tablesWithRowsOfA += 1;
      const res = await app.inject({
        method: 'GET',
        url: `/api/v1/test-only/raw/${table}`,
        headers: { cookie: cookieB },
      });
      expect(res.statusCode, table).toBe(200);
      const rows = res.json().rows as Record<string, unknown>[];
      const owners = new Set(rows.map((r) => r[column]));
      expect(
        [...owners].filter((id) => id !== b.organization.id),
        table,
      ).toEqual([]);
      expect(rows.length, table).toBe(await ownerCount(table, column, b.organization.id));
    }
    // The check means something only if A has rows to leak in most tables.
    expect(tablesWithRowsOfA).toBeGreaterThanOrEqual(14);
  });

  it('shows no association row to a query made outside any request', async () => {
    for (const { table } of tenantTables) {
      const { rows } = await services.db.execute(sql.raw(`select count(*)::int as n from "${table}"`));
      expect(rows[0], table).toEqual({ n: 0 });
    }
  });

  it("refuses, in B's transaction, to write a row that belongs to A", async () => {
    const attempt = inTenant(services.db, { organizationId: b.organization.id, userId: null }, () =>
      services.db.execute(
        sql`insert into organization_counters (organization_id, name, value) values (${a.organization.id}, 'probe', 1)`,
      ),
    );
    await expect(attempt).rejects.toThrow();
    const moved = inTenant(services.db, { organizationId: b.organization.id, userId: null }, () =>
      services.db.execute(
        sql`update beneficiaries set city = 'x' where organization_id = ${a.organization.id}`,
      ),
    );
    expect((await moved).rowCount).toBe(0);
    expect(await ownerCount('beneficiaries', 'organization_id', a.organization.id)).toBeGreaterThan(0);
  });
});
