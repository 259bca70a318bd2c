import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantPrimaryKey } from '../../platform/db/columns';
import { organizations } from '../../platform/identity/organizations.tables';

// دليل الخدمات — one row per service an organization offers.
export const services = pgTable(
  'services',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id),
    nameAr: text('name_ar').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionAr: text('description_ar'),
    descriptionEn: text('description_en'),
    targetCategories: text('target_categories').array().notNull().default(sql`'{}'`),
    conditionsAr: text('conditions_ar'),
    requiredDocuments: text('required_documents').array().notNull().default(sql`'{}'`),
    verification: text('verification').array().notNull().default(sql`'{}'`),
    decisionDays: integer('decision_days').notNull(),
    capacityPerPeriod: integer('capacity_per_period'),
    budgetPerPeriod: numeric('budget_per_period', { precision: 14, scale: 2, mode: 'number' }),
    recurrence: text('recurrence', { enum: ['one_off', 'monthly'] })
      .notNull()
      .default('one_off'),
    registrationChecklist: text('registration_checklist').array().notNull().default(sql`'{}'`),
    active: boolean('active').notNull().default(true),
    visitMinutes: integer('visit_minutes').notNull().default(20),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantPrimaryKey(t), index('services_org_idx').on(t.organizationId, t.active)],
);
