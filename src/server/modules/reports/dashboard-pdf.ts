// The dashboard as a PDF (Typst, platform/pdf/report-pdf.ts): the same tables as the workbook, numbers
// in the association's digits, the period in Hijri and Gregorian under the title.
import type { Dashboard } from '../../../shared/contracts/dashboards';
import type { Organization } from '../../../shared/contracts/organization';
import type { Language } from '../../platform/http/errors';
import { message } from '../../platform/i18n/messages';
import { type ReportSection, renderReportPdf } from '../../platform/pdf/report-pdf';
import { dashboardTables, type ReportTable } from './dashboard-tables';
import { formatCell, periodLines } from './report-format';

/** A table as a PDF section: every cell as printed text. */
export function tableSection(
  table: Pick<ReportTable, 'heading' | 'headers' | 'rows'>,
  language: Language,
  org: Organization,
): ReportSection {
  if (table.rows.length === 0) return { heading: table.heading, lines: [message(language, 'report.none')] };
  return {
    heading: table.heading,
    table: {
      headers: table.headers,
      rows: table.rows.map((r) => r.map((c) => formatCell(c, language, org))),
    },
  };
}

export function dashboardPdf(
  d: Dashboard,
  org: Organization,
  language: Language,
  title = message(language, 'report.dashboardTitle'),
): Promise<Buffer> {
  return renderReportPdf({
    organizationNameAr: org.nameAr,
    organizationNameEn: org.nameEn,
    language,
    title,
    subtitle: periodLines(d.period, d.generatedAt, language, org),
    sections: dashboardTables(d, language).map((t) => tableSection(t, language, org)),
    digits: org.settings.digitStyle,
  });
}
