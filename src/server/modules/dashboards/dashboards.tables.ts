import { boolean, date, integer, pgTable, smallint, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizationId, tenantPrimaryKey, tenantReference } from '../../platform/db/columns';
import { services } from '../services/services.tables';

// Stays of requests in each stage, counted by a trigger on `requests` when a status changes (migration
// 0028): by the local day the stay ended, the service, the stage and its length in working days on the
// association's calendar then. The dashboard's "time in each stage" sums these rows over a period.
export const requestStageStayCounts = pgTable(
  'request_stage_stay_counts',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    day: date('day').notNull(),
    serviceId: uuid('service_id').notNull(),
    stage: text('stage').notNull(),
    workingDays: integer('working_days').notNull(),
    /** Spreads one day's counting over a few rows, so concurrent transitions do not queue on one. */
    shard: smallint('shard').notNull().default(0),
    stays: integer('stays').notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.serviceId, services),
    uniqueIndex('request_stage_stay_counts_key').on(
      t.organizationId,
      t.day,
      t.serviceId,
      t.stage,
      t.workingDays,
      t.shard,
    ),
  ],
);

// Requests submitted and decided, counted by a trigger on `requests` when it happens (migration 0028), by
// local day, service and channel; a decision as approved or rejected, within the promised date or not.
export const requestDayCounts = pgTable(
  'request_day_counts',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    day: date('day').notNull(),
    serviceId: uuid('service_id').notNull(),
    channel: text('channel').notNull(),
    kind: text('kind', { enum: ['submitted', 'approved', 'rejected'] }).notNull(),
    withinPromise: boolean('within_promise').notNull(),
    shard: smallint('shard').notNull().default(0),
    n: integer('n').notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.serviceId, services),
    uniqueIndex('request_day_counts_key').on(
      t.organizationId,
      t.day,
      t.serviceId,
      t.channel,
      t.kind,
      t.withinPromise,
      t.shard,
    ),
  ],
);

// The requests in progress, counted by a trigger on `requests` whenever what a count is keyed by changes
// (migration 0033): `stage` by status, service and expected decision day (while the clock runs); `age` by
// status, service and submission day (undecided statuses); `queue` by status, assignee, day the stage was
// entered and expected day. Days are UTC dates; a row whose count falls to 0 is deleted.
export const requestOpenCounts = pgTable(
  'request_open_counts',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    kind: text('kind', { enum: ['stage', 'age', 'queue'] }).notNull(),
    status: text('status').notNull(),
    serviceId: uuid('service_id'),
    assignedTo: uuid('assigned_to'),
    submittedDay: date('submitted_day'),
    enteredDay: date('entered_day'),
    expectedDay: date('expected_day'),
    n: integer('n').notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    // NULLS NOT DISTINCT in the migration (drizzle's index builder cannot say so): one row per key.
    uniqueIndex('request_open_counts_key').on(
      t.organizationId,
      t.kind,
      t.status,
      t.serviceId,
      t.assignedTo,
      t.submittedDay,
      t.enteredDay,
      t.expectedDay,
    ),
  ],
);

// Rejections counted by a trigger on `requests` when the decision is taken (migration 0033): by local day,
// service and the reason's key (spaces collapsed, case folded), with the least label seen as typed.
export const requestRejectionCounts = pgTable(
  'request_rejection_counts',
  {
    id: uuid('id').notNull().defaultRandom(),
    organizationId: organizationId(),
    day: date('day').notNull(),
    serviceId: uuid('service_id').notNull(),
    reasonKey: text('reason_key').notNull(),
    label: text('label'),
    n: integer('n').notNull(),
  },
  (t) => [
    tenantPrimaryKey(t),
    tenantReference(t, t.serviceId, services),
    uniqueIndex('request_rejection_counts_key').on(t.organizationId, t.day, t.serviceId, t.reasonKey),
  ],
);
