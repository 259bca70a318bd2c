// The rows behind each dashboard number (no beneficiary names: what identifies the case to staff).
// Each metric's filter is the very expression its figure counts with (dashboards.repository.ts).
import { type SQL, sql } from 'drizzle-orm';
import type { DrillMetric } from '../../../shared/contracts/dashboards';
import { clockRunningStatuses, inProgressStatuses } from '../../../shared/requests/request-machine';
import type { Tx } from '../../platform/db/database';
import {
  ageSql,
  bucketBounds,
  complaintLateSql,
  type FigureWindow,
  inquiryLateSql,
  notAboutReader,
  rejectedSql,
  selectRows,
  serviceFilter,
  sqlIn,
  undecidedStatuses,
  withinPromiseSql,
} from './dashboards.repository';

export interface DrillRow {
  type: 'request' | 'referral' | 'verification' | 'inquiry' | 'complaint';
  id: string;
  number: string;
  href: string;
  serviceNameAr: string | null;
  serviceNameEn: string | null;
  status: string;
  at: Date;
  dueAt: Date | null;
  total: number;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const inWindow = (column: SQL, w: FigureWindow) => sql`${column} >= ${w.since} and ${column} <= ${w.until}`;

/** The request-level metrics: which requests, and the moment each entered the count. */
function requestFilter(metric: DrillMetric, key: string, w: FigureWindow): { where: SQL; at: SQL } | null {
  const decided = sql`r.decided_at is not null and ${inWindow(sql`r.decided_at`, w)}`;
  switch (metric) {
    case 'submitted': {
      const by = !key
        ? sql``
        : uuidPattern.test(key)
          ? sql`and r.service_id = ${key}`
          : sql`and r.channel = ${key}`;
      return {
        where: sql`r.submitted_at is not null and ${inWindow(sql`r.submitted_at`, w)} ${by}`,
        at: sql`r.submitted_at`,
      };
    }
    case 'open_by_stage':
      return {
        where: key
          ? sql`r.status = ${key} and ${sqlIn(sql`r.status`, inProgressStatuses)}`
          : sqlIn(sql`r.status`, inProgressStatuses),
        at: sql`r.stage_entered_at`,
      };
    case 'decided': {
      const outcome =
        key === 'rejected'
          ? sql`and ${rejectedSql}`
          : key === 'approved'
            ? sql`and not ${rejectedSql}`
            : sql``;
      return { where: sql`${decided} ${outcome}`, at: sql`r.decided_at` };
    }
    case 'within_promise':
      return { where: sql`${decided} and ${withinPromiseSql}`, at: sql`r.decided_at` };
    case 'late_decision':
      return { where: sql`${decided} and not ${withinPromiseSql}`, at: sql`r.decided_at` };
    case 'backlog': {
      const age = bucketBounds[key] ? sql`and ${ageSql(w, key)}` : sql``;
      return { where: sql`${sqlIn(sql`r.status`, undecidedStatuses)} ${age}`, at: sql`r.submitted_at` };
    }
    case 'overdue_requests':
      return {
        where: sql`${sqlIn(sql`r.status`, clockRunningStatuses)} and r.expected_decision_at < ${w.now}`,
        at: sql`r.submitted_at`,
      };
    default:
      return null;
  }
}

/** One page of the rows behind `metric` (and `key`), newest first, with the total. */
export function drillRows(
  tx: Tx,
  w: FigureWindow,
  metric: DrillMetric,
  key: string,
  limit: number,
  offset: number,
): Promise<DrillRow[]> {
  const page = sql`order by "at" desc, id limit ${limit} offset ${offset}`;
  const request = requestFilter(metric, key, w);
  if (request) {
    return selectRows<DrillRow>(
      tx,
      sql`select 'request' as type, r.id, r.number, '/requests/' || r.id as href, s.name_ar as "serviceNameAr",
                 s.name_en as "serviceNameEn", r.status, ${request.at} as "at", r.expected_decision_at as "dueAt",
                 count(*) over ()::int as total
            from requests r join services s on s.organization_id = r.organization_id and s.id = r.service_id
           where r.organization_id = ${w.organizationId} and ${request.where} ${serviceFilter(w)} ${page}`,
    );
  }
  switch (metric) {
    case 'overdue_referrals':
      return selectRows<DrillRow>(
        tx,
        sql`select 'referral' as type, f.id, r.number, '/requests/' || r.id as href, s.name_ar as "serviceNameAr",
                   s.name_en as "serviceNameEn", 'open' as status, f.created_at as "at", f.due_at as "dueAt",
                   count(*) over ()::int as total
              from referrals f
              join requests r on r.organization_id = f.organization_id and r.id = f.request_id
              join services s on s.organization_id = r.organization_id and s.id = r.service_id
             where f.organization_id = ${w.organizationId} and f.answered_at is null and f.due_at < ${w.now}
               ${serviceFilter(w)} ${page}`,
      );
    case 'overdue_verification':
      return selectRows<DrillRow>(
        tx,
        sql`select 'verification' as type, t.id, r.number, '/verifications/' || t.id as href,
                   s.name_ar as "serviceNameAr", s.name_en as "serviceNameEn", t.status, t.created_at as "at",
                   (t.due_on + 1)::timestamp at time zone ${w.timeZone} - interval '1 second' as "dueAt",
                   count(*) over ()::int as total
              from verification_tasks t
              join requests r on r.organization_id = t.organization_id and r.id = t.request_id
              join services s on s.organization_id = r.organization_id and s.id = r.service_id
             where t.organization_id = ${w.organizationId} and t.status <> 'done' and t.due_on < ${w.today}::date
               ${serviceFilter(w)} ${page}`,
      );
    case 'inquiries_late':
      return selectRows<DrillRow>(
        tx,
        sql`select 'inquiry' as type, q.id, q.number, '/inquiries/' || q.id as href, null as "serviceNameAr",
                   null as "serviceNameEn", q.status, q.created_at as "at", q.due_at as "dueAt",
                   count(*) over ()::int as total
              from inquiries q
             where q.organization_id = ${w.organizationId} and ${inWindow(sql`q.created_at`, w)}
               and ${inquiryLateSql(w.now)} ${page}`,
      );
    case 'complaints_late':
      return selectRows<DrillRow>(
        tx,
        sql`select 'complaint' as type, c.id, c.tracking_number as number, '/complaints/' || c.id as href,
                   null as "serviceNameAr", null as "serviceNameEn", c.status, c.created_at as "at",
                   c.due_at as "dueAt", count(*) over ()::int as total
              from complaints c
             where c.organization_id = ${w.organizationId} and ${inWindow(sql`c.created_at`, w)}
               and ${complaintLateSql(w.now)} and ${notAboutReader(w.actorId)} ${page}`,
      );
    default:
      throw new Error(`no drill-down for ${metric}`);
  }
}

export const serviceNames = (tx: Tx, organizationId: string) =>
  selectRows<{ id: string; nameAr: string; nameEn: string }>(
    tx,
    sql`select id, name_ar as "nameAr", name_en as "nameEn" from services where organization_id = ${organizationId}`,
  );
