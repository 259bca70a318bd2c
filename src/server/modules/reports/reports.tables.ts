import { integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, timestampTz } from '../../platform/db/columns';

// The monthly report e-mailed to managers: one run per association and month (migration 0029).
export const monthlyReportRuns = pgTable(
  'monthly_report_runs',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    /** The reported month, `YYYY-MM` (Gregorian, the association's time zone). */
    month: text('month').notNull(),
    /** How many managers it was e-mailed to. */
    recipients: integer('recipients').notNull().default(0),
    createdAt: timestampTz('created_at').notNull().defaultNow(),
  },
  (t) => [tenantPrimaryKey(t), uniqueIndex('monthly_report_runs_month_key').on(t.organizationId, t.month)],
);
