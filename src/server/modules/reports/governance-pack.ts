// The governance evidence pack (issue 14, item 7): for the regulator's governance assessment, one PDF of
// a period — the published policy and the board's approval, the staff's acknowledgements, the promised
// decision date kept, complaints, satisfaction and the improvement actions.
import type { Dashboard } from '../../../shared/contracts/dashboards';
import type { Organization } from '../../../shared/contracts/organization';
import type { Improvement } from '../../../shared/contracts/surveys';
import { formatDualDate } from '../../../shared/dates';
import type { Language } from '../../platform/http/errors';
import { type MessageKey, message } from '../../platform/i18n/messages';
import { type ReportSection, renderReportPdf } from '../../platform/pdf/report-pdf';
import { tableSection } from './dashboard-pdf';
import { type ReportCell, satisfactionRows } from './dashboard-tables';
import { dualDay, formatCount, periodLines } from './report-format';

export interface PackPolicy {
  titleAr: string;
  titleEn: string;
  versions: {
    number: number;
    decisionNumber: string | null;
    decisionDate: string | null;
    publishedAt: string | null;
  }[];
  acknowledgements: { version: number; acknowledged: number; pending: string[] } | null;
}

export interface GovernancePack {
  dashboard: Dashboard;
  policies: PackPolicy[];
  improvements: Improvement[];
}

const t = (language: Language, key: string, params?: Record<string, string>) =>
  message(language, `report.${key}` as MessageKey, params);

function policySections(pack: GovernancePack, org: Organization, language: Language): ReportSection[] {
  const none = t(language, 'none');
  const title = (p: PackPolicy) => (language === 'ar' ? p.titleAr : p.titleEn);
  const day = (d: string | null) => {
    if (!d) return none;
    const dual = dualDay(d, language, org);
    return `${dual.gregorian} — ${dual.hijri}`;
  };
  const instant = (iso: string | null) =>
    iso
      ? formatDualDate(iso, language, { timeZone: org.settings.timeZone, digits: org.settings.digitStyle })
          .gregorian
      : none;
  const versions = pack.policies.flatMap((p) =>
    p.versions.map((v) => [
      title(p),
      formatCount(v.number, language, org),
      v.decisionNumber ?? none,
      day(v.decisionDate),
      instant(v.publishedAt),
    ]),
  );
  const policies: ReportSection =
    versions.length === 0
      ? { heading: t(language, 'gov.policies'), lines: [t(language, 'gov.noPolicy')] }
      : {
          heading: t(language, 'gov.policies'),
          table: {
            headers: ['document', 'version', 'decisionNumber', 'decisionDate', 'publishedAt'].map((k) =>
              t(language, `col.${k}`),
            ),
            rows: versions,
          },
        };
  const acked = pack.policies.filter((p) => p.acknowledgements);
  const acknowledgements: ReportSection = {
    heading: t(language, 'gov.acknowledgements'),
    lines: acked.length
      ? acked
          .filter((p) => p.acknowledgements!.pending.length > 0)
          .map(
            (p) =>
              `${title(p)} — ${t(language, 'col.pendingNames')}: ${p.acknowledgements!.pending.join('، ')}`,
          )
      : [t(language, 'gov.noPolicy')],
    ...(acked.length
      ? {
          table: {
            headers: ['document', 'version', 'acknowledged', 'pending'].map((k) => t(language, `col.${k}`)),
            rows: acked.map((p) => {
              const a = p.acknowledgements!;
              return [
                title(p),
                formatCount(a.version, language, org),
                formatCount(a.acknowledged, language, org),
                formatCount(a.pending.length, language, org),
              ];
            }),
          },
        }
      : {}),
  };
  return [policies, acknowledgements];
}

function figureSections(d: Dashboard, org: Organization, language: Language): ReportSection[] {
  const f = (key: string) => t(language, `figure.${key}`);
  const headers = [t(language, 'col.item'), t(language, 'col.value')];
  const section = (heading: string, rows: ReportCell[][] | null | undefined) =>
    rows
      ? tableSection({ heading, headers, rows }, language, org)
      : { heading, lines: [t(language, 'none')] };
  const r = d.requests;
  const c = d.complaints;
  return [
    section(
      t(language, 'gov.promise'),
      r && [
        [f('decided'), r.promise.decided],
        [f('withinPromise'), r.promise.withinPromise],
        [f('promiseShare'), { share: r.promise.share }],
        [f('overdue'), r.overdue],
      ],
    ),
    section(
      t(language, 'section.complaints'),
      c && [
        [f('complaintsReceived'), c.received],
        [f('complaintsClosed'), c.closed],
        [f('complaintsInTime'), c.closedInTime],
        [f('complaintsShare'), { share: c.share }],
      ],
    ),
    section(
      t(language, 'section.satisfaction'),
      d.satisfaction ? satisfactionRows(d.satisfaction, language) : null,
    ),
  ];
}

function improvementSection(list: Improvement[], org: Organization, language: Language): ReportSection {
  const heading = t(language, 'gov.improvements');
  if (list.length === 0) return { heading, lines: [t(language, 'gov.noImprovements')] };
  const none = t(language, 'none');
  return {
    heading,
    table: {
      headers: ['action', 'status', 'dueDate', 'outcome'].map((k) => t(language, `col.${k}`)),
      rows: list.map((i) => [
        i.title,
        t(language, `improvement.${i.status}`),
        i.dueDate ? dualDay(i.dueDate, language, org).gregorian : none,
        i.outcome ?? none,
      ]),
    },
  };
}

export function governancePackPdf(
  pack: GovernancePack,
  org: Organization,
  language: Language,
): Promise<Buffer> {
  const d = pack.dashboard;
  return renderReportPdf({
    organizationNameAr: org.nameAr,
    organizationNameEn: org.nameEn,
    language,
    title: t(language, 'governanceTitle'),
    subtitle: periodLines(d.period, d.generatedAt, language, org),
    sections: [
      ...policySections(pack, org, language),
      ...figureSections(d, org, language),
      improvementSection(pack.improvements, org, language),
    ],
    digits: org.settings.digitStyle,
  });
}
