import { and, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/db/cursor';
import type { Tx } from '../../platform/db/database';
import { users } from '../../platform/identity/users.tables';
import { supporterContacts, supporters } from './supporters.tables';

export type SupporterRow = typeof supporters.$inferSelect;

// Written out with the outer table's name: inside a subquery, a bare column would bind to `c`.
const lastContact = sql<Date | null>`(select max(c.occurred_at) from supporter_contacts c
  where c.organization_id = "supporters"."organization_id" and c.supporter_id = "supporters"."id")`;

export function listSupporters(
  tx: Tx,
  organizationId: string,
  filter: { kind?: SupporterRow['kind']; status?: SupporterRow['status']; q?: string },
) {
  const q = filter.q?.trim();
  return tx
    .select({ supporter: supporters, lastContactAt: lastContact })
    .from(supporters)
    .where(
      and(
        eq(supporters.organizationId, organizationId),
        filter.kind ? eq(supporters.kind, filter.kind) : undefined,
        filter.status ? eq(supporters.status, filter.status) : undefined,
        q
          ? or(
              ilike(supporters.fullName, `%${escapeLike(q)}%`),
              ilike(supporters.organizationName, `%${escapeLike(q)}%`),
              ilike(supporters.phone, `%${escapeLike(q)}%`),
            )
          : undefined,
      ),
    )
    .orderBy(supporters.fullName, supporters.id)
    .limit(200);
}

export async function findSupporter(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select({ supporter: supporters, lastContactAt: lastContact })
    .from(supporters)
    .where(and(eq(supporters.organizationId, organizationId), eq(supporters.id, id)));
  return row ?? null;
}

export async function insertSupporter(tx: Tx, values: typeof supporters.$inferInsert) {
  const [row] = await tx.insert(supporters).values(values).returning({ id: supporters.id });
  return row!.id;
}

export async function updateSupporter(
  tx: Tx,
  organizationId: string,
  id: string,
  values: Partial<typeof supporters.$inferInsert>,
) {
  const rows = await tx
    .update(supporters)
    .set(values)
    .where(and(eq(supporters.organizationId, organizationId), eq(supporters.id, id)))
    .returning({ id: supporters.id });
  return rows.length > 0;
}

export async function insertSupporterContact(tx: Tx, values: typeof supporterContacts.$inferInsert) {
  await tx.insert(supporterContacts).values(values);
}

export const contactsOf = (tx: Tx, organizationId: string, supporterId: string) =>
  tx
    .select({ contact: supporterContacts, staffName: users.fullName })
    .from(supporterContacts)
    .leftJoin(
      users,
      and(
        eq(users.organizationId, supporterContacts.organizationId),
        eq(users.id, supporterContacts.staffId),
      ),
    )
    .where(
      and(
        eq(supporterContacts.organizationId, organizationId),
        eq(supporterContacts.supporterId, supporterId),
      ),
    )
    .orderBy(desc(supporterContacts.occurredAt), desc(supporterContacts.id));
