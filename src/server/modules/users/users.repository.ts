import { and, arrayContains, asc, count, eq, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { ListUsersQuery } from '../../../shared/contracts/users';
import { escapeLike } from '../../platform/db/cursor';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';

export type UserRow = typeof users.$inferSelect;

export async function insertUser(
  tx: Tx,
  values: { organizationId: string; email: string; fullName: string; passwordHash: string; roles: string[] },
): Promise<UserRow> {
  const [row] = await tx.insert(users).values(values).returning();
  return row!;
}

export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | null> {
  const [row] = await tx.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

export async function findUser(tx: Tx, organizationId: string, id: string): Promise<UserRow | null> {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, id)));
  return row ?? null;
}

/** Locks the row, so concurrent changes to the same user (or to the last admin) serialise. */
export async function findUserForUpdate(tx: Tx, organizationId: string, id: string): Promise<UserRow | null> {
  const [row] = await tx
    .select()
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.id, id)))
    .for('update');
  return row ?? null;
}

export async function countActiveAdmins(tx: Tx, organizationId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        eq(users.status, 'active'),
        arrayContains(users.roles, ['admin']),
      ),
    );
  return row?.n ?? 0;
}

/** Whether any association has a user: crosses associations, so through its named database function. */
export async function anyUserExists(tx: Tx): Promise<boolean> {
  const { rows } = await tx.execute<{ done: boolean }>(sql`select app_setup_done() as done`);
  return rows[0]?.done === true;
}

/** The association an e-mail signs in to (e-mails are unique across the install), through its named function. */
export async function findSignInOrganization(tx: Tx, email: string): Promise<string | null> {
  const { rows } = await tx.execute<{ id: string | null }>(
    sql`select app_login_organization(${email}) as id`,
  );
  return rows[0]?.id ?? null;
}

export async function updateUserRow(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<
    Pick<
      UserRow,
      | 'fullName'
      | 'roles'
      | 'status'
      | 'failedLoginCount'
      | 'lockedUntil'
      | 'lastLoginAt'
      | 'platformOperator'
    >
  >,
): Promise<UserRow> {
  const [row] = await tx
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(users.organizationId, organizationId), eq(users.id, id)))
    .returning();
  return row!;
}

export async function listUsers(
  tx: Tx,
  organizationId: string,
  query: ListUsersQuery,
  after: [string, string] | null,
): Promise<{ rows: UserRow[]; total: number }> {
  const filters: SQL[] = [eq(users.organizationId, organizationId)];
  if (query.q) {
    const like = `%${escapeLike(query.q)}%`;
    filters.push(or(ilike(users.fullName, like), ilike(users.email, like))!);
  }
  if (query.role) filters.push(arrayContains(users.roles, [query.role]));
  if (query.status) filters.push(eq(users.status, query.status));
  const where = and(...filters);
  const page = after
    ? and(where, or(gt(users.fullName, after[0]), and(eq(users.fullName, after[0]), gt(users.id, after[1]))))
    : where;
  const rows = await tx
    .select()
    .from(users)
    .where(page)
    .orderBy(asc(users.fullName), asc(users.id))
    .limit(query.limit);
  const [total] = await tx.select({ n: count() }).from(users).where(where);
  return { rows, total: total?.n ?? 0 };
}
