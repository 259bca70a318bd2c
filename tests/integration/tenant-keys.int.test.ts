/**
 * References cannot cross associations (migration 0013): association tables are keyed by
 * (organization_id, id) and every reference between them carries organization_id, so a row can only
 * point at a row of its own association — which is also what distributing by organization_id needs.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createTestApp } from '../support/test-app';

const { services, testDb } = await createTestApp();
const owner = new pg.Client({ connectionString: testDb.ownerUrl });
await owner.connect();
afterAll(() => owner.end());

/** Association tables keyed otherwise, each for a reason written next to its table definition. */
const keyExceptions = {
  // organization_id is nullable (failed sign-ins of unknown e-mails); keyed by its identity alone.
  audit_events: ['id'],
  // No id: unique per (organization_id, name), with no primary key.
  organization_counters: [],
  // One row per national ID of an association: wrong one-time codes and the lock they lead to.
  portal_locks: ['organization_id', 'national_id'],
};

/** Unique indexes without organization_id: lookups made before the association is known. */
const globalUniqueIndexes = [
  'audit_events_pkey',
  'sessions_id_key',
  'users_email_key',
  // A portal session is found by its token's hash before its association is known, as a staff one.
  'portal_sessions_id_key',
  // A survey link is found by its token's hash before its association is known (no sign-in).
  'survey_invitations_token_key',
];
/**
 * Unique within a parent row (a session, a request, a service), which belongs to one association;
 * not yet led by organization_id (a distributed table would need it there; ON CONFLICT targets too).
 */
const uniqueWithinParent = [
  'committee_agenda_item_key',
  'committee_votes_member_key',
  'fraud_dismissals_key',
  'research_reports_request_key',
  'rule_versions_service_version_key',
];

const { rows: associationTables } = await owner.query<{ name: string }>(`
  select c.relname as name from pg_class c
  where c.relnamespace = 'public'::regnamespace and c.relkind = 'r'
    and exists (select 1 from pg_attribute a
      where a.attrelid = c.oid and a.attname = 'organization_id' and not a.attisdropped)
  order by 1`);
const isAssociation = new Set(associationTables.map((t) => t.name));

/** Column names of `attnums` in `rel`, in order. */
const columnsOf = (rel: string, attnums: string) =>
  `array(select a.attname::text from unnest(${attnums}) with ordinality k(n, i)
    join pg_attribute a on a.attrelid = ${rel} and a.attnum = k.n order by k.i)`;

describe('tenant keys in the catalog', () => {
  it('keys every association table by (organization_id, id), except the documented ones', async () => {
    expect(associationTables.length).toBeGreaterThanOrEqual(25);
    const { rows } = await owner.query<{ table: string; columns: string[] }>(`
      select c.conrelid::regclass::text as table, ${columnsOf('c.conrelid', 'c.conkey')} as columns
      from pg_constraint c where c.contype = 'p' and c.connamespace = 'public'::regnamespace`);
    const keys = new Map(rows.map((r) => [r.table, r.columns]));
    for (const { name } of associationTables) {
      const expected = keyExceptions[name as keyof typeof keyExceptions] ?? ['organization_id', 'id'];
      expect(keys.get(name) ?? [], name).toEqual(expected);
    }
  });

  it('makes every foreign key between association tables include organization_id on both sides', async () => {
    const { rows } = await owner.query<{
      name: string;
      table: string;
      parent: string;
      columns: string[];
      parentColumns: string[];
    }>(`
      select c.conname as name, c.conrelid::regclass::text as table, c.confrelid::regclass::text as parent,
        ${columnsOf('c.conrelid', 'c.conkey')} as columns, ${columnsOf('c.confrelid', 'c.confkey')} as "parentColumns"
      from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`);
    const between = rows.filter((r) => isAssociation.has(r.table) && isAssociation.has(r.parent));
    // Sanity: the schema has dozens of such references (beneficiary, request, staff member…).
    expect(between.length).toBeGreaterThanOrEqual(40);
    for (const fk of between) {
      const at = fk.columns.indexOf('organization_id');
      expect(at, fk.name).toBeGreaterThanOrEqual(0);
      expect(fk.parentColumns[at], fk.name).toBe('organization_id');
    }
    // Any other reference out of an association table is its organization_id to organizations(id).
    for (const fk of rows.filter((r) => isAssociation.has(r.table) && !isAssociation.has(r.parent))) {
      expect({ parent: fk.parent, columns: fk.columns, parentColumns: fk.parentColumns }, fk.name).toEqual({
        parent: 'organizations',
        columns: ['organization_id'],
        parentColumns: ['id'],
      });
    }
  });

  it('has no unique index without organization_id on an association table but the documented ones', async () => {
    const { rows } = await owner.query<{ name: string; table: string; columns: string[] }>(`
      select i.indexrelid::regclass::text as name, i.indrelid::regclass::text as table,
        ${columnsOf('i.indrelid', 'i.indkey::int2[]')} as columns
      from pg_index i join pg_class c on c.oid = i.indrelid
      where i.indisunique and c.relnamespace = 'public'::regnamespace`);
    const global = rows
      .filter((r) => isAssociation.has(r.table) && !r.columns.includes('organization_id'))
      .map((r) => r.name)
      .sort();
    expect(global).toEqual([...globalUniqueIndexes, ...uniqueWithinParent].sort());
  });
});

