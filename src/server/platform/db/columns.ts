import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../../modules/organizations/organizations.tables';

/** The tenant column every tenant-owned table carries. */
export const organizationId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id);

export const timestampTz = (name: string) => timestamp(name, { withTimezone: true });
