import { getTableName } from 'drizzle-orm';
import { type AnyPgColumn, foreignKey, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../identity/organizations.tables';

/** The tenant column every tenant-owned table carries. */
export const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);

export const timestampTz = (name: string) => timestamp(name, { withTimezone: true });

interface TenantKeyed {
  organizationId: AnyPgColumn;
  id: AnyPgColumn;
}

/**
 * An association table's primary key, (organization_id, id): references into the table must then
 * name the organization too, and a database distributed by organization_id can enforce the key on
 * each node.
 */
export const tenantPrimaryKey = (t: TenantKeyed) =>
  primaryKey({ name: `${getTableName(t.id.table)}_pkey`, columns: [t.organizationId, t.id] });

/**
 * A reference to a row of the same association: organization_id is part of the foreign key, so a row
 * can never point at another association's row (and parent and child are co-located when distributed).
 * Rows whose `column` is null are not checked (MATCH SIMPLE), as with a single-column key.
 */
export const tenantReference = (
  t: { organizationId: AnyPgColumn },
  column: AnyPgColumn,
  parent: TenantKeyed,
) =>
  foreignKey({
    name: `${getTableName(column.table)}_${column.name}_fk`,
    columns: [t.organizationId, column],
    foreignColumns: [parent.organizationId, parent.id],
  });