describe('a row of association B pointing at a row of association A', () => {
  let a: { organizationId: string; userId: string; beneficiaryId: string };
  let b: { organizationId: string; userId: string; beneficiaryId: string; serviceId: string };

  /** Inserts as the owner, declaring the association as a request of it would (row-level security). */
  async function asOrganization(organizationId: string, text: string, values: unknown[]) {
    await owner.query(`select set_config('app.organization_id', $1, false)`, [organizationId]);
    return owner.query<{ id: string }>(text, values);
  }

  async function seed(organizationId: string, fileNumber: string) {
    const { rows: users } = await owner.query<{ id: string }>(
      'select id from users where organization_id = $1 limit 1',
      [organizationId],
    );
    const { rows } = await asOrganization(
      organizationId,
      `insert into beneficiaries (organization_id, file_number, national_id, full_name_ar, gender, birth_date,
         nationality, phone, city)
       values ($1, $2, $3, 'محمد أحمد', 'male', '1980-01-01', 'SA', '0500000000', 'الرياض') returning id`,
      [organizationId, fileNumber, `10${fileNumber.replace(/\D/g, '').padStart(8, '0')}`],
    );
    return { organizationId, userId: users[0]!.id, beneficiaryId: rows[0]!.id };
  }

  beforeAll(async () => {
    const orgA = await createOrganization(services);
    const orgB = await createOrganization(services);
    a = await seed(orgA.organization.id, 'K-000001');
    const seededB = await seed(orgB.organization.id, 'K-000002');
    const { rows } = await asOrganization(
      seededB.organizationId,
      `insert into services (organization_id, name_ar, name_en, decision_days)
       values ($1, 'سلة غذائية', 'Food basket', 14) returning id`,
      [seededB.organizationId],
    );
    b = { ...seededB, serviceId: rows[0]!.id };
  });

  const insertRequest = (number: string, beneficiaryId: string, createdBy: string) =>
    asOrganization(
      b.organizationId,
      `insert into requests (organization_id, number, beneficiary_id, service_id, channel, status, created_by)
       values ($1, $2, $3, $4, 'in_person', 'draft', $5) returning id`,
      [b.organizationId, number, beneficiaryId, b.serviceId, createdBy],
    );

  it("is refused when it names A's beneficiary", async () => {
    await expect(insertRequest('K-R-1', a.beneficiaryId, b.userId)).rejects.toMatchObject({
      code: '23503',
      constraint: 'requests_beneficiary_id_fk',
    });
  });

  it("is refused when it names A's staff member", async () => {
    await expect(insertRequest('K-R-2', b.beneficiaryId, a.userId)).rejects.toMatchObject({
      code: '23503',
      constraint: 'requests_created_by_fk',
    });
    const session = asOrganization(
      b.organizationId,
      `insert into sessions (id, organization_id, user_id, expires_at) values ('k-probe', $1, $2, now() + interval '1 hour')`,
      [b.organizationId, a.userId],
    );
    await expect(session).rejects.toMatchObject({ code: '23503', constraint: 'sessions_user_id_fk' });
  });

  it("is accepted when everything it names is B's", async () => {
    const { rows } = await insertRequest('K-R-3', b.beneficiaryId, b.userId);
    expect(rows).toHaveLength(1);
  });
});
