import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/test-database';
import { withTenant } from './tenant';

// Decision 028: a read's transaction (its only write is its audit row) commits without waiting for the
// WAL flush; every other transaction waits for it.
const testDb = await createTestDatabase();
afterAll(() => testDb.drop());
const { db } = testDb.database;
const scope = { organizationId: '00000000-0000-4000-8000-000000000001', userId: null };
const setting = async () =>
  (await db.execute<{ value: string }>(sql`select current_setting('synchronous_commit') as value`)).rows[0]!
    .value;

describe('the commit of a tenant transaction', () => {
  it('does not wait for the disk when relaxed, and only inside that transaction', async () => {
    expect(await withTenant(db, scope, setting, { relaxedCommit: true })).toBe('off');
    expect(await withTenant(db, scope, setting)).toBe('on');
    expect(await setting()).toBe('on');
  });
});
