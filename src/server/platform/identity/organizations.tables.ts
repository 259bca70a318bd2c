import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OrganizationSettings } from '../../../shared/contracts/organization';

// A tenant: one association (جمعية). Everything tenant-owned carries organization_id.
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    logo: text('logo'),
    // The association's address in the portal and public pages: /p/<slug>. Unique across the install.
    slug: text('slug').notNull(),
    settings: jsonb('settings').$type<OrganizationSettings>().notNull(),
    // A suspended association's staff cannot sign in and its portal and public pages answer 404.
    status: text('status', { enum: ['active', 'suspended'] })
      .notNull()
      .default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('organizations_slug_key').on(t.slug)],
);
