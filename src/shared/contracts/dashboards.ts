import { z } from 'zod';
import { gregorianDateSchema } from '../dates-hijri';
import { requestStatuses } from '../requests/request-machine';
import { limitSchema, pageSchema } from './common';
import { dashboardCalendars, drillMetrics } from './search-values';
import { figureSchema } from './surveys';

/**
 * Dashboards (issue 14, item 6): the figures managers, supervisors and the quality officer read about a
 * period. One endpoint answers every section the caller may see (`sections` lists them); each number has
 * a drill-down to the rows behind it (`GET /api/v1/dashboards/drill`). Exports (Excel, PDF) render this
 * same object, so the figures on screen, in the sheet and in the PDF cannot differ.
 */

export { dashboardCalendars };
export type DashboardCalendar = (typeof dashboardCalendars)[number];

export const dashboardQuerySchema = z.object({
  /** Inclusive local dates (the association's time zone). Default: the last 90 days up to today. */
  from: gregorianDateSchema.optional(),
  to: gregorianDateSchema.optional(),
  /** Months of the trend in this calendar (`YYYY-MM`). */
  calendar: z.enum(dashboardCalendars).default('gregory'),
  serviceId: z.uuid().optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** The sections a caller may see, by what their roles may read. */
export const dashboardSections = [
  'requests', // requests.read: by channel, service and stage; stage times; backlog; promise; decisions
  'verification', // verification.read: visits and checks overdue
  'referrals', // requests.read: referrals overdue
  'inquiries', // inquiries.read: answered in time
  'complaints', // complaints.read: closed in time
  'satisfaction', // surveys.results_all
] as const;
export type DashboardSection = (typeof dashboardSections)[number];

const countSchema = z.number().int().nonnegative();
/** A share in [0, 1], null when there is nothing to divide by. */
const shareSchema = z.number().min(0).max(1).nullable();

export const labelledCountSchema = z.object({
  /** Channel key, service id, status, reason code or age bucket — per list below. */
  key: z.string(),
  labelAr: z.string(),
  labelEn: z.string(),
  count: countSchema,
});
export type LabelledCount = z.infer<typeof labelledCountSchema>;

export const stageTimeSchema = z.object({
  stage: z.enum(requestStatuses),
  /** Stage stays that ended in the period. */
  count: countSchema,
  /** Working days spent in the stage (one decimal), null when count is 0. */
  medianDays: z.number().nullable(),
  p90Days: z.number().nullable(),
});

export const backlogBuckets = ['0-7', '8-14', '15-30', '31+'] as const;

export const dashboardSchema = z.object({
  period: z.object({
    from: gregorianDateSchema,
    to: gregorianDateSchema,
    calendar: z.enum(dashboardCalendars),
  }),
  generatedAt: z.string(),
  sections: z.array(z.enum(dashboardSections)),
  /** Present when `sections` holds 'requests'. */
  requests: z
    .object({
      /** Requests submitted in the period. */
      submitted: countSchema,
      byChannel: z.array(labelledCountSchema),
      byService: z.array(labelledCountSchema),
      /** Open requests now, by stage (status). */
      byStage: z.array(labelledCountSchema),
      stageTimes: z.array(stageTimeSchema),
      /** Decisions (approved or rejected) made in the period, and how many by the promised date. */
      promise: z.object({ decided: countSchema, withinPromise: countSchema, share: shareSchema }),
      decisions: z.object({
        approved: countSchema,
        rejected: countSchema,
        /** Rejections by reason (the decision's reason text, normalised), most frequent first. */
        rejectionReasons: z.array(labelledCountSchema),
      }),
      /** Open requests by age since submission, in calendar days (keys = `backlogBuckets`). */
      backlog: z.array(labelledCountSchema),
      /** Open requests past their promised decision date now. */
      overdue: countSchema,
      /** By month of the chosen calendar, oldest first (`period` = `YYYY-MM`). */
      trend: z.array(
        z.object({
          period: z.string(),
          submitted: countSchema,
          decided: countSchema,
          withinPromise: countSchema,
          share: shareSchema,
        }),
      ),
    })
    .optional(),
  verification: z.object({ open: countSchema, overdue: countSchema }).optional(),
  referrals: z.object({ open: countSchema, overdue: countSchema }).optional(),
  inquiries: z
    .object({ received: countSchema, answered: countSchema, answeredInTime: countSchema, share: shareSchema })
    .optional(),
  complaints: z
    .object({ received: countSchema, closed: countSchema, closedInTime: countSchema, share: shareSchema })
    .optional(),
  satisfaction: figureSchema.optional(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export { drillMetrics };
export type DrillMetric = (typeof drillMetrics)[number];

export const drillQuerySchema = dashboardQuerySchema.omit({ calendar: true }).extend({
  metric: z.enum(drillMetrics),
  key: z.string().max(100).default(''),
  limit: limitSchema,
  cursor: z.string().max(500).optional(),
});
export type DrillQuery = z.infer<typeof drillQuerySchema>;

/** One row behind a number: no beneficiary names, only what identifies the case to staff. */
export const drillItemSchema = z.object({
  type: z.enum(['request', 'referral', 'verification', 'inquiry', 'complaint']),
  id: z.uuid(),
  /** The request's, inquiry's or complaint's number. */
  number: z.string(),
  /** The web app's path of the record, e.g. `/requests/<id>`. */
  href: z.string(),
  serviceNameAr: z.string().nullable(),
  serviceNameEn: z.string().nullable(),
  status: z.string(),
  /** When it entered the period's count (submitted, decided, received…). */
  at: z.string(),
  dueAt: z.string().nullable(),
});
export type DrillItem = z.infer<typeof drillItemSchema>;
export const drillPageSchema = pageSchema(drillItemSchema);
