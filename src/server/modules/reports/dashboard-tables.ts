// The dashboard as tables: one list of sections (a heading, column headers, rows of labels and raw
// numbers) that both the Excel workbook and the PDF render, so the two say the same as the screen.
import type { Dashboard, LabelledCount } from '../../../shared/contracts/dashboards';
import type { Language } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';

/** A cell: text, a count, or a share in [0, 1] (shown as a percentage); null when there is none. */
export type ReportCell = string | number | { share: number | null } | null;

export interface ReportTable {
  key: string;
  heading: string;
  headers: string[];
  rows: ReportCell[][];
}

const t = (language: Language, key: string) => message(language, `report.${key}` as MessageKey);

const label = (c: LabelledCount, language: Language) => (language === 'ar' ? c.labelAr : c.labelEn);

function counts(language: Language, key: string, list: LabelledCount[], first = 'item'): ReportTable {
  return {
    key,
    heading: t(language, `section.${key}`),
    headers: [t(language, `col.${first}`), t(language, 'col.count')],
    rows: list.map((c) => [label(c, language), c.count]),
  };
}

/** The key figures (the summary), as [label, value] rows, of the sections the dashboard holds. */
export function summaryRows(d: Dashboard, language: Language): ReportCell[][] {
  const f = (key: string) => t(language, `figure.${key}`);
  const rows: ReportCell[][] = [];
  if (d.requests) {
    const r = d.requests;
    rows.push(
      [f('submitted'), r.submitted],
      [f('decided'), r.promise.decided],
      [f('withinPromise'), r.promise.withinPromise],
      [f('promiseShare'), { share: r.promise.share }],
      [f('approved'), r.decisions.approved],
      [f('rejected'), r.decisions.rejected],
      [f('overdue'), r.overdue],
    );
  }
  if (d.verification) {
    rows.push(
      [f('verificationOpen'), d.verification.open],
      [f('verificationOverdue'), d.verification.overdue],
    );
  }
  if (d.referrals) {
    rows.push([f('referralsOpen'), d.referrals.open], [f('referralsOverdue'), d.referrals.overdue]);
  }
  if (d.inquiries) {
    const i = d.inquiries;
    rows.push(
      [f('inquiriesReceived'), i.received],
      [f('inquiriesAnswered'), i.answered],
      [f('inquiriesInTime'), i.answeredInTime],
      [f('inquiriesShare'), { share: i.share }],
    );
  }
  if (d.complaints) {
    const c = d.complaints;
    rows.push(
      [f('complaintsReceived'), c.received],
      [f('complaintsClosed'), c.closed],
      [f('complaintsInTime'), c.closedInTime],
      [f('complaintsShare'), { share: c.share }],
    );
  }
  if (d.satisfaction) rows.push(...satisfactionRows(d.satisfaction, language));
  return rows;
}

/** Satisfaction figures; below the minimum of answers they stay hidden, as on the screen. */
export function satisfactionRows(s: NonNullable<Dashboard['satisfaction']>, language: Language) {
  const f = (key: string) => t(language, `figure.${key}`);
  const rows: ReportCell[][] = [[f('satisfactionAnswers'), s.answers]];
  if (s.hidden) rows.push([t(language, 'hidden'), null]);
  else rows.push([f('csat'), s.csat], [f('average'), s.average], [f('nps'), s.nps]);
  return rows;
}

/** Every table of the dashboard, the summary first. */
export function dashboardTables(d: Dashboard, language: Language): ReportTable[] {
  const tables: ReportTable[] = [
    {
      key: 'summary',
      heading: t(language, 'section.summary'),
      headers: [t(language, 'col.item'), t(language, 'col.value')],
      rows: summaryRows(d, language),
    },
  ];
  const r = d.requests;
  if (!r) return tables;
  tables.push(
    counts(language, 'byChannel', r.byChannel),
    counts(language, 'byService', r.byService),
    counts(language, 'byStage', r.byStage, 'stage'),
    {
      key: 'stageTimes',
      heading: t(language, 'section.stageTimes'),
      headers: [
        t(language, 'col.stage'),
        t(language, 'col.count'),
        t(language, 'col.median'),
        t(language, 'col.p90'),
      ],
      rows: r.stageTimes.map((s) => [
        message(language, `dashboard.stage.${s.stage}` as MessageKey),
        s.count,
        s.medianDays,
        s.p90Days,
      ]),
    },
    counts(language, 'rejectionReasons', r.decisions.rejectionReasons),
    counts(language, 'backlog', r.backlog),
    {
      key: 'trend',
      heading: t(language, 'section.trend'),
      headers: [
        t(language, 'col.month'),
        t(language, 'figure.submitted'),
        t(language, 'figure.decided'),
        t(language, 'figure.withinPromise'),
        t(language, 'col.share'),
      ],
      rows: r.trend.map((m) => [m.period, m.submitted, m.decided, m.withinPromise, { share: m.share }]),
    },
  );
  return tables;
}
