// Values a web address may carry (a work queue, a calendar, a drill-down), kept apart from the zod schemas
// of requests.ts and dashboards.ts, which re-export them: the web router checks an address with these
// alone, without loading zod (src/web/app/router.tsx, decision 026).

/** The request work queues (`GET /api/v1/requests?queue=`). */
export const requestQueues = ['review', 'verification', 'committee', 'delivery', 'mine', 'all'] as const;

/** The calendars a dashboard's trend is told in. */
export const dashboardCalendars = ['gregory', 'hijri'] as const;

/** What a number is made of: every dashboard figure names its drill-down with one of these. */
export const drillMetrics = [
  'submitted', // key: '' | channel | serviceId
  'open_by_stage', // key: status
  'decided', // key: '' | 'approved' | 'rejected'
  'within_promise', // key: ''
  'late_decision', // key: ''  (decided after the promised date)
  'backlog', // key: bucket
  'overdue_requests',
  'overdue_referrals',
  'overdue_verification',
  'inquiries_late', // answered after the due time, or open past it
  'complaints_late',
] as const;
