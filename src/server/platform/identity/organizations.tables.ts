import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { OrganizationSettings } from '../../../shared/contracts/organization';

// A tenant: one association (جمعية). Everything tenant-owned carries organization_id.
export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  nameAr: text('name_ar').notNull(),
  nameEn: text('name_en').notNull(),
  logo: text('logo'),
  settings: jsonb('settings').$type<OrganizationSettings>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
